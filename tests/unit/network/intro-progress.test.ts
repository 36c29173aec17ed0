import { beforeEach, describe, expect, it } from 'vitest';
import { foldIntroProgress, introCheckDue, introInProgress } from '@/utils/network/intro-progress';
import { introductionsInProgress, networkIntroductions } from '@/utils/network/queries';
import { applyIntroAction } from '@/utils/network/intro-steps';
import { openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import { deleteContact, saveUserFields } from '@/utils/people/contacts';
import { timeline } from '@/utils/people/timeline';
import { answerPlan, todaysPlan } from '@/utils/plan/today';
import type { InteractionKind } from '@/utils/core/interaction-kinds';
import { askMessage, introductionMessage } from '@/components/ui/introduction-text';
import type { IntroductionSuggestion } from '@/utils/network/suggestion';
import { speakEnglish } from '../../support/english-messages';

let created = 0;
const step = (contactKey: string, withKey: string | undefined, kind: InteractionKind, date: string) => ({
  contactKey,
  withKey,
  kind,
  date,
  createdAt: ++created,
});
const pair = 'amara\nkenji';

describe('where an introduction asked of both stands', () => {
  it('goes from asking to ready, introduced and done, each step on the person it concerns', () => {
    const entries = [step('amara', 'kenji', 'intro-asked', '2026-12-01')];
    expect(foldIntroProgress(entries).get(pair)).toMatchObject({ stage: 'asking', asked: { amara: '2026-12-01' }, answers: {} });
    entries.push(step('kenji', 'amara', 'intro-asked', '2026-12-01'), step('amara', 'kenji', 'intro-yes', '2026-12-02'));
    expect(foldIntroProgress(entries).get(pair)).toMatchObject({ stage: 'asking', answers: { amara: 'yes' } });
    entries.push(step('kenji', 'amara', 'intro-yes', '2026-12-03'));
    expect(foldIntroProgress(entries).get(pair)?.stage).toBe('ready');
    // Logged on both: one introduction.
    entries.push(step('amara', 'kenji', 'introduction', '2026-12-03'), step('kenji', 'amara', 'introduction', '2026-12-03'));
    expect(foldIntroProgress(entries).get(pair)).toMatchObject({ stage: 'introduced', introducedOn: '2026-12-03', outcome: null });
    entries.push(step('kenji', 'amara', 'help-given', '2026-12-17'));
    expect(foldIntroProgress(entries).get(pair)).toMatchObject({ stage: 'done', outcome: 'help-given', latest: '2026-12-17' });
  });

  it('stops at a no, and a new question after it starts a new round', () => {
    const entries = [step('amara', 'kenji', 'intro-asked', '2026-12-01'), step('kenji', 'amara', 'intro-no', '2026-12-02')];
    const declined = foldIntroProgress(entries).get(pair)!;
    // Kenji answered without being asked here first (asked elsewhere): his answer counts, dated.
    expect(declined).toMatchObject({ stage: 'declined', asked: { kenji: '2026-12-02' }, answers: { kenji: 'no' } });
    expect(introInProgress(declined, '2026-12-03')).toBe(false);
    entries.push(step('kenji', 'amara', 'intro-asked', '2027-03-01'));
    expect(foldIntroProgress(entries).get(pair)).toMatchObject({ stage: 'asking', asked: { kenji: '2027-03-01' }, answers: {} });
  });

  it('reads the steps in date order whatever order they come in, and ignores entries naming nobody', () => {
    const entries = [
      step('kenji', 'amara', 'intro-yes', '2026-12-03'),
      step('amara', 'kenji', 'intro-yes', '2026-12-02'),
      step('amara', 'kenji', 'intro-asked', '2026-12-01'),
      step('amara', undefined, 'help-given', '2026-12-04'),
      step('amara', 'amara', 'intro-no', '2026-12-04'),
    ];
    const folded = foldIntroProgress(entries);
    expect([...folded.keys()]).toEqual([pair]);
    expect(folded.get(pair)?.stage).toBe('ready');
  });

  it('a note from before the introduction is not how it went', () => {
    const entries = [step('amara', 'kenji', 'note', '2026-11-01'), step('amara', 'kenji', 'introduction', '2026-12-01')];
    expect(foldIntroProgress(entries).get(pair)?.stage).toBe('introduced');
  });

  it('asks how it went from 14 days on, and follows an introduction 90 days at most', () => {
    const introduced = foldIntroProgress([step('amara', 'kenji', 'introduction', '2026-12-01')]).get(pair)!;
    expect(introCheckDue(introduced, '2026-12-14')).toBe(false);
    expect(introCheckDue(introduced, '2026-12-15')).toBe(true);
    expect(introInProgress(introduced, '2027-03-01')).toBe(true);
    expect(introCheckDue(introduced, '2027-03-02')).toBe(false);
    expect(introInProgress(introduced, '2027-03-02')).toBe(false);
    const stale = foldIntroProgress([step('amara', 'kenji', 'intro-asked', '2026-01-01')]).get(pair)!;
    expect(introInProgress(stale, '2026-12-07')).toBe(false);
  });
});

describe('the messages', () => {
  beforeEach(speakEnglish);
  const suggestion: IntroductionSuggestion = {
    seeker: { key: 'amara', name: 'Amara Okafor', profileUrl: '' },
    helper: { key: 'kenji', name: 'Kenji Tanaka', profileUrl: '' },
    score: 1,
    reasons: [{ via: 'offers', what: 'data engineering', need: 'a data engineer' }],
    introducedOn: null,
  };

  it('are drafted from first names and the matching need and offer only', () => {
    expect(askMessage(suggestion, 'amara')).toBe(
      'Hi Amara! You mentioned you are looking for a data engineer. I know Kenji, who could help with that. Would you like me to introduce you? No pressure either way.',
    );
    expect(askMessage(suggestion, 'kenji')).toBe(
      'Hi Kenji! I know Amara, who is looking for a data engineer, and you know a lot about data engineering. Would you be open to an introduction? No pressure either way.',
    );
    expect(introductionMessage(suggestion)).toContain('Amara, meet Kenji!');
    expect(introductionMessage({ ...suggestion, reasons: [] })).toBe(
      'Amara, meet Kenji! I thought you two should talk; I will let you take it from here.',
    );
  });
});

describe('introductions carried through, in the database', () => {
  let db: RelationshipDb;
  const today = '2026-12-07';
  beforeEach(async () => {
    db = openRelationshipDb(`intro-${crypto.randomUUID()}`);
    await db.open();
    await saveUserFields(db, 'kenji', { offers: ['data engineering'], notes: 'Private: owes me lunch' }, { name: 'Kenji Tanaka' });
    await saveUserFields(db, 'amara', { needs: ['data engineering'] }, { name: 'Amara Okafor' });
  });
  const ask = (key: string, withKey: string, kind: 'intro-asked' | 'intro-yes' | 'intro-no', date = today) =>
    applyIntroAction(db, { type: 'step', kind, key, withKey, text: kind }, date);

  it('a pair asked leaves the suggestions and is listed in progress, with its reason; the list empties when they are deleted', async () => {
    expect((await networkIntroductions(db)).map((s) => s.seeker.key)).toEqual(['amara']);
    await ask('amara', 'kenji', 'intro-asked');
    expect(await networkIntroductions(db)).toEqual([]);
    const [listed, ...rest] = await introductionsInProgress(db, today);
    expect(rest).toEqual([]);
    expect(listed).toMatchObject({
      seeker: { key: 'amara' },
      helper: { key: 'kenji' },
      reasons: [{ what: 'data engineering' }],
      progress: { stage: 'asking', asked: { amara: today } },
    });
    // The step is on Amara's timeline, naming Kenji, and counts as a contact made.
    expect(await timeline(db, 'amara')).toEqual([expect.objectContaining({ kind: 'intro-asked', withKey: 'kenji' })]);
    expect((await db.contacts.get('amara'))?.lastInteraction).toBe(today);
    await deleteContact(db, 'kenji');
    expect(await introductionsInProgress(db, today)).toEqual([]);
  });

  it('both said yes: first in the plan; introduced: two weeks on, the plan asks how it went, and the answer is on both', async () => {
    await ask('amara', 'kenji', 'intro-asked', '2026-12-01');
    await ask('kenji', 'amara', 'intro-asked', '2026-12-01');
    await ask('amara', 'kenji', 'intro-yes', '2026-12-02');
    await ask('kenji', 'amara', 'intro-yes', '2026-12-03');
    const plan = await todaysPlan(db, today, 5, 6);
    expect(plan.items[0]).toMatchObject({ key: 'amara', source: 'introduction', withKey: 'kenji', introduction: { progress: { stage: 'ready' } } });

    const both = [
      { key: 'amara', text: 'Introduced to Kenji' },
      { key: 'kenji', text: 'Introduced to Amara' },
    ] as [{ key: string; text: string }, { key: string; text: string }];
    await applyIntroAction(db, { type: 'pair', kind: 'introduction', people: both }, today);
    await answerPlan(db, today, plan.items[0]!, 'done', { text: '', logged: true });
    // Done logged nothing more: the steps are the entries.
    expect((await timeline(db, 'amara')).map((entry) => entry.kind).sort()).toEqual(['intro-asked', 'intro-yes', 'introduction']);

    expect((await todaysPlan(db, '2026-12-20', 5, 6)).items.map((item) => item.source)).not.toContain('intro-check');
    const later = await todaysPlan(db, '2026-12-21', 5, 6);
    expect(later.items).toContainEqual({ key: 'amara', source: 'intro-check', withKey: 'kenji', introducedOn: today });

    await applyIntroAction(db, { type: 'pair', kind: 'help-given', people: both }, '2026-12-21');
    for (const key of ['amara', 'kenji']) {
      expect(await timeline(db, key)).toContainEqual(expect.objectContaining({ kind: 'help-given', date: '2026-12-21' }));
    }
    expect(await introductionsInProgress(db, '2026-12-21')).toEqual([]);
    // Made again the next day, the plan no longer asks.
    expect((await todaysPlan(db, '2026-12-22', 5, 6)).items.map((item) => item.source)).not.toContain('intro-check');
  });
});
