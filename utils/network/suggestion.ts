/** An introduction worth making, as the ranking (`introductions.ts`) gives it and every view shows it. */
import type { LocalDate } from '../core/dates';
import type { IntroOutcome } from '../core/interaction-kinds';

/** What someone offers counts fully; what merely interests them counts half. */
export const WEIGHTS = { offers: 1, interests: 0.5 } as const;

export interface PersonRef {
  key: string;
  name: string;
  profileUrl: string;
}

/** Why an introduction helps: `helper` offers (or is interested in) `what`; `seeker` is looking for `need`. */
export interface IntroductionReason {
  via: keyof typeof WEIGHTS;
  what: string;
  need: string;
}

export interface IntroductionSuggestion {
  seeker: PersonRef;
  helper: PersonRef;
  score: number;
  reasons: IntroductionReason[];
  /** When these two were last introduced, if ever. */
  introducedOn: LocalDate | null;
  /** Where asking both of them stands, once a step was taken (`intro-progress.ts`). */
  progress?: IntroProgress;
}

/** One key for a pair of people, whichever way round. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}

/** The other person of a suggestion, seen from `key`. */
export function otherPerson(suggestion: IntroductionSuggestion, key: string): PersonRef {
  return suggestion.seeker.key === key ? suggestion.helper : suggestion.seeker;
}

/**
 * Where an introduction asked of both stands (folded in `intro-progress.ts`): asking (one or
 * both asked, no answer against), declined (one said no), ready (both said yes), introduced
 * (waiting to hear how it went), done (how it went is logged).
 */
export type IntroStage = 'asking' | 'declined' | 'ready' | 'introduced' | 'done';

export interface IntroProgress {
  pair: string;
  /** The two people, in `pairKey`'s order. */
  keys: [string, string];
  /** When each person was asked, by key. */
  asked: Record<string, LocalDate>;
  /** What each person answered, by key. */
  answers: Record<string, 'yes' | 'no'>;
  introducedOn: LocalDate | null;
  outcome: IntroOutcome | null;
  stage: IntroStage;
  /** The day of the latest step. */
  latest: LocalDate;
}

