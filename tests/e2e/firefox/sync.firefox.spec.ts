import { expect as pwExpect, openExtensionPage, openLinkedIn, setStorage, sidebar } from '../fixtures';
import { launchWithExtension, type LaunchedExtension } from '../../support/launch';
import { fillSyncSetup, grantSiteAccess, makeFolder, waitForFirstSync, webdavServerFor } from '../../support/sync-devices';
import { visibleText, type NodeQuery } from './a11y';
import { expect, sidebarText, sidebarValue, test, typeInSidebar } from './fixtures';
import { typeSyncAccount } from './sync-setup';

// One person with two browsers: Firefox and Chromium sync through a real Apache mod_dav on
// 127.0.0.1. Firefox answers sync's permission request as a user does (its prompt cannot show
// headless: `extensions.webextOptionalPermissionPrompts` is off); Chromium is granted the site first.

const PASSPHRASE = 'correct horse battery staple';
let chromium: LaunchedExtension | undefined;

const server = webdavServerFor(test);
test.afterEach(async () => {
  await chromium?.close();
  chromium = undefined;
});

const field = (name: string, role = 'entry'): NodeQuery => ({ role, name });

test('Firefox: notes typed in Firefox reach Chromium through the sync server, and Chromium’s come back', async ({ firefox }) => {
  test.setTimeout(90_000);
  const folder = await makeFolder(server(), 'firefox-and-chromium');
  const kenji = await firefox.openLinkedIn('/in/kenji-tanaka/');
  await typeInSidebar(firefox, kenji, field('Notes'), 'Typed in Firefox');
  await expect.poll(() => sidebarText(firefox)).toContain('Saved');

  await firefox.openExtensionPage('options.html');
  await typeSyncAccount(firefox, { folder, username: server().username, password: server().password, passphrase: PASSPHRASE });
  await firefox.press({ role: 'pushbutton', name: 'Turn on sync' });
  await expect.poll(async () => visibleText(await firefox.tree()), { timeout: 30_000 }).toMatch(/Last synced: /);
  // All of storage.local, which the content script inside LinkedIn's page may read: the account, no password.
  const local = JSON.stringify(await firefox.extensionStorage());
  expect(local).toContain(server().username);
  expect(local).not.toContain(server().password);

  chromium = await launchWithExtension();
  await setStorage(chromium, { sidebarMoreOpen: true });
  await grantSiteAccess(chromium, server().url);
  const amara = await openLinkedIn(chromium, '/in/amara-okafor/');
  await sidebar(amara).getByLabel('How I can help').fill('Typed in Chromium');
  await pwExpect(sidebar(amara).getByRole('status')).toHaveText('Saved');
  const options = await openExtensionPage(chromium, 'options.html');
  await fillSyncSetup(options, { folder, username: server().username, password: server().password, passphrase: PASSPHRASE });
  await waitForFirstSync(options);
  await amara.goto('https://www.linkedin.com/in/kenji-tanaka/');
  await pwExpect(sidebar(amara).getByLabel('Notes', { exact: true })).toHaveValue('Typed in Firefox');

  await firefox.press({ role: 'pushbutton', name: 'Sync now' });
  await expect.poll(async () => visibleText(await firefox.tree()), { timeout: 20_000 }).toMatch(/Last sync: [1-9]\d* changes received/);
  await firefox.openLinkedIn('/in/amara-okafor/');
  await expect.poll(() => sidebarValue(firefox, field('How I can help'))).toBe('Typed in Chromium');
  expect(firefox.extensionErrors()).toEqual([]);
});
