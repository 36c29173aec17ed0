import type { LocalDate } from '../core/dates';
import { addDaysToLocalDate } from '../core/dates';
import { isContactMade } from '../core/interaction-kinds';
import type { RelationshipDb } from '../storage/db';
import { pairKey } from '../network/suggestion';

/** The last seven days: people reached, times given, days of the plan completed. */
export interface Week {
  reached: number;
  gave: number;
  planDays: number;
}

/**
 * The week at a glance, over the last seven days up to today, through the date index. A
 * contact made counts its person once; an introduction counts once for the pair (it is logged on
 * both), help given once each. A day without the plan is simply not counted.
 */
export async function weekAtAGlance(db: RelationshipDb, today: LocalDate, completedDays: readonly LocalDate[]): Promise<Week> {
  const since = addDaysToLocalDate(today, -6);
  const entries = await db.interactions.where('date').between(since, today, true, true).toArray();
  const reached = new Set<string>();
  const introductions = new Set<string>();
  let helped = 0;
  for (const entry of entries) {
    if (isContactMade(entry.kind)) reached.add(entry.contactKey);
    if (entry.kind === 'help-given') helped++;
    if (entry.kind === 'introduction') introductions.add(`${entry.date}\n${pairKey(entry.contactKey, entry.withKey ?? '')}`);
  }
  return {
    reached: reached.size,
    gave: helped + introductions.size,
    planDays: completedDays.filter((day) => day >= since && day <= today).length,
  };
}
