import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect as pwExpect, openExtensionPage, openLinkedIn, setStorage, sidebar } from '../fixtures';
import { browserErrors, launchWithExtension, type LaunchedExtension } from '../../support/launch';
import { fillSyncSetup, grantSiteAccess, makeFolder, syncNow, waitForFirstSync, webdavServerFor } from '../../support/sync-devices';
import { findNode, nodesWithin, visibleText, type NodeQuery } from './a11y';
import type { FirefoxWithExtension } from './firefox';
import { expect, test } from './fixtures';
import { typeSyncAccount } from './sync-setup';

// Chromium ("A", the writer) and Firefox in Spanish ("B", the reader) sync through a real Apache
// mod_dav on 127.0.0.1; the server then loses one of A's files (removed on disk), as a server that
// misbehaves may. Firefox must name the browser whose history has a gap, in plain Spanish, on its
// Settings page; A must notice its file gone and write its notes again; then Firefox has them all.
// Firefox is read and driven through its accessibility tree (BiDi cannot see extension pages).

test.use({ firefoxOptions: { locale: 'es-ES' } });

const PASSPHRASE = 'correct horse battery staple';
const server = webdavServerFor(test);
let chromium: LaunchedExtension | undefined;
test.afterEach(async () => {
  await chromium?.close();
  chromium = undefined;
});

// Firefox's interface, in Spanish (locales/es.yml).
const field = (name: string, role = 'entry'): NodeQuery => ({ role, name });
const SIDEBAR = 'Notas de relaciones';
const NOTES = field('Notas');
const SYNC_NOW = { role: 'pushbutton', name: 'Sincronizar ahora' };
const FINDINGS = { role: 'list', name: 'Lo que la sincronización encontró en el servidor' };

interface ChromeAlarms {
  chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } };
}

/** The lines of the Settings page's findings list, as a screen reader reads them; null when there is no list. */
async function findings(firefox: FirefoxWithExtension): Promise<string[] | null> {
  const nodes = await firefox.tree();
  if (!findNode(nodes, FINDINGS)) return null;
  const count = nodesWithin(nodes, FINDINGS).filter((node) => node.role === 'listitem').length;
  return Array.from({ length: count }, (_, nth) => visibleText(nodesWithin(nodes, { role: 'listitem', nth, within: FINDINGS })));
}

/** When Firefox's last sync run finished (the status its Settings page shows), 0 before any. */
async function firefoxFinishedAt(firefox: FirefoxWithExtension): Promise<number> {
  const { syncStatus } = (await firefox.extensionStorage(['syncStatus'])) as { syncStatus?: { finishedAt: number | null } };
  return syncStatus?.finishedAt ?? 0;
}

/** Presses "Sincronizar ahora" on Firefox's Settings page (the selected tab) and waits until that run is over. */
async function syncFirefox(firefox: FirefoxWithExtension): Promise<void> {
  const before = await firefoxFinishedAt(firefox);
  await expect.poll(async () => (await firefox.find(SYNC_NOW))?.unavailable).toBe(false);
  await firefox.press(SYNC_NOW);
  await expect.poll(() => firefoxFinishedAt(firefox), { timeout: 20_000 }).toBeGreaterThan(before);
}

/** Opens Kenji's profile in Firefox; what its sidebar shows in "Notas". */
async function kenjiNotesInFirefox(firefox: FirefoxWithExtension): Promise<() => Promise<string | undefined>> {
  await firefox.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(async () => visibleText(await firefox.tree(SIDEBAR))).toContain('Kenji');
  return async () => (await firefox.find(NOTES, SIDEBAR))?.value;
}

test('Firefox in Spanish: a file lost on the server is named as a gap in “Laptop”’s history, until Chromium writes its notes again', async ({ firefox }) => {
  test.setTimeout(180_000);
  const errorsBefore = browserErrors.length;
  const folder = await makeFolder(server(), 'lost-file-firefox');
  const root = join(server().root, new URL(folder).pathname, 'relationship-notes');
  const deviceFolders = () => readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  let aFolder = '';

  // A: Chromium, in English, syncing first.
  chromium = await launchWithExtension();
  await setStorage(chromium, { sidebarMoreOpen: true });
  await grantSiteAccess(chromium, server().url);
  const options: Page = await openExtensionPage(chromium, 'options.html');
  await fillSyncSetup(options, { folder, username: server().username, password: server().password, passphrase: PASSPHRASE });
  await waitForFirstSync(options);
  // A is named by its user; B names it so when it finds something wrong with A's files.
  const name = options.getByLabel('Name of this browser');
  await name.fill('Laptop');
  await name.press('Enter');
  await pwExpect(options.getByText('Name saved.', { exact: false })).toBeVisible();

  // B: Firefox, in Spanish, joins the folder before A writes its notes.
  await firefox.setExtensionStorage({ sidebarMoreOpen: true });
  await firefox.openExtensionPage('options.html');
  await typeSyncAccount(firefox, { folder, username: server().username, password: server().password, passphrase: PASSPHRASE }, 'es');
  await firefox.press({ role: 'pushbutton', name: 'Activar la sincronización' });
  await expect.poll(async () => visibleText(await firefox.tree()), { timeout: 30_000 }).toMatch(/Última sincronización: /);

  // A's first file holds everything (a snapshot); each later one, what changed since (a log).
  const kenji = await openLinkedIn(chromium, '/in/kenji-tanaka/');
  const notes = sidebar(kenji).getByLabel('Notes', { exact: true });
  const edits = ['Met at PyData Osaka.', 'Met at PyData Osaka. Loves sailing.', 'Met at PyData Osaka. Hiring a data lead.'];
  for (const text of edits) {
    const foldersBefore = deviceFolders();
    await notes.fill(text);
    await pwExpect(sidebar(kenji).getByRole('status')).toHaveText('Saved');
    expect(await syncNow(options)).toBeNull();
    // A's first note is its first file, in a folder of its own (Firefox, idle, writes nothing meanwhile).
    if (!aFolder) {
      const made = deviceFolders().filter((entry) => !foldersBefore.includes(entry));
      expect(made).toHaveLength(1);
      aFolder = made[0]!;
    }
  }
  // "Sync now" sent every change, so no sync is left waiting for more: none runs behind the test's back.
  expect(await options.evaluate(() => (globalThis as unknown as ChromeAlarms).chrome.alarms.get('sync-soon'))).toBeUndefined();

  // The server loses A's older log; the newer one says it builds on it.
  const files = readdirSync(join(root, aFolder)).sort();
  expect(files.filter((file) => file.startsWith('s-')).length).toBeGreaterThanOrEqual(1);
  const logs = files.filter((file) => file.startsWith('l-'));
  expect(logs.length).toBeGreaterThanOrEqual(2);
  rmSync(join(root, aFolder, logs[0]!));

  // Firefox (its Settings page is the selected tab) finds the gap and names A as A's user named it.
  await syncFirefox(firefox);
  await expect.poll(() => findings(firefox)).toEqual([
    expect.stringMatching(/^«Laptop» tiene un hueco en su historial en el servidor: falta 1 de sus archivos, así que sus cambios posteriores esperan\./),
  ]);

  // A's next sync notices its file gone and writes all its notes there again, and says so.
  expect(await syncNow(options)).toBeNull();
  await pwExpect(options.getByRole('list', { name: 'What sync found on the server' }).getByRole('listitem')).toHaveText([
    'Some of this browser’s files were missing or cut short on the server, so it wrote all its notes there again. Nothing was lost.',
  ]);

  // Until Firefox syncs again, its sidebar shows what A's snapshot held: the changes after the gap wait.
  await expect.poll(await kenjiNotesInFirefox(firefox)).toBe(edits[0]);

  await firefox.openExtensionPage('options.html');
  await expect.poll(() => findings(firefox)).not.toBeNull();
  await syncFirefox(firefox);
  await expect.poll(() => findings(firefox)).toBeNull();
  expect(visibleText(await firefox.tree())).not.toContain('Laptop');
  await expect.poll(await kenjiNotesInFirefox(firefox)).toBe(edits[2]);

  expect(firefox.extensionErrors()).toEqual([]);
  // Chromium logged nothing either, but the 404 of key.json when it made the new folder.
  expect(
    browserErrors
      .slice(errorsBefore)
      .filter((error) => !/\/options\.html: Failed to load resource: the server responded with a status of 404 \(Not Found\)$/.test(error)),
  ).toEqual([]);
});
