import { addDays, differenceInCalendarDays, format, parse } from 'date-fns';

/** A day in the user's local calendar, written `YYYY-MM-DD`. */
export type LocalDate = string;

const LOCAL_DATE = 'yyyy-MM-dd';

/** Today in the user's local calendar. */
export function localToday(now: Date = new Date()): LocalDate {
  return format(now, LOCAL_DATE);
}

export function parseLocalDate(date: LocalDate): Date {
  return parse(date, LOCAL_DATE, new Date(2000, 0, 1));
}

const YYYY_MM_DD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real `YYYY-MM-DD` day. Read from the digits, not date-fns: it checks every date of a 30,000-person import. */
export function isLocalDate(value: unknown): value is LocalDate {
  const match = typeof value === 'string' ? YYYY_MM_DD.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year === 0) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
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
