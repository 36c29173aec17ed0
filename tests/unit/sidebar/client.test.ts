import { beforeEach, describe, expect, it } from 'vitest';
import { openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import { foldDrafts } from '@/utils/sidebar/drafts';
import type { Draft } from '@/utils/sidebar/port';
import type { SidebarPush, SidebarRequest } from '@/utils/sidebar/protocol';
import { SidebarClient, type ClientPort, type SaveStatus } from '@/utils/sidebar/client';

class FakePort implements ClientPort {
  sent: SidebarRequest[] = [];
  private messageListeners: Array<(m: SidebarPush) => void> = [];
  private disconnectListeners: Array<() => void> = [];
  postMessage(message: SidebarRequest) {
    this.sent.push(structuredClone(message));
  }
  disconnect() {}
  onMessage = { addListener: (l: (m: SidebarPush) => void) => this.messageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => this.disconnectListeners.push(l) };
  push(message: SidebarPush) {
    this.messageListeners.forEach((l) => l(message));
  }
  die() {
    this.disconnectListeners.forEach((l) => l());
  }
}

function setup() {
  const ports: FakePort[] = [];
  const drafts = new Map<string, Draft>();
  const statuses: SaveStatus[] = [];
  const timers: Array<() => void> = [];
  const upgrades: unknown[] = [];
  const client = new SidebarClient({
    instanceId: 'frame1',
    connect: () => {
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    setDraft: (key, draft) => void drafts.set(key, structuredClone(draft)),
    removeDraft: (key) => void drafts.delete(key),
    onProfile: () => undefined,
    onState: () => undefined,
    onStatus: (s) => statuses.push(s),
    onUpgrade: (progress) => upgrades.push(progress),
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => undefined,
  });
  const runTimers = () => timers.splice(0).forEach((fn) => fn());
  return { client, ports, drafts, statuses, runTimers, upgrades };
}

const kenji = { key: 'kenji', name: 'Kenji', headline: '', location: '', photoUrl: '', profileUrl: '' };

describe('the sidebar client', () => {
  it('hands every keystroke to a draft at once and sends the save after a pause', () => {
    const { client, ports, drafts, runTimers } = setup();
    client.start();
    client.show(kenji);
    client.edit('kenji', { notes: 'M' }, kenji);
    client.edit('kenji', { notes: 'Met' }, kenji);
    expect(drafts.get('draft:frame1:kenji')?.fields).toEqual({ notes: 'Met' });
    expect(ports[0]!.sent.filter((m) => m.type === 'save')).toHaveLength(0);
    runTimers();
    const saves = ports[0]!.sent.filter((m) => m.type === 'save');
    expect(saves).toEqual([expect.objectContaining({ key: 'kenji', fields: { notes: 'Met' } })]);
  });

  it('deleting a person drops their unsent edits and draft, and says Deleted once confirmed', () => {
    const { client, ports, drafts, statuses, runTimers } = setup();
    client.start();
    client.show(kenji);
    client.edit('kenji', { notes: 'typed just before deleting' }, kenji);
    client.request({ type: 'delete-person', key: 'kenji' });
    expect(drafts.size).toBe(0);
    runTimers();
    const sent = ports[0]!.sent.filter((m) => m.type !== 'subscribe');
    expect(sent).toEqual([{ type: 'delete-person', seq: expect.any(Number), key: 'kenji' }]);
    ports[0]!.push({ type: 'ack', seq: (sent[0] as { seq: number }).seq });
    expect(statuses.at(-1)).toBe('deleted');
  });

  it('re-sends what was not confirmed after the worker restarts, and clears the draft once confirmed', () => {
    const { client, ports, drafts, statuses, runTimers } = setup();
    client.start();
    client.show(kenji);
    client.edit('kenji', { notes: 'typed before the worker stopped' }, kenji);
    client.flush();
    ports[0]!.die();
    expect(statuses.at(-1)).toBe('retrying');
    runTimers();
    const resent = ports[1]!.sent;
    expect(resent[0]).toEqual({ type: 'subscribe', profile: kenji });
    const save = resent.find((m) => m.type === 'save')!;
    expect(save).toMatchObject({ fields: { notes: 'typed before the worker stopped' } });
    expect(drafts.size).toBe(1);
    ports[1]!.push({ type: 'ack', seq: (save as { seq: number }).seq });
    expect(drafts.size).toBe(0);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('hands on how far the update of the notes is, as the background pushes it', () => {
    const { client, ports, upgrades } = setup();
    client.start();
    ports[0]!.push({ type: 'upgrade', progress: { done: 5_000, total: 30_000 } });
    ports[0]!.push({ type: 'upgrade', progress: null });
    expect(upgrades).toEqual([{ done: 5_000, total: 30_000 }, null]);
  });

  it('keeps typed values over pushed state until they are confirmed', () => {
    const { client } = setup();
    client.start();
    client.show(kenji);
    client.edit('kenji', { notes: 'newer' }, kenji);
    expect(client.pendingFields('kenji')).toEqual({ notes: 'newer' });
    expect(client.pendingFields('amara')).toEqual({});
  });

  it('keeps the draft and says so when storage is full', () => {
    const { client, ports, drafts, statuses } = setup();
    client.start();
    client.show(kenji);
    client.edit('kenji', { notes: 'x' }, kenji);
    client.flush();
    const save = ports[0]!.sent.find((m) => m.type === 'save') as { seq: number };
    ports[0]!.push({ type: 'failed', seq: save.seq, reason: 'storage-full' });
    expect(statuses.at(-1)).toBe('storage-full');
    expect(drafts.size).toBe(1);
  });
});

describe('folding drafts', () => {
  let db: RelationshipDb;
  beforeEach(async () => {
    db = openRelationshipDb(`drafts-${crypto.randomUUID()}`);
    await db.open();
  });

  it('writes orphaned drafts into the database and removes them; junk is dropped, not written', async () => {
    const store: Record<string, unknown> = {
      'draft:gone:kenji': { key: 'kenji', fields: { notes: 'typed just before closing' }, page: { name: 'Kenji' }, at: 1 },
      'draft:gone:evil': { key: 'evil', fields: { notes: 5, __proto__: { polluted: true } }, page: {}, at: 1 },
      settings: { keep: true },
    };
    const removed: string[] = [];
    const folded = await foldDrafts(
      db,
      { get: async () => store, remove: async (keys) => void removed.push(...keys) },
      () => true,
    );
    expect(folded).toBe(2);
    expect(removed.sort()).toEqual(['draft:gone:evil', 'draft:gone:kenji']);
    expect(await db.contacts.get('kenji')).toMatchObject({ name: 'Kenji', notes: 'typed just before closing' });
    expect(await db.contacts.get('evil')).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
