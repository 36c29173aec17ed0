import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import { saveUserFields } from '@/utils/people/contacts';
import type { Draft } from '@/utils/sidebar/port';
import type { SidebarPush, SidebarRequest } from '@/utils/sidebar/protocol';
import { isQuotaError } from '@/utils/storage/db';
import { serveSidebarPort } from '@/utils/sidebar/service';
import { SidebarClient, type ClientPort, type SaveStatus } from '@/utils/sidebar/client';
import { serviceDeps, sidebarPort } from '../../support/fake-sidebar-port';

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Every IndexedDB write fails the way a full disk makes it fail, until `restore()`. */
function fillTheDisk() {
  const store = IDBObjectStore.prototype;
  const spies = [
    vi.spyOn(store, 'put').mockImplementation(() => {
      throw quotaError();
    }),
    vi.spyOn(store, 'add').mockImplementation(() => {
      throw quotaError();
    }),
  ];
  return { restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

const page = { name: 'Kenji Tanaka', headline: '', location: '', photoUrl: '', profileUrl: '' };

describe('when storage is full', () => {
  let db: RelationshipDb;
  let disk: { restore(): void } | undefined;
  beforeEach(async () => {
    db = openRelationshipDb(`quota-${crypto.randomUUID()}`);
    await db.open();
  });
  afterEach(() => {
    disk?.restore();
    disk = undefined;
    db.close();
  });

  it('recognises a quota error, raw or wrapped by Dexie', async () => {
    expect(isQuotaError(quotaError())).toBe(true);
    disk = fillTheDisk();
    const error = await saveUserFields(db, 'kenji-tanaka', { notes: 'x' }).catch((e: unknown) => e);
    expect(isQuotaError(error)).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });

  it('the background answers a save with failed: storage-full and loses nothing already saved', async () => {
    await saveUserFields(db, 'kenji-tanaka', { notes: 'Met at PyData', tags: ['python'] }, page);
    const port = sidebarPort();
    serveSidebarPort(port, serviceDeps(db));

    disk = fillTheDisk();
    await port.send({ type: 'save', seq: 1, key: 'kenji-tanaka', fields: { notes: 'Met at PyData; new job' }, page });
    await port.send({
      type: 'log',
      seq: 2,
      key: 'kenji-tanaka',
      interaction: { id: 'i-1', kind: 'call', date: '2025-02-28', text: 'Call' },
      page,
    });
    await port.send({ type: 'save', seq: 3, key: 'amara-okafor', fields: { notes: 'new person' }, page });
    expect(port.of('failed')).toEqual([
      { type: 'failed', seq: 1, reason: 'storage-full' },
      { type: 'failed', seq: 2, reason: 'storage-full' },
      { type: 'failed', seq: 3, reason: 'storage-full' },
    ]);
    expect(port.of('ack')).toEqual([]);

    disk.restore();
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ notes: 'Met at PyData', tags: ['python'] });
    expect(await db.interactions.count()).toBe(0);
    expect(await db.contacts.get('amara-okafor')).toBeUndefined();
    port.close();
  });

  it('the sidebar says so, keeps the draft, and retries until the save goes through', async () => {
    // The real service behind a client, with the port pair wired in memory.
    const statuses: SaveStatus[] = [];
    const drafts = new Map<string, Draft>();
    const timers: Array<{ fn: () => void; ms: number }> = [];
    let service = sidebarPort();
    const client = new SidebarClient({
      instanceId: 'frame1',
      connect: () => {
        service = sidebarPort();
        const toClient: Array<(m: SidebarPush) => void> = [];
        const clientPort: ClientPort = {
          postMessage: (message: SidebarRequest) => void service.send(structuredClone(message)),
          disconnect: () => service.close(),
          onMessage: { addListener: (listener) => void toClient.push(listener) },
          onDisconnect: { addListener: () => undefined },
        };
        service.postMessage = (message) => toClient.forEach((listener) => listener(structuredClone(message)));
        serveSidebarPort(service, serviceDeps(db));
        return clientPort;
      },
      setDraft: (key, draft) => void drafts.set(key, structuredClone(draft)),
      removeDraft: (key) => void drafts.delete(key),
      onProfile: () => undefined,
      onState: () => undefined,
      onStatus: (status) => statuses.push(status),
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => undefined,
    });
    await saveUserFields(db, 'kenji-tanaka', { notes: 'saved before' }, page);
    client.start();
    client.show({ key: 'kenji-tanaka', ...page });

    disk = fillTheDisk();
    client.edit('kenji-tanaka', { notes: 'typed while the disk was full' }, page);
    client.flush();
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('storage-full'));
    expect(drafts.get('draft:frame1:kenji-tanaka')?.fields).toEqual({ notes: 'typed while the disk was full' });
    expect(client.pendingFields('kenji-tanaka')).toEqual({ notes: 'typed while the disk was full' });
    expect((await db.contacts.get('kenji-tanaka'))?.notes).toBe('saved before');

    // Still full at the first retry: still said, still kept.
    const retry = timers.splice(0).filter((t) => t.ms >= 1_000);
    expect(retry).toHaveLength(1);
    retry.forEach((t) => t.fn());
    await vi.waitFor(() => expect(timers.filter((t) => t.ms >= 1_000)).toHaveLength(1));
    expect(statuses.at(-1)).toBe('storage-full');
    expect(drafts.size).toBe(1);

    // Space freed: the next retry saves it and the draft goes.
    disk.restore();
    timers.splice(0).forEach((t) => t.fn());
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('saved'));
    expect(drafts.size).toBe(0);
    expect((await db.contacts.get('kenji-tanaka'))?.notes).toBe('typed while the disk was full');
    client.stop();
  });
});
