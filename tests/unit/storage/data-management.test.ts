import { describe, expect, it } from 'vitest';
import { newContact } from '@/utils/core/schema';
import { confirmsDeletion, deleteAllData, formatBytes } from '@/utils/storage/data-management';
import { openRelationshipDb } from '@/utils/storage/db';

describe('deleteAllData', () => {
  it('empties both tables and the extension storage', async () => {
    const db = openRelationshipDb(`delete-${crypto.randomUUID()}`);
    await db.contacts.add({ ...newContact('kenji-tanaka'), notes: 'private' });
    await db.interactions.add({ id: 'i1', contactKey: 'kenji-tanaka', kind: 'call', date: '2024-01-01', text: '', createdAt: 1, updatedAt: 1 });
    let cleared = false;
    await deleteAllData(db, async () => {
      cleared = true;
    });
    expect(await db.contacts.count()).toBe(0);
    expect(await db.interactions.count()).toBe(0);
    expect(cleared).toBe(true);
    db.close();
    await db.delete();
  });
});

describe('confirmsDeletion', () => {
  it('asks for the exact word, forgiving case and surrounding spaces', () => {
    expect(confirmsDeletion('DELETE', 'DELETE')).toBe(true);
    expect(confirmsDeletion(' borrar ', 'BORRAR')).toBe(true);
    expect(confirmsDeletion('DELET', 'DELETE')).toBe(false);
    expect(confirmsDeletion('', 'DELETE')).toBe(false);
  });
});

describe('formatBytes', () => {
  it('picks a readable unit in the user’s language', () => {
    expect(formatBytes(0, 'en')).toBe('0 byte');
    expect(formatBytes(2048, 'en')).toBe('2 kB');
    expect(formatBytes(1.25 * 1024 ** 2, 'es')).toBe('1,3 MB');
    expect(formatBytes(10 * 1024 ** 3, 'en')).toBe('10 GB');
  });
});
