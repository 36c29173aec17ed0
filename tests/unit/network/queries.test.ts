import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { timeline } from '@/utils/people/timeline';
import { logIntroduction, saveUserFields } from '@/utils/people/contacts';
import { newContact } from '@/utils/core/schema';
import { openRelationshipDb, SCHEMA_VERSIONS, type RelationshipDb } from '@/utils/storage/db';
import {
  changeTag,
  introductionsForContact,
  MAX_INTRODUCTION_CANDIDATES,
  mostShared,
  networkIntroductions,
  placesMet,
} from '@/utils/network/queries';
import { runStemsBackfill } from '@/utils/storage/stems-backfill';

let db: RelationshipDb;
beforeEach(async () => {
  db = openRelationshipDb(`test-${crypto.randomUUID()}`);
  await db.open();
  await saveUserFields(db, 'kenji-tanaka', { name: 'Kenji Tanaka', offers: ['Data Engineering'], whereWeMet: 'PyData Osaka' });
  await saveUserFields(db, 'amara-okafor', { name: 'Amara Okafor', needs: ['data engineering'], whereWeMet: 'Lagos Startup Week' });
  await saveUserFields(db, 'zhang-wei', { name: '张伟', interests: ['data engineering'], whereWeMet: 'PyData Osaka ' });
});

describe('introductions from the database', () => {
  it('fills the introduction indexes of people saved before version 2, once the backfill after the upgrade has run', async () => {
    const name = `v1-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    const { offerTerms: _o, needTerms: _n, ...kenji } = { ...newContact('kenji-tanaka'), offers: ['Data Engineers'] };
    await v1.table('contacts').add(kenji);
    v1.close();
    const upgraded = openRelationshipDb(name);
    await runStemsBackfill(upgraded);
    expect(await upgraded.contacts.where('offerTerms').equals('engineer').primaryKeys()).toEqual(['kenji-tanaka']);
    upgraded.close();
    await Dexie.delete(name);
  });

  it('keeps the introduction index in step with what people offer and need', async () => {
    expect(await db.contacts.where('offerTerms').equals('engineering').primaryKeys()).toEqual(['kenji-tanaka', 'zhang-wei']);
    await saveUserFields(db, 'kenji-tanaka', { offers: [] });
    expect(await db.contacts.where('offerTerms').equals('engineering').primaryKeys()).toEqual(['zhang-wei']);
    expect(await db.contacts.where('needTerms').equals('data').primaryKeys()).toEqual(['amara-okafor']);
  });

  it('suggests Kenji for Amara, and Amara for Kenji', async () => {
    const forAmara = await introductionsForContact(db, 'amara-okafor');
    expect(forAmara.map((s) => s.helper.name)).toEqual(['Kenji Tanaka', '张伟']);
    const forKenji = await introductionsForContact(db, 'kenji-tanaka');
    expect(forKenji.map((s) => [s.seeker.key, s.helper.key])).toEqual([['amara-okafor', 'kenji-tanaka']]);
  });

  it('logs an introduction on both timelines at once and marks the pair as introduced', async () => {
    await logIntroduction(db, {
      id: 'intro-1',
      date: '2025-03-02',
      people: [
        { key: 'amara-okafor', text: 'Introduced to Kenji Tanaka' },
        { key: 'kenji-tanaka', text: 'Introduced to Amara Okafor' },
      ],
    });
    await logIntroduction(db, {
      id: 'intro-1',
      date: '2025-03-02',
      people: [
        { key: 'amara-okafor', text: 'again' },
        { key: 'kenji-tanaka', text: 'again' },
      ],
    });
    expect(await timeline(db, 'amara-okafor')).toMatchObject([
      { kind: 'introduction', text: 'Introduced to Kenji Tanaka', withKey: 'kenji-tanaka' },
    ]);
    expect(await timeline(db, 'kenji-tanaka')).toMatchObject([
      { kind: 'introduction', text: 'Introduced to Amara Okafor', withKey: 'amara-okafor' },
    ]);
    expect((await db.contacts.get('kenji-tanaka'))?.lastInteraction).toBe('2025-03-02');
    expect((await introductionsForContact(db, 'amara-okafor'))[1]).toMatchObject({
      helper: { key: 'kenji-tanaka' },
      introducedOn: '2025-03-02',
    });
    expect((await networkIntroductions(db)).map((s) => s.helper.key)).toEqual(['zhang-wei']);
  });
});

describe('the candidates the sidebar reads', () => {
  it('keeps everyone when they are few, in the order first seen', () => {
    expect(mostShared([['b', 'a'], ['c', 'a']], 5)).toEqual(['b', 'a', 'c']);
  });

  it('keeps those who share the most words when there are more than it reads', () => {
    expect(mostShared([['d', 'b', 'a'], ['c', 'a'], ['a', 'c']], 2)).toEqual(['a', 'c']);
    expect(mostShared([['d', 'b', 'a'], ['c', 'a']], 3)).toEqual(['a', 'd', 'b']);
  });

  it('finds the person who matches best among more people than it reads', async () => {
    const many = MAX_INTRODUCTION_CANDIDATES + 50;
    await db.contacts.bulkAdd(
      Array.from({ length: many }, (_, i) => ({
        ...newContact(`data-person-${String(i).padStart(4, '0')}`),
        name: `Data Person ${i}`,
        // One word in common with Amara's need: not a match, but a candidate by the index.
        offers: ['data visualisation'],
      })),
    );
    await saveUserFields(db, 'zz-last-key', { name: 'Zoë Last', offers: ['data engineering'] });
    const forAmara = await introductionsForContact(db, 'amara-okafor');
    expect(forAmara.map((s) => s.helper.key)).toEqual(['kenji-tanaka', 'zz-last-key', 'zhang-wei']);
  });
});

describe('events and tags', () => {
  it('lists every place met once, through the index', async () => {
    expect(await placesMet(db)).toEqual(['Lagos Startup Week', 'PyData Osaka']);
  });

  it('adds and removes a tag on many people in one go, without doubling it', async () => {
    expect(await changeTag(db, ['kenji-tanaka', 'amara-okafor'], 'Data', 'add')).toBe(2);
    expect(await changeTag(db, ['kenji-tanaka', 'zhang-wei'], 'data', 'add')).toBe(1);
    expect((await db.contacts.get('kenji-tanaka'))?.tags).toEqual(['Data']);
    expect((await db.contacts.filter((c) => c.tags.includes('data')).primaryKeys())).toEqual(['zhang-wei']);
    expect(await db.contacts.where('terms').equals('data').count()).toBe(3);
    expect(await changeTag(db, ['kenji-tanaka', 'amara-okafor', 'zhang-wei'], 'DATA', 'remove')).toBe(3);
    expect((await db.contacts.toArray()).every((c) => c.tags.length === 0)).toBe(true);
  });
});
