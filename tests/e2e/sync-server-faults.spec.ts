import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openExtensionPage, openLinkedIn, setStorage, sidebar, test } from './fixtures';
import { launchWithExtension, type LaunchedExtension } from '../support/launch';
import { fillSyncSetup, grantSiteAccess, makeFolder, syncNow, waitForFirstSync, webdavServerFor } from '../support/sync-devices';

// Turning sync on asks the server for key.json, which a new folder does not hold yet: the 404 is
// expected, and Chromium logs it. Nothing else may be logged.
test.use({ allowedErrors: [/\/options\.html: Failed to load resource: the server responded with a status of 404 \(Not Found\)$/] });

// Two browser profiles through a real Apache mod_dav; the server then loses one of A's files
// (removed on disk), as a server that misbehaves may. B must say which browser's history has a
// gap, in plain words; A must notice its file gone and write its notes again; then both agree.

const PASSPHRASE = 'correct horse battery staple';
const server = webdavServerFor(test);
const launched: LaunchedExtension[] = [];
test.afterEach(async () => {
  for (const ext of launched.splice(0)) await ext.close();
});

async function syncingBrowser(folder: string): Promise<{ ext: LaunchedExtension; options: Page }> {
  const ext = await launchWithExtension();
  launched.push(ext);
  await setStorage(ext, { sidebarMoreOpen: true });
  await grantSiteAccess(ext, server().url);
  const options = await openExtensionPage(ext, 'options.html');
  await fillSyncSetup(options, { folder, username: server().username, password: server().password, passphrase: PASSPHRASE });
  await waitForFirstSync(options);
  return { ext, options };
}

const findings = (options: Page) => options.getByRole('list', { name: 'What sync found on the server' });

test('a file lost on the server: the other browser names the gap in plain words, the writer rewrites its notes, and both agree', async () => {
  test.setTimeout(90_000);
  const folder = await makeFolder(server(), 'lost-file');
  const a = await syncingBrowser(folder);
  const b = await syncingBrowser(folder);

  // A is named by its user; B names it so when it finds something wrong with A's files.
  const name = a.options.getByLabel('Name of this browser');
  await expect(name).toHaveValue(/^Chrome · Linux$|^Chrome$|·/);
  await name.fill('Laptop');
  await name.press('Enter');
  await expect(a.options.getByText('Name saved.', { exact: false })).toBeVisible();

  const kenji = await openLinkedIn(a.ext, '/in/kenji-tanaka/');
  const notes = sidebar(kenji).getByLabel('Notes', { exact: true });
  // A's first file holds everything (a snapshot); each later one, what changed since (a log).
  for (const text of ['Met at PyData Osaka.', 'Met at PyData Osaka. Loves sailing.', 'Met at PyData Osaka. Hiring a data lead.']) {
    await notes.fill(text);
    await expect(sidebar(kenji).getByRole('status')).toHaveText('Saved');
    expect(await syncNow(a.options)).toBeNull();
  }
  // "Sync now" sent every change, so no sync is left waiting for more: none runs behind the test's back.
  expect(await a.options.evaluate(() => chrome.alarms.get('sync-soon'))).toBeUndefined();
  const root = join(server().root, new URL(folder).pathname, 'relationship-notes');
  // The folder's key was derived with Argon2id in the options page (WebAssembly), its cost public.
  expect(JSON.parse(readFileSync(join(root, 'key.json'), 'utf8'))).toMatchObject({ kdf: 'Argon2id', memoryKiB: 65_536, iterations: 3 });
  // The server loses A's older log; the newer one says it builds on it.
  const aFolder = readdirSync(root).find((entry) => readdirSync(join(root, entry), { withFileTypes: true }).some((f) => f.name.startsWith('l-')));
  const logs = readdirSync(join(root, aFolder!)).filter((file) => file.startsWith('l-')).sort();
  expect(logs.length).toBeGreaterThanOrEqual(2);
  rmSync(join(root, aFolder!, logs[0]!));

  expect(await syncNow(b.options)).toBeNull();
  await expect(findings(b.options).getByRole('listitem')).toHaveText([
    /^“Laptop” has a gap in its history on the server: 1 of its files is missing, so its later changes wait\./,
  ]);
  const onB = await openLinkedIn(b.ext, '/in/kenji-tanaka/');
  await expect(sidebar(onB).getByLabel('Notes', { exact: true })).not.toHaveValue('Met at PyData Osaka. Hiring a data lead.');

  expect(await syncNow(a.options)).toBeNull();
  await expect(findings(a.options).getByRole('listitem')).toHaveText([
    'Some of this browser’s files were missing or cut short on the server, so it wrote all its notes there again. Nothing was lost.',
  ]);
  expect(await syncNow(b.options)).toBeNull();
  await expect(findings(b.options)).toHaveCount(0);
  await onB.reload();
  await expect(sidebar(onB).getByLabel('Notes', { exact: true })).toHaveValue('Met at PyData Osaka. Hiring a data lead.');
});
