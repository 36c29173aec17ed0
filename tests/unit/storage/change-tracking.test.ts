import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logInteraction, saveUserFields, deleteInteraction, editInteraction } from '@/utils/people/contacts';
import { openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import { deleteAllData } from '@/utils/storage/data-management';
import { newContact } from '@/utils/core/schema';
import { foldLocalChanges } from '@/utils/sync/local';
import { BULK_CHANGE } from '@/utils/storage/change-tracking';

let db: RelationshipDb;
beforeEach(async () => {
  db = openRelationshipDb(`tracking-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const changed = async () => (await db.syncChanges.toArray()).map((c) => c.id).sort();

describe('noting what changed, for sync', () => {
  it('notes every write path in the same transaction', async () => {
    await saveUserFields(db, 'kenji', { notes: 'Likes jazz' });
    expect(await changed()).toEqual(['c:kenji']);
    await db.syncChanges.clear();
    await logInteraction(db, { id: 'i-1', contactKey: 'lucia', kind: 'meeting', date: '2025-01-02', text: 'Coffee' });
    expect(await changed()).toEqual(['c:lucia', 'i:i-1']);
    await db.syncChanges.clear();
    await editInteraction(db, 'lucia', 'i-1', { text: 'Coffee and cake' });
    await deleteInteraction(db, 'lucia', 'i-1');
    expect(await changed()).toEqual(['c:lucia', 'i:i-1']);
    await db.syncChanges.clear();
    await db.contacts.where('key').equals('kenji').modify({ notes: 'x' });
    expect(await changed()).toEqual(['c:kenji']);
  });

  it('notes a cleared table as a change to every row', async () => {
    await saveUserFields(db, 'kenji', { notes: 'Likes jazz' });
    await db.syncChanges.clear();
    await db.transaction('rw', db.contacts, async () => db.contacts.clear());
    expect(await changed()).toEqual(['*']);
  });

  it('notes a bulk write once, and the next fold still records every row it wrote at the time of the write', async () => {
    const rows = Array.from({ length: BULK_CHANGE + 1 }, (_, i) => ({ ...newContact(`person-${i}`, 1), name: `Person ${i}` }));
    await db.contacts.bulkAdd(rows);
    expect(await changed()).toEqual(['*']);
    const notedAt = (await db.syncChanges.get('*'))!.at;
    expect(await foldLocalChanges(db, 'device-a', notedAt + 60_000)).toBe(BULK_CHANGE + 1);
    const record = await db.syncRecords.get('c:person-7');
    expect(record?.rec.f.name).toBeDefined();
    expect(JSON.stringify(record)).toContain('Person 7');
    expect(await db.syncChanges.count()).toBe(0);
  });

  it('notes a transaction of many small writes once, as an import batches them', async () => {
    const rows = Array.from({ length: BULK_CHANGE + 1 }, (_, i) => ({ ...newContact(`person-${i}`, 1), name: `Person ${i}` }));
    await db.transaction('rw', db.contacts, async () => {
      for (let start = 0; start < rows.length; start += 100) await db.contacts.bulkAdd(rows.slice(start, start + 100));
      await db.contacts.bulkAdd([{ ...newContact('one-more', 1), name: 'One more' }]);
    });
    expect(await db.syncChanges.get('*')).toBeDefined();
    // What was noted before the limit stays, harmless; nothing is noted row by row after it.
    expect(await db.syncChanges.count()).toBeLessThanOrEqual(BULK_CHANGE + 1);
    expect(await db.syncChanges.get('c:one-more')).toBeUndefined();
    expect(await foldLocalChanges(db, 'device-a', Date.now() + 60_000)).toBe(BULK_CHANGE + 2);
  });

  it('forgets sync records too when all data is deleted', async () => {
    await saveUserFields(db, 'kenji', { notes: 'Likes jazz' });
    await db.syncRecords.put({ id: 'c:kenji', rec: { f: {} } });
    await deleteAllData(db, async () => {});
    expect(await db.syncRecords.count()).toBe(0);
    expect(await db.syncChanges.count()).toBe(0);
  });
});
