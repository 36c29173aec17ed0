/**
 * Writing an import: one read-write transaction, all of it or nothing, with a summary of what
 * changed and an undo record that puts it back.
 */
import { isQuotaError, type RelationshipDb } from '../storage/db';
import type { ArchiveEntries, Contact, Interaction } from '../core/schema';
import { nextFollowUpAfterContact } from '../followups/rules';
import { profileUrlFromKey } from '../core/profile-key';
import { newContact, storedArchiveEntrySchema, type Settings, type StoredArchiveEntry } from '../core/schema';
import type { ParsedBackup } from './backup';
import type { ConnectionRow } from '../archive/connections-csv';
import { ImportError } from '../core/import-errors';
import { Pacer, yieldToPage, type ProgressListener } from '../core/pacing';
import { parseImportText, readImportText, type ParsedImport } from './read-file';
import { forEachPage, type PagedTable } from '../storage/paging';
import { ARCHIVE_ID_PREFIX, archiveDetailSchema, type ArchiveDetail } from '../core/archive-entry';

const WRITE_BATCH = 500;

/** Where a backup's settings are read and written; the page hands in `settingsItem`. */
export interface SettingsStore {
  getValue(): Promise<Settings>;
  setValue(value: Settings): Promise<void>;
}

export interface ImportOptions {
  settings?: SettingsStore;
  now?: number;
  onProgress?: ProgressListener;
}

/** What was imported: one of the files `parseImportText` knows, or LinkedIn's archive (utils/linkedin-archive). */
export type ImportKind = ParsedImport['kind'] | 'linkedin-archive';

export interface ImportSummary {
  kind: ImportKind;
  /** People in the file that were imported: created + updated + unchanged. */
  people: number;
  created: number;
  updated: number;
  unchanged: number;
  skippedNoUrl: number;
  interactionsAdded: number;
  /** People who are not connections but with whom messages were exchanged, made contacts. */
  contactsFromMessages: number;
  settingsRestored: boolean;
}

/** What an import changed, to put back exactly. */
export interface ImportUndo {
  contacts: Array<{ key: string; before: Contact | null; writtenAt: number }>;
  interactions: Array<{ id: string; before: Interaction | null; writtenAt: number }>;
  /** People's rows of entries imported from LinkedIn's archive. */
  archiveEntries: Array<{ key: string; before: ArchiveEntries | null; writtenAt: number }>;
  settingsBefore: Settings | null;
}

export interface ImportOutcome {
  summary: ImportSummary;
  undo: ImportUndo;
}

export async function inBatches<T>(
  write: (rows: T[]) => Promise<unknown>,
  rows: T[],
  onBatch?: (written: number) => void,
): Promise<void> {
  for (let start = 0; start < rows.length; start += WRITE_BATCH) {
    await write(rows.slice(start, start + WRITE_BATCH));
    onBatch?.(Math.min(rows.length, start + WRITE_BATCH));
  }
}

/** Beyond this many rows one read of the whole table beats a lookup per row. */
const LOOKUP_LIMIT = 500;

type KeyedTable<T> = PagedTable<T> & {
  toCollection(): { primaryKeys(): Promise<unknown[]> };
  bulkGet(keys: string[]): Promise<Array<T | undefined>>;
};

/**
 * The stored rows among `keys`. One request lists every stored key; only the rows that exist are
 * then read, so 30,000 new people cost no lookups at all. Many are read page by page in key order.
 */
export async function storedRows<T>(table: KeyedTable<T>, keys: string[], keyOf: (row: T) => string): Promise<Map<string, T>> {
  if (keys.length === 0) return new Map();
  const present = new Set(await table.toCollection().primaryKeys());
  const wanted = new Set(keys.filter((key) => present.has(key)));
  const found = new Map<string, T>();
  if (wanted.size === 0) return found;
  if (wanted.size <= LOOKUP_LIMIT) {
    for (const row of await table.bulkGet([...wanted])) if (row) found.set(keyOf(row), row);
    return found;
  }
  await forEachPage(table, keyOf, (page) => {
    for (const row of page) if (wanted.has(keyOf(row))) found.set(keyOf(row), row);
  });
  return found;
}

/**
 * Deletes rows by key. Many keys are deleted as runs of neighbouring keys, one range request per
 * run: undoing a large import into an empty table is then a single request.
 */
async function deleteRows(
  table: {
    toCollection(): { primaryKeys(): Promise<unknown[]> };
    bulkDelete(keys: string[]): Promise<unknown>;
    where(index: ':id'): { between(lower: string, upper: string, includeLower: boolean, includeUpper: boolean): { delete(): Promise<number> } };
  },
  keys: string[],
): Promise<void> {
  if (keys.length <= LOOKUP_LIMIT) return inBatches((batch) => table.bulkDelete(batch), keys);
  const doomed = new Set(keys);
  const runs: Array<[string, string]> = [];
  let run: [string, string] | null = null;
  for (const key of (await table.toCollection().primaryKeys()) as string[]) {
    if (doomed.has(key)) {
      if (run) run[1] = key;
      else run = [key, key];
    } else if (run) {
      runs.push(run);
      run = null;
    }
  }
  if (run) runs.push(run);
  for (const [first, last] of runs) await table.where(':id').between(first, last, true, true).delete();
}

/** New rows are added (no lookup of what was there), changed rows are put; `onWritten` hears each batch's size. */
async function writeRows<T>(
  table: { bulkAdd(rows: T[]): Promise<unknown>; bulkPut(rows: T[]): Promise<unknown> },
  added: T[],
  changed: T[],
  onWritten: (rows: number) => void = () => {},
): Promise<void> {
  await inBatches((rows) => table.bulkAdd(rows).then(() => onWritten(rows.length)), added);
  await inBatches((rows) => table.bulkPut(rows).then(() => onWritten(rows.length)), changed);
}

/** A pacer for work inside an import's transaction: it pauses on a read, which keeps the transaction open. */
export const transactionPacer = (db: RelationshipDb) => new Pacer(() => db.contacts.get(''));

/** Counts rows written towards `total`, as the `saving` step. */
function savingProgress(total: number, onProgress: ProgressListener | undefined) {
  let saved = 0;
  onProgress?.({ step: 'saving', done: 0, total, count: 0 });
  return (rows: number) => {
    saved += rows;
    onProgress?.({ step: 'saving', done: saved, total, count: saved });
  };
}

/** Page-read and imported fields a known person gets from the file, only where they are empty. */
export function connectionChanges(existing: Contact, person: ConnectionRow): Partial<Contact> {
  const changes: Partial<Contact> = {};
  if (!existing.name.trim() && person.name) changes.name = person.name;
  if (!existing.headline.trim() && person.headline) changes.headline = person.headline;
  if (!existing.email.trim() && person.email) changes.email = person.email;
  if (!existing.profileUrl) changes.profileUrl = profileUrlFromKey(existing.key);
  if (!existing.connectedOn && person.connectedOn) changes.connectedOn = person.connectedOn;
  return changes;
}

function emptySummary(kind: ImportKind): ImportSummary {
  return {
    kind,
    people: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skippedNoUrl: 0,
    interactionsAdded: 0,
    contactsFromMessages: 0,
    settingsRestored: false,
  };
}

/**
 * Runs an import's writes in one read-write transaction (all of it or nothing), with a summary
 * and an undo record for `write` to fill. Every kind of import writes through here.
 */
export async function runImportTransaction(
  db: RelationshipDb,
  kind: ImportKind,
  write: (summary: ImportSummary, undo: ImportUndo) => Promise<void>,
): Promise<ImportOutcome> {
  const summary = emptySummary(kind);
  const undo: ImportUndo = { contacts: [], interactions: [], archiveEntries: [], settingsBefore: null };
  try {
    // An async function here, so Dexie keeps the transaction alive across the writer's awaits.
    await db.transaction('rw', db.contacts, db.interactions, db.archiveEntries, async () => {
      await write(summary, undo);
    });
  } catch (error) {
    throw new ImportError(isQuotaError(error) ? 'storage-full' : 'write-failed');
  }
  summary.people = summary.created + summary.updated + summary.unchanged;
  return { summary, undo };
}

async function writeConnections(
  db: RelationshipDb,
  people: ConnectionRow[],
  now: number,
  summary: ImportSummary,
  undo: ImportUndo,
  onProgress?: ProgressListener,
) {
  const existing = await storedRows(db.contacts, people.map((p) => p.key), (c) => c.key);
  const added: Contact[] = [];
  const changed: Contact[] = [];
  for (const person of people) {
    const before = existing.get(person.key);
    if (!before) {
      const fresh = newContact(person.key, now);
      added.push({ ...fresh, name: person.name, headline: person.headline, email: person.email, connectedOn: person.connectedOn });
      summary.created++;
    } else {
      const changes = connectionChanges(before, person);
      if (Object.keys(changes).length === 0) {
        summary.unchanged++;
        continue;
      }
      changed.push({ ...before, ...changes, updatedAt: now });
      summary.updated++;
    }
    undo.contacts.push({ key: person.key, before: before ?? null, writtenAt: now });
  }
  await writeRows(db.contacts, added, changed, savingProgress(added.length + changed.length, onProgress));
}

/** The entries imported from LinkedIn's archive, held in people's rows, that `entries` name, by id. */
async function heldImportedEntries(db: RelationshipDb, entries: readonly Interaction[]): Promise<Map<string, StoredArchiveEntry>> {
  const keys = new Set(entries.filter((entry) => entry.id.startsWith(ARCHIVE_ID_PREFIX)).map((entry) => entry.contactKey));
  const held = new Map<string, StoredArchiveEntry>();
  for (const row of (await storedRows(db.archiveEntries, [...keys], (r) => r.key)).values()) {
    for (const [id, entry] of Object.entries(row.entries)) held.set(id, entry);
  }
  return held;
}

// What an entry held in a person's row says: all it keeps but when it was stored.
const HELD_FIELDS = Object.keys(storedArchiveEntrySchema.entries).filter((field) => field !== 'createdAt') as Array<keyof StoredArchiveEntry>;
const DETAIL_FIELDS = Object.keys(archiveDetailSchema.entries) as Array<keyof ArchiveDetail>;

/** Whether a backup's entry says what an entry held in a person's row says (a copy of it, not an edit), or is older. */
function sameAsHeld(incoming: Interaction, held: StoredArchiveEntry | undefined): boolean {
  if (!held) return false;
  if (incoming.updatedAt <= held.createdAt) return true;
  return HELD_FIELDS.every((field) =>
    field === 'archive' ? DETAIL_FIELDS.every((detail) => incoming.archive?.[detail] === held.archive[detail]) : incoming[field] === held[field],
  );
}

async function writeBackup(
  db: RelationshipDb,
  parsed: ParsedBackup,
  now: number,
  summary: ImportSummary,
  undo: ImportUndo,
  onProgress?: ProgressListener,
) {
  const existing = await storedRows(db.contacts, parsed.contacts.map((c) => c.key), (c) => c.key);
  const pacer = transactionPacer(db);
  const winners = new Map<string, { contact: Contact; before: Contact | null; written: boolean }>();
  for (const incoming of parsed.contacts) {
    if (pacer.due()) await pacer.pause();
    const before = existing.get(incoming.key) ?? null;
    if (!before) {
      winners.set(incoming.key, { contact: incoming, before, written: true });
      summary.created++;
    } else if (incoming.updatedAt > before.updatedAt) {
      winners.set(incoming.key, { contact: incoming, before, written: true });
      summary.updated++;
    } else {
      winners.set(incoming.key, { contact: before, before, written: false });
      summary.unchanged++;
    }
  }

  const existingInteractions = await storedRows(db.interactions, parsed.interactions.map((i) => i.id), (i) => i.id);
  const imported = await heldImportedEntries(db, parsed.interactions);
  const addedInteractions: Interaction[] = [];
  const changedInteractions: Interaction[] = [];
  for (const incoming of parsed.interactions) {
    if (pacer.due()) await pacer.pause();
    const before = existingInteractions.get(incoming.id) ?? null;
    if (before && incoming.updatedAt <= before.updatedAt) continue;
    // Held among the person's imported entries, and the backup's copy says the same, or is older.
    if (!before && sameAsHeld(incoming, imported.get(incoming.id))) continue;
    (before ? changedInteractions : addedInteractions).push(incoming);
    undo.interactions.push({ id: incoming.id, before, writtenAt: incoming.updatedAt });
    if (!before) summary.interactionsAdded++;
    // A person known before may have gained a later contact than the one it remembers.
    const winner = winners.get(incoming.contactKey);
    if (winner?.before && incoming.date > (winner.contact.lastInteraction ?? '')) {
      if (!winner.written) {
        summary.unchanged--;
        summary.updated++;
      }
      winner.contact = {
        ...winner.contact,
        lastInteraction: incoming.date,
        nextFollowUp: nextFollowUpAfterContact(winner.contact, incoming.date),
        updatedAt: Math.max(winner.contact.updatedAt, now),
      };
      winner.written = true;
    }
  }

  const added: Contact[] = [];
  const changed: Contact[] = [];
  for (const { contact, before, written } of winners.values()) {
    if (pacer.due()) await pacer.pause();
    if (!written) continue;
    (before ? changed : added).push(contact);
    undo.contacts.push({ key: contact.key, before, writtenAt: contact.updatedAt });
  }
  const written = savingProgress(added.length + changed.length + addedInteractions.length + changedInteractions.length, onProgress);
  await writeRows(db.contacts, added, changed, written);
  await writeRows(db.interactions, addedInteractions, changedInteractions, written);
}

/**
 * Writes a checked import in one read-write transaction: all of it or nothing. Known people are
 * merged (a backup's newer `updatedAt` wins; Connections.csv only fills empty fields), and what
 * each written row was before is kept for `undoImport`.
 */
export async function applyImport(
  db: RelationshipDb,
  parsed: ParsedImport,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const now = options.now ?? Date.now();
  const { summary, undo } = await runImportTransaction(db, parsed.kind, async (summary, undo) => {
    if (parsed.kind === 'connections') await writeConnections(db, parsed.people, now, summary, undo, options.onProgress);
    else await writeBackup(db, parsed, now, summary, undo, options.onProgress);
  });
  if (parsed.kind === 'connections') summary.skippedNoUrl = parsed.skippedNoUrl;
  if (parsed.kind === 'backup' && parsed.settings && options.settings) {
    undo.settingsBefore = await options.settings.getValue();
    await options.settings.setValue(parsed.settings);
    summary.settingsRestored = true;
  }
  return { summary, undo };
}

/** Reads, recognises, checks and then writes a file: LinkedIn's Connections.csv or a JSON backup. */
export async function importFile(
  db: RelationshipDb,
  input: Blob | string,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  options.onProgress?.({ step: 'reading', done: 0, total: 1, count: 0 });
  const text = await readImportText(input);
  await yieldToPage();
  const parsed = await parseImportText(text, options.onProgress);
  return applyImport(db, parsed, options);
}

/**
 * What undo writes for rows stored by key: each row as it was before, or deleted when it was new;
 * a row changed since the import (another `updatedAt`) is kept, and counted.
 */
async function rowsToPutBack<T extends { updatedAt: number }>(
  table: KeyedTable<T>,
  written: ReadonlyArray<{ key: string; before: T | null; writtenAt: number }>,
  keyOf: (row: T) => string,
): Promise<{ puts: T[]; deletes: string[]; kept: number }> {
  const now = await storedRows(table, written.map((w) => w.key), keyOf);
  const puts: T[] = [];
  const deletes: string[] = [];
  let kept = 0;
  for (const { key, before, writtenAt } of written) {
    if (now.get(key)?.updatedAt !== writtenAt) kept++;
    else if (before) puts.push(before);
    else deletes.push(key);
  }
  return { puts, deletes, kept };
}

/**
 * Puts back what an import changed, in one transaction. A row edited since the import keeps that
 * later edit: it is counted in `keptChanged` instead of being rolled back.
 */
export async function undoImport(
  db: RelationshipDb,
  undo: ImportUndo,
  settings?: SettingsStore,
): Promise<{ restored: number; keptChanged: number }> {
  let restored = 0;
  let keptChanged = 0;
  await db.transaction('rw', db.contacts, db.interactions, db.archiveEntries, async () => {
    const contacts = await rowsToPutBack(db.contacts, undo.contacts, (c) => c.key);
    restored = contacts.puts.length + contacts.deletes.length;
    keptChanged = contacts.kept;
    // A person's imported entries changed since (one edited, or deleted) keep that change, like a person.
    const imported = await rowsToPutBack(db.archiveEntries, undo.archiveEntries, (row) => row.key);
    const interactionsNow = await storedRows(db.interactions, undo.interactions.map((i) => i.id), (i) => i.id);
    const interactionPuts: Interaction[] = [];
    const interactionDeletes: string[] = [];
    for (const entry of undo.interactions) {
      if (interactionsNow.get(entry.id)?.updatedAt !== entry.writtenAt) continue;
      if (entry.before) interactionPuts.push(entry.before);
      else interactionDeletes.push(entry.id);
    }
    await deleteRows(db.contacts, contacts.deletes);
    await inBatches((rows) => db.contacts.bulkPut(rows), contacts.puts);
    await deleteRows(db.archiveEntries, imported.deletes);
    await inBatches((rows) => db.archiveEntries.bulkPut(rows), imported.puts);
    await deleteRows(db.interactions, interactionDeletes);
    await inBatches((rows) => db.interactions.bulkPut(rows), interactionPuts);
  });
  if (undo.settingsBefore && settings) await settings.setValue(undo.settingsBefore);
  return { restored, keptChanged };
}
