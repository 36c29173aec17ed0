import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logInteraction, saveUserFields } from '@/utils/people/contacts';
import { openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import * as v from 'valibot';
import { CONTACT_FIELD_NAMES, contactSchema, newContact } from '@/utils/core/schema';

let db: RelationshipDb;
beforeEach(async () => {
  db = openRelationshipDb(`defaults-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the default "keep in touch every" for new contacts', () => {
  it('is given to a person first saved from the sidebar', async () => {
    await saveUserFields(db, 'kenji-tanaka', { notes: 'Met at PyData' }, { name: 'Kenji Tanaka' }, { cadenceDays: 30 });
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ cadenceDays: 30, notes: 'Met at PyData' });
  });

  it('gives way to a cadence chosen in the same edit', async () => {
    await saveUserFields(db, 'kenji-tanaka', { cadenceDays: null }, {}, { cadenceDays: 30 });
    expect((await db.contacts.get('kenji-tanaka'))!.cadenceDays).toBeNull();
  });

  it('never changes a person who already exists', async () => {
    await saveUserFields(db, 'kenji-tanaka', { notes: 'first' });
    await saveUserFields(db, 'kenji-tanaka', { notes: 'second' }, {}, { cadenceDays: 30 });
    expect((await db.contacts.get('kenji-tanaka'))!.cadenceDays).toBeNull();
  });

  it('starts the follow-up clock when the first thing logged creates the person', async () => {
    await logInteraction(
      db,
      { id: 'i1', contactKey: 'amara-okafor', kind: 'meeting', date: '2024-03-01', text: 'Lagos Startup Week' },
      { name: 'Amara Okafor' },
      { cadenceDays: 14 },
    );
    expect(await db.contacts.get('amara-okafor')).toMatchObject({
      cadenceDays: 14,
      lastInteraction: '2024-03-01',
      nextFollowUp: '2024-03-15',
    });
  });

  it('leaves a new person without a cadence when there is no default', async () => {
    await logInteraction(db, { id: 'i1', contactKey: 'amara-okafor', kind: 'call', date: '2024-03-01', text: '' });
    expect((await db.contacts.get('amara-okafor'))!.cadenceDays).toBeNull();
  });
});

describe('a new contact', () => {
  it('holds every field of the schema, valid, with lists of its own', () => {
    const first = newContact('kenji-tanaka', 1);
    const second = newContact('amara-okafor', 1);
    expect(v.safeParse(contactSchema, first).success).toBe(true);
    // A control character in a URL is refused: URL parsing drops CR, LF and tab before its check.
    for (const bad of ['https://www.linkedin.com/in/kenji/\r\nEMAIL:x', 'https://www.linkedin.com/in/ken\tji/']) {
      expect(v.safeParse(contactSchema, { ...first, profileUrl: bad }).success).toBe(false);
      expect(v.safeParse(contactSchema, { ...first, photoUrl: bad }).success).toBe(false);
    }
    expect(Object.keys(first)).toEqual(expect.arrayContaining([...CONTACT_FIELD_NAMES]));
    first.offers.push('data engineering');
    first.tags.push('pydata');
    expect(second).toMatchObject({ offers: [], tags: [], profileUrl: 'https://www.linkedin.com/in/amara-okafor/' });
    for (const value of Object.values(second)) {
      expect(value === null || typeof value !== 'object' || (Array.isArray(value) && value.length === 0)).toBe(true);
    }
  });
});
