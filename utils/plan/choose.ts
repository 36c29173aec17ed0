import type { LocalDate } from '../core/dates';
import type { IntroductionSuggestion } from '../network/suggestion';
import type { Contact } from '../core/schema';

/** Where a person in today's plan comes from, each with its reason in plain words. */
export const PLAN_SOURCES = ['due', 'job-change', 'introduction', 'intro-check', 'event', 'dormant'] as const;
export type PlanSource = (typeof PLAN_SOURCES)[number];

/** One person in the plan: who, and why, with what the reason and the give-first suggestion need. */
export interface PlanItem {
  key: string;
  source: PlanSource;
  /** An introduction's other person (the one who offers what `key` looks for), or the other one introduced. */
  withKey?: string;
  /** For the question of how an introduction went: the day it was made. */
  introducedOn?: LocalDate;
  /** A job change's new role. */
  role?: string;
  /** The introduction worth making, as ranked. */
  introduction?: IntroductionSuggestion;
  /** A dormant tie: how many messages, the last when. */
  messages?: number;
  lastMessage?: LocalDate;
  /** The event where they were met. */
  place?: string;
}

/** What each source offers today, best first within each (the sources' own orders, `sources.ts`). */
export type PlanCandidates = Record<PlanSource, PlanItem[]>;

/**
 * Today's plan: at most `size` people, each once. People carried over with "Tomorrow" come first;
 * then the best of each source in turn (the most overdue follow-up, a job change, an introduction
 * worth making or both said yes to, an introduction of two weeks ago to ask about, someone met at
 * an event, one dormant tie), so giving is never crowded out by what
 * is due; then more of each source in that order. Rekindle gives one dormant tie a day at most.
 */
export function choosePlan(candidates: PlanCandidates, size: number, carried: readonly PlanItem[] = []): PlanItem[] {
  const plan: PlanItem[] = [];
  const taken = new Set<string>();
  const add = (item: PlanItem) => {
    if (plan.length >= size || taken.has(item.key)) return false;
    plan.push(item);
    taken.add(item.key);
    return true;
  };
  for (const item of carried) add(item);
  const queues = PLAN_SOURCES.map((source) => (source === 'dormant' ? candidates[source].slice(0, 1) : [...candidates[source]]));
  // One from each source in turn, until the plan is full or every source is spent.
  while (plan.length < size && queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) {
      while (queue.length > 0 && !add(queue.shift()!)) {
        // Someone already in the plan: try the source's next.
      }
    }
  }
  return plan;
}

/** The plan of a day as kept: stable through the day, with what the user did about each person. */
export interface DayPlan {
  date: LocalDate;
  /** The plan size it was made for: a new size remakes a plan not yet answered. */
  size: number;
  items: PlanItem[];
  /** By key: done, moved to tomorrow, or not now. */
  handled: Record<string, PlanAnswer>;
  /**
   * What the rows show of each person, as when the plan was made: a view draws the kept plan from
   * it at once, before the database answers, then from the people as they are.
   */
  shown?: Record<string, PlanPerson>;
}

/** The fields a plan's row shows of a person. */
export const PLAN_PERSON_FIELDS = ['name', 'profileUrl', 'headline', 'howICanHelp', 'whereWeMet', 'nextFollowUp'] as const satisfies ReadonlyArray<keyof Contact>;
export type PlanPerson = Pick<Contact, (typeof PLAN_PERSON_FIELDS)[number]>;
export type PlanAnswer = 'done' | 'tomorrow' | 'not-now';

/** Whether every person of a day's plan was answered: a day of the plan completed. */
export function planCompleted(day: DayPlan): boolean {
  return day.items.length > 0 && day.items.every((item) => day.handled[item.key] !== undefined);
}

/** Everyone a day's plan names: each person, and each introduction's other person, once. */
export function planPeople(day: Pick<DayPlan, 'items'>): string[] {
  return [...new Set(day.items.flatMap((item) => (item.withKey ? [item.key, item.withKey] : [item.key])))];
}
