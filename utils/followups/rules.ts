import type { Contact } from '../core/schema';
import type { LocalDate } from '../core/dates';
import { addDaysToLocalDate, daysBetween } from '../core/dates';

type FollowUpFields = Pick<Contact, 'cadenceDays' | 'nextFollowUp'>;

/**
 * The next follow-up once a contact was made on `date`: with a cadence the clock restarts from
 * that date; without one a one-off follow-up that has come due is done and cleared.
 */
export function nextFollowUpAfterContact(contact: FollowUpFields, date: LocalDate): LocalDate | null {
  if (contact.cadenceDays && contact.cadenceDays > 0) {
    return addDaysToLocalDate(date, contact.cadenceDays);
  }
  if (contact.nextFollowUp && contact.nextFollowUp <= date) return null;
  return contact.nextFollowUp;
}

/**
 * The next follow-up once the latest contact moved from `before` to `after` because an entry was
 * edited or deleted: with a cadence the clock counts from the new latest contact; otherwise, or
 * when nothing is left to count from, the follow-up stays as it was.
 */
export function nextFollowUpAfterLatestChange(
  contact: FollowUpFields,
  before: LocalDate | null,
  after: LocalDate | null,
): LocalDate | null {
  if (after === before || !after || !contact.cadenceDays || contact.cadenceDays <= 0) return contact.nextFollowUp;
  return addDaysToLocalDate(after, contact.cadenceDays);
}

export type SnoozeChoice = { days: number } | { until: LocalDate };

/** Snooze sets the follow-up to the date chosen, or to `days` after today. */
export function snoozedFollowUp(choice: SnoozeChoice, today: LocalDate): LocalDate {
  if ('until' in choice) return choice.until;
  return addDaysToLocalDate(today, choice.days);
}

export function isDue(contact: Pick<Contact, 'nextFollowUp'>, today: LocalDate): boolean {
  return contact.nextFollowUp != null && contact.nextFollowUp <= today;
}

/** Days past the follow-up date: 0 when due today. */
export function daysOverdue(contact: Pick<Contact, 'nextFollowUp'>, today: LocalDate): number {
  return contact.nextFollowUp ? Math.max(0, daysBetween(contact.nextFollowUp, today)) : 0;
}

/** Most overdue first, then by name, so the list reads the same every time. */
export function compareByFollowUp(
  a: Pick<Contact, 'nextFollowUp' | 'name'>,
  b: Pick<Contact, 'nextFollowUp' | 'name'>,
): number {
  const byDate = (a.nextFollowUp ?? '').localeCompare(b.nextFollowUp ?? '');
  return byDate !== 0 ? byDate : a.name.localeCompare(b.name);
}

/** A follow-up marked done without logging a contact: with a cadence it comes round again, else it is cleared. */
export function followUpAfterDone(contact: Pick<Contact, 'cadenceDays'>, today: LocalDate): LocalDate | null {
  return contact.cadenceDays && contact.cadenceDays > 0 ? addDaysToLocalDate(today, contact.cadenceDays) : null;
}
