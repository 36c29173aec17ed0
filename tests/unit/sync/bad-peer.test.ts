/**
 * A peer that holds the passphrase but not the notes' rules: another browser writing straight into
 * its database, or a file sealed by hand. Every valid change still syncs; nothing invalid reaches
 * the database; the browser that sent it is named with a count.
 */
import { describe, expect, it } from 'vitest';
import { saveUserFields } from '@/utils/people/contacts';
import { LIMITS, newContact } from '@/utils/core/schema';
import { sealJson } from '@/utils/sync/crypto';
import { formatStamp } from '@/utils/sync/crdt/clock';
import type { SyncState } from '@/utils/sync/crdt/merge';
import { encodeState } from '@/utils/sync/crdt/wire';
import { FILE_FORMAT, filePath, fileName } from '@/utils/sync/files';
import { getMeta, META, setMeta } from '@/utils/sync/meta';
import { SYNC_FOLDER } from '@/utils/sync/engine';
import { engineDevices } from '../../support/engine-devices';
import { webdavServerForThisFile } from '../../support/webdav-fixture';

const server = webdavServerForThisFile();
const { freshFolder, device, connect } = engineDevices(server);

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
    await setMeta(a.db, META.deviceName, 'Laptop');
    await a.sync();
    await connect(b);
    const report = await b.sync();
    expect(report.peers).toEqual([expect.objectContaining({ name: 'Laptop', ignored: 4 })]);
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

  it('a file sealed by hand with wrong types, a 10 MB text and __proto__ keys: the rest of it syncs, and nothing is polluted', async () => {
    const folder = await freshFolder();
    const [intruder, b] = [await device(folder), await device(folder)];
    for (const name of ['Amara Okafor', 'Bo Chen', 'Cy Ruiz', 'Dana Vogel']) {
      await saveUserFields(intruder.db, name.toLowerCase().replace(' ', '-'), { notes: 'first' }, { name });
    }
    await connect(intruder);
    await intruder.sync();
    await connect(b);
    await b.sync();

    // Its next file, sealed by hand: a valid change next to hostile ones, all stamped later.
    const id = await intruder.id();
    const { key } = (await getMeta<{ key: CryptoKey }>(intruder.db, META.key))!;
    const at = formatStamp({ wall: Date.now() + 1_000, counter: 0, device: id });
    const field = (value: unknown) => [{ v: value, at }];
    const state = {
      'c:amara-okafor': { f: { notes: field('Valid change') } },
      'c:bo-chen': { f: { notes: field('x'.repeat(10_000_000)) } },
      'c:cy-ruiz': { f: { notes: field({ __proto__: { polluted: true }, toString: 'not text' }), tags: field('not a list') } },
      'c:dana-vogel': JSON.parse(`{"f": {"__proto__": [{"v": {"polluted": true}, "at": "${at}"}]}}`) as SyncState[string],
      'c:__proto__': { f: { notes: field('a person named after a prototype') } },
    } as SyncState;
    const seq = 2;
    const body = await sealJson(
      key,
      { f: FILE_FORMAT, seq, chain: [1], name: 'Intruder', wants: {}, state: encodeState(state) },
      filePath(id, fileName('l', seq)),
    );
    await intruder.dav.put(`${SYNC_FOLDER}/${filePath(id, fileName('l', seq))}`, body);

    const report = await b.sync();
    expect(report.peers).toEqual([expect.objectContaining({ name: 'Intruder', ignored: 4, damaged: 0 })]);
    expect((await b.db.contacts.get('amara-okafor'))?.notes).toBe('Valid change');
    for (const key of ['bo-chen', 'cy-ruiz', 'dana-vogel']) expect((await b.db.contacts.get(key))?.notes).toBe('first');
    expect(await b.db.contacts.get('__proto__')).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
