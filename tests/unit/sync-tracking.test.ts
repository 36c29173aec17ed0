import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logInteraction, saveUserFields, deleteInteraction, editInteraction } from '@/utils/contacts';
import { openRelationshipDb, type RelationshipDb } from '@/utils/db';
import { deleteAllData } from '@/utils/data-management';

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
    await editInteraction(db, 'i-1', { text: 'Coffee and cake' });
    await deleteInteraction(db, 'i-1');
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

  it('forgets sync records too when all data is deleted', async () => {
    await saveUserFields(db, 'kenji', { notes: 'Likes jazz' });
    await db.syncRecords.put({ id: 'c:kenji', rec: { f: {} } });
    await deleteAllData(db, async () => {});
    expect(await db.syncRecords.count()).toBe(0);
    expect(await db.syncChanges.count()).toBe(0);
  });
});
