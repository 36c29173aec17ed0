import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timeline } from '@/utils/people/timeline';
import { deleteContact, editInteraction, logInteraction, saveUserFields } from '@/utils/people/contacts';
import { applyArchivePlan } from '@/utils/import-export/archive-import';
import { CURRENT_SCHEMA_VERSION } from '@/utils/storage/db';
import { forgetFolder, LOGS_BEFORE_SNAPSHOT, SYNC_FOLDER, syncOnce, unlockFolder, SyncError } from '@/utils/sync/engine';
import { offeredTexts } from '@/utils/sync/crdt/merge';
import { backupJson, collectBackup } from '@/utils/import-export/backup';
import { DEFAULT_SETTINGS } from '@/utils/core/schema';
import { importFile } from '@/utils/import-export/import-file';
import { offersByPerson } from '@/utils/sync/offers';
import { TYPED_FIELDS } from '@/utils/sync/local';
import { answerOffers } from '@/utils/sync/run';
import { createWebdavClient, WebdavError, type WebdavClient } from '@/utils/sync/webdav';
import { webdavServerForThisFile } from '../../support/webdav-fixture';
import { getMeta, META, setMeta } from '@/utils/sync/meta';
import { sealJson } from '@/utils/sync/crypto';
import { formatStamp } from '@/utils/sync/crdt/clock';
import { encodeState } from '@/utils/sync/crdt/wire';
import { engineDevices, TEST_KDF } from '../../support/engine-devices';

const server = webdavServerForThisFile();
const { freshFolder, device, connect, serverFiles } = engineDevices(server);

describe('sync between devices through Apache mod_dav', () => {
  it('brings an edit on A to B, with nothing readable on the server', async () => {
    const folder = await freshFolder();
    const [a, b] = [await device(folder), await device(folder)];
    await saveUserFields(a.db, 'kenji-tanaka', { notes: 'Loves sailing', tags: ['python'] }, { name: 'Kenji Tanaka' });
    await logInteraction(a.db, { id: 'i-1', contactKey: 'kenji-tanaka', kind: 'meeting', date: '2025-01-02', text: 'Coffee' });
    await connect(a);
    await a.sync();
    await connect(b);
    const report = await b.sync();
    expect(report.received).toBe(2);
    expect(await b.db.contacts.get('kenji-tanaka')).toMatchObject({ name: 'Kenji Tanaka', notes: 'Loves sailing', tags: ['python'] });
    expect(await b.db.interactions.get('i-1')).toMatchObject({ text: 'Coffee', contactKey: 'kenji-tanaka' });
    // Search terms are derived on B too.
    expect(await b.db.contacts.where('terms').startsWith('kenji').count()).toBe(1);
    for (const file of serverFiles(folder)) {
      expect(file).toMatch(/^(key\.json|[0-9a-f]{16}\/[sl]-\d{8})$/);
      const bytes = readFileSync(join(server.root, new URL(folder).pathname, SYNC_FOLDER, file), 'latin1');
      expect(bytes).not.toMatch(/kenji|sailing|Coffee/i);
    }
  });

  it('resolves concurrent edits by the later clock and offers the losing text on both devices', async () => {
    const folder = await freshFolder();
    const [a, b] = [await device(folder), await device(folder)];
    await connect(a);
    await connect(b);
    await saveUserFields(a.db, 'kenji', { notes: 'Base' });
    await a.sync();
    await b.sync();
    await saveUserFields(a.db, 'kenji', { notes: 'Loves sailing', whereWeMet: 'PyCon' });
    await new Promise((r) => setTimeout(r, 5));
    await saveUserFields(b.db, 'kenji', { notes: 'Moved to Lisbon' });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      expect(await d.db.contacts.get('kenji')).toMatchObject({ notes: 'Moved to Lisbon', whereWeMet: 'PyCon' });
      const record = await d.db.syncRecords.get('c:kenji');
      expect(offeredTexts(record?.rec, TYPED_FIELDS).map((offer) => offer.value)).toEqual(['Loves sailing']);
    }
    // A takes the other text; once both have synced, neither offers it any more.
    const [offer] = (await offersByPerson(a.db)).kenji!;
    await answerOffers(a.db, [{ key: 'kenji', stamp: offer!.stamp, field: offer!.field, use: offer!.value }], (key, fields) =>
      saveUserFields(a.db, key, fields),
    );
    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      expect((await d.db.contacts.get('kenji'))?.notes).toBe('Loves sailing');
      expect(await offersByPerson(d.db)).toEqual({});
    }
  });

  it('removes on B a person deleted on A, and their timeline', async () => {
    const folder = await freshFolder();
    const [a, b] = [await device(folder), await device(folder)];
    await connect(a);
    await connect(b);
    await logInteraction(a.db, { id: 'i-1', contactKey: 'kenji', kind: 'call', date: '2025-01-02', text: 'Call' });
    await a.sync();
    await b.sync();
    expect(await b.db.contacts.count()).toBe(1);
    await deleteContact(a.db, 'kenji');
    await a.sync();
    await b.sync();
    expect(await b.db.contacts.count()).toBe(0);
    expect(await b.db.interactions.count()).toBe(0);
  });

  it("syncs entries imported from LinkedIn's archive entry by entry: new ones, an edited one, and a deleted person", async () => {
    const folder = await freshFolder();
    const [a, b] = [await device(folder), await device(folder)];
    await connect(a);
    await connect(b);
    const entry = (id: string, date: string) => ({ id, contactKey: 'kenji', kind: 'message' as const, date, text: '', archive: { sent: 1, received: 2, group: false } });
    const people = new Map([['kenji', { key: 'kenji', name: 'Kenji', headline: '', email: '', connectedOn: null, fromMessages: false }]]);
    const planOf = (...entries: ReturnType<typeof entry>[]) => ({ people, entries, ownerKeys: new Set<string>(), resolvedMemberIds: 0 });
    await applyArchivePlan(a.db, planOf(entry('li-m-1', '2024-01-01'), entry('li-m-2', '2024-02-02')));
    // B imported a newer archive meanwhile: both devices end with every entry.
    await applyArchivePlan(b.db, planOf(entry('li-m-2', '2024-02-02'), entry('li-m-3', '2024-03-03')));
    await a.sync();
    expect((await b.sync()).damagedFiles).toBe(0);
    await a.sync();
    for (const d of [a, b]) {
      expect((await timeline(d.db, 'kenji')).map((e) => e.id)).toEqual(['li-m-3', 'li-m-2', 'li-m-1']);
      expect(await d.db.interactions.count()).toBe(0);
    }
    // An edit on B takes the entry out of the person's row there and here: one entry, edited.
    await editInteraction(b.db, 'kenji', 'li-m-1', { text: 'About the Osaka meetup' });
    await b.sync();
    await a.sync();
    expect(Object.keys((await a.db.archiveEntries.get('kenji'))!.entries).sort()).toEqual(['li-m-2', 'li-m-3']);
    expect((await timeline(a.db, 'kenji')).map((e) => [e.id, e.text])).toEqual([
      ['li-m-3', ''],
      ['li-m-2', ''],
      ['li-m-1', 'About the Osaka meetup'],
    ]);
    await deleteContact(a.db, 'kenji');
    await a.sync();
    await b.sync();
    expect(await b.db.archiveEntries.count()).toBe(0);
    expect(await timeline(b.db, 'kenji')).toEqual([]);
  });

  it('converges three devices whatever order they sync in, with a clock days ahead', async () => {
    const folder = await freshFolder();
    const devices = [await device(folder), await device(folder), await device(folder)];
    for (const d of devices) await connect(d);
    const days = 86_400_000;
    await saveUserFields(devices[0]!.db, 'p1', { notes: 'from A' });
    await saveUserFields(devices[1]!.db, 'p2', { notes: 'from B' });
    await saveUserFields(devices[2]!.db, 'p1', { howICanHelp: 'from C' });
    await devices[2]!.sync(Date.now() + 3 * days);
    await devices[0]!.sync();
    await devices[1]!.sync();
    await devices[2]!.sync(Date.now() + 3 * days);
    await devices[0]!.sync();
    await devices[1]!.sync();
    for (const d of devices) {
      expect(await d.db.contacts.get('p1')).toMatchObject({ notes: 'from A', howICanHelp: 'from C' });
      expect(await d.db.contacts.get('p2')).toMatchObject({ notes: 'from B' });
    }
    // A later edit on A, whose clock is behind, still wins over C's older write: the clock moved past it.
    await saveUserFields(devices[0]!.db, 'p1', { howICanHelp: 'newer, from A' });
    await devices[0]!.sync();
    await devices[2]!.sync(Date.now() + 3 * days);
    expect((await devices[2]!.db.contacts.get('p1'))?.howICanHelp).toBe('newer, from A');
  });

  it('refuses a wrong passphrase and writes nothing', async () => {
    const folder = await freshFolder();
    const a = await device(folder);
    await connect(a);
    await saveUserFields(a.db, 'kenji', { notes: 'x' });
    await a.sync();
    const before = serverFiles(folder);
    const c = await device(folder);
    await saveUserFields(c.db, 'someone', { notes: 'C’s own' });
    await expect(unlockFolder(c.dav, 'wrong passphrase', { kdf: TEST_KDF })).rejects.toMatchObject({ problem: 'wrong-passphrase' });
    await expect(c.sync()).rejects.toBeInstanceOf(SyncError);
    expect(serverFiles(folder)).toEqual(before);
    expect(await c.db.contacts.get('someone')).toMatchObject({ notes: 'C’s own' });
  });

  it('skips a tampered or half-written file, keeps local data, and completes later', async () => {
    const folder = await freshFolder();
    const [a, b] = [await device(folder), await device(folder)];
    await connect(a);
    await connect(b);
    await saveUserFields(b.db, 'mine', { notes: 'B’s' });
    await b.sync();
    await saveUserFields(a.db, 'kenji', { notes: 'first' });
    await a.sync();
    await saveUserFields(a.db, 'kenji', { notes: 'second' });
    await a.sync();
    const root = join(server.root, new URL(folder).pathname, SYNC_FOLDER);
    const aFiles = serverFiles(folder).filter((f) => f.endsWith('00000002'));
    expect(aFiles).toHaveLength(1);
    const path = join(root, aFiles[0]!);
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, whole.length - 10));
    const report = await b.sync();
    expect(report.damagedFiles).toBe(1);
    expect((await b.db.contacts.get('kenji'))?.notes).toBe('first');
    expect((await b.db.contacts.get('mine'))?.notes).toBe('B’s');
    writeFileSync(path, whole); // the upload completes
    await b.sync();
    expect((await b.db.contacts.get('kenji'))?.notes).toBe('second');
  });

  it('loses nothing when the server stops in the middle, and completes once it is back', async () => {
    const folder = await freshFolder();
    const [a, b] = [await device(folder), await device(folder)];
    await connect(a);
    await connect(b);
    await saveUserFields(a.db, 'kenji', { notes: 'typed while offline' });
    await server.stop();
    try {
      const error = await a.sync().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebdavError);
      expect((error as WebdavError).problem).toBe('unreachable');
    } finally {
      await server.restart();
    }
    expect((await a.db.contacts.get('kenji'))?.notes).toBe('typed while offline');
    await a.sync();
    await b.sync();
    expect((await b.db.contacts.get('kenji'))?.notes).toBe('typed while offline');
  }, 30_000);

  it('sends again what an interrupted upload did not deliver', async () => {
    const folder = await freshFolder();
    const [a, b] = [await device(folder), await device(folder)];
    await connect(a);
    await connect(b);
    await a.sync();
    await saveUserFields(a.db, 'kenji', { notes: 'sent twice' });
    const failingPut: WebdavClient = { ...a.dav, put: async () => Promise.reject(new WebdavError('timeout')) };
    await expect(syncOnce(a.db, failingPut)).rejects.toMatchObject({ problem: 'timeout' });
    await a.sync();
    await b.sync();
    expect((await b.db.contacts.get('kenji'))?.notes).toBe('sent twice');
  });

  it('syncs what a backup from before sync (schema version 2) imports, and backs up a synced device as before', async () => {
    const folder = await freshFolder();
    const [a, b] = [await device(folder), await device(folder)];
    await connect(a);
    await connect(b);
    const oldBackup = JSON.stringify({
      format: 'relationship-notes-backup',
      schemaVersion: 2,
      contacts: [{ key: 'kenji-tanaka', name: 'Kenji Tanaka', notes: 'From an old backup', tags: ['osaka'], createdAt: 1, updatedAt: 2 }],
      interactions: [{ id: 'i1', contactKey: 'kenji-tanaka', kind: 'call', date: '2024-01-02', text: 'Call', createdAt: 1, updatedAt: 1 }],
    });
    await importFile(a.db, oldBackup);
    await a.sync();
    await b.sync();
    expect(await b.db.contacts.get('kenji-tanaka')).toMatchObject({ notes: 'From an old backup', tags: ['osaka'] });
    const backup = JSON.parse(backupJson(await collectBackup(b.db, DEFAULT_SETTINGS)));
    expect(backup.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(backup.contacts).toHaveLength(1);
    const restored = await device(folder);
    await importFile(restored.db, JSON.stringify(backup));
    expect(await restored.db.contacts.get('kenji-tanaka')).toMatchObject({ notes: 'From an old backup' });
  });

  it('uploads everything again after sync is turned off and on with another folder, or the folder is emptied', async () => {
    const [first, second] = [await freshFolder(), await freshFolder()];
    const a = await device(first);
    await saveUserFields(a.db, 'kenji', { notes: 'kept across folders' });
    await connect(a);
    await a.sync();
    await forgetFolder(a.db);
    const moved = { ...a, dav: createWebdavClient({ url: second, username: server.username, password: server.password }) };
    await connect(moved);
    await syncOnce(moved.db, moved.dav);
    const b = await device(second);
    await connect(b);
    await b.sync();
    expect((await b.db.contacts.get('kenji'))?.notes).toBe('kept across folders');

    rmSync(join(server.root, new URL(second).pathname, SYNC_FOLDER), { recursive: true });
    await syncOnce(moved.db, moved.dav);
    const c = await device(second);
    await connect(c);
    await c.sync();
    expect((await c.db.contacts.get('kenji'))?.notes).toBe('kept across folders');
  });

  it('keeps each device to one snapshot and a bounded number of logs', async () => {
    const folder = await freshFolder();
    const a = await device(folder);
    await connect(a);
    for (let i = 0; i < LOGS_BEFORE_SNAPSHOT + 3; i++) {
      await saveUserFields(a.db, 'kenji', { notes: `edit ${i}` });
      await a.sync();
    }
    const own = serverFiles(folder).filter((f) => f !== 'key.json');
    expect(own.filter((f) => /\/s-/.test(f))).toHaveLength(1);
    expect(own.length).toBeLessThanOrEqual(LOGS_BEFORE_SNAPSHOT + 1);
    const late = await device(folder);
    await connect(late);
    await late.sync();
    expect((await late.db.contacts.get('kenji'))?.notes).toBe(`edit ${LOGS_BEFORE_SNAPSHOT + 2}`);
  });
});

describe('files written before files had headers', () => {
  it('are read as before, and a device’s next files carry its history', async () => {
    const folder = await freshFolder();
    const [a, b] = [await device(folder), await device(folder)];
    await connect(a);
    await connect(b);
    await saveUserFields(a.db, 'kenji', { notes: 'one' });
    await a.sync();
    await b.sync();
    // A's next log in the first format: records only, sealed with its path.
    const id = (await getMeta<string>(a.db, META.device))!;
    const { key } = (await getMeta<{ key: CryptoKey }>(a.db, META.key))!;
    const at = formatStamp({ wall: Date.now(), counter: 0, device: id });
    const path = `${id}/l-00000002`;
    await a.dav.put(`${SYNC_FOLDER}/${path}`, await sealJson(key, encodeState({ 'c:kenji': { f: { notes: [{ v: 'two', at }] } } }), path));
    await setMeta(a.db, META.sequence, 2);
    expect(await b.sync()).toMatchObject({ damagedFiles: 0, received: 1 });
    expect((await b.db.contacts.get('kenji'))?.notes).toBe('two');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await saveUserFields(a.db, 'kenji', { notes: 'three' });
    await a.sync();
    expect((await b.sync()).damagedFiles).toBe(0);
    expect((await b.db.contacts.get('kenji'))?.notes).toBe('three');
  });
});
