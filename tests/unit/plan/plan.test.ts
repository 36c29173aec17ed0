import { beforeEach, describe, expect, it } from 'vitest';
import { choosePlan, planCompleted, type PlanCandidates, type PlanItem } from '@/utils/plan/choose';
import { answerPlan, planStateItem, todaysPlan } from '@/utils/plan/today';
import { weekAtAGlance } from '@/utils/plan/week';
import { openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import { logInteraction, logIntroduction, saveUserFields } from '@/utils/people/contacts';
import { newContact } from '@/utils/core/schema';
import { timeline } from '@/utils/people/timeline';

const none: PlanCandidates = { due: [], 'job-change': [], introduction: [], 'intro-check': [], event: [], dormant: [] };
const items = (source: PlanItem['source'], ...keys: string[]) => keys.map((key) => ({ key, source }));

describe('choosing the day’s plan', () => {
  it('takes the best of each source in turn before more of any, so giving is not crowded out by what is due', () => {
    const plan = choosePlan(
      {
        due: items('due', 'd1', 'd2', 'd3', 'd4'),
        'job-change': items('job-change', 'j1'),
        introduction: [{ key: 's1', source: 'introduction', withKey: 'h1' }],
        'intro-check': [{ key: 'i1', source: 'intro-check', withKey: 'i2' }],
        event: items('event', 'e1', 'e2'),
        dormant: items('dormant', 'r1', 'r2'),
      },
      8,
    );
    expect(plan.map((item) => item.key)).toEqual(['d1', 'j1', 's1', 'i1', 'e1', 'r1', 'd2', 'e2']);
  });

  it('holds at most its size, each person once, one dormant tie a day', () => {
    const plan = choosePlan(
      {
        ...none,
        due: items('due', 'a', 'b'),
        'job-change': items('job-change', 'a', 'j'),
        introduction: [{ key: 'c', source: 'introduction', withKey: 'a' }],
        dormant: items('dormant', 'r1', 'r2', 'r3'),
      },
      15,
    );
    // "a" is due and changed jobs: one row; introducing "c" to "a" is still worth a row of its own.
    expect(plan.map((item) => `${item.source}:${item.key}`)).toEqual(['due:a', 'job-change:j', 'introduction:c', 'dormant:r1', 'due:b']);
    expect(choosePlan({ ...none, due: items('due', 'a', 'b', 'c') }, 1)).toEqual([{ key: 'a', source: 'due' }]);
  });

  it('puts people moved to tomorrow first, and is empty with nothing to offer', () => {
    const carried = items('due', 'old');
    expect(choosePlan({ ...none, due: items('due', 'a', 'old') }, 2, carried).map((item) => item.key)).toEqual(['old', 'a']);
    expect(choosePlan(none, 5)).toEqual([]);
  });

  it('is completed when every person was answered', () => {
    expect(planCompleted({ date: '2026-12-07', size: 2, items: items('due', 'a', 'b'), handled: { a: 'done' } })).toBe(false);
    expect(planCompleted({ date: '2026-12-07', size: 2, items: items('due', 'a', 'b'), handled: { a: 'done', b: 'not-now' } })).toBe(true);
    expect(planCompleted({ date: '2026-12-07', size: 2, items: [], handled: {} })).toBe(false);
  });
});

describe('today’s plan, kept', () => {
  let db: RelationshipDb;
  beforeEach(async () => {
    db = openRelationshipDb(`plan-${crypto.randomUUID()}`);
    await db.open();
    const due = (key: string, day: string) => ({ ...newContact(key), name: key, nextFollowUp: day, cadenceDays: 30 });
    await db.contacts.bulkAdd([due('ana', '2026-12-01'), due('ben', '2026-12-05'), due('cy', '2026-12-07'), due('dee', '2026-12-06')]);
  });

  it('reads the same all day, however often it opens; tomorrow it is made afresh, with “Tomorrow” first', async () => {
    const first = await todaysPlan(db, '2026-12-07', 2, 6);
    expect(first.items.map((item) => item.key)).toEqual(['ana', 'ben']);
    // Kept with what its rows show, so a view draws it before the database answers.
    expect(first.shown?.ana).toEqual({ name: 'ana', profileUrl: 'https://www.linkedin.com/in/ana/', headline: '', howICanHelp: '', whereWeMet: '', nextFollowUp: '2026-12-01' });
    await db.contacts.update('dee', { nextFollowUp: '2026-11-01' });
    expect(await todaysPlan(db, '2026-12-07', 2, 6)).toEqual(first);

    await answerPlan(db, '2026-12-07', first.items[0]!, 'done');
    await answerPlan(db, '2026-12-07', first.items[1]!, 'tomorrow');
    expect(await timeline(db, 'ana')).toEqual([expect.objectContaining({ kind: 'message', date: '2026-12-07' })]);
    const next = await todaysPlan(db, '2026-12-08', 2, 6);
    expect(next.items.map((item) => item.key)).toEqual(['ben', 'dee']);
    expect((await planStateItem.getValue()).completed).toEqual(['2026-12-07']);
  });

  it('“Not now” moves the follow-up a week on; the due list keeps everyone else', async () => {
    const plan = await todaysPlan(db, '2026-12-07', 1, 6);
    await answerPlan(db, '2026-12-07', plan.items[0]!, 'not-now');
    expect(await db.contacts.get('ana')).toMatchObject({ nextFollowUp: '2026-12-14' });
    expect((await planStateItem.getValue()).day?.handled).toEqual({ ana: 'not-now' });
  });

  it('an import remakes a plan nobody answered yet, and keeps one already answered', async () => {
    expect((await todaysPlan(db, '2026-12-07', 1, 6)).items.map((item) => item.key)).toEqual(['ana']);
    await db.contacts.update('dee', { nextFollowUp: '2026-11-01' });
    // Kept as it is when only opened again…
    expect((await todaysPlan(db, '2026-12-07', 1, 6)).items.map((item) => item.key)).toEqual(['ana']);
    // …made again after an import.
    const remade = await todaysPlan(db, '2026-12-07', 1, 6, { remake: true });
    expect(remade.items.map((item) => item.key)).toEqual(['dee']);
    expect(await todaysPlan(db, '2026-12-07', 1, 6)).toEqual(remade);
    await answerPlan(db, '2026-12-07', remade.items[0]!, 'done');
    await db.contacts.update('ben', { nextFollowUp: '2026-10-01' });
    expect((await todaysPlan(db, '2026-12-07', 1, 6, { remake: true })).items.map((item) => item.key)).toEqual(['dee']);
  });

  it('a new size remakes a plan nobody answered yet, not one already answered', async () => {
    expect((await todaysPlan(db, '2026-12-07', 1, 6)).items).toHaveLength(1);
    const bigger = await todaysPlan(db, '2026-12-07', 3, 6);
    expect(bigger.items).toHaveLength(3);
    await answerPlan(db, '2026-12-07', bigger.items[0]!, 'done');
    expect((await todaysPlan(db, '2026-12-07', 1, 6)).items).toHaveLength(3);
  });

  it('a job change and an introduction worth making are in it, each with what its reason needs', async () => {
    await saveUserFields(db, 'kenji', { offers: ['data engineering'] }, { name: 'Kenji Tanaka', headline: 'Data Engineer' });
    await saveUserFields(db, 'amara', { needs: ['data engineering'] }, { name: 'Amara Okafor' });
    await db.interactions.add({ id: 'r1', contactKey: 'kenji', kind: 'new-role', date: '2026-12-01', text: 'Data Engineer → Head of Data', createdAt: 1, updatedAt: 1 });
    const plan = await todaysPlan(db, '2026-12-07', 5, 6);
    expect(plan.items).toContainEqual({ key: 'kenji', source: 'job-change', role: 'Head of Data' });
    expect(plan.items).toContainEqual(expect.objectContaining({ key: 'amara', source: 'introduction', withKey: 'kenji' }));
    // Kenji is in it once, for his job change; Amara's introduction names him as the other person.
    expect(plan.items.filter((item) => item.key === 'kenji')).toHaveLength(1);
    // Congratulated (Done), he is not offered again the next day.
    await answerPlan(db, '2026-12-07', plan.items.find((item) => item.key === 'kenji')!, 'done', { text: 'Congratulated' });
    expect((await todaysPlan(db, '2026-12-08', 5, 6)).items.map((item) => item.key)).not.toContain('kenji');
  });
});

describe('the week at a glance', () => {
  it('counts people reached, times given (an introduction once for both), and days of the plan done, over seven days', async () => {
    const db = openRelationshipDb(`week-${crypto.randomUUID()}`);
    await db.open();
    const log = (contactKey: string, kind: 'message' | 'help-given' | 'note', date: string) =>
      logInteraction(db, { id: crypto.randomUUID(), contactKey, kind, date, text: '' });
    await log('ana', 'message', '2026-12-07');
    await log('ana', 'help-given', '2026-12-05');
    await log('ben', 'note', '2026-12-06');
    await log('cy', 'message', '2026-11-30');
    await logIntroduction(db, { id: 'i', date: '2026-12-03', people: [{ key: 'dee', text: '' }, { key: 'eve', text: '' }] });
    expect(await weekAtAGlance(db, '2026-12-07', ['2026-11-20', '2026-12-02', '2026-12-07'])).toEqual({ reached: 3, gave: 2, planDays: 2 });
  });
});
