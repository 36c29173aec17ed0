import { beforeEach, describe, expect, it } from 'vitest';
import {
  deleteInteraction,
  editInteraction,
  logInteraction,
  refreshFromPage,
  saveUserFields,
  snoozeFollowUp,
  timeline,
} from '@/utils/contacts';
import { openRelationshipDb, type RelationshipDb } from '@/utils/db';
import { comingUp, dueContacts, dueCount, searchContacts } from '@/utils/queries';

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
    await refreshFromPage(db, 'kenji-tanaka', { headline: 'Head of Data at Kaizen', name: '' });
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({
      name: 'Kenji Tanaka',
      headline: 'Head of Data at Kaizen',
      notes: 'keep me',
    });
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
    await editInteraction(db, 'a', { date: '2026-11-15', text: 'moved' });
    expect((await db.contacts.get('amara'))?.lastInteraction).toBe('2026-11-15');
    await deleteInteraction(db, 'a');
    expect((await db.contacts.get('amara'))?.lastInteraction).toBe('2026-11-01');
    await deleteInteraction(db, 'b');
    expect((await db.contacts.get('amara'))?.lastInteraction).toBeNull();
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
