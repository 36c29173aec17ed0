/**
 * Timeline entries imported from LinkedIn's archive live one row per person (`archiveEntries`),
 * not one row per entry: writing rows is most of what an import costs, and a person's entries are
 * always read together. Everything else sees them as ordinary timeline entries (`Interaction`).
 *
 * An imported entry the person edits leaves its row and becomes an ordinary timeline row with the
 * same id. Wherever both hold an id (an old backup restored, two devices syncing), the timeline
 * row is the one that counts.
 */
import { entriesOf, type RelationshipDb } from '../storage/db';
import type { ArchiveEntries, Interaction } from '../core/schema';
import type { LocalDate } from '../core/dates';
import type { StoredArchiveEntry } from '../core/schema';

/** An imported entry as the timeline shows it. */
export type ArchiveInteraction = Interaction & { archive: NonNullable<Interaction['archive']> };

/** One entry of the person `key`'s row, as a timeline entry. */
export function asInteraction(key: string, id: string, entry: StoredArchiveEntry): ArchiveInteraction {
  const { kind, date, text, archive, createdAt } = entry;
  return { id, contactKey: key, kind, date, text, archive, createdAt, updatedAt: createdAt };
}

/** The entries of a row, as timeline entries. */
export function expandArchiveEntries(row: ArchiveEntries): ArchiveInteraction[] {
  return Object.entries(row.entries).map(([id, entry]) => asInteraction(row.key, id, entry));
}

/** An entry as its row keeps it. */
export function storedArchiveEntry(entry: ArchiveInteraction): StoredArchiveEntry {
  return { kind: entry.kind, date: entry.date, text: entry.text, archive: entry.archive, createdAt: entry.createdAt };
}

/** Messages an entry counts towards a tie's strength: one-to-one messages only; a group does not make a tie strong. */
export function tieMessages(entry: Pick<Interaction, 'kind' | 'archive'>): number {
  return entry.kind === 'message' && entry.archive && !entry.archive.group ? entry.archive.sent + entry.archive.received : 0;
}

/** What a row's entries add up to: the latest day, and the tie (one-to-one messages, last message's day, '' for none). */
export function tallyOf(entries: Iterable<StoredArchiveEntry>): Pick<ArchiveEntries, 'latest' | 'messages' | 'lastMessage'> {
  let latest = '';
  let messages = 0;
  let lastMessage = '';
  for (const entry of entries) {
    if (entry.date > latest) latest = entry.date;
    if (entry.kind !== 'message') continue;
    messages += tieMessages(entry);
    if (entry.date > lastMessage) lastMessage = entry.date;
  }
  return { latest, messages, lastMessage };
}

/** A person's row with `entries` as they now are; null when none are left (the row goes). */
export function archiveEntriesRow(key: string, entries: ArchiveEntries['entries'], now: number): ArchiveEntries | null {
  if (Object.keys(entries).length === 0) return null;
  return { key, ...tallyOf(Object.values(entries)), updatedAt: now, entries };
}

/**
 * The tie of each person with at least `messages` imported one-to-one messages, read from the
 * index alone: how many, and the last message's day.
 */
export async function archiveTies(db: RelationshipDb, messages: number): Promise<Map<string, { messages: number; lastMessage: LocalDate }>> {
  const ties = new Map<string, { messages: number; lastMessage: LocalDate }>();
  await db.archiveEntries
    .where('[messages+lastMessage]')
    .between([messages, ''], [Infinity, ''])
    .eachKey((key, cursor) => {
      const [messages, lastMessage] = key as [number, LocalDate];
      ties.set(cursor.primaryKey as string, { messages, lastMessage });
    });
  return ties;
}

/** Writes a person's row as `entries` says, deleting it when none are left. */
export async function putArchiveEntries(db: RelationshipDb, key: string, entries: ArchiveEntries['entries'], now: number): Promise<void> {
  const row = archiveEntriesRow(key, entries, now);
  if (row) await db.archiveEntries.put(row);
  else await db.archiveEntries.delete(key);
}

/** Timeline rows first; an imported entry whose id a timeline row also holds is left out. */
export function withoutShadowed<T extends { id: string }>(rows: readonly T[], imported: readonly T[]): T[] {
  if (imported.length === 0) return [...rows];
  const ids = new Set(rows.map((row) => row.id));
  return [...rows, ...imported.filter((entry) => !ids.has(entry.id))];
}

/** A person's whole timeline, newest first: their timeline rows and their imported entries. */
export async function timeline(db: RelationshipDb, key: string): Promise<Interaction[]> {
  const [rows, imported] = await Promise.all([entriesOf(db, key).toArray(), db.archiveEntries.get(key)]);
  const all = withoutShadowed<Interaction>(rows, imported ? expandArchiveEntries(imported) : []);
  return all.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt);
}

/** A person's latest day of contact, over both kinds of entry. */
export async function latestEntryDate(db: RelationshipDb, key: string): Promise<LocalDate | null> {
  const [last, imported] = await Promise.all([entriesOf(db, key).last(), db.archiveEntries.get(key)]);
  const days = [last?.date, imported?.latest].filter((day): day is LocalDate => !!day);
  return days.length === 0 ? null : days.reduce((a, b) => (a > b ? a : b));
}

/** Every imported entry, as timeline entries; `since` keeps only entries from that day on. */
export async function allArchiveEntries(db: RelationshipDb, since?: LocalDate): Promise<ArchiveInteraction[]> {
  const rows = since === undefined ? await db.archiveEntries.toArray() : await db.archiveEntries.where('latest').aboveOrEqual(since).toArray();
  const entries = rows.flatMap(expandArchiveEntries);
  return since === undefined ? entries : entries.filter((entry) => entry.date >= since);
}
