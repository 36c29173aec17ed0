import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { timeline } from '@/utils/people/timeline';
import { saveUserFields } from '@/utils/people/contacts';
import { openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import type { SidebarPush } from '@/utils/sidebar/protocol';
import { parseSidebarRequest } from '@/utils/sidebar/protocol';
import { serveSidebarPort, type SidebarPort } from '@/utils/sidebar/service';
import { SIDEBAR_URL, serviceDeps } from '../../support/fake-sidebar-port';

function fakePort() {
  const received: SidebarPush[] = [];
  const listeners: Array<(message: unknown) => unknown> = [];
  const gone: Array<() => void> = [];
  const port: SidebarPort = {
    sender: { url: `${SIDEBAR_URL}?frame=1`, tab: { id: 7 } },
    postMessage: (message) => void received.push(structuredClone(message)),
    disconnect: () => undefined,
    onMessage: { addListener: (listener) => void listeners.push(listener) },
    onDisconnect: { addListener: (listener) => void gone.push(listener) },
  };
  return {
    port,
    received,
    send: (message: unknown) => Promise.all(listeners.map((listener) => listener(message))),
    close: () => gone.forEach((listener) => listener()),
    last: <T extends SidebarPush['type']>(type: T) =>
      received.filter((m): m is Extract<SidebarPush, { type: T }> => m.type === type).at(-1),
  };
}

const amaraProfile = {
  key: 'amara-okafor',
  name: 'Amara Okafor',
  headline: '',
  location: '',
  photoUrl: '',
  profileUrl: 'https://www.linkedin.com/in/amara-okafor/',
};

describe('the sidebar’s network feed', () => {
  let db: RelationshipDb;
  let sidebar: ReturnType<typeof fakePort>;
  beforeEach(async () => {
    db = openRelationshipDb(`sidebar-network-${crypto.randomUUID()}`);
    await db.open();
    await saveUserFields(db, 'kenji-tanaka', { name: 'Kenji Tanaka', offers: ['data engineering'], whereWeMet: 'PyData Osaka' });
    await saveUserFields(db, 'amara-okafor', { name: 'Amara Okafor', needs: ['Data Engineering'] });
    sidebar = fakePort();
    serveSidebarPort(sidebar.port, serviceDeps(db));
  });
  afterEach(() => {
    sidebar.close();
    db.close();
  });

  it('pushes introductions for the person shown and the places already met', async () => {
    await sidebar.send({ type: 'subscribe', profile: amaraProfile });
    await vi.waitFor(() => expect(sidebar.last('introductions')?.introductions).toHaveLength(1));
    expect(sidebar.last('introductions')).toMatchObject({
      key: 'amara-okafor',
      introductions: [
        {
          helper: { key: 'kenji-tanaka', name: 'Kenji Tanaka' },
          reasons: [{ via: 'offers', what: 'data engineering', need: 'Data Engineering' }],
          introducedOn: null,
        },
      ],
    });
    await vi.waitFor(() => expect(sidebar.last('places')?.places).toEqual(['PyData Osaka']));
  });

  it('pushes the introductions again only when they change', async () => {
    await sidebar.send({ type: 'subscribe', profile: amaraProfile });
    await vi.waitFor(() => expect(sidebar.last('introductions')?.introductions).toHaveLength(1));
    const pushes = () => sidebar.received.filter((m) => m.type === 'introductions').length;
    const before = pushes();
    await saveUserFields(db, 'amara-okafor', { notes: 'Met at the Lagos meetup' });
    await saveUserFields(db, 'kenji-tanaka', { notes: 'Runs the PyData meetup' });
    await saveUserFields(db, 'zhang-wei', { name: '张伟', offers: ['data engineering'] });
    await vi.waitFor(() => expect(sidebar.last('introductions')?.introductions).toHaveLength(2));
    expect(pushes()).toBe(before + 1);
  });

  it('logs an introduction on both people, and the suggestion shows it done', async () => {
    await sidebar.send({ type: 'subscribe', profile: amaraProfile });
    await sidebar.send({
      type: 'introduce',
      seq: 1,
      id: 'intro-1',
      date: '2025-03-02',
      people: [
        { key: 'amara-okafor', text: 'Introduced to Kenji Tanaka (Data Engineering)' },
        { key: 'kenji-tanaka', text: 'Introduced to Amara Okafor (Data Engineering)' },
      ],
    });
    expect(sidebar.last('ack')).toEqual({ type: 'ack', seq: 1 });
    expect((await timeline(db, 'kenji-tanaka')).map((i) => [i.kind, i.withKey])).toEqual([['introduction', 'amara-okafor']]);
    await vi.waitFor(() => expect(sidebar.last('introductions')?.introductions[0]?.introducedOn).toBe('2025-03-02'));
    await vi.waitFor(() => expect(sidebar.last('state')?.interactions).toHaveLength(1));
  });

  it('refuses an introduction of someone to themselves', async () => {
    const request = {
      type: 'introduce',
      seq: 2,
      id: 'intro-2',
      date: '2025-03-02',
      people: [
        { key: 'kenji-tanaka', text: 'x' },
        { key: 'kenji-tanaka', text: 'y' },
      ],
    };
    expect(parseSidebarRequest(request)).toBeNull();
    await sidebar.send(request);
    expect(sidebar.last('failed')).toEqual({ type: 'failed', seq: 2, reason: 'invalid' });
    expect(await db.interactions.count()).toBe(0);
  });
});
