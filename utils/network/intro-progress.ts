/**
 * Introductions carried through, asked of both people first (double opt-in). Nothing of it is
 * kept apart from the timeline: each step is an entry on the person it concerns, naming the other
 * in `withKey` (you asked Amara; Amara said yes; both were introduced; how it went), so sync,
 * backup, merge and delete carry it as they carry every entry. Where an introduction stands is
 * folded from those entries here.
 */
import { INTRO_OUTCOME_KINDS, type InteractionKind, type IntroOutcome } from '../core/interaction-kinds';
import type { Interaction } from '../core/schema';
import { addDaysToLocalDate, type LocalDate } from '../core/dates';
import { pairKey, type IntroProgress, type IntroStage } from './suggestion';

/** The plan asks how an introduction went this many days after it was made. */
export const INTRO_CHECK_DAYS = 14;
/** An introduction, or a question left unanswered, is followed this long; after that it is simply past. */
export const INTRO_FOLLOWED_DAYS = 90;

type StepEntry = Pick<Interaction, 'kind' | 'date' | 'contactKey' | 'withKey' | 'createdAt'>;

const isOutcome = (kind: InteractionKind): kind is IntroOutcome => (INTRO_OUTCOME_KINDS as readonly string[]).includes(kind);

function stageOf(progress: Omit<IntroProgress, 'stage'>): IntroStage {
  if (progress.outcome) return 'done';
  if (progress.introducedOn) return 'introduced';
  const answers = Object.values(progress.answers);
  if (answers.includes('no')) return 'declined';
  return answers.length === 2 ? 'ready' : 'asking';
}

/**
 * Where each pair's introduction stands, from its entries in any order. Asking again after an
 * introduction was made, declined or closed starts a new round; an entry that names nobody else,
 * or a note from before the introduction, is no step.
 */
export function foldIntroProgress(entries: readonly StepEntry[]): Map<string, IntroProgress> {
  const sorted = entries
    .filter((entry) => entry.withKey && entry.withKey !== entry.contactKey)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt - b.createdAt));
  const pairs = new Map<string, IntroProgress>();
  for (const entry of sorted) {
    const person = entry.contactKey;
    const pair = pairKey(person, entry.withKey!);
    let progress = pairs.get(pair);
    const fresh = (): IntroProgress => {
      const keys = pair.split('\n') as [string, string];
      return { pair, keys, asked: {}, answers: {}, introducedOn: null, outcome: null, stage: 'asking', latest: entry.date };
    };
    switch (entry.kind) {
      case 'intro-asked':
        if (!progress || progress.stage !== 'asking') progress = fresh();
        progress.asked[person] = entry.date;
        delete progress.answers[person];
        break;
      case 'intro-yes':
      case 'intro-no':
        if (!progress || progress.stage === 'introduced' || progress.stage === 'done') progress = fresh();
        progress.asked[person] ??= entry.date;
        progress.answers[person] = entry.kind === 'intro-yes' ? 'yes' : 'no';
        break;
      case 'introduction':
        // Logged on both people: the second entry of the same day is the same introduction.
        if (progress?.introducedOn === entry.date) continue;
        progress = { ...(progress ?? fresh()), introducedOn: entry.date, outcome: null };
        break;
      default:
        if (!isOutcome(entry.kind) || !progress?.introducedOn || entry.date < progress.introducedOn) continue;
        progress.outcome = entry.kind;
    }
    progress.latest = entry.date;
    progress.stage = stageOf(progress);
    pairs.set(pair, progress);
  }
  return pairs;
}

/** Whether today the plan asks how this introduction went. */
export function introCheckDue(progress: IntroProgress, today: LocalDate): boolean {
  return (
    progress.stage === 'introduced' &&
    progress.introducedOn !== null &&
    addDaysToLocalDate(progress.introducedOn, INTRO_CHECK_DAYS) <= today &&
    progress.introducedOn >= addDaysToLocalDate(today, -INTRO_FOLLOWED_DAYS)
  );
}

/** Still in progress today: asked and waiting, ready to introduce, or introduced and not yet heard of. */
export function introInProgress(progress: IntroProgress, today: LocalDate): boolean {
  const followedSince = addDaysToLocalDate(today, -INTRO_FOLLOWED_DAYS);
  switch (progress.stage) {
    case 'asking':
    case 'ready':
      return progress.latest >= followedSince;
    case 'introduced':
      return progress.introducedOn! >= followedSince;
    default:
      return false;
  }
}

/** The order of the list in progress: what you can act on first. */
export function introUrgency(progress: IntroProgress, today: LocalDate): number {
  if (progress.stage === 'ready') return 0;
  if (introCheckDue(progress, today)) return 1;
  return progress.stage === 'asking' ? 2 : 3;
}
