import { format, subMonths } from 'date-fns';
import { allArchiveEntries, withoutShadowed } from '../archive-entries';
import type { Contact, Interaction, LocalDate, RelationshipDb } from '../db';
import { parseLocalDate } from '../dates';

/** "Many messages": a tie this strong is worth rekindling once it has gone quiet. */
export const REKINDLE_MIN_MESSAGES = 10;

export interface DormantTie {
  contact: Contact;
  /** Messages exchanged one to one, as the archive counts them. */
  messages: number;
  /** The last message, imported or logged. */
  lastMessage: LocalDate;
}

type MessageEntry = Pick<Interaction, 'contactKey' | 'kind' | 'date' | 'archive'>;

/** The day before which a tie with no contact counts as dormant. */
export function dormantBefore(today: LocalDate, afterMonths: number): LocalDate {
  return format(subMonths(parseLocalDate(today), afterMonths), 'yyyy-MM-dd');
}

/** Messages exchanged one to one and the last message day, per person. Group conversations do not make a tie strong. */
export function messageTallies(entries: Iterable<MessageEntry>): Map<string, { messages: number; lastMessage: LocalDate }> {
  const tallies = new Map<string, { messages: number; lastMessage: LocalDate }>();
  for (const entry of entries) {
    if (entry.kind !== 'message') continue;
    let tally = tallies.get(entry.contactKey);
    if (!tally) tallies.set(entry.contactKey, (tally = { messages: 0, lastMessage: entry.date }));
    if (entry.archive && !entry.archive.group) tally.messages += entry.archive.sent + entry.archive.received;
    if (entry.date > tally.lastMessage) tally.lastMessage = entry.date;
  }
  return tallies;
}

/**
 * Dormant ties: people with at least `REKINDLE_MIN_MESSAGES` messages and no contact of any kind
 * since `before`; strongest first, then the longest quiet.
 */
export function rankDormantTies(
  tallies: Map<string, { messages: number; lastMessage: LocalDate }>,
  contacts: Iterable<Contact>,
  before: LocalDate,
): DormantTie[] {
  const ties: DormantTie[] = [];
  for (const contact of contacts) {
    const tally = tallies.get(contact.key);
    if (!tally || tally.messages < REKINDLE_MIN_MESSAGES) continue;
    const last = contact.lastInteraction && contact.lastInteraction > tally.lastMessage ? contact.lastInteraction : tally.lastMessage;
    if (last >= before) continue;
    ties.push({ contact, messages: tally.messages, lastMessage: tally.lastMessage });
  }
  return ties.sort(
    (a, b) => b.messages - a.messages || a.lastMessage.localeCompare(b.lastMessage) || a.contact.key.localeCompare(b.contact.key),
  );
}

/** The dormant ties in the database, for the popup's Rekindle list and the network filter. */
export async function dormantTies(db: RelationshipDb, today: LocalDate, afterMonths: number): Promise<DormantTie[]> {
  const [logged, imported] = await Promise.all([db.interactions.where('kind').equals('message').toArray(), allArchiveEntries(db)]);
  const tallies = messageTallies(withoutShadowed<MessageEntry & { id: string }>(logged, imported));
  const strong = [...tallies].filter(([, tally]) => tally.messages >= REKINDLE_MIN_MESSAGES).map(([key]) => key);
  const contacts = (await db.contacts.bulkGet(strong)).filter((contact): contact is Contact => contact !== undefined);
  return rankDormantTies(tallies, contacts, dormantBefore(today, afterMonths));
}
