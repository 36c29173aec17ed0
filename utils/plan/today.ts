import { storage } from 'wxt/utils/storage';
import type { LocalDate } from '../core/dates';
import { addDaysToLocalDate } from '../core/dates';
import type { RelationshipDb } from '../storage/db';
import { logInteraction, snoozeFollowUp } from '../people/contacts';
import { choosePlan, planCompleted, planPeople, PLAN_PERSON_FIELDS, type DayPlan, type PlanAnswer, type PlanItem, type PlanPerson } from './choose';
import { planCandidates } from './sources';
import { settingsItem } from '../storage/settings';

/** Days of the plan kept for the week at a glance. */
const HISTORY_DAYS = 14;
/** "Not now" moves a due follow-up this many days on. */
export const NOT_NOW_DAYS = 7;

/** The plan as kept in `storage.local`: today's, who was moved to tomorrow, and which days were completed. */
export interface PlanState {
  day: DayPlan | null;
  /** Who came into `day` from the day before's "Tomorrow". */
  carried: PlanItem[];
  /** People answered "Tomorrow", for the plan of the day after `day`. */
  tomorrow: PlanItem[];
  /** Days whose plan was completed (every person answered), the last two weeks. */
  completed: LocalDate[];
}

export const planStateItem = storage.defineItem<PlanState>('local:plan', {
  fallback: { day: null, carried: [], tomorrow: [], completed: [] },
});

/**
 * Today's plan: the one kept, if it is today's, so reopening the popup never reshuffles it;
 * otherwise a new one, with yesterday's "Tomorrow" first.
 */
export async function todaysPlan(
  db: RelationshipDb,
  today: LocalDate,
  size: number,
  rekindleAfterMonths: number,
  /** `remake`: a plan nobody answered yet is made again (an import changed the network). */
  { remake = false }: { remake?: boolean } = {},
): Promise<DayPlan> {
  // Kept unless it is another day's, or not yet answered and made for another size or with
  // nobody in it (made before an import brought people in, say), or to be remade.
  const keep = (state: PlanState, fresh: boolean) => {
    const day = state.day?.date === today ? state.day : null;
    const answered = day !== null && Object.keys(day.handled).length > 0;
    return day && (answered || (!fresh && day.size === size && day.items.length > 0)) ? day : null;
  };
  const state = await planStateItem.getValue();
  const kept = keep(state, remake);
  if (kept) return kept;
  // A new day takes the last plan's "Tomorrow"; a new size remakes today's with whom it carried.
  const remaking = state.day?.date === today;
  const carried = remaking ? state.carried : state.tomorrow;
  const items = choosePlan(await planCandidates(db, today, rekindleAfterMonths), size, carried);
  const shown: Record<string, PlanPerson> = {};
  for (const c of await db.contacts.bulkGet(planPeople({ items }))) {
    if (c) shown[c.key] = Object.fromEntries(PLAN_PERSON_FIELDS.map((field) => [field, c[field]])) as PlanPerson;
  }
  const day: DayPlan = { date: today, size, items, handled: {}, shown };
  // Another view may have made it meanwhile: the first one kept wins.
  const latest = await planStateItem.getValue();
  const made = keep(latest, remake && JSON.stringify(latest.day) === JSON.stringify(state.day));
  if (made) return made;
  await planStateItem.setValue({ day, carried, tomorrow: remaking ? latest.tomorrow : [], completed: latest.completed });
  return day;
}

/**
 * Today's plan with the settings' size: the one kept, or a new one made now. An import ends by
 * remaking it (unless some of it was answered), so the first popup after it finds it made.
 */
export async function prepareTodaysPlan(db: RelationshipDb, today: LocalDate, options: { remake?: boolean } = {}): Promise<DayPlan> {
  const settings = await settingsItem.getValue();
  return todaysPlan(db, today, settings.planSize, settings.rekindleAfterMonths, options);
}

/** What "Done" logs: a plain contact (an introduction logs its own steps, `utils/network/intro-steps.ts`). */
export interface DoneEntry {
  /** The timeline's text: for a job change, the congratulation. */
  text: string;
  /** A step of an introduction, already logged by its own button: Done only marks the plan. */
  logged?: boolean;
}

/**
 * Answers one person of today's plan. Done logs the contact; Tomorrow keeps them for tomorrow's plan; Not now moves a due follow-up a week on.
 * Nothing leaves the due list: only the plan changes.
 */
export async function answerPlan(
  db: RelationshipDb,
  today: LocalDate,
  item: PlanItem,
  answer: PlanAnswer,
  done: DoneEntry = { text: '' },
): Promise<void> {
  if (answer === 'done' && !done.logged) {
    await logInteraction(db, { id: crypto.randomUUID(), contactKey: item.key, kind: 'message', date: today, text: done.text });
  } else if (answer === 'not-now') {
    const contact = await db.contacts.get(item.key);
    if (contact?.nextFollowUp && contact.nextFollowUp <= today) await snoozeFollowUp(db, item.key, { days: NOT_NOW_DAYS }, today);
  }
  const state = await planStateItem.getValue();
  if (state.day?.date !== today) return;
  const day: DayPlan = { ...state.day, handled: { ...state.day.handled, [item.key]: answer } };
  const tomorrow = answer === 'tomorrow' ? [...state.tomorrow.filter((other) => other.key !== item.key), item] : state.tomorrow;
  const since = addDaysToLocalDate(today, 1 - HISTORY_DAYS);
  const completed = [...new Set([...state.completed, ...(planCompleted(day) ? [today] : [])])].filter((date) => date >= since).sort();
  await planStateItem.setValue({ ...state, day, tomorrow, completed });
}
