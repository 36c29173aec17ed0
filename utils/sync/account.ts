/** Sync's account as kept: its address where every page reads it, its password where none but the extension's own do. */
import type { RelationshipDb } from '../storage/db';
import { syncAccountItem, type SyncAccount, type SyncAccountShown } from './state';
import { getMeta, META, setMeta } from './meta';

/**
 * The account with its password: the address from `storage.local`, the password from the
 * database, which only the extension's own pages and worker open. A password an earlier version
 * kept in `storage.local` moves to the database the first time it is read.
 */
export async function readSyncAccount(db: RelationshipDb): Promise<SyncAccount | null> {
  const shown = (await syncAccountItem.getValue()) as (SyncAccountShown & { password?: unknown }) | null;
  if (!shown) return null;
  if (typeof shown.password === 'string') await saveSyncAccount(db, { url: shown.url, username: shown.username, password: shown.password });
  return { url: shown.url, username: shown.username, password: (await getMeta<string>(db, META.password)) ?? '' };
}

/** Keeps the account: its address where pages show it, its password in the database. */
export async function saveSyncAccount(db: RelationshipDb, account: SyncAccount): Promise<void> {
  await setMeta(db, META.password, account.password);
  await syncAccountItem.setValue({ url: account.url, username: account.username });
}

/** Forgets the account and its password. */
export async function forgetSyncAccount(db: RelationshipDb): Promise<void> {
  await syncAccountItem.setValue(null);
  await db.syncMeta.delete(META.password);
}
