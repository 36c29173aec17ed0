/**
 * Sync against a server that misbehaves, on a real Apache mod_dav: files planted, deleted, cut
 * short, bit-flipped, replayed, swapped between devices and rolled back on disk, listings served
 * stale and writes dropped through a proxy. After each, the user was told in plain terms, and once
 * the server is honest again (or the device has written its notes again) every device holds every
 * change, each once.
 */
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logInteraction, saveUserFields } from '@/utils/people/contacts';
import { META, setMeta } from '@/utils/sync/meta';
import { engineDevices, HostileFetch, type Device } from '../../support/engine-devices';
import { webdavServerForThisFile } from '../../support/webdav-fixture';

const server = webdavServerForThisFile();
const { freshFolder, device, connect, syncRoot, serverFiles } = engineDevices(server);

/** A ("Laptop") and B connected to a fresh folder; A wrote Kenji's notes "one", and B read them. */
async function laptopAndB({ bThrough, aThrough }: { bThrough?: HostileFetch; aThrough?: HostileFetch } = {}) {
  const folder = await freshFolder();
  const [a, b] = [await device(folder, aThrough), await device(folder, bThrough)];
  await connect(a);
  await connect(b);
  await setMeta(a.db, META.deviceName, 'Laptop');
  await saveUserFields(a.db, 'kenji', { notes: 'one' });
  await a.sync();
  await b.sync();
  return { folder, a, b, aFolder: join(syncRoot(folder), await a.id()) };
}

/** A logs a call per text, syncing after each: one log file each. */
async function callsOn(a: Device, texts: string[]) {
  for (const text of texts) {
    await logInteraction(a.db, { id: `call-${text}`, contactKey: 'kenji', kind: 'call', date: '2026-12-01', text });
    await a.sync();
  }
}

const calls = async (d: Device) => (await d.db.interactions.orderBy('id').toArray()).map((entry) => entry.text);
const names = (dir: string) => readdirSync(dir).sort();
const log = (seq: number) => `l-${String(seq).padStart(8, '0')}`;

function flipByte(path: string) {
  const bytes = readFileSync(path);
  bytes.writeUInt8(bytes.readUInt8(bytes.length - 5) ^ 0xff, bytes.length - 5);
  writeFileSync(path, bytes);
}

describe('a server that loses, cuts or alters a device’s files', () => {
  it('a deleted middle log: the reader waits and names the gap; the writer sees its file gone and writes its notes again whole', async () => {
    const { a, b, aFolder } = await laptopAndB();
    await callsOn(a, ['two', 'three', 'four']);
    rmSync(join(aFolder, log(3)));

    const told = await b.sync();
    expect(told.peers).toEqual([expect.objectContaining({ name: 'Laptop', missing: 1, damaged: 0, behind: false })]);
    // What comes after the gap is held back, not applied out of order.
    expect(await calls(b)).toEqual(['two']);

    expect((await a.sync()).repaired).toBe(true);
    expect(names(aFolder)).toEqual(['s-00000005']);
    const healed = await b.sync();
    expect(healed.peers[0]).toMatchObject({ missing: 0, damaged: 0 });
    expect(await calls(b)).toEqual(['four', 'two', 'three'].sort());
  });

  it('a log cut short: the writer sees its size changed and writes again; nothing waits for the server', async () => {
    const { a, b, aFolder } = await laptopAndB();
    await callsOn(a, ['two']);
    truncateSync(join(aFolder, log(2)), 20);
    expect((await b.sync()).peers[0]).toMatchObject({ name: 'Laptop', damaged: 1 });
    expect(await calls(b)).toEqual([]);
    expect((await a.sync()).repaired).toBe(true);
    expect((await b.sync()).peers[0]).toMatchObject({ damaged: 0 });
    expect(await calls(b)).toEqual(['two']);
  });

  it('a bit flipped in a log, same size: the reader asks the writer for a snapshot through its own file, and gets it', async () => {
    const { a, b, aFolder } = await laptopAndB();
    await callsOn(a, ['two', 'three']);
    flipByte(join(aFolder, log(2)));
    expect((await b.sync()).peers[0]).toMatchObject({ name: 'Laptop', damaged: 1 });
    expect(await calls(b)).toEqual([]);
    // The writer cannot see the flip; the reader's request makes it write everything again.
    const answered = await a.sync();
    expect(answered).toMatchObject({ repaired: false, compacted: true });
    expect(names(aFolder)).toEqual(['s-00000004']);
    expect((await b.sync()).peers[0]).toMatchObject({ damaged: 0 });
    expect(await calls(b)).toEqual(['three', 'two']);
    // Answered once: the next syncs write no more snapshots.
    await callsOn(a, ['five']);
    expect(names(aFolder)).toEqual(['l-00000005', 's-00000004']);
  });

  it('files planted with far-future names neither move the device’s numbering nor make its readers skip', async () => {
    const { folder, a, b, aFolder } = await laptopAndB();
    const planted = ['l-99999999', 's-99999990', 'l-99999991'].map((name) => join(aFolder, name));
    writeFileSync(planted[0]!, '');
    writeFileSync(planted[1]!, 'not sealed');
    writeFileSync(planted[2]!, 'not sealed either');
    await callsOn(a, ['two']);
    const aId = await a.id();
    expect(serverFiles(folder).filter((f) => f.startsWith(`${aId}/`))).toEqual(
      ['l-00000002', 'l-99999991', 'l-99999999', 's-00000001', 's-99999990'].map((name) => `${aId}/${name}`),
    );
    const report = await b.sync();
    expect(report.peers[0]).toMatchObject({ name: 'Laptop', damaged: 3 });
    expect(await calls(b)).toEqual(['two']);
    // A number the device never wrote asks nothing of it: no snapshot for a planted file.
    await a.sync();
    expect(names(aFolder)).not.toContain('s-00000003');

    for (const path of planted) rmSync(path);
    await callsOn(a, ['three']);
    expect((await b.sync()).peers[0]).toMatchObject({ damaged: 0 });
    expect(await calls(b)).toEqual(['three', 'two']);
  });

  it('holds back what follows a damaged log, and reads it all once the log is whole again', async () => {
    const { a, b, aFolder } = await laptopAndB();
    await saveUserFields(a.db, 'kenji', { tags: ['two'] });
    await a.sync();
    await saveUserFields(a.db, 'kenji', { notes: 'three' });
    await a.sync();
    const middle = join(aFolder, log(2));
    const whole = readFileSync(middle);
    flipByte(middle);
    expect((await b.sync()).damagedFiles).toBe(1);
    expect(await b.db.contacts.get('kenji')).toMatchObject({ notes: 'one', tags: [] });
    writeFileSync(middle, whole);
    await b.sync();
    expect(await b.db.contacts.get('kenji')).toMatchObject({ notes: 'three', tags: ['two'] });
  });
});

describe('a server that replays, swaps or rolls back files', () => {
  it('an old file replayed under a newer name does not open, and old files put back after a snapshot change nothing', async () => {
    const { folder, a, b, aFolder } = await laptopAndB();
    await callsOn(a, ['two']);
    await b.sync();
    const kept = mkdtempSync(join(tmpdir(), 'replay-'));
    cpSync(aFolder, kept, { recursive: true });
    // Replayed under the name A writes next: its seal names another file.
    copyFileSync(join(aFolder, log(2)), join(aFolder, log(3)));
    expect((await b.sync()).peers[0]).toMatchObject({ damaged: 1 });
    await saveUserFields(a.db, 'kenji', { notes: 'three' });
    await a.sync();
    expect((await b.sync()).peers[0]).toMatchObject({ damaged: 0 });
    expect((await b.db.contacts.get('kenji'))?.notes).toBe('three');

    // A rewrites its notes whole (its old log is gone), then the server puts the old files back.
    rmSync(join(aFolder, log(3)));
    await a.sync();
    for (const name of names(kept)) copyFileSync(join(kept, name), join(aFolder, name));
    await b.sync();
    expect((await b.db.contacts.get('kenji'))?.notes).toBe('three');
    expect(await calls(b)).toEqual(['two']);
    // A device joining now starts from the newest snapshot, not from the replayed files.
    const c = await device(folder);
    await connect(c);
    await c.sync();
    expect((await c.db.contacts.get('kenji'))?.notes).toBe('three');
    expect(await calls(c)).toEqual(['two']);
  });

  it('two devices’ files swapped: neither opens in the other’s place, and both devices converge', async () => {
    const { folder, a, b, aFolder } = await laptopAndB();
    const c = await device(folder);
    await connect(c);
    await setMeta(c.db, META.deviceName, 'Phone');
    await c.sync();
    await b.sync();
    await callsOn(a, ['from A']);
    await logInteraction(c.db, { id: 'call-from C', contactKey: 'kenji', kind: 'call', date: '2026-12-02', text: 'from C' });
    await c.sync();
    const cFolder = join(syncRoot(folder), await c.id());
    const newestLog = (dir: string) => join(dir, names(dir).filter((name) => name.startsWith('l-')).at(-1)!);
    const [aLog, cLog] = [newestLog(aFolder), newestLog(cFolder)];
    renameSync(aLog, `${aLog}.swap`);
    renameSync(cLog, aLog);
    renameSync(`${aLog}.swap`, cLog);
    const told = await b.sync();
    expect(told.peers.map((peer) => [peer.name, peer.damaged]).sort()).toEqual([
      ['Laptop', 1],
      ['Phone', 1],
    ]);
    expect(await calls(b)).toEqual([]);
    for (let round = 0; round < 2; round++) for (const d of [a, c, b]) await d.sync();
    for (const d of [a, b, c]) expect(await calls(d)).toEqual(['from A', 'from C']);
  });

  it('a device’s folder rolled back to an old copy: the reader keeps what it read and says so; the writer writes again', async () => {
    const { a, b, aFolder } = await laptopAndB();
    await callsOn(a, ['two']);
    const old = mkdtempSync(join(tmpdir(), 'rollback-'));
    cpSync(aFolder, old, { recursive: true });
    await callsOn(a, ['three', 'four']);
    await b.sync();
    // The folder as it was: newer files gone, older ones back (the folder itself stays Apache's).
    for (const name of names(aFolder)) rmSync(join(aFolder, name));
    for (const name of names(old)) copyFileSync(join(old, name), join(aFolder, name));

    const told = await b.sync();
    expect(told.peers[0]).toMatchObject({ name: 'Laptop', behind: true });
    expect(await calls(b)).toEqual(['four', 'three', 'two']);
    expect((await a.sync()).repaired).toBe(true);
    await callsOn(a, ['five']);
    expect((await b.sync()).peers[0]).toMatchObject({ behind: false, damaged: 0, missing: 0 });
    expect(await calls(b)).toEqual(['five', 'four', 'three', 'two']);
  });
});

describe('a server that answers falsely', () => {
  it('stale listings: nothing new arrives and nothing breaks; once honest, everything does', async () => {
    const hostile = new HostileFetch();
    const { a, b } = await laptopAndB({ bThrough: hostile });
    hostile.staleListings = true;
    await callsOn(a, ['two', 'three']);
    const stale = await b.sync();
    expect(stale).toMatchObject({ received: 0, damagedFiles: 0 });
    expect(await calls(b)).toEqual([]);
    hostile.staleListings = false;
    await b.sync();
    expect(await calls(b)).toEqual(['three', 'two']);
  });

  it('writes it said it stored but dropped: the writer finds its file missing and writes everything again', async () => {
    const hostile = new HostileFetch();
    const { a, b } = await laptopAndB({ aThrough: hostile });
    hostile.dropWrites = true;
    await callsOn(a, ['two']);
    expect(await calls(b)).toEqual([]);
    await b.sync();
    expect(await calls(b)).toEqual([]);
    hostile.dropWrites = false;
    expect((await a.sync()).repaired).toBe(true);
    await b.sync();
    expect(await calls(b)).toEqual(['two']);
  });
});
