import { enUS } from 'date-fns/locale/en-US';
import { es } from 'date-fns/locale/es';
import type { LocalDate } from '../core/dates';

const MONTH_LOCALES = [enUS, es];

/** 1-12 for an English or Spanish month name or abbreviation ("Mar", "marzo", "ago.", "Sept"), else 0; read with date-fns' locales. */
export function monthNumber(name: string): number {
  const word = name.trim().replace(/\.$/, '');
  if (word.length < 3) return 0;
  for (const locale of MONTH_LOCALES) {
    const match = locale.match.month(word, { width: 'abbreviated' });
    if (match) return Number(match.value) + 1;
  }
  return 0;
}

function calendarDate(year: number, month: number, day: number): LocalDate | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const fullYear = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text));

/**
 * A day written the way Connections.csv writes it: `12 Mar 2024`, `12-Mar-24`, Spanish
 * `12 mar. 2024` or `12 de marzo de 2024`, or `2024-03-12`. Null when it is none of these.
 */
export function parseDayMonthYear(value: string): LocalDate | null {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const named = /^(\d{1,2})(?:[ -]+de)?[ -]+([A-Za-zÀ-ÿ]{3,}\.?)(?:[ -]+de)?[ -]+(\d{4}|\d{2})$/i.exec(text);
  if (!named) return null;
  const month = monthNumber(named[2]!);
  return month ? calendarDate(fullYear(named[3]!), month, Number(named[1])) : null;
}

/** A message's moment: `2023-06-11 15:33:58 UTC` (seconds and zone optional; no zone reads as UTC). Milliseconds, or null. */
export function parseMessageTime(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:UTC|GMT|Z)?$/i.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as number[];
  if (!calendarDate(year!, month!, day!) || hour! > 23 || minute! > 59 || second! > 59) return null;
  return Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
}

/** The UTC day of a moment, `YYYY-MM-DD`: the part of an entry's id that never depends on the machine's time zone. */
export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The user's local calendar day of a moment. Read from the date's fields: date-fns' format costs ~5 µs, too much for 150,000 entries. */
export function localDay(time: number): LocalDate {
  const date = new Date(time);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * An invitation's `Sent At` day. The English export writes `3/14/25, 2:37 PM` (month first); a
 * 24-hour clock without AM/PM reads day first (`14/3/25, 14:37`), as Spanish dates do. ISO dates
 * and `12 Mar 2024` shapes are read too. Null when the day cannot be read.
 */
export function parseInvitationDay(value: string): LocalDate | null {
  const text = value.trim();
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2}),?(?:\s+(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp]\.?\s?[Mm]\.?)?)?$/.exec(text);
  if (slashed) {
    const [first, second, year] = [Number(slashed[1]), Number(slashed[2]), fullYear(slashed[3]!)];
    if (first <= 12 && slashed[6] !== undefined) return calendarDate(year, first, second);
    return calendarDate(year, second, first) ?? calendarDate(year, first, second);
  }
  const time = parseMessageTime(text);
  if (time !== null) return utcDay(time);
  return parseDayMonthYear(text.split(/[,\s]+\d{1,2}:\d{2}/)[0] ?? text);
}
