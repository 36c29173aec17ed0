import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { matchTerms } from '@/utils/storage/index-terms';
import { openRelationshipDb, SCHEMA_VERSIONS, type RelationshipDb } from '@/utils/storage/db';
import { introductionsForContact } from '@/utils/network/queries';
import { backfillProgress, backfillStep, runStemsBackfill } from '@/utils/storage/stems-backfill';
import { STEMS_BACKFILL } from '@/utils/storage/index-terms';

/** A person as version 1 stored them: no introduction terms. */
function v1Contact(i: number) {
  const kind = i % 3;
  return {
    key: `person-${String(i).padStart(4, '0')}`,
    name: `Person ${i}`,
    headline: '',
    location: '',
    photoUrl: '',
    profileUrl: `https://www.linkedin.com/in/person-${i}/`,
    interests: kind === 0 ? ['open data'] : [],
    offers: kind === 0 ? ['Python reviews'] : [],
    needs: kind === 1 ? ['Python reviews'] : [],
    notes: '',
    tags: [],
    terms: [`person`, String(i)],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A database left at version 1 with `count` people, opened with today's code. */
async function upgradedFromV1(count: number): Promise<RelationshipDb> {
  const name = `backfill-${crypto.randomUUID()}`;
  names.push(name);
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
  await old.open();
  await old.table('contacts').bulkAdd(Array.from({ length: count }, (_, i) => v1Contact(i)));
  old.close();
  const db = openRelationshipDb(name);
  await db.open();
  return db;
}

describe('filling introduction terms after the schema upgrade', () => {
  it('leaves the upgrade itself to add the index, and marks what is left to do', async () => {
    const db = await upgradedFromV1(30);
    expect(await backfillProgress(db)).toEqual({ done: 0, total: 30 });
    expect((await db.contacts.get('person-0000'))?.offerTerms).toBeUndefined();
    const rests: number[] = [];
    await runStemsBackfill(db, 7, async (ms) => void rests.push(ms));
    expect(await backfillProgress(db)).toBeNull();
    // A rest after each full batch, so pages' live queries get to answer in between.
    expect(rests).toHaveLength(4);
    for (const ms of rests) expect(ms).toBeGreaterThanOrEqual(100);
    const person = (await db.contacts.get('person-0000'))!;
    expect(person).toMatchObject(matchTerms(person));
    expect(person.offerTerms.length).toBeGreaterThan(0);
    // The index answers: someone looking for Python reviews finds who offers Python reviews.
    const found = await introductionsForContact(db, 'person-0001', 5);
    expect(found.map((s) => s.helper.key)).toContain('person-0000');
    db.close();
  });

  it('resumes where a batch cut off by a closed browser left it, losing nothing', async () => {
    const db = await upgradedFromV1(25);
    expect(await backfillStep(db, 10)).toEqual({ done: 10, total: 25, after: 'person-0009' });
    // A batch that dies midway commits nothing: its transaction aborts.
    await expect(
      db.transaction('rw', db.contacts, db.syncMeta, async () => {
        await backfillStep(db, 10);
        throw new Error('browser closed');
      }),
    ).rejects.toThrow('browser closed');
    expect(await backfillProgress(db)).toMatchObject({ done: 10, after: 'person-0009' });
    db.close();

    // The next start of the worker opens the database again and carries on from the marker.
    const again = openRelationshipDb(db.name);
    await runStemsBackfill(again, 10);
    expect(await backfillProgress(again)).toBeNull();
    const people = await again.contacts.toArray();
    expect(people).toHaveLength(25);
    for (const person of people) {
      if (person.offers.length || person.interests.length || person.needs.length) expect(person).toMatchObject(matchTerms(person));
      expect(person.name).toBe(`Person ${Number(person.key.slice(-4))}`);
    }
    again.close();
  });

  it('is idempotent: running it again, or over people who have terms, changes nothing', async () => {
    const db = await upgradedFromV1(12);
    await runStemsBackfill(db, 5);
    const once = await db.contacts.toArray();
    await db.syncMeta.put({ name: STEMS_BACKFILL, value: { done: 0, total: 12 } });
    await runStemsBackfill(db, 5);
    expect(await db.contacts.toArray()).toEqual(once);
    await runStemsBackfill(db, 5);
    expect(await db.contacts.toArray()).toEqual(once);
    db.close();
  });

  it('rewrites no one who has nothing offered, of interest or looked for', async () => {
    const db = await upgradedFromV1(9);
    await runStemsBackfill(db);
    // person-0002 (kind 2) has nothing to index, and stays exactly as version 1 wrote them.
    expect(await db.contacts.get('person-0002')).toEqual(v1Contact(2));
    expect((await db.contacts.get('person-0001'))?.needTerms.length).toBeGreaterThan(0);
    db.close();
  });

  it('is no change for sync, and keeps what the contact hooks computed', async () => {
    const db = await upgradedFromV1(10);
    await db.syncChanges.clear();
    const before = (await db.contacts.get('person-0000'))!.terms;
    await runStemsBackfill(db, 4);
    expect(await db.syncChanges.count()).toBe(0);
    expect((await db.contacts.get('person-0000'))!.terms).toEqual(before);
    // A change by the user afterwards is noted as always.
    await db.contacts.update('person-0000', { notes: 'Met at PyCon' });
    expect((await db.syncChanges.toArray()).map((c) => c.id)).toEqual(['c:person-0000']);
    db.close();
  });

  it('has nothing to do in a database created at today’s version', async () => {
    const name = `backfill-${crypto.randomUUID()}`;
    names.push(name);
    const db = openRelationshipDb(name);
    await db.open();
    expect(await backfillProgress(db)).toBeNull();
    expect(await backfillStep(db)).toBeNull();
    db.close();
  });
});
