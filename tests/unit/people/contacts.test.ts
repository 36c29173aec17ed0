import { beforeEach, describe, expect, it } from 'vitest';
import {
  deleteInteraction,
  editInteraction,
  logInteraction,
  logIntroduction,
  refreshFromPage,
  saveUserFields,
  snoozeFollowUp,
} from '@/utils/people/contacts';
import { mergeContactInto, mergeOffer } from '@/utils/people/merge';
import { timeline } from '@/utils/people/timeline';
import { newContact } from '@/utils/core/schema';
import { openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import { comingUp, dueContacts, dueCount } from '@/utils/followups/due';
import { searchContacts } from '@/utils/people/search';

let db: RelationshipDb;
beforeEach(async () => {
  db = openRelationshipDb(`test-${crypto.randomUUID()}`);
  await db.open();
});

const kenjiPage = { name: 'Kenji Tanaka', headline: 'Data Engineer at Kaizen', location: 'Osaka', photoUrl: '', profileUrl: '' };

describe('saving what the user writes', () => {
  it('creates the contact on the first edit with what the page showed', async () => {
    await saveUserFields(db, 'kenji-tanaka', { notes: 'Met at PyData' }, kenjiPage);
    const kenji = await db.contacts.get('kenji-tanaka');
    expect(kenji).toMatchObject({ name: 'Kenji Tanaka', headline: 'Data Engineer at Kaizen', notes: 'Met at PyData' });
    expect(kenji?.profileUrl).toBe('https://www.linkedin.com/in/kenji-tanaka/');
  });

  it('writes only the fields given, so two views editing different fields lose nothing', async () => {
    await saveUserFields(db, 'kenji-tanaka', { notes: 'first' }, kenjiPage);
    await Promise.all([
      saveUserFields(db, 'kenji-tanaka', { notes: 'from tab one' }),
      saveUserFields(db, 'kenji-tanaka', { interests: ['sailing'] }),
    ]);
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ notes: 'from tab one', interests: ['sailing'] });
  });

  it('refreshes page-read fields without touching notes, and never creates people on a visit', async () => {
    await refreshFromPage(db, 'nobody', kenjiPage);
    expect(await db.contacts.count()).toBe(0);
    await saveUserFields(db, 'kenji-tanaka', { notes: 'keep me' }, kenjiPage);
    const written = (await db.contacts.get('kenji-tanaka'))!.updatedAt;
    await refreshFromPage(db, 'kenji-tanaka', { headline: 'Head of Data at Kaizen', name: '' });
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({
      name: 'Kenji Tanaka',
      headline: 'Head of Data at Kaizen',
      notes: 'keep me',
      // What the user wrote is as old as it was: a visit neither wins a backup's merge nor blocks an undo.
      updatedAt: written,
    });
  });
});

describe('whose name a visit may change', () => {
  it('a name the user wrote stays, whatever the page shows later; other page fields still refresh', async () => {
    await saveUserFields(db, 'kenji-tanaka', { name: 'Kenji T. (PyData)' }, { ...kenjiPage, name: '' });
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ name: 'Kenji T. (PyData)', userSet: ['name'] });
    expect(await refreshFromPage(db, 'kenji-tanaka', { ...kenjiPage, name: 'Kenji Tanaka', headline: 'Head of Data' })).toEqual({});
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ name: 'Kenji T. (PyData)', headline: 'Head of Data' });
  });

  it('a new spelling of the same name is taken; another person’s name is kept back and reported', async () => {
    await saveUserFields(db, 'kenji-tanaka', { notes: 'n' }, kenjiPage);
    expect(await refreshFromPage(db, 'kenji-tanaka', { name: 'Dr. Kenji Tanaka, PhD' })).toEqual({});
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ name: 'Dr. Kenji Tanaka, PhD' });
    expect(await refreshFromPage(db, 'kenji-tanaka', { name: 'Amara Okafor', headline: 'Founder' })).toEqual({ otherName: 'Amara Okafor' });
    // Someone else's card: none of it is taken, and no new role is seen.
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ name: 'Dr. Kenji Tanaka, PhD', headline: 'Data Engineer at Kaizen', userSet: [] });
    expect(await db.interactions.count()).toBe(0);
  });
});

describe('a new role seen on a visit', () => {
  it('goes on the timeline once, with what changed; a new wording or a first reading does not', async () => {
    await saveUserFields(db, 'kenji-tanaka', { notes: 'n' }, kenjiPage);
    await refreshFromPage(db, 'kenji-tanaka', { headline: 'data engineer at kaizen 🚀' }, '2026-12-01');
    expect(await db.interactions.count()).toBe(0);
    await refreshFromPage(db, 'kenji-tanaka', { headline: 'Head of Data at Kaizen Analytics' }, '2026-12-02');
    await refreshFromPage(db, 'kenji-tanaka', { headline: 'Head of Data at Kaizen Analytics' }, '2026-12-03');
    expect(await timeline(db, 'kenji-tanaka')).toEqual([
      expect.objectContaining({ kind: 'new-role', date: '2026-12-02', text: 'data engineer at kaizen 🚀 → Head of Data at Kaizen Analytics' }),
    ]);
    // Not a contact made: the follow-up clock and last contact stay.
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ lastInteraction: null, headline: 'Head of Data at Kaizen Analytics' });
  });

  it('a person saved before headlines were remembered gets a first reading on the next visit, never a false job change', async () => {
    // Their headline may be an import's "Position at Company", which no page shows in those words.
    await db.contacts.add({ ...newContact('amara-okafor'), name: 'Amara Okafor', headline: 'Founder at Lagos Growth Studio', seenHeadline: undefined });
    await refreshFromPage(db, 'amara-okafor', { headline: 'Founder & CEO | Helping Lagos startups grow' }, '2026-12-02');
    expect(await db.interactions.where('kind').equals('new-role').count()).toBe(0);
    await refreshFromPage(db, 'amara-okafor', { headline: 'Partner at Kaduna Ventures' }, '2026-12-03');
    expect(await db.interactions.where('kind').equals('new-role').count()).toBe(1);
  });
});

describe('a merge the page suggests', () => {
  const member = 'ACoAAB7yT0sBcQ9vKs2mP4nLrW8eZ1uHdJfXg';
  it('is offered only when someone is saved under the member id, and changes nothing by itself', async () => {
    expect(await mergeOffer(db, member, 'kenji-tanaka')).toBeNull();
    await saveUserFields(db, member, { notes: 'under the member id' }, kenjiPage);
    expect(await mergeOffer(db, member, 'kenji-tanaka')).toEqual({ key: member, name: 'Kenji Tanaka' });
    expect(await mergeOffer(db, member, member)).toBeNull();
    expect(await db.contacts.count()).toBe(1);
  });

  it('once accepted, keeps what the user wrote of either record, their own name included', async () => {
    await saveUserFields(db, member, { name: 'Kenji (Osaka)' }, { ...kenjiPage, name: '' });
    await saveUserFields(db, 'kenji-tanaka', { notes: 'vanity notes' }, kenjiPage);
    await mergeContactInto(db, member, 'kenji-tanaka');
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ name: 'Kenji (Osaka)', notes: 'vanity notes', userSet: ['name'] });
  });
});

describe('the timeline and the follow-up clock', () => {
  it('logs contacts made, newest first, and reschedules by the cadence', async () => {
    await saveUserFields(db, 'kenji-tanaka', { cadenceDays: 30, nextFollowUp: '2026-11-22' }, kenjiPage);
    await logInteraction(db, { id: 'a', contactKey: 'kenji-tanaka', kind: 'call', date: '2026-11-01', text: 'old call' });
    await logInteraction(db, { id: 'b', contactKey: 'kenji-tanaka', kind: 'meeting', date: '2026-11-22', text: 'coffee' });
    await logInteraction(db, { id: 'b', contactKey: 'kenji-tanaka', kind: 'meeting', date: '2026-11-22', text: 'coffee' });
    expect((await timeline(db, 'kenji-tanaka')).map((i) => i.text)).toEqual(['coffee', 'old call']);
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ lastInteraction: '2026-11-22', nextFollowUp: '2026-12-22' });
  });

  it('an older entry logged late does not move the clock back', async () => {
    await saveUserFields(db, 'kenji-tanaka', { cadenceDays: 14 }, kenjiPage);
    await logInteraction(db, { id: 'new', contactKey: 'kenji-tanaka', kind: 'call', date: '2026-11-20', text: '' });
    await logInteraction(db, { id: 'old', contactKey: 'kenji-tanaka', kind: 'note', date: '2026-10-01', text: '' });
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ lastInteraction: '2026-11-20', nextFollowUp: '2026-12-04' });
  });

  it('keeps the last interaction right when entries are edited or deleted', async () => {
    await logInteraction(db, { id: 'a', contactKey: 'amara', kind: 'call', date: '2026-10-01', text: '' }, { name: 'Amara' });
    await logInteraction(db, { id: 'b', contactKey: 'amara', kind: 'call', date: '2026-11-01', text: '' });
    await editInteraction(db, 'amara', 'a', { date: '2026-11-15', text: 'moved' });
    expect((await db.contacts.get('amara'))?.lastInteraction).toBe('2026-11-15');
    await deleteInteraction(db, 'amara', 'a');
    expect((await db.contacts.get('amara'))?.lastInteraction).toBe('2026-11-01');
    await deleteInteraction(db, 'amara', 'b');
    expect((await db.contacts.get('amara'))?.lastInteraction).toBeNull();
  });

  it('counts the follow-up from the new latest contact when an entry is edited or deleted', async () => {
    await saveUserFields(db, 'kenji-tanaka', { cadenceDays: 30 }, kenjiPage);
    await logInteraction(db, { id: 'a', contactKey: 'kenji-tanaka', kind: 'call', date: '2026-10-01', text: '' });
    await logInteraction(db, { id: 'b', contactKey: 'kenji-tanaka', kind: 'call', date: '2026-11-01', text: '' });
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ nextFollowUp: '2026-12-01' });
    // The latest entry's date was a typo: the clock follows the corrected date.
    await editInteraction(db, 'kenji-tanaka', 'b', { date: '2026-11-10' });
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ lastInteraction: '2026-11-10', nextFollowUp: '2026-12-10' });
    // An edit that leaves the latest date alone keeps a snoozed follow-up where it was.
    await snoozeFollowUp(db, 'kenji-tanaka', { until: '2027-01-05' }, '2026-11-20');
    await editInteraction(db, 'kenji-tanaka', 'a', { text: 'first call' });
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ nextFollowUp: '2027-01-05' });
    await deleteInteraction(db, 'kenji-tanaka', 'b');
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ lastInteraction: '2026-10-01', nextFollowUp: '2026-10-31' });
  });

  it('leaves a one-off follow-up alone when entries change', async () => {
    await saveUserFields(db, 'amara', { nextFollowUp: '2026-12-24' }, { name: 'Amara' });
    await logInteraction(db, { id: 'a', contactKey: 'amara', kind: 'call', date: '2026-11-01', text: '' });
    await deleteInteraction(db, 'amara', 'a');
    expect(await db.contacts.get('amara')).toMatchObject({ lastInteraction: null, nextFollowUp: '2026-12-24' });
  });
});

describe('the daily list', () => {
  it('lists who is due, what is coming up, and snoozes', async () => {
    await saveUserFields(db, 'kenji', { nextFollowUp: '2026-11-22' }, { name: 'Kenji' });
    await saveUserFields(db, 'amara', { nextFollowUp: '2026-11-10' }, { name: 'Amara' });
    await saveUserFields(db, 'wei', { nextFollowUp: '2026-11-25' }, { name: 'Wei' });
    await saveUserFields(db, 'lucia', { nextFollowUp: '2026-12-25' }, { name: 'Lucía' });
    await saveUserFields(db, 'sam', { notes: 'no follow-up' }, { name: 'Sam' });
    const today = '2026-11-22';
    expect((await dueContacts(db, today)).map((c) => c.key)).toEqual(['amara', 'kenji']);
    expect(await dueCount(db, today)).toBe(2);
    expect((await comingUp(db, today)).map((c) => c.key)).toEqual(['wei']);
    await snoozeFollowUp(db, 'kenji', { days: 1 }, today);
    expect((await dueContacts(db, today)).map((c) => c.key)).toEqual(['amara']);
  });
});

describe('search', () => {
  it('finds people by name, headline, tags, interests and notes, forgiving case and accents', async () => {
    await saveUserFields(db, 'lucia', { tags: ['diseño'], interests: ['Service design'], notes: 'Loves ceramics' }, {
      name: 'Lucía Fernández',
      headline: 'Designer at Madrid Digital',
    });
    await saveUserFields(db, 'kenji', { notes: 'sailing on weekends' }, { name: 'Kenji Tanaka', headline: 'Data Engineer' });
    const keys = async (q: string) => (await searchContacts(db, q)).map((c) => c.key);
    expect(await keys('lucia')).toEqual(['lucia']);
    expect(await keys('FERNANDEZ luc')).toEqual(['lucia']);
    expect(await keys('diseno')).toEqual(['lucia']);
    expect(await keys('ceram')).toEqual(['lucia']);
    expect(await keys('madrid')).toEqual(['lucia']);
    expect(await keys('sailing')).toEqual(['kenji']);
    expect(await keys('engineer')).toEqual(['kenji']);
    expect(await keys('nobody')).toEqual([]);
    expect(await keys('  ')).toEqual([]);
  });
});

describe('one person, one contact: a member-id record merged into the vanity one', () => {
  const MEMBER = 'ACoAAB7yT0sBcQ9vKs2mP4nLrW8eZ1uHdJfXg';
  const priyaPage = { name: 'Priya Raman', headline: 'Staff Product Designer', location: 'Toronto', photoUrl: '', profileUrl: '' };

  it('moves a contact known only by its member id to the vanity key, with its whole timeline', async () => {
    await saveUserFields(db, MEMBER, { notes: 'Met at Config', tags: ['design'], cadenceDays: 30 }, priyaPage);
    await logInteraction(db, { id: 'a', contactKey: MEMBER, kind: 'meeting', date: '2026-11-02', text: 'coffee' });
    await mergeContactInto(db, MEMBER, 'priya-raman');
    expect(await db.contacts.get(MEMBER)).toBeUndefined();
    expect(await db.contacts.get('priya-raman')).toMatchObject({
      key: 'priya-raman',
      name: 'Priya Raman',
      notes: 'Met at Config',
      tags: ['design'],
      cadenceDays: 30,
      lastInteraction: '2026-11-02',
      profileUrl: 'https://www.linkedin.com/in/priya-raman/',
    });
    expect((await timeline(db, 'priya-raman')).map((entry) => entry.text)).toEqual(['coffee']);
  });

  it('keeps both texts when both records hold some, unions lists, and keeps every timeline entry', async () => {
    await saveUserFields(
      db,
      'priya-raman',
      { notes: 'Vanity notes', whereWeMet: 'Config 2025', interests: ['accessibility'], tags: ['design'], nextFollowUp: '2026-12-20' },
      priyaPage,
    );
    await saveUserFields(db, MEMBER, {
      notes: 'Member-id notes',
      whereWeMet: 'Toronto meetup',
      howICanHelp: 'Intro to a11y folks',
      interests: ['Accessibility', 'ceramics'],
      tags: ['toronto'],
      nextFollowUp: '2026-12-01',
    });
    await logInteraction(db, { id: 'v', contactKey: 'priya-raman', kind: 'call', date: '2026-10-01', text: 'call' });
    await logInteraction(db, { id: 'm', contactKey: MEMBER, kind: 'message', date: '2026-11-10', text: 'message' });
    await mergeContactInto(db, MEMBER, 'priya-raman');
    const priya = await db.contacts.get('priya-raman');
    expect(priya).toMatchObject({
      notes: 'Vanity notes\n\nMember-id notes',
      whereWeMet: 'Config 2025; Toronto meetup',
      howICanHelp: 'Intro to a11y folks',
      interests: ['accessibility', 'ceramics'],
      tags: ['design', 'toronto'],
      nextFollowUp: '2026-12-01',
      lastInteraction: '2026-11-10',
    });
    expect((await timeline(db, 'priya-raman')).map((entry) => entry.text)).toEqual(['message', 'call']);
    expect(await db.contacts.count()).toBe(1);
    // Found by what the member-id record held.
    expect((await searchContacts(db, 'ceramics')).map((contact) => contact.key)).toEqual(['priya-raman']);
  });

  it('re-points introductions that named the member id, and is harmless to repeat', async () => {
    await saveUserFields(db, MEMBER, { notes: 'x' }, priyaPage);
    await saveUserFields(db, 'kenji-tanaka', { notes: 'y' }, kenjiPage);
    await logIntroduction(db, {
      id: 'intro',
      date: '2026-11-03',
      people: [
        { key: 'kenji-tanaka', text: 'Introduced to Priya' },
        { key: MEMBER, text: 'Introduced to Kenji' },
      ],
    });
    await mergeContactInto(db, MEMBER, 'priya-raman');
    await mergeContactInto(db, MEMBER, 'priya-raman');
    await mergeContactInto(db, 'priya-raman', 'priya-raman');
    expect((await db.interactions.get('intro-1'))?.withKey).toBe('priya-raman');
    expect((await db.interactions.get('intro-2'))?.contactKey).toBe('priya-raman');
    expect(await db.contacts.get('priya-raman')).toMatchObject({ notes: 'x' });
  });
});
