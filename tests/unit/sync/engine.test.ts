import Dexie from 'dexie';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { timeline } from '@/utils/people/timeline';
import { deleteContact, editInteraction, logInteraction, saveUserFields } from '@/utils/people/contacts';
import { applyArchivePlan } from '@/utils/import-export/archive-import';
import { CURRENT_SCHEMA_VERSION, openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import { forgetFolder, LOGS_BEFORE_SNAPSHOT, rememberFolder, SYNC_FOLDER, syncOnce, unlockFolder, SyncError } from '@/utils/sync/engine';
import { offeredTexts } from '@/utils/sync/crdt/merge';
import { getMeta, META } from '@/utils/sync/meta';
import { backupJson, collectBackup } from '@/utils/import-export/backup';
import { DEFAULT_SETTINGS, LIMITS, newContact } from '@/utils/core/schema';
import { importFile } from '@/utils/import-export/import-file';
import { offersByPerson } from '@/utils/sync/offers';
import { TYPED_FIELDS } from '@/utils/sync/local';
import { answerOffers } from '@/utils/sync/run';
import { createWebdavClient, WebdavError, type WebdavClient } from '@/utils/sync/webdav';
import { webdavServerForThisFile } from '../../support/webdav-fixture';

const ITERATIONS = 1_000; // the real count is tested in sync-crypto.test.ts
const opened: RelationshipDb[] = [];

const server = webdavServerForThisFile();
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

let folderCount = 0;
/** A fresh folder on the server per test, as a user's own WebDAV folder. */
async function freshFolder(): Promise<string> {
  const name = `user-${++folderCount}`;
  await createWebdavClient({ url: server.url, username: server.username, password: server.password }).makeFolder(name);
  return `${server.url}${name}/`;
}

interface Device {
  db: RelationshipDb;
  dav: WebdavClient;
  sync: (now?: number) => ReturnType<typeof syncOnce>;
}

async function device(folder: string): Promise<Device> {
  const db = openRelationshipDb(`engine-${crypto.randomUUID()}`);
  opened.push(db);
  await db.open();
  const dav = createWebdavClient({ url: folder, username: server.username, password: server.password });
  return { db, dav, sync: (now?: number) => syncOnce(db, dav, now === undefined ? undefined : () => now) };
}

async function connect(d: Device, passphrase = 'correct horse battery') {
  const { key, info } = await unlockFolder(d.dav, passphrase, { iterations: ITERATIONS });
  await rememberFolder(d.db, key, info);
}

function serverFiles(folder: string): string[] {
  const root = join(server.root, new URL(folder).pathname, SYNC_FOLDER);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

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
    await expect(unlockFolder(c.dav, 'wrong passphrase', { iterations: ITERATIONS })).rejects.toMatchObject({ problem: 'wrong-passphrase' });
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

describe('a peer that sends what no backup would hold', () => {
  it('is ignored change by change and counted; every valid change still syncs, and a URL is the key’s own', async () => {
    const folder = await freshFolder();
    const [a, b] = [await device(folder), await device(folder)];
    // A browser holding the passphrase writes past the notes' checks, straight into its database.
    const now = Date.now();
    await a.db.contacts.bulkPut([
      { ...newContact('alice-lee', now), name: 'Alice Lee', profileUrl: 'https://phish.example/in/alice-lee' },
      { ...newContact('bo-chen', now), name: 'x'.repeat(LIMITS.line + 1) },
      { ...newContact('cy-ruiz', now), name: 'Cy Ruiz', cadenceDays: -4 as number },
    ]);
    await a.db.interactions.bulkPut([
      { id: 'bad-kind', contactKey: 'alice-lee', kind: 'bogus' as 'note', date: '2026-12-01', text: '', createdAt: now, updatedAt: now },
      { id: 'bad-date', contactKey: 'alice-lee', kind: 'note', date: 'yesterday', text: '', createdAt: now, updatedAt: now },
      { id: 'good', contactKey: 'alice-lee', kind: 'call', date: '2026-12-01', text: 'Called', createdAt: now, updatedAt: now },
    ]);
    await connect(a);
    await a.sync();
    await connect(b);
    const report = await b.sync();
    expect(report.ignored).toBe(4);
    expect(await b.db.contacts.get('alice-lee')).toMatchObject({ name: 'Alice Lee', profileUrl: 'https://www.linkedin.com/in/alice-lee/' });
    expect(await b.db.contacts.get('bo-chen')).toBeUndefined();
    expect(await b.db.contacts.get('cy-ruiz')).toBeUndefined();
    expect((await b.db.interactions.toArray()).map((entry) => entry.id)).toEqual(['good']);
    // The next sync runs as usual: nothing invalid stops it.
    await saveUserFields(a.db, 'alice-lee', { notes: 'Met at PyData' });
    await a.sync();
    expect((await b.sync()).received).toBeGreaterThan(0);
    expect(await b.db.contacts.get('alice-lee')).toMatchObject({ notes: 'Met at PyData' });
  });
});

describe('a server that plants files', () => {
  it('cannot move a device’s numbering, nor make its peers skip what it writes, and sync resumes once the files are gone', async () => {
    const folder = await freshFolder();
    const [a, b] = [await device(folder), await device(folder)];
    await connect(a);
    await connect(b);
    await saveUserFields(a.db, 'kenji', { notes: 'first' });
    await a.sync();
    await b.sync();
    const root = join(server.root, new URL(folder).pathname, SYNC_FOLDER);
    const aFolder = (await getMeta<string>(a.db, META.device))!;
    // Planted in A's folder: an empty far-future log, and a garbage snapshot and log after it.
    const planted = ['l-99999999', 's-99999990', 'l-99999991'].map((name) => join(root, aFolder, name));
    writeFileSync(planted[0]!, '');
    writeFileSync(planted[1]!, 'not sealed');
    writeFileSync(planted[2]!, 'not sealed either');

    await saveUserFields(a.db, 'kenji', { notes: 'second' });
    await a.sync();
    // A numbered its file from its own count: eight digits, listed by everyone.
    expect(serverFiles(folder).filter((f) => f.startsWith(`${aFolder}/`))).toEqual(
      [`${aFolder}/l-00000002`, `${aFolder}/l-99999991`, `${aFolder}/l-99999999`, `${aFolder}/s-00000001`, `${aFolder}/s-99999990`].sort(),
    );
    const report = await b.sync();
    expect(report.damagedFiles).toBeGreaterThan(0);
    expect((await b.db.contacts.get('kenji'))?.notes).toBe('second');

    // Removed again: B was moved past nothing, and A's next change arrives.
    for (const path of planted) rmSync(path);
    await saveUserFields(a.db, 'kenji', { notes: 'third' });
    await a.sync();
    expect((await b.sync()).damagedFiles).toBe(0);
    expect((await b.db.contacts.get('kenji'))?.notes).toBe('third');
  });

  it('holds back what follows a damaged log, and reads it all once the log is whole again', async () => {
    const folder = await freshFolder();
    const [a, b] = [await device(folder), await device(folder)];
    await connect(a);
    await connect(b);
    await saveUserFields(a.db, 'kenji', { notes: 'one' });
    await a.sync();
    await b.sync();
    await saveUserFields(a.db, 'kenji', { tags: ['two'] });
    await a.sync();
    await saveUserFields(a.db, 'kenji', { notes: 'three' });
    await a.sync();
    const root = join(server.root, new URL(folder).pathname, SYNC_FOLDER);
    const middle = join(root, serverFiles(folder).find((f) => f.endsWith('l-00000002'))!);
    const whole = readFileSync(middle);
    const flipped = Buffer.from(whole);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 5) ^ 0xff, flipped.length - 5);
    writeFileSync(middle, flipped);
    expect((await b.sync()).damagedFiles).toBe(1);
    // Nothing after the damaged log was taken: no change is applied out of order or skipped.
    expect(await b.db.contacts.get('kenji')).toMatchObject({ notes: 'one', tags: [] });
    writeFileSync(middle, whole);
    await b.sync();
    expect(await b.db.contacts.get('kenji')).toMatchObject({ notes: 'three', tags: ['two'] });
  });
});
