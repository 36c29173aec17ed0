/**
 * Browsers syncing through the test WebDAV server (`tests/support/webdav-server.ts`): what the sync tests
 * and the sync bench do the way a user does it, written once.
 */
import { expect, type Page } from '@playwright/test';
import type { SyncStatus } from '../../utils/sync/state';
import { originPattern } from '../../utils/sync/setup';
import { removeWebdavServer, startWebdavServer, type WebdavServer } from './webdav-server';
import type { LaunchedExtension } from './launch';

/**
 * Grants the extension the server's site, as a user can under chrome://extensions → Site access.
 * Headless Chromium cannot answer the prompt of `permissions.request`; once the site is granted,
 * the extension's own request resolves at once, unprompted (checked in Chromium 156).
 */
export async function grantSiteAccess(ext: LaunchedExtension, serverUrl: string): Promise<void> {
  const page = await ext.context.newPage();
  // The page's API is there once its document is: no need to wait for its interface to be drawn.
  await page.goto('chrome://extensions', { waitUntil: 'commit' });
  await page.evaluate(
    ([id, origin]) =>
      (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(id!, origin!),
    [ext.extensionId, originPattern(serverUrl)],
  );
  await page.close();
}

/** A new, empty folder on the server, as a user makes one for their notes; its address. */
export async function makeFolder(server: WebdavServer, name: string): Promise<string> {
  const response = await fetch(`${server.url}${name}/`, {
    method: 'MKCOL',
    headers: { authorization: `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}` },
  });
  expect(response.status).toBe(201);
  return `${server.url}${name}/`;
}

export interface SyncAccountFields {
  folder: string;
  username: string;
  password: string;
  passphrase: string;
}

/** Fills the options page's Sync section and presses "Turn on sync"; when it was pressed. */
export async function fillSyncSetup(options: Page, account: SyncAccountFields): Promise<number> {
  const section = options.getByRole('region', { name: 'Sync between your browsers' });
  await section.getByLabel('Server folder address').fill(account.folder);
  await section.getByLabel('User name').fill(account.username);
  await section.getByLabel('Password or app password').fill(account.password);
  await section.getByLabel('Sync passphrase').fill(account.passphrase);
  const pressed = Date.now();
  await section.getByRole('button', { name: 'Turn on sync' }).click();
  return pressed;
}

/** The sync status the background keeps (`syncStatusItem`), read from an extension page; null before any. */
export async function syncStatus(page: Page): Promise<SyncStatus | null> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, SyncStatus>> } } } }).chrome;
    return (await api.storage.local.get('syncStatus')).syncStatus ?? null;
  });
}

/** When the last sync finished and what went wrong. */
export async function lastFinished(options: Page): Promise<{ finishedAt: number; problem: string | null }> {
  const status = await syncStatus(options);
  return { finishedAt: status?.finishedAt ?? 0, problem: status?.problem ?? null };
}

/** Clicks "Sync now" and waits for that run to finish; what went wrong, or null. */
export async function syncNow(options: Page): Promise<string | null> {
  const before = (await lastFinished(options)).finishedAt;
  // The user goes back to the options page's tab. Left behind another, its frames are not drawn,
  // and the click waits the seconds Chromium takes to draw one anyway before it is sure where the button is.
  await options.bringToFront();
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(async () => (await lastFinished(options)).finishedAt, { timeout: 20_000 }).toBeGreaterThan(before);
  return (await lastFinished(options)).problem;
}

export async function waitForFirstSync(options: Page): Promise<void> {
  await expect(options.getByText(/^Last synced: /)).toBeVisible({ timeout: 30_000 });
}

/** A WebDAV server for the tests of one file: started before them, stopped and removed after. */
export function webdavServerFor(test: { beforeAll(fn: () => Promise<void>): void; afterAll(fn: () => Promise<void>): void }): () => WebdavServer {
  let server: WebdavServer | undefined;
  test.beforeAll(async () => {
    server = await startWebdavServer();
  });
  test.afterAll(async () => {
    if (!server) return;
    await server.stop();
    removeWebdavServer(server);
  });
  return () => {
    if (!server) throw new Error('The WebDAV server is not running');
    return server;
  };
}
