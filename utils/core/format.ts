import type { LocalDate } from './dates';
import { parseLocalDate, timeAgo } from './dates';
import { uiLanguage } from './i18n';

// Building an Intl.DateTimeFormat costs far more than using one: a list of 300 dates spent
// ~90 ms building formatters. One per language, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A local date the way the user's language writes it: "15 Jan 2024", "15 ene 2024". */
export function formatDate(date: LocalDate): string {
  const language = uiLanguage();
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric' });
    formatters.set(language, formatter);
  }
  return formatter.format(parseLocalDate(date));
}

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

/** "3 weeks ago", "yesterday", "hace 3 semanas", in the user's language. */
export function formatAgo(date: LocalDate, today: LocalDate): string {
  const language = uiLanguage();
  let formatter = relativeFormatters.get(language);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    relativeFormatters.set(language, formatter);
  }
  const { value, unit } = timeAgo(date, today);
  return formatter.format(-value, unit);
}

const monthFormatters = new Map<string, Intl.DateTimeFormat>();

/** The month of a local date: "March 2024", "marzo de 2024". */
export function formatMonthYear(date: LocalDate): string {
  const language = uiLanguage();
  let formatter = monthFormatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' });
    monthFormatters.set(language, formatter);
  }
  return formatter.format(parseLocalDate(date));
}
