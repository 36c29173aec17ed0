/** Undoing an import: every row it wrote put back as it was, unless changed since. */
import type { Interaction } from '../core/schema';
import type { RelationshipDb } from '../storage/db';
import { deleteRows, inBatches, storedRows, type KeyedTable } from '../storage/bulk';
import type { ImportUndo, SettingsStore } from './transaction';

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
 * Puts back what an import changed, in one transaction. A row changed since the import (a person,
 * a timeline entry, a person's imported entries) keeps that later change; `keptChanged` counts the
 * people kept so.
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
