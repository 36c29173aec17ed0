import { archiveEntriesRow, storedArchiveEntry, tallyOf } from '../people/timeline';
import type { ArchiveEntries, Contact, Interaction } from '../core/schema';
import type { RelationshipDb } from '../storage/db';
import { newContact } from '../core/schema';
import { nextFollowUpAfterContact } from '../followups/rules';
import { connectionChanges, newRoleFromFile } from './connections-merge';
import { inBatches } from '../storage/bulk';
import { slices } from '../core/slices';
import { runImportTransaction, transactionPacer, type ImportOutcome } from './transaction';
import { CONNECTION_COLUMNS, connectionFromRow, fillEmpty, type ConnectionRow } from '../archive/connections-csv';
import { ImportError } from '../core/import-errors';
import { yieldToPage, type ProgressListener } from '../core/pacing';
import { parseCsvRows, readCsvTable } from '../archive/csv';
import { parseInvitationRows } from '../archive/invitations';
import { MESSAGE_COLUMNS, messageReader } from '../archive/message-rows';
import { planArchiveImport, type ArchiveContents, type ArchivePlan } from '../archive/plan';
import { ownerNameFromProfile } from '../archive/profile';
import { isZip, readArchiveZip, type ArchiveFileName } from '../archive/zip';

/** The largest archive ZIP, or single CSV of it, that is imported. */
export const MAX_ARCHIVE_BYTES = 300 * 1024 * 1024;
export const MAX_ARCHIVE_MEGABYTES = MAX_ARCHIVE_BYTES / 1024 / 1024;

export interface ArchiveImportOptions {
  keepExcerpts?: boolean;
  now?: number;
  onProgress?: ProgressListener;
}

const SNIFF_BYTES = 64 * 1024;
/** Known people read per request while comparing the archive with the network. */
const READ_SLICE = 1_000;

/** Which of the archive's CSVs a text is, from its header; null for anything else (e.g. Connections.csv). */
export function archiveCsvKind(text: string): 'messages.csv' | 'invitations.csv' | null {
  const head = text.slice(0, SNIFF_BYTES).toLowerCase();
  if (head.includes('conversation id') && head.includes('sender profile url')) return 'messages.csv';
  if (head.includes('direction') && head.includes('sent at')) return 'invitations.csv';
  return null;
}

/** Whether a file is LinkedIn's archive ZIP or its messages.csv or Invitations.csv, which this module imports. */
export async function isArchiveFile(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return isZip(head) || archiveCsvKind(new TextDecoder().decode(head)) !== null;
}


/** Reads and checks every file of the archive (or the one CSV); nothing is written. */
export async function readArchiveContents(file: Blob, options: ArchiveImportOptions = {}): Promise<ArchiveContents> {
  if (file.size > MAX_ARCHIVE_BYTES) throw new ImportError('archive-too-large');
  if (file.size === 0) throw new ImportError('empty');
  const report = options.onProgress ?? (() => {});
  report({ step: 'reading', done: 0, total: 1, count: 0 });
  const bytes = new Uint8Array(await file.arrayBuffer());
  await yieldToPage();
  let texts: Partial<Record<ArchiveFileName, string>>;
  if (isZip(bytes)) {
    texts = await readArchiveZip(bytes, (done, total) => report({ step: 'reading', done, total, count: 0 }));
  } else {
    const text = new TextDecoder('utf-8').decode(bytes);
    const kind = archiveCsvKind(text);
    if (!kind) throw new ImportError('unrecognised');
    texts = { [kind]: text };
  }
  report({ step: 'reading', done: 1, total: 1, count: 0 });
  await yieldToPage();

  const contents: ArchiveContents = {
    connections: [],
    messages: [],
    invitations: [],
    ownerName: '',
    keepExcerpts: options.keepExcerpts ?? false,
  };
  if (texts['connections.csv'] !== undefined) {
    const people = new Map<string, ConnectionRow>();
    await readCsvTable(
      texts['connections.csv'],
      CONNECTION_COLUMNS,
      'Connections.csv',
      (row, at) => {
        const person = connectionFromRow(row, at);
        if (!person) return;
        const seen = people.get(person.key);
        people.set(person.key, seen ? fillEmpty(seen, person) : person);
      },
      (done, total, count) => report({ step: 'connections', done, total, count }),
    );
    contents.connections = [...people.values()];
  }
  if (texts['profile.csv'] !== undefined) {
    try {
      contents.ownerName = ownerNameFromProfile(await parseCsvRows(texts['profile.csv']));
    } catch {
      // Profile.csv only helps to recognise the owner; messages and invitations do that too.
    }
  }
  if (texts['invitations.csv'] !== undefined) {
    const rows = await parseCsvRows(texts['invitations.csv'], (done, total, count) =>
      report({ step: 'invitations', done, total, count }),
    );
    contents.invitations = parseInvitationRows(rows).invitations;
    report({ step: 'invitations', done: 1, total: 1, count: contents.invitations.length });
  }
  if (texts['messages.csv'] !== undefined) {
    const reader = messageReader(contents.keepExcerpts);
    await readCsvTable(texts['messages.csv'], MESSAGE_COLUMNS, 'messages.csv', reader.add, (done, total, count) =>
      report({ step: 'messages', done, total, count }),
    );
    contents.messages = reader.result().messages;
    report({ step: 'messages', done: 1, total: 1, count: contents.messages.length });
    await yieldToPage();
  }
  return contents;
}

/**
 * Writes a plan through the import machinery of `import-file` (one transaction, undo record).
 * Entries go into each person's row of imported entries (`utils/people/timeline.ts`). Entries
 * already stored (same id, in that row or as a timeline row) are skipped, so importing the same or
 * a newer archive again adds only what is new. Last contact moves only forward; with a cadence, so
 * does the next follow-up. Fields the user wrote are never touched.
 */
export function applyArchivePlan(db: RelationshipDb, plan: ArchivePlan, options: ArchiveImportOptions = {}): Promise<ImportOutcome> {
  const now = options.now ?? Date.now();
  const report = options.onProgress ?? (() => {});
  return runImportTransaction(db, 'linkedin-archive', async (summary, undo) => {
    const [entryIds, contactKeys, importedKeys] = (await Promise.all(
      [db.interactions, db.contacts, db.archiveEntries].map((table) => table.toCollection().primaryKeys()),
    )) as string[][];
    const storedIds = new Set(entryIds);
    const storedKeys = new Set([...contactKeys!, ...importedKeys!]);
    const everyone = new Set([...plan.people.keys(), ...plan.entries.map((entry) => entry.contactKey)]);
    const known = [...everyone].filter((key) => storedKeys.has(key));
    // Comparing: reading the known people, then each entry, then each person; the bar moves through all three.
    const comparing = { done: 0, total: known.length + plan.entries.length + everyone.size };
    const compared = (steps: number) => {
      comparing.done += steps;
      report({ step: 'comparing', done: comparing.done, total: comparing.total, count: comparing.done });
    };
    compared(0);
    // Read in slices, not all at once: a network of 30,000 takes seconds to read, and the page keeps showing progress.
    const existing = new Map<string, Contact>();
    const importedBefore = new Map<string, ArchiveEntries>();
    for (const slice of slices(known, READ_SLICE)) {
      const [contacts, imported] = await Promise.all([db.contacts.bulkGet(slice), db.archiveEntries.bulkGet(slice)]);
      for (const contact of contacts) if (contact) existing.set(contact.key, contact);
      for (const row of imported) {
        if (!row) continue;
        importedBefore.set(row.key, row);
        for (const id of Object.keys(row.entries)) storedIds.add(id);
      }
      compared(slice.length);
    }
    const pacer = transactionPacer(db);
    let sinceReport = 0;
    // Synchronous, so the loops below await the pause itself: no async layer between them and the transaction.
    const due = () => {
      sinceReport++;
      if (!pacer.due()) return false;
      compared(sinceReport);
      sinceReport = 0;
      return true;
    };
    // What is new, added to each person's row of imported entries.
    const fresh = new Map<string, ArchiveEntries['entries']>();
    for (const entry of plan.entries) {
      if (due()) await pacer.pause();
      if (storedIds.has(entry.id) || !(plan.people.has(entry.contactKey) || existing.has(entry.contactKey))) continue;
      storedIds.add(entry.id);
      let entries = fresh.get(entry.contactKey);
      if (!entries) fresh.set(entry.contactKey, (entries = {}));
      entries[entry.id] = storedArchiveEntry({ ...entry, createdAt: now, updatedAt: now });
    }
    const importedRows: ArchiveEntries[] = [];
    // New entries written with the rows before each row, for the saving progress.
    const entriesBefore = [0];

    const added: Contact[] = [];
    const changed: Contact[] = [];
    const roles: Interaction[] = [];
    for (const key of everyone) {
      if (due()) await pacer.pause();
      const entries = fresh.get(key);
      if (entries) {
        const before = importedBefore.get(key) ?? null;
        importedRows.push(archiveEntriesRow(key, { ...before?.entries, ...entries }, now)!);
        entriesBefore.push(entriesBefore.at(-1)! + Object.keys(entries).length);
        undo.archiveEntries.push({ key, before, writtenAt: now });
      }
      const before = existing.get(key);
      const person = plan.people.get(key);
      // The latest of the new entries: last contact only moves forward.
      const day = entries ? tallyOf(Object.values(entries)).latest : null;
      if (!before) {
        if (!person) continue;
        const { fromMessages, ...fields } = person;
        added.push({ ...newContact(key, now), ...fields, importedRole: fields.headline, lastInteraction: day });
        summary.created++;
        if (fromMessages) summary.contactsFromMessages++;
        undo.contacts.push({ key, before: null, writtenAt: now });
        continue;
      }
      const role = person ? newRoleFromFile(before, person, now, summary, undo) : null;
      if (role) roles.push(role);
      const changes: Partial<Contact> = person ? connectionChanges(before, person) : {};
      if (day && day > (before.lastInteraction ?? '')) {
        changes.lastInteraction = day;
        const next = before.cadenceDays ? nextFollowUpAfterContact(before, day) : null;
        // The clock restarts from the imported contact, but never pulls a later date the user set nearer.
        if (next && next > (before.nextFollowUp ?? '')) changes.nextFollowUp = next;
      }
      if (Object.keys(changes).length === 0) {
        summary.unchanged++;
        continue;
      }
      changed.push({ ...before, ...changes, updatedAt: now });
      summary.updated++;
      undo.contacts.push({ key, before, writtenAt: now });
    }

    const newEntries = entriesBefore.at(-1)!;
    // Counted as people and timeline entries, as the summary counts them, not as rows.
    const total = added.length + changed.length + newEntries;
    let saved = 0;
    const progress = (batch: number) => report({ step: 'saving', done: saved + batch, total, count: saved + batch });
    report({ step: 'saving', done: 0, total, count: 0 });
    // Empty lists are skipped: awaiting a promise with no database request in it lets the transaction commit early.
    if (added.length > 0) await inBatches((batch) => db.contacts.bulkAdd(batch), added, progress);
    saved += added.length;
    if (changed.length > 0) await inBatches((batch) => db.contacts.bulkPut(batch), changed, progress);
    saved += changed.length;
    if (importedRows.length > 0) {
      await inBatches((batch) => db.archiveEntries.bulkPut(batch), importedRows, (rows) => progress(entriesBefore[rows]!));
    }
    if (roles.length > 0) await db.interactions.bulkAdd(roles);
    summary.interactionsAdded = newEntries;
  });
}

/** LinkedIn's archive ZIP, or its messages.csv or Invitations.csv alone: read, checked, then written at once. */
export async function importLinkedInArchive(db: RelationshipDb, file: Blob, options: ArchiveImportOptions = {}): Promise<ImportOutcome> {
  const contents = await readArchiveContents(file, options);
  const report = options.onProgress;
  const plan = await planArchiveImport(contents, { onProgress: (done, total) => report?.({ step: 'matching', done, total, count: done }) });
  return applyArchivePlan(db, plan, options);
}
