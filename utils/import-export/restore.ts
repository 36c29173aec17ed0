/** A JSON backup merged into the network: the newer side of each person and timeline entry wins. */
import { ARCHIVE_ID_PREFIX, archiveDetailSchema, type ArchiveDetail } from '../core/archive-entry';
import type { ProgressListener } from '../core/pacing';
import { storedArchiveEntrySchema, type Contact, type Interaction, type StoredArchiveEntry } from '../core/schema';
import { nextFollowUpAfterContact } from '../followups/rules';
import type { RelationshipDb } from '../storage/db';
import { storedRows, writeRows } from '../storage/bulk';
import type { ParsedBackup } from './backup';
import { savingProgress, transactionPacer, type ImportSummary, type ImportUndo } from './transaction';

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

/** Writes a checked backup: a person or entry newer than the stored one replaces it, an older one is skipped. */
export async function writeBackup(
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
