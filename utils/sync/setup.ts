/** Turning sync on and off, from the settings page. */
import type { RelationshipDb } from '../storage/db';
import type { SyncAccount } from './state';
import { forgetFolder, rememberFolder, unlockFolder } from './engine';
import type { KdfParams } from './kdf';
import { createWebdavClient, folderUrl, WebdavError } from './webdav';

/** The one origin sync asks permission for, as a match pattern. */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  // Match patterns name no port: the permission covers the host.
  return `${protocol}//${hostname}/*`;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** `https` is fine; plain `http` only on this computer, or after the user accepts the warning. */
export type ServerUrlCheck = 'ok' | 'insecure' | 'invalid';

export function checkServerUrl(text: string): ServerUrlCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'invalid';
  }
  if (url.username || url.password || url.hash) return 'invalid';
  if (url.protocol === 'https:') return 'ok';
  if (url.protocol === 'http:') return isLoopbackHost(url.hostname) ? 'ok' : 'insecure';
  return 'invalid';
}

export function normalizedAccount(account: SyncAccount): SyncAccount {
  return { url: folderUrl(account.url.trim()), username: account.username.trim(), password: account.password };
}

/**
 * Checks the account, then opens the folder's key with the passphrase (or creates one in an empty
 * folder) and keeps the key on this device. A wrong passphrase or a refused login writes nothing.
 */
export async function connectSync(
  db: RelationshipDb,
  account: SyncAccount,
  passphrase: string,
  { fetchFn, kdf, strongEnough }: { fetchFn?: typeof fetch; kdf?: KdfParams; strongEnough?: boolean } = {},
): Promise<void> {
  const dav = createWebdavClient(account, fetchFn ? { fetchFn } : {});
  if ((await dav.list('')) === null) throw new WebdavError('not-a-folder', 404);
  const { key, info } = await unlockFolder(dav, passphrase, { kdf, strongEnough });
  await rememberFolder(db, key, info);
}

export async function disconnectSync(db: RelationshipDb): Promise<void> {
  await forgetFolder(db);
}

