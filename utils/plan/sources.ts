import type { LocalDate } from '../core/dates';
import { addDaysToLocalDate, localToday } from '../core/dates';
import type { Contact } from '../core/schema';
import type { RelationshipDb } from '../storage/db';
import { dueContacts } from '../followups/due';
import { EVENT_FOLLOW_UP_DAYS, eventModeItem } from '../followups/event-mode';
import { dormantTies } from '../network/rekindle';
import { introductionsForContact, introductionsInProgress, introProgressOf } from '../network/queries';
import { introCheckDue } from '../network/intro-progress';
import type { PlanCandidates, PlanItem } from './choose';

/** A job change is worth a word for this many days after it was seen. */
export const JOB_CHANGE_DAYS = 14;
/** People looking for something whose introductions are weighed each day, the most recently noted first. */
const SEEKERS_READ = 10;
/** Each source offers no more than this: a plan holds at most 15 people. */
const PER_SOURCE = 15;

/**
 * Today's candidates of every source, each through an index: follow-ups due (most overdue first,
 * then the warmer tie), job changes of the last 14 days (latest first), introductions worth
 * making for the people most recently noted as looking for something (after those both people
 * said yes to), introductions of two weeks ago to ask about, people met at an event in the last
 * two days, and the strongest dormant tie.
 */
export async function planCandidates(db: RelationshipDb, today: LocalDate, rekindleAfterMonths: number): Promise<PlanCandidates> {
  const since = addDaysToLocalDate(today, 1 - JOB_CHANGE_DAYS);
  const [due, roles, seekers, met, ties, progress] = await Promise.all([
    dueContacts(db, today),
    // Through the kind index: new roles are few, the days' entries many (thousands at 150,000).
    db.interactions.where('kind').equals('new-role').filter((entry) => entry.date >= since && entry.date <= today).toArray(),
    seekersToWeigh(db),
    metLately(db, today),
    dormantTies(db, today, rekindleAfterMonths, 1),
    introProgressOf(db),
  ]);
  const newRoles = new Map<string, string>();
  roles.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  // A job change already answered with a contact (the congratulation) is not offered again.
  const spokenSince = new Map((await db.contacts.bulkGet([...new Set(roles.map((entry) => entry.contactKey))])).flatMap((c) => (c ? [[c.key, c.lastInteraction ?? ''] as const] : [])));
  for (const entry of roles) {
    if (newRoles.has(entry.contactKey) || (spokenSince.get(entry.contactKey) ?? '') >= entry.date) continue;
    newRoles.set(entry.contactKey, entry.text.split(' → ').at(-1) ?? '');
  }
  // Weighed together: each reads a few index ranges, and one after another they added up.
  const [inProgress, ...ranked] = await Promise.all([
    introductionsInProgress(db, today, progress),
    ...seekers.map((key) => introductionsForContact(db, key, 3, progress)),
  ]);
  // Two people who both said yes come first: an introduction carried through beats a new one.
  const ready: PlanItem[] = inProgress!
    .filter((s) => s.progress?.stage === 'ready')
    .map((s) => ({ key: s.seeker.key, source: 'introduction', withKey: s.helper.key, introduction: s }));
  const introductions: PlanItem[] = ready.concat(
    seekers.flatMap((key, at) => {
      const [best] = ranked[at]!.filter((s) => s.introducedOn === null && !s.progress && s.seeker.key === key);
      return best ? [{ key, source: 'introduction' as const, withKey: best.helper.key, introduction: best }] : [];
    }),
  );
  const checks: PlanItem[] = inProgress!
    .filter((s) => s.progress && introCheckDue(s.progress, today))
    .map((s) => ({ key: s.seeker.key, source: 'intro-check', withKey: s.helper.key, introducedOn: s.progress!.introducedOn! }));
  return {
    due: due.slice(0, PER_SOURCE * 4).sort(byOverdueThenWarmth).slice(0, PER_SOURCE).map((c) => ({ key: c.key, source: 'due' })),
    'job-change': [...newRoles].slice(0, PER_SOURCE).map(([key, role]) => ({ key, source: 'job-change', role })),
    introduction: introductions.slice(0, PER_SOURCE),
    'intro-check': checks.slice(0, PER_SOURCE),
    event: [...met].slice(0, PER_SOURCE).map(([key, place]) => ({ key, source: 'event', place })),
    dormant: ties.map(({ contact, messages, lastMessage }) => ({ key: contact.key, source: 'dormant', messages, lastMessage })),
  };
}

/** The most overdue first; among equally overdue, the tie with a later last contact (kept warmer). */
function byOverdueThenWarmth(a: Contact, b: Contact): number {
  const byDate = (a.nextFollowUp ?? '').localeCompare(b.nextFollowUp ?? '');
  if (byDate !== 0) return byDate;
  return (b.lastInteraction ?? '').localeCompare(a.lastInteraction ?? '') || a.key.localeCompare(b.key);
}

/** People looking for something, most recently changed first, through the needs index. */
async function seekersToWeigh(db: RelationshipDb): Promise<string[]> {
  const keys = [...new Set(await db.contacts.where('needTerms').above('').primaryKeys())];
  const people = (await db.contacts.bulkGet(keys.slice(0, 500))).filter((c): c is Contact => !!c);
  return people.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, SEEKERS_READ).map((c) => c.key);
}

/** People met at the event of event mode, if it started in the last two days, by key with its name. */
async function metLately(db: RelationshipDb, today: LocalDate): Promise<Map<string, string>> {
  const event = await eventModeItem.getValue();
  const met = new Map<string, string>();
  if (!event) return met;
  const since = Date.parse(`${addDaysToLocalDate(today, -EVENT_FOLLOW_UP_DAYS)}T00:00:00`);
  if (event.startedAt < since) return met;
  const people = await db.contacts.where('whereWeMet').equals(event.name).filter((c) => c.createdAt >= event.startedAt).toArray();
  // Someone already followed up since the event is not offered again.
  const eventDay = localToday(new Date(event.startedAt));
  for (const person of people) if ((person.lastInteraction ?? '') <= eventDay) met.set(person.key, event.name);
  return met;
}
