import type { Contact } from '../core/schema';
import type { LocalDate } from '../core/dates';
import type { RelationshipDb } from '../storage/db';
import { addDaysToLocalDate } from '../core/dates';
import { compareByFollowUp } from './rules';

/**
 * Everyone due on or before `today`, most overdue first. The one source for the popup, the badge
 * and the daily reminder. Reads the follow-up index only: no table scan.
 */
export async function dueContacts(db: RelationshipDb, today: LocalDate): Promise<Contact[]> {
  const due = await db.contacts.where('nextFollowUp').belowOrEqual(today).toArray();
  return due.sort(compareByFollowUp);
}

export function dueCount(db: RelationshipDb, today: LocalDate): Promise<number> {
  return db.contacts.where('nextFollowUp').belowOrEqual(today).count();
}

/** Follow-ups after today and within `days` days. */
export async function comingUp(db: RelationshipDb, today: LocalDate, days = 7): Promise<Contact[]> {
  const rows = await db.contacts
    .where('nextFollowUp')
    .between(addDaysToLocalDate(today, 1), addDaysToLocalDate(today, days), true, true)
    .toArray();
  return rows.sort(compareByFollowUp);
}
