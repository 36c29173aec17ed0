import type { Interaction } from '../core/schema';
import type { LocalDate } from '../core/dates';
import { addDaysToLocalDate } from '../core/dates';
import { isContactMade } from '../core/interaction-kinds';

type Counted = Pick<Interaction, 'kind' | 'date' | 'contactKey' | 'withKey'>;

export type Balance = 'none' | 'giving' | 'even' | 'asking';

export interface GiveTake {
  /** Contacts made: every interaction but a private note. */
  contacts: number;
  /** Help given, introductions included. */
  given: number;
  introductions: number;
  received: number;
  balance: Balance;
}

/** Introducing someone is giving; a note to yourself, or their new role, is no contact made. */
function figuresOf(interaction: Counted) {
  return {
    contact: isContactMade(interaction.kind),
    given: interaction.kind === 'help-given' || interaction.kind === 'introduction',
    introduction: interaction.kind === 'introduction',
    received: interaction.kind === 'help-received',
  };
}

/**
 * An introduction is logged on both people; across the whole network it counts once, on the
 * person whose key sorts first.
 */
export function countsOnceInNetwork(interaction: Counted): boolean {
  return interaction.kind !== 'introduction' || !interaction.withKey || interaction.contactKey < interaction.withKey;
}

export function balanceOf(given: number, received: number): Balance {
  if (given === 0 && received === 0) return 'none';
  if (given > received) return 'giving';
  return given === received ? 'even' : 'asking';
}

/** Give and take with one person, from their timeline. */
export function giveTake(interactions: readonly Counted[]): GiveTake {
  let contacts = 0;
  let given = 0;
  let introductions = 0;
  let received = 0;
  for (const interaction of interactions) {
    const f = figuresOf(interaction);
    if (f.contact) contacts++;
    if (f.given) given++;
    if (f.introduction) introductions++;
    if (f.received) received++;
  }
  return { contacts, given, introductions, received, balance: balanceOf(given, received) };
}

/** Give and take across the whole network: the same figures, each introduction counted once. */
export function networkGiveTake(interactions: readonly Counted[]): GiveTake {
  return giveTake(interactions.filter(countsOnceInNetwork));
}

export interface WeekFigures {
  /** First and last day of the week, inclusive. */
  start: LocalDate;
  end: LocalDate;
  contacts: number;
  given: number;
  received: number;
}

/** The first day of the oldest of `weeks` seven-day weeks ending today: what to load. */
export function firstDayOfWeeks(today: LocalDate, weeks = 12): LocalDate {
  return addDaysToLocalDate(today, -7 * weeks + 1);
}

/**
 * Contacts made, help given and help received per week over the last `weeks` weeks, oldest first.
 * Weeks are seven-day spans ending today, so the last bar is always the past seven days.
 * Each introduction counts once.
 */
export function weeklyGiveTake(interactions: readonly Counted[], today: LocalDate, weeks = 12): WeekFigures[] {
  const result: WeekFigures[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const end = addDaysToLocalDate(today, -7 * i);
    result.push({ start: addDaysToLocalDate(end, -6), end, contacts: 0, given: 0, received: 0 });
  }
  const first = result[0]?.start;
  if (!first) return result;
  for (const interaction of interactions) {
    if (interaction.date < first || interaction.date > today || !countsOnceInNetwork(interaction)) continue;
    // Dates are YYYY-MM-DD, so string order is calendar order.
    const week = result.find((w) => interaction.date >= w.start && interaction.date <= w.end);
    if (!week) continue;
    const f = figuresOf(interaction);
    if (f.contact) week.contacts++;
    if (f.given) week.given++;
    if (f.received) week.received++;
  }
  return result;
}
