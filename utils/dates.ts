import { addDays, differenceInCalendarDays, format, isValid, parse } from 'date-fns';
import type { LocalDate } from './db';

const LOCAL_DATE = 'yyyy-MM-dd';

/** Today in the user's local calendar. */
export function localToday(now: Date = new Date()): LocalDate {
  return format(now, LOCAL_DATE);
}

export function parseLocalDate(date: LocalDate): Date {
  return parse(date, LOCAL_DATE, new Date(2000, 0, 1));
}

export function isLocalDate(value: unknown): value is LocalDate {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    isValid(parseLocalDate(value)) &&
    format(parseLocalDate(value), LOCAL_DATE) === value
  );
}

/** Calendar arithmetic: adding days across a DST change still lands on the right date. */
export function addDaysToLocalDate(date: LocalDate, days: number): LocalDate {
  return format(addDays(parseLocalDate(date), days), LOCAL_DATE);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return differenceInCalendarDays(parseLocalDate(to), parseLocalDate(from));
}

export type AgoUnit = 'day' | 'week' | 'month' | 'year';

/** How long ago a date was, in the largest unit that reads naturally: "3 weeks", not "23 days". */
export function timeAgo(date: LocalDate, today: LocalDate): { value: number; unit: AgoUnit } {
  const days = Math.max(0, daysBetween(date, today));
  if (days < 7) return { value: days, unit: 'day' };
  if (days < 30) return { value: Math.floor(days / 7), unit: 'week' };
  if (days < 365) return { value: Math.floor(days / 30), unit: 'month' };
  return { value: Math.floor(days / 365), unit: 'year' };
}
