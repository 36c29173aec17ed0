/**
 * An import's one read-write transaction (all of it or nothing), the summary of what it changed,
 * and the undo record that puts it back (`undo.ts`). Every kind of import writes through here.
 */
import type { ArchiveEntries, Contact, Interaction, Settings } from '../core/schema';
import { ImportError } from '../core/import-errors';
import { Pacer, type ProgressListener } from '../core/pacing';
import { isQuotaError, type RelationshipDb } from '../storage/db';
import type { ParsedImport } from './read-file';

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

/** What was imported: one of the files `parseImportText` knows, or LinkedIn's archive (utils/archive, written by `archive-import.ts`). */
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
  /** Known people whose position or company in the file differs from the last file's. */
  jobChanges: number;
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

/** A pacer for work inside an import's transaction: it pauses on a read, which keeps the transaction open. */
export const transactionPacer = (db: RelationshipDb) => new Pacer(() => db.contacts.get(''));

/** Counts rows written towards `total`, as the `saving` step. */
export function savingProgress(total: number, onProgress: ProgressListener | undefined) {
  let saved = 0;
  onProgress?.({ step: 'saving', done: 0, total, count: 0 });
  return (rows: number) => {
    saved += rows;
    onProgress?.({ step: 'saving', done: saved, total, count: saved });
  };
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
    jobChanges: 0,
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
