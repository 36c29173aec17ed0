import type { Contact } from '../core/schema';
import type { LocalDate } from '../core/dates';
import type { RelationshipDb } from '../storage/db';
import { addDaysToLocalDate } from '../core/dates';
import { compareByFollowUp } from './rules';
import { words } from '../core/search-terms';

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

/**
 * Contacts whose words start with every word of the query (name, headline, tags, interests,
 * notes…). The rarest-looking word (the longest) goes through the index; the rest filter.
 */
export async function searchContacts(db: RelationshipDb, query: string, limit = 50): Promise<Contact[]> {
  const queryWords = [...new Set(words(query))].sort((a, b) => b.length - a.length);
  const [first, ...rest] = queryWords;
  if (!first) return [];
  const matches = await db.contacts
    .where('terms')
    .startsWith(first)
    .distinct()
    .filter((contact) => rest.every((word) => contact.terms.some((term) => term.startsWith(word))))
    .limit(limit)
    .toArray();
  return matches.sort((a, b) => a.name.localeCompare(b.name));
}
