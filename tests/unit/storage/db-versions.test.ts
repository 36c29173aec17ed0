import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, openRelationshipDb, SCHEMA_VERSIONS } from '@/utils/storage/db';
import { matchTerms } from '@/utils/storage/index-terms';
import { runStemsBackfill } from '@/utils/storage/stems-backfill';

/** A contact row as every released version has stored it (fields only ever get added). */
function storedContact(key: string, name: string) {
  return {
    key,
    name,
    headline: 'Data Engineer',
    location: 'Osaka, Japan',
    photoUrl: 'https://media.licdn.com/dms/image/a.jpg',
    profileUrl: `https://www.linkedin.com/in/${key}/`,
    email: '',
    connectedOn: '2021-04-01',
    interests: ['open data'],
    offers: ['Python reviews'],
    needs: ['a data lead'],
    howICanHelp: 'Introduce Amara',
    whereWeMet: 'PyData Osaka',
    notes: 'Prefers mornings. Ünïcödé ✓ 张伟',
    tags: ['python', 'osaka'],
    cadenceDays: 30,
    nextFollowUp: '2025-03-01',
    lastInteraction: '2025-01-30',
    terms: ['kenji', 'tanaka'],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}

const interaction = (id: string, contactKey: string, date: string) => ({
  id,
  contactKey,
  kind: 'meeting',
  date,
  text: `Coffee on ${date}`,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
});

describe('every released schema version', () => {
  it('is declared in ascending order, one after another, ending at the current version', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.at(-1)).toBe(CURRENT_SCHEMA_VERSION);
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))(
    'a database left at version %i opens with today’s code with everything in it',
    async (version) => {
      const name = `versions-${version}-${crypto.randomUUID()}`;
      // That version's schema as it was released (a version lists only the tables it changes).
      const old = new Dexie(name);
      for (const earlier of SCHEMA_VERSIONS.filter((v) => v.version <= version)) {
        old.version(earlier.version).stores(earlier.stores);
      }
      await old.open();
      expect(old.verno).toBe(version);
      const contacts = [storedContact('kenji-tanaka', 'Kenji Tanaka'), storedContact('lucía-fernández', 'Lucía Fernández')];
      const interactions = [
        interaction('i-1', 'kenji-tanaka', '2025-01-02'),
        interaction('i-2', 'kenji-tanaka', '2025-01-30'),
        interaction('i-3', 'lucía-fernández', '2024-12-24'),
      ];
      await old.table('contacts').bulkAdd(contacts);
      await old.table('interactions').bulkAdd(interactions);
      old.close();

      const db = openRelationshipDb(name);
      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      expect(await db.contacts.count()).toBe(contacts.length);
      for (const contact of contacts) {
        const { terms: _terms, ...written } = contact;
        expect(await db.contacts.get(contact.key)).toMatchObject(written);
      }
      expect(await db.interactions.count()).toBe(interactions.length);
      for (const row of interactions) expect(await db.interactions.get(row.id)).toMatchObject(row);

      // Rows stored before version 2 get their introduction terms after the upgrade, from the backfill.
      await runStemsBackfill(db);
      if (version < 2) {
        expect(await db.contacts.get('kenji-tanaka')).toMatchObject(matchTerms(contacts[0]!));
        expect(await db.contacts.where('offerTerms').equals('python').primaryKeys()).toContain('kenji-tanaka');
      }

      // The indexes today's queries use answer over the old rows.
      expect((await db.contacts.filter((c) => c.tags.includes('python')).primaryKeys()).sort()).toEqual(
        ['kenji-tanaka', 'lucía-fernández'].sort(),
      );
      expect(await db.contacts.where('nextFollowUp').belowOrEqual('2025-03-01').count()).toBe(2);
      const kenjiTimeline = await db.interactions
        .where('[contactKey+date]')
        .between(['kenji-tanaka', ''], ['kenji-tanaka', '\uffff'])
        .toArray();
      expect(kenjiTimeline.map((i) => i.id)).toEqual(['i-1', 'i-2']);

      // And it takes new writes.
      await db.contacts.update('kenji-tanaka', { notes: 'after the upgrade' });
      expect((await db.contacts.get('kenji-tanaka'))?.notes).toBe('after the upgrade');
      db.close();
      await Dexie.delete(name);
    },
  );
});

describe('index terms', () => {
  it('follow every way a contact is written: add, put, update and modify', async () => {
    const db = openRelationshipDb(`terms-${Math.random()}`);
    const keysFor = (index: 'terms' | 'offerTerms' | 'needTerms', term: string) => db.contacts.where(index).equals(term).primaryKeys();
    const amara = { ...storedContact('amara', 'Amara Okafor'), offerTerms: [], needTerms: [] };
    await db.contacts.add(amara);
    expect(await keysFor('terms', 'amara')).toEqual(['amara']);
    expect(await keysFor('offerTerms', 'python')).toEqual(['amara']);
    await db.contacts.put({ ...amara, name: 'Amara Diallo' });
    expect(await keysFor('terms', 'okafor')).toEqual([]);
    expect(await keysFor('terms', 'diallo')).toEqual(['amara']);
    await db.contacts.update('amara', { needs: ['a designer'] });
    expect(await keysFor('needTerms', 'designer')).toEqual(['amara']);
    expect(await keysFor('needTerms', 'lead')).toEqual([]);
    await db.contacts.where('key').equals('amara').modify({ offers: ['seed funding advice'] });
    expect(await keysFor('offerTerms', 'python')).toEqual([]);
    expect(await keysFor('offerTerms', 'funding')).toEqual(['amara']);
    db.close();
  });
});
