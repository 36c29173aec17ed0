/**
 * Importing a file the options page takes: LinkedIn's archive and its CSVs (`archive-import.ts`),
 * its Connections.csv, or a JSON backup, each read, recognised and checked before one transaction writes it.
 */
import { yieldToPage } from '../core/pacing';
import type { RelationshipDb } from '../storage/db';
import { importLinkedInArchive, isArchiveFile, type ArchiveImportOptions } from './archive-import';
import { writeConnections } from './connections-merge';
import { parseImportText, readImportText, type ParsedImport } from './read-file';
import { writeBackup } from './restore';
import { runImportTransaction, type ImportOptions, type ImportOutcome, type SettingsStore } from './transaction';

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

/** Any file the options page accepts: the archive and its CSVs, Connections.csv, or a backup. */
export async function importAnyFile(
  db: RelationshipDb,
  file: Blob,
  options: ArchiveImportOptions & { settings?: SettingsStore } = {},
): Promise<ImportOutcome> {
  if (await isArchiveFile(file)) return importLinkedInArchive(db, file, options);
  return importFile(db, file, options);
}
