import type { RelationshipDb } from './db';

/**
 * Deletes every person and timeline entry on this device, with what sync knew of them, then the
 * extension's stored settings and drafts (sync's account among them, so sync stops and the other
 * devices keep their notes). `clearStorage` is handed in (the page passes `browser.storage.local.clear`).
 */
export async function deleteAllData(db: RelationshipDb, clearStorage: () => Promise<void>): Promise<void> {
  await db.transaction('rw', [db.contacts, db.interactions, db.archiveEntries, db.syncRecords, db.syncChanges, db.syncMeta], async () => {
    await db.contacts.clear();
    await db.interactions.clear();
    await db.archiveEntries.clear();
    await db.syncRecords.clear();
    await db.syncChanges.clear();
    await db.syncMeta.clear();
  });
  await clearStorage();
}

const UNITS = [
  ['byte', 1],
  ['kilobyte', 1024],
  ['megabyte', 1024 ** 2],
  ['gigabyte', 1024 ** 3],
  ['terabyte', 1024 ** 4],
] as const;

/** A size the way the user's language writes it: "1.2 MB", "1,2 MB". */
export function formatBytes(bytes: number, locale: string): string {
  const [unit, size] = [...UNITS].reverse().find(([, size]) => bytes >= size) ?? UNITS[0];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: size === 1 ? 0 : 1,
  }).format(bytes / size);
}

/** Whether the typed confirmation matches the word the page asks for (spaces and case aside). */
export function confirmsDeletion(typed: string, word: string): boolean {
  return typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();
}
