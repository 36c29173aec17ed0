import type { LocalDate } from './db';
import { parseLocalDate } from './dates';
import { uiLanguage } from './i18n';

/** A local date the way the user's language writes it: "15 Jan 2024", "15 ene 2024". */
export function formatDate(date: LocalDate): string {
  return new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short', year: 'numeric' }).format(
    parseLocalDate(date),
  );
}
