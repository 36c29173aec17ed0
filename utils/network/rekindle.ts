import { format, subMonths } from 'date-fns';
import { archiveTies, tallyOf, tieMessages } from '../people/timeline';
import type { Contact, Interaction } from '../core/schema';
import type { LocalDate } from '../core/dates';
import type { RelationshipDb } from '../storage/db';
import { parseLocalDate } from '../core/dates';
import { ARCHIVE_ID_PREFIX } from '../core/archive-entry';
import { slices } from '../core/slices';

/** "Many messages": a tie this strong is worth rekindling once it has gone quiet. */
export const REKINDLE_MIN_MESSAGES = 10;

export interface DormantTie {
  contact: Contact;
  /** Messages exchanged one to one, as the archive counts them. */
  messages: number;
  /** The last message the archive records. (Any contact logged since, a message too, ends the dormancy.) */
  lastMessage: LocalDate;
}

type MessageEntry = Pick<Interaction, 'contactKey' | 'kind' | 'date' | 'archive'>;

/** The day before which a tie with no contact counts as dormant. */
export function dormantBefore(today: LocalDate, afterMonths: number): LocalDate {
  return format(subMonths(parseLocalDate(today), afterMonths), 'yyyy-MM-dd');
}

type Tallies = Map<string, { messages: number; lastMessage: LocalDate }>;

/**
 * Messages exchanged one to one and the last message day, per person, from `entries` added to
 * the tallies `from` already holds. Group conversations do not make a tie strong.
 */
export function messageTallies(entries: Iterable<MessageEntry>, from: Tallies = new Map()): Tallies {
  const tallies: Tallies = new Map([...from].map(([key, tally]) => [key, { ...tally }]));
  for (const entry of entries) {
    if (entry.kind !== 'message') continue;
    let tally = tallies.get(entry.contactKey);
    if (!tally) tallies.set(entry.contactKey, (tally = { messages: 0, lastMessage: entry.date }));
    tally.messages += tieMessages(entry);
    if (entry.date > tally.lastMessage) tally.lastMessage = entry.date;
  }
  return tallies;
}

type TieOrder = { key: string; messages: number; lastMessage: LocalDate };
const strongestFirst = (a: TieOrder, b: TieOrder) =>
  b.messages - a.messages || a.lastMessage.localeCompare(b.lastMessage) || a.key.localeCompare(b.key);

/** People read at a time while looking for the first `limit` dormant ties. */
const CONTACTS_READ = 100;

/**
 * The dormant ties in the database, for the popup's Rekindle list (its first `limit`) and the
 * network filter (all): the archive's record of each tie, against each person's last contact of
 * any kind. Imported entries are tallied from their rows' index, strong ties only; imported
 * entries since edited are timeline rows, found by their ids. Messages logged by hand carry no
 * count and are not read: they end a dormancy through the person's last contact. Only people
 * who may be dormant are read, strongest first, until `limit` are found.
 */
export async function dormantTies(db: RelationshipDb, today: LocalDate, afterMonths: number, limit = Infinity): Promise<DormantTie[]> {
  const before = dormantBefore(today, afterMonths);
  const [imported, edited] = await Promise.all([
    archiveTies(db, REKINDLE_MIN_MESSAGES),
    db.interactions.where(':id').startsWith(ARCHIVE_ID_PREFIX).toArray(),
  ]);
  // People with edited entries: their row's tie, whatever its size, leaving out an entry also held
  // as a timeline row (the row counts).
  const editedIds = new Set(edited.map((entry) => entry.id));
  for (const row of await db.archiveEntries.bulkGet([...new Set(edited.map((entry) => entry.contactKey))])) {
    if (!row) continue;
    const tie = tallyOf(Object.entries(row.entries).filter(([id]) => !editedIds.has(id)).map(([, entry]) => entry));
    if (tie.lastMessage) imported.set(row.key, { messages: tie.messages, lastMessage: tie.lastMessage });
    else imported.delete(row.key);
  }
  const tallies = messageTallies(edited, imported);
  const candidates = [...tallies]
    .filter(([, tally]) => tally.messages >= REKINDLE_MIN_MESSAGES && tally.lastMessage < before)
    .map(([key, tally]) => ({ key, ...tally }))
    .sort(strongestFirst);
  const ties: DormantTie[] = [];
  // All of them at once when all are wanted.
  const step = Number.isFinite(limit) ? CONTACTS_READ : Math.max(1, candidates.length);
  for (const slice of slices(candidates, step)) {
    if (ties.length >= limit) break;
    const keys = slice.map((candidate) => candidate.key);
    // In the candidates' order, strongest first: dormant unless they had contact of any kind since.
    for (const contact of await db.contacts.bulkGet(keys)) {
      if (!contact || (contact.lastInteraction ?? '') >= before) continue;
      const { messages, lastMessage } = tallies.get(contact.key)!;
      ties.push({ contact, messages, lastMessage });
    }
  }
  return ties.slice(0, limit);
}
