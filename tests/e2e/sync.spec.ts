import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { archiveFiles, archiveZip, daysAgo, KENJI_LAST_MESSAGE } from '../fixtures/linkedin-archive';
import { startCuttingRelay } from '../support/webdav-server';
import { expect, openExtensionPage, openLinkedIn, setStorage, sidebar, test } from './fixtures';
import { launchWithExtension, type LaunchedExtension } from '../support/launch';
import { fillSyncSetup, grantSiteAccess, makeFolder, syncNow, waitForFirstSync, webdavServerFor } from '../support/sync-devices';

// Turning sync on asks the server for files a new folder does not hold yet (key.json): its answer,
// 404, is what the protocol expects, and Chromium logs it. Nothing else may be logged.
test.use({ allowedErrors: [/\/options\.html: Failed to load resource: the server responded with a status of 404 \(Not Found\)$/] });

// Sync between two and three browser profiles through a real Apache mod_dav on 127.0.0.1.
// The permission prompt of `permissions.request` cannot be answered in headless Chromium: each
// profile first grants the server's site the way a user can under chrome://extensions → Site
// access (chrome://extensions → Site access), after which the extension's own request resolves at once, unprompted.

const PASSPHRASE = 'correct horse battery staple';
let folders = 0;
const launched: LaunchedExtension[] = [];

const server = webdavServerFor(test);
test.afterEach(async () => {
  for (const ext of launched.splice(0)) await ext.close();
});

const freshFolder = () => makeFolder(server(), `user-${++folders}`);

/** A fingerprint of every file under a folder on the server, to show nothing was written. */
function serverFingerprint(folder: string): string {
  const root = join(server().root, new URL(folder).pathname);
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(readFileSync(file));
  return `${files.length}:${hash.digest('hex')}`;
}

async function browserProfile(): Promise<LaunchedExtension> {
  const ext = await launchWithExtension();
  launched.push(ext);
  // A user who has opened the sidebar's "More" once, where Notes lives.
  await setStorage(ext, { sidebarMoreOpen: true });
  await grantSiteAccess(ext, server().url);
  return ext;
}

async function turnOnSync(ext: LaunchedExtension, folder: string, passphrase = PASSPHRASE): Promise<Page> {
  const options = await openExtensionPage(ext, 'options.html');
  await fillSyncSetup(options, { folder, username: server().username, password: server().password, passphrase });
  return options;
}

/** No file on the server shows any of these words: everything is sealed before it leaves. */
function expectNothingReadable(folder: string, words: RegExp) {
  const root = join(server().root, new URL(folder).pathname);
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
    expect(readFileSync(join(entry.parentPath, entry.name), 'latin1')).not.toMatch(words);
  }
}

/** Browser A: a note on Kenji, then sync turned on with `folder` and its first sync done. */
async function firstDevice(folder: string, note: string) {
  const ext = await browserProfile();
  const kenji = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await sidebar(kenji).getByLabel('Notes', { exact: true }).fill(note);
  await expect(sidebar(kenji).getByRole('status')).toHaveText('Saved');
  const options = await turnOnSync(ext, folder);
  await waitForFirstSync(options);
  return { ext, kenji, options };
}

/** Browsers A and B, both syncing with one fresh folder, each with its first sync done. */
async function twoSyncedDevices(folder?: string) {
  folder ??= await freshFolder();
  const a = await browserProfile();
  const b = await browserProfile();
  const optionsA = await turnOnSync(a, folder);
  await waitForFirstSync(optionsA);
  const optionsB = await turnOnSync(b, folder);
  await waitForFirstSync(optionsB);
  return { a, b, optionsA, optionsB };
}

test('an edit on A appears on B after a sync, and nothing readable is on the server', async () => {
  const folder = await freshFolder();
  const { kenji, options: optionsA } = await firstDevice(folder, 'Knows everyone in Osaka’s data scene.');

  const b = await browserProfile();
  const optionsB = await turnOnSync(b, folder);
  await waitForFirstSync(optionsB);
  await expect(optionsB.getByText('1 contact', { exact: true })).toBeVisible();
  const onB = await openLinkedIn(b, '/in/kenji-tanaka/');
  await expect(sidebar(onB).getByLabel('Notes', { exact: true })).toHaveValue('Knows everyone in Osaka’s data scene.');

  // A later edit on B comes back to A.
  await sidebar(onB).getByLabel('Where we met').fill('PyData Osaka');
  await expect(sidebar(onB).getByRole('status')).toHaveText('Saved');
  expect(await syncNow(optionsB)).toBeNull();
  expect(await syncNow(optionsA)).toBeNull();
  await kenji.reload();
  await expect(sidebar(kenji).getByLabel('Where we met')).toHaveValue('PyData Osaka');

  expectNothingReadable(folder, /kenji|osaka|pydata/i);
});

test('the LinkedIn archive imported on A fills Kenji’s timeline on B, and his message edited on B comes back to A as one entry', async () => {
  const folder = await freshFolder();
  const { a, b, optionsA, optionsB } = await twoSyncedDevices(folder);
  const section = optionsA.getByRole('region', { name: 'Import and export' });
  await section.getByLabel('Keep message excerpts', { exact: false }).check();
  await section.getByLabel('Import a file').setInputFiles(archiveZip(archiveFiles(daysAgo(3))));
  await expect(section.getByText('Imported 5 people: 5 new, 0 updated.')).toBeVisible();
  expect(await syncNow(optionsA)).toBeNull();
  expect(await syncNow(optionsB)).toBeNull();

  const onB = await openLinkedIn(b, '/in/kenji-tanaka/');
  const timelineB = sidebar(onB).getByRole('list', { name: 'Timeline' });
  await expect(timelineB.getByRole('listitem').first()).toContainText(KENJI_LAST_MESSAGE);
  await expect(timelineB.getByRole('listitem').first()).toContainText('4 sent · 4 received');
  const count = await timelineB.getByRole('listitem').count();
  await timelineB.getByRole('listitem').first().getByRole('button', { name: /^Edit entry/ }).click();
  await timelineB.getByLabel('What happened').fill('Asked about the Osaka meetup');
  await timelineB.getByRole('button', { name: 'Save' }).click();
  await expect(timelineB.getByRole('listitem').first()).toContainText('Asked about the Osaka meetup');
  expect(await syncNow(optionsB)).toBeNull();
  expect(await syncNow(optionsA)).toBeNull();

  const timelineA = sidebar(await openLinkedIn(a, '/in/kenji-tanaka/')).getByRole('list', { name: 'Timeline' });
  await expect(timelineA.getByRole('listitem').first()).toContainText('Asked about the Osaka meetup');
  await expect(timelineA.getByRole('listitem')).toHaveCount(count);
  await expect(timelineA).not.toContainText(KENJI_LAST_MESSAGE);
  expectNothingReadable(folder, /kenji|osaka|pydata|meetup/i);
});

test('concurrent edits: the later one wins on both, and the losing text is offered and can be taken', async () => {
  const { a, b, optionsA, optionsB } = await twoSyncedDevices();
  const onA = await openLinkedIn(a, '/in/kenji-tanaka/');
  const onB = await openLinkedIn(b, '/in/kenji-tanaka/');
  await sidebar(onA).getByLabel('Notes', { exact: true }).fill('Loves sailing');
  await expect(sidebar(onA).getByRole('status')).toHaveText('Saved');
  await sidebar(onB).getByLabel('Notes', { exact: true }).fill('Moved to Lisbon');
  await expect(sidebar(onB).getByRole('status')).toHaveText('Saved');
  expect(await syncNow(optionsA)).toBeNull();
  expect(await syncNow(optionsB)).toBeNull();
  expect(await syncNow(optionsA)).toBeNull();

  for (const page of [onA, onB]) {
    await page.reload();
    const notes = sidebar(page);
    await expect(notes.getByLabel('Notes', { exact: true })).toHaveValue('Moved to Lisbon');
    const offer = notes.getByRole('region', { name: 'Text from another browser' });
    await expect(offer).toContainText('Loves sailing');
  }
  await sidebar(onA).getByRole('button', { name: 'Use this in “Notes”' }).click();
  await expect(sidebar(onA).getByLabel('Notes', { exact: true })).toHaveValue('Loves sailing');
  await expect(sidebar(onA).getByRole('region', { name: 'Text from another browser' })).toHaveCount(0);
  expect(await syncNow(optionsA)).toBeNull();
  expect(await syncNow(optionsB)).toBeNull();
  await onB.reload();
  await expect(sidebar(onB).getByLabel('Notes', { exact: true })).toHaveValue('Loves sailing');
  await expect(sidebar(onB).getByRole('region', { name: 'Text from another browser' })).toHaveCount(0);
});

test('a timeline entry deleted on A is removed on B, and so is a person deleted on A', async () => {
  const folder = await freshFolder();
  const a = await browserProfile();
  const b = await browserProfile();
  const page = await openLinkedIn(a, '/in/amara-okafor/');
  const notes = sidebar(page);
  await notes.getByLabel('What happened').fill('Coffee at the Lagos Startup Week');
  await notes.getByRole('button', { name: 'Log interaction' }).click();
  const timeline = notes.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  await notes.getByLabel('How I can help').fill('Intro to a seed investor');
  await expect(notes.getByRole('status')).toHaveText('Saved');
  const optionsA = await turnOnSync(a, folder);
  await waitForFirstSync(optionsA);
  const optionsB = await turnOnSync(b, folder);
  await waitForFirstSync(optionsB);
  const onB = await openLinkedIn(b, '/in/amara-okafor/');
  await expect(sidebar(onB).getByRole('list', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(1);

  await timeline.getByRole('listitem').first().getByRole('button', { name: /^Delete entry/ }).click();
  await expect(timeline.getByRole('listitem')).toHaveCount(0);
  expect(await syncNow(optionsA)).toBeNull();
  expect(await syncNow(optionsB)).toBeNull();
  await onB.reload();
  await expect(sidebar(onB).getByLabel('How I can help')).toHaveValue('Intro to a seed investor');
  await expect(sidebar(onB).getByRole('list', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(0);

  await notes.getByRole('button', { name: 'Delete my notes on Amara Okafor…' }).click();
  await notes.getByRole('alertdialog').getByRole('button', { name: 'Delete notes' }).click();
  await expect(notes.getByRole('status')).toHaveText('Deleted');
  await expect(notes.getByLabel('How I can help')).toHaveValue('');
  expect(await syncNow(optionsA)).toBeNull();
  expect(await syncNow(optionsB)).toBeNull();
  await onB.reload();
  await expect(sidebar(onB).getByLabel('What happened')).toBeVisible();
  await expect(sidebar(onB).getByLabel('How I can help')).toHaveValue('');
  await expect(sidebar(onB).getByRole('button', { name: /^Delete my notes/ })).toHaveCount(0);
});

test('three profiles: A and B share notes, C with a wrong passphrase is told so and changes nothing anywhere', async () => {
  const folder = await freshFolder();
  const { kenji: page, options: optionsA } = await firstDevice(folder, 'From A');
  const b = await browserProfile();
  const onB = await openLinkedIn(b, '/in/amara-okafor/');
  await sidebar(onB).getByLabel('How I can help').fill('From B');
  await expect(sidebar(onB).getByRole('status')).toHaveText('Saved');
  const optionsB = await turnOnSync(b, folder);
  await waitForFirstSync(optionsB);
  expect(await syncNow(optionsA)).toBeNull();
  const before = serverFingerprint(folder);

  const c = await browserProfile();
  const onC = await openLinkedIn(c, '/in/kenji-tanaka/');
  await sidebar(onC).getByLabel('Notes', { exact: true }).fill('C’s own words');
  await expect(sidebar(onC).getByRole('status')).toHaveText('Saved');
  const optionsC = await turnOnSync(c, folder, 'not the passphrase');
  await expect(optionsC.getByRole('alert')).toHaveText(/That passphrase does not open the notes in this folder\. Nothing was changed\./, {
    timeout: 30_000,
  });
  await expect(optionsC.getByRole('button', { name: 'Turn on sync' })).toBeVisible();
  expect(serverFingerprint(folder)).toBe(before);
  await onC.reload();
  await expect(sidebar(onC).getByLabel('Notes', { exact: true })).toHaveValue('C’s own words');

  expect(await syncNow(optionsA)).toBeNull();
  expect(await syncNow(optionsB)).toBeNull();
  await page.reload();
  await expect(sidebar(page).getByLabel('Notes', { exact: true })).toHaveValue('From A');
  await page.goto('https://www.linkedin.com/in/amara-okafor/');
  await expect(sidebar(page).getByLabel('How I can help')).toHaveValue('From B');
  await onB.goto('https://www.linkedin.com/in/kenji-tanaka/');
  await expect(sidebar(onB).getByLabel('Notes', { exact: true })).toHaveValue('From A');
});

test('the server stopped in the middle of an upload: the sync says so in plain words, loses nothing, and the next one completes', async () => {
  // Both browsers reach the real server through a relay that can stop it halfway through a request.
  const relay = await startCuttingRelay(server());
  try {
    const { a, b, optionsA, optionsB } = await twoSyncedDevices(relay.url + new URL(await freshFolder()).pathname.slice(1));

    const onB = await openLinkedIn(b, '/in/amara-okafor/');
    await sidebar(onB).getByLabel('How I can help').fill('Intro to a seed investor');
    await expect(sidebar(onB).getByRole('status')).toHaveText('Saved');
    expect(await syncNow(optionsB)).toBeNull();

    const page = await openLinkedIn(a, '/in/zhang-wei/');
    await sidebar(page).getByLabel('Notes', { exact: true }).fill('想去深圳参观工厂');
    await expect(sidebar(page).getByRole('status')).toHaveText('Saved');
    // A reads B's file, then the server goes down while A uploads its own.
    const cut = relay.cutAt(/^PUT \S+\/relationship-notes\/[^/\s]+\/[sl]-\d+ HTTP/m);
    try {
      expect(await syncNow(optionsA)).toBe('unreachable');
      await cut;
      await expect(optionsA.getByRole('alert')).toHaveText(/The sync server could not be reached/);
      await page.reload();
      await expect(sidebar(page).getByLabel('Notes', { exact: true })).toHaveValue('想去深圳参观工厂');
      await page.goto('https://www.linkedin.com/in/amara-okafor/');
      await expect(sidebar(page).getByLabel('How I can help')).toHaveValue('Intro to a seed investor');
    } finally {
      await server().restart();
    }
    expect(await syncNow(optionsA)).toBeNull();
    await expect(optionsA.getByRole('alert')).toHaveCount(0);
    expect(await syncNow(optionsB)).toBeNull();
    await onB.goto('https://www.linkedin.com/in/zhang-wei/');
    await expect(sidebar(onB).getByLabel('Notes', { exact: true })).toHaveValue('想去深圳参观工厂');
    await onB.goto('https://www.linkedin.com/in/amara-okafor/');
    await expect(sidebar(onB).getByLabel('How I can help')).toHaveValue('Intro to a seed investor');
  } finally {
    await relay.close();
  }
});

test('a plain-http server is named as such and needs the user’s word; https and the server on this machine do not', async ({ ext }) => {
  const options = await openExtensionPage(ext, 'options.html');
  const section = options.getByRole('region', { name: 'Sync between your browsers' });
  const turnOn = section.getByRole('button', { name: 'Turn on sync' });
  await section.getByLabel('Server folder address').fill('http://nas.example.com/remote.php/dav/files/ada/notes/');
  await expect(section.getByRole('alert')).toHaveText(
    'This address uses plain http, so your password and the encrypted files travel unprotected. Use https unless the server is on your own network.',
  );
  await expect(turnOn).toBeDisabled();
  await section.getByRole('checkbox', { name: 'I understand, use plain http for this server' }).check();
  await expect(turnOn).toBeEnabled();
  await section.getByLabel('Server folder address').fill('https://nas.example.com/remote.php/dav/files/ada/notes/');
  await expect(section.getByRole('alert')).toHaveCount(0);
  await section.getByLabel('Server folder address').fill(`${server().url}notes/`);
  await expect(section.getByRole('alert')).toHaveCount(0);
  await expect(turnOn).toBeEnabled();
});

test('sync asks for its server’s site only, and turned off it forgets the account and keeps every note', async () => {
  const folder = await freshFolder();
  const { kenji, options } = await firstDevice(folder, 'Kept after sync is off');
  const origin = `${new URL(server().url).origin}/*`;
  const granted = () => options.evaluate((pattern) => chrome.permissions.contains({ origins: [pattern] }), origin);
  expect(await granted()).toBe(true);
  expect(await options.evaluate(() => chrome.permissions.contains({ origins: ['https://nas.example.com/*'] }))).toBe(false);
  // All of storage.local, which the content script inside LinkedIn's page may read: the account, no password.
  const local = JSON.stringify(await options.evaluate(() => chrome.storage.local.get(null)));
  expect(local).toContain(server().username);
  expect(local).not.toContain(server().password);

  const section = options.getByRole('region', { name: 'Sync between your browsers' });
  await section.getByRole('button', { name: 'Turn off sync' }).click();
  await expect(section.getByText('Sync is off. Your notes are still here.')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Turn on sync' })).toBeVisible();
  expect(await options.evaluate(() => chrome.storage.local.get('syncAccount'))).toEqual({});
  // Its server's site is given back too.
  await expect.poll(granted).toBe(false);
  await kenji.reload();
  await expect(sidebar(kenji).getByLabel('Notes', { exact: true })).toHaveValue('Kept after sync is off');
});
