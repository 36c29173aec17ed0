import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entriesOf, openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import { newContact } from '@/utils/core/schema';
import { serveSidebarPort, type SidebarPort } from '@/utils/sidebar/service';
import { STEMS_BACKFILL } from '@/utils/storage/index-terms';
import { FakeFrameTab, FakeSidebarPort, PANEL_URL, panelPort, serviceDeps, SIDEBAR_URL, sidebarPort } from '../../support/fake-sidebar-port';

const kenji = {
  key: 'kenji-tanaka',
  name: 'Kenji Tanaka',
  headline: 'Data Engineer',
  location: 'Osaka',
  photoUrl: '',
  profileUrl: 'https://www.linkedin.com/in/kenji-tanaka/',
};
const { key: _key, ...kenjiPage } = kenji;

describe('serveSidebarPort', () => {
  let db: RelationshipDb;
  const ports: FakeSidebarPort[] = [];
  beforeEach(async () => {
    db = openRelationshipDb(`service-${crypto.randomUUID()}`);
    await db.open();
  });
  afterEach(() => {
    ports.splice(0).forEach((port) => port.close());
    db.close();
  });
  let tabs: FakeFrameTab;
  beforeEach(() => {
    tabs = new FakeFrameTab();
  });
  const serve = (port: FakeSidebarPort, onGone = () => undefined) => {
    ports.push(port);
    serveSidebarPort(port, serviceDeps(db, { tabs, onGone }));
    return port;
  };
  const settled = () => new Promise((resolve) => setTimeout(resolve, 10));

  it.each<[string, SidebarPort['sender']]>([
    ['a LinkedIn page', { url: 'https://www.linkedin.com/in/kenji-tanaka/', tab: { id: 7 } }],
    ['the sidebar page outside any tab', { url: 'chrome-extension://abcdefghijklmnop/sidebar.html' }],
    ['the popup', { url: 'chrome-extension://abcdefghijklmnop/popup.html' }],
    ['another extension', { url: 'chrome-extension://zzzzzzzzzzzzzzzz/sidebar.html' }],
    ['a sender without a url', {}],
    ['no sender at all', undefined],
  ])('disconnects a port from %s and serves it nothing', async (_label, sender) => {
    const port = serve(new FakeSidebarPort(sender));
    expect(port.disconnected).toBe(true);
    expect(port.listening).toBe(false);
    expect(port.received).toEqual([]);
  });

  it('tells the frame which profile its own tab shows, asked of that tab, not another', async () => {
    tabs.show(42, kenji, { announce: false });
    tabs.show(7, { ...kenji, key: 'amara-okafor', name: 'Amara Okafor' }, { announce: false });
    const port = serve(sidebarPort(42));
    await settled();
    expect(port.disconnected).toBe(false);
    expect(port.of('profile')).toEqual([{ type: 'profile', profile: kenji }]);
  });

  it('says so when its tab shows no profile', async () => {
    const port = serve(sidebarPort(42));
    await settled();
    expect(port.of('profile')).toEqual([{ type: 'profile', profile: null }]);
  });

  it('relays each profile its tab announces, and only that tab’s', async () => {
    const port = serve(sidebarPort(42));
    await settled();
    const amara = { ...kenji, key: 'amara-okafor', name: 'Amara Okafor' };
    tabs.show(42, amara);
    tabs.show(9, kenji);
    tabs.show(42, null);
    expect(port.of('profile').map((m) => m.profile?.name ?? null)).toEqual([null, 'Amara Okafor', null]);
  });

  it('keeps an announcement that overtakes the first answer, instead of the stale answer', async () => {
    tabs.answerDelayMs = 20;
    const port = serve(sidebarPort(42));
    tabs.show(42, kenji);
    // The stale answer (nobody, asked before Kenji showed) is given back; only then is the frame's list read.
    await vi.waitFor(() => expect(tabs.answered).toBe(1));
    await settled();
    expect(port.of('profile')).toEqual([{ type: 'profile', profile: kenji }]);
  });

  it('stops following the tab once the frame is gone', async () => {
    const port = serve(sidebarPort(42));
    expect(tabs.watching).toBe(1);
    port.close();
    expect(tabs.watching).toBe(0);
  });

  it('opens a profile the frame asks for, as a LinkedIn profile URL only', async () => {
    const port = serve(sidebarPort());
    await port.send({ type: 'open-profile', key: 'zhang-wei' });
    await port.send({ type: 'open-profile', key: '' });
    await port.send({ type: 'open-profile', url: 'https://evil.example/' });
    expect(tabs.opened).toEqual(['https://www.linkedin.com/in/zhang-wei/']);
  });

  it('answers an invalid request with failed: invalid and writes nothing', async () => {
    const port = serve(sidebarPort());
    await port.send({ type: 'save', seq: 3, key: 'kenji-tanaka', fields: { notes: 42 }, page: {} });
    await port.send({ type: 'save', seq: 4, key: 'kenji-tanaka', fields: { updatedAt: 0 }, page: {} });
    await port.send({ type: 'save', seq: 5, key: 'kenji-tanaka', fields: { notes: 'x'.repeat(100_001) }, page: {} });
    expect(port.of('failed')).toEqual([
      { type: 'failed', seq: 3, reason: 'invalid' },
      { type: 'failed', seq: 4, reason: 'invalid' },
      { type: 'failed', seq: 5, reason: 'invalid' },
    ]);
    expect(await db.contacts.count()).toBe(0);
  });

  it('ignores junk without a sequence number', async () => {
    const port = serve(sidebarPort());
    await port.send('drop table');
    await port.send(null);
    await port.send({ type: 'subscribe' });
    await settled();
    expect(port.received).toEqual([{ type: 'profile', profile: null }]);
  });

  it('acknowledges a save and pushes the saved person as state', async () => {
    const port = serve(sidebarPort());
    await port.send({ type: 'subscribe', profile: kenji });
    await vi.waitFor(() => expect(port.of('state')).toHaveLength(1));
    expect(port.of('state')[0]).toMatchObject({ key: 'kenji-tanaka', contact: null, interactions: [] });

    await port.send({ type: 'save', seq: 1, key: 'kenji-tanaka', fields: { notes: 'Met at PyData' }, page: kenjiPage });
    expect(port.of('ack')).toEqual([{ type: 'ack', seq: 1 }]);
    await vi.waitFor(() => expect(port.of('state').at(-1)?.contact).toMatchObject({ notes: 'Met at PyData' }));
    expect(port.of('state').at(-1)?.contact).toMatchObject({ key: 'kenji-tanaka', name: 'Kenji Tanaka' });
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ notes: 'Met at PyData' });
  });

  it('tells the frame how far the update of the notes is after a new version, and when it is over', async () => {
    const port = serve(sidebarPort());
    await settled();
    expect(port.of('upgrade')).toEqual([]);
    await db.syncMeta.put({ name: STEMS_BACKFILL, value: { done: 5_000, total: 30_000, after: 'm' } });
    await vi.waitFor(() => expect(port.of('upgrade')).toEqual([{ type: 'upgrade', progress: { done: 5_000, total: 30_000 } }]));
    await db.syncMeta.delete(STEMS_BACKFILL);
    await vi.waitFor(() => expect(port.of('upgrade').at(-1)).toEqual({ type: 'upgrade', progress: null }));
  });

  it('pushes a change made from another view, and stops pushing once the port is gone', async () => {
    const onGone = vi.fn();
    const port = serve(sidebarPort(), onGone);
    await port.send({ type: 'subscribe', profile: kenji });
    await vi.waitFor(() => expect(port.of('state')).toHaveLength(1));
    await db.contacts.put({ ...newContact('kenji-tanaka'), whereWeMet: 'Osaka' });
    await vi.waitFor(() => expect(port.of('state').at(-1)?.contact).toMatchObject({ whereWeMet: 'Osaka' }));

    port.close();
    expect(onGone).toHaveBeenCalledOnce();
    const pushed = port.received.length;
    // A second frame on Kenji hears the change: by then the closed one would have heard it too.
    const other = serve(sidebarPort(43));
    await other.send({ type: 'subscribe', profile: kenji });
    await db.contacts.update('kenji-tanaka', { whereWeMet: 'Kyoto' });
    await vi.waitFor(() => expect(other.of('state').at(-1)?.contact).toMatchObject({ whereWeMet: 'Kyoto' }));
    expect(port.received).toHaveLength(pushed);
  });

  it('writes a save whose tab closes before the answer, and sends nothing to the closed port', async () => {
    const port = serve(sidebarPort());
    const saving = port.send({ type: 'save', seq: 1, key: 'kenji-tanaka', fields: { notes: 'Last words' }, page: kenjiPage });
    port.close();
    await expect(saving).resolves.toBeUndefined();
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ notes: 'Last words' });
    expect(port.of('ack')).toEqual([]);
  });

  it('a page at a member-id URL that shows the vanity: a merge is offered, and done only when the user asks', async () => {
    const member = 'ACoAAB7yT0sBcQ9vKs2mP4nLrW8eZ1uHdJfXg';
    await db.contacts.add({ ...newContact(member), name: 'Kenji Tanaka', notes: 'saved under the member id' });
    const port = serve(sidebarPort());
    await port.send({ type: 'subscribe', profile: { ...kenji, kind: 'profile', memberId: member } });
    await vi.waitFor(() => expect(port.of('merge-offer')).toEqual([{ type: 'merge-offer', key: 'kenji-tanaka', from: { key: member, name: 'Kenji Tanaka' } }]));
    // Nothing moved: the page alone cannot make two people one.
    expect(await db.contacts.get(member)).toMatchObject({ notes: 'saved under the member id' });
    expect(await db.contacts.get('kenji-tanaka')).toBeUndefined();

    await port.send({ type: 'merge', seq: 1, from: member, into: 'kenji-tanaka' });
    await vi.waitFor(() => expect(port.of('ack')).toEqual([{ type: 'ack', seq: 1 }]));
    await vi.waitFor(() => expect(port.of('state').at(-1)?.contact).toMatchObject({ notes: 'saved under the member id' }));
    expect(await db.contacts.get(member)).toBeUndefined();
  });

  it('a page that fakes a member id offers nothing when nobody is saved under it, and the offer never merges by itself', async () => {
    await db.contacts.add({ ...newContact('amara-okafor'), name: 'Amara Okafor', notes: 'Amara’s notes' });
    const port = serve(sidebarPort());
    await port.send({ type: 'subscribe', profile: { ...kenji, kind: 'profile', memberId: 'ACoAAFakeFakeFake' } });
    await vi.waitFor(() => expect(port.of('state')).toHaveLength(1));
    expect(port.of('merge-offer')).toEqual([]);
    expect(await db.contacts.count()).toBe(1);
  });

  it('a merge request names a member id: a page key cannot be merged away through it', async () => {
    await db.contacts.bulkAdd([{ ...newContact('amara-okafor'), name: 'Amara Okafor' }, { ...newContact('kenji-tanaka'), name: 'Kenji Tanaka' }]);
    const port = serve(sidebarPort());
    await port.send({ type: 'merge', seq: 1, from: 'amara-okafor', into: 'kenji-tanaka' });
    await vi.waitFor(() => expect(port.of('failed')).toEqual([{ type: 'failed', seq: 1, reason: 'invalid' }]));
    expect(await db.contacts.count()).toBe(2);
  });

  it('a page that shows another name on a saved key asks, and keeps the stored name meanwhile', async () => {
    await db.contacts.add({ ...newContact('kenji-tanaka'), name: 'Kenji Tanaka', headline: 'Engineer' });
    const port = serve(sidebarPort());
    await port.send({ type: 'subscribe', profile: { ...kenji, kind: 'profile', name: 'Amara Okafor' } });
    await vi.waitFor(() => expect(port.of('name-change')).toEqual([{ type: 'name-change', key: 'kenji-tanaka', name: 'Amara Okafor' }]));
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ name: 'Kenji Tanaka', headline: 'Engineer' });
  });

  it('a side panel follows its window’s active tab: its profile, then another tab’s, then none', async () => {
    const amara = { ...kenji, key: 'amara-okafor', name: 'Amara Okafor' };
    tabs.show(11, kenji, { announce: false });
    tabs.show(12, amara, { announce: false });
    tabs.activate(3, 11);
    const port = serve(panelPort(3));
    await vi.waitFor(() => expect(port.of('profile')).toEqual([{ type: 'profile', profile: kenji }]));
    expect(port.disconnected).toBe(false);
    tabs.activate(3, 12);
    await vi.waitFor(() => expect(port.of('profile').at(-1)).toEqual({ type: 'profile', profile: amara }));
    // What the first tab announces now is not the panel's business; another window's tab neither.
    tabs.show(11, { ...kenji, name: 'Kenji T.' });
    tabs.activate(4, 11);
    tabs.show(12, kenji);
    await vi.waitFor(() => expect(port.of('profile').at(-1)).toEqual({ type: 'profile', profile: kenji }));
    expect(port.of('profile')).toHaveLength(3);
    tabs.activate(3, 13);
    await vi.waitFor(() => expect(port.of('profile').at(-1)).toEqual({ type: 'profile', profile: null }));
    port.close();
    expect(tabs.following).toBe(0);
    expect(tabs.watching).toBe(0);
  });

  it.each<[string, FakeSidebarPort]>([
    ['a panel port name from the framed sidebar page', Object.assign(new FakeSidebarPort({ url: SIDEBAR_URL, tab: { id: 7 } }), { name: 'panel:3:x' })],
    ['the panel page inside a tab', Object.assign(new FakeSidebarPort({ url: PANEL_URL, tab: { id: 7 } }), { name: 'panel:3:x' })],
    ['the panel page with a frame port name', new FakeSidebarPort({ url: PANEL_URL })],
  ])('refuses %s', async (_label, port) => {
    serve(port);
    expect(port.disconnected).toBe(true);
  });

  it('a page that is no profile changes nothing a contact says', async () => {
    await db.contacts.add({ ...newContact('kenji-tanaka'), name: 'Kenji Tanaka', headline: 'Data Engineer' });
    const port = serve(sidebarPort());
    const notFound = { ...kenji, kind: 'not-found', name: 'An exact match for kenji-tanaka could not be found.' };
    await port.send({ type: 'subscribe', profile: notFound });
    await vi.waitFor(() => expect(port.of('state')).toHaveLength(1));
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ name: 'Kenji Tanaka' });
  });

  it('refuses a member id that is no member id', async () => {
    const port = serve(sidebarPort());
    await port.send({ type: 'subscribe', profile: { ...kenji, memberId: 'kenji-tanaka-2' } });
    await port.send({ type: 'subscribe', profile: { ...kenji, kind: 'feed' } });
    // A valid request after them is answered: the two before it were read, and refused.
    await port.send({ type: 'subscribe', profile: kenji });
    await vi.waitFor(() => expect(port.of('state')).toHaveLength(1));
    expect(port.of('state')).toEqual([expect.objectContaining({ key: 'kenji-tanaka', contact: null })]);
  });

  it('logs an interaction once even when the frame re-sends it', async () => {
    const port = serve(sidebarPort());
    const log = {
      type: 'log',
      seq: 1,
      key: 'kenji-tanaka',
      interaction: { id: 'i-1', kind: 'meeting', date: '2025-02-28', text: 'Coffee' },
      page: kenjiPage,
    };
    await port.send(log);
    await port.send({ ...log, seq: 2 });
    expect(port.of('ack').map((m) => m.seq)).toEqual([1, 2]);
    expect(await entriesOf(db, 'kenji-tanaka').count()).toBe(1);
  });

  it('deletes the person and their timeline when the frame asks, and pushes that they are gone', async () => {
    const port = serve(sidebarPort());
    await port.send({ type: 'subscribe', profile: kenji });
    const interaction = { id: 'i-1', kind: 'meeting', date: '2025-02-28', text: 'Coffee' };
    await port.send({ type: 'log', seq: 1, key: 'kenji-tanaka', interaction, page: kenjiPage });
    await vi.waitFor(() => expect(port.of('state').at(-1)?.interactions).toHaveLength(1));
    await port.send({ type: 'delete-person', seq: 2, key: 'kenji-tanaka' });
    expect(port.of('ack').map((m) => m.seq)).toEqual([1, 2]);
    await vi.waitFor(() => expect(port.of('state').at(-1)).toMatchObject({ contact: null, interactions: [] }));
    expect(await db.contacts.get('kenji-tanaka')).toBeUndefined();
    expect(await db.interactions.count()).toBe(0);
  });
});
