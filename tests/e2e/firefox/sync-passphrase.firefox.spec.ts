import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { wordlist as englishWords } from '@scure/bip39/wordlists/english.js';
import { expect as pwExpect, openExtensionPage, openLinkedIn, setStorage, sidebar } from '../fixtures';
import { launchWithExtension, type LaunchedExtension } from '../../support/launch';
import { fillSyncSetup, grantSiteAccess, makeFolder, waitForFirstSync, webdavServerFor } from '../../support/sync-devices';
import { nodesWithin, visibleText, type NodeQuery } from './a11y';
import { expect, sidebarText, test, typeInSidebar } from './fixtures';
import { typeSyncAccount } from './sync-setup';

// Choosing the sync passphrase in Firefox, read and driven through Firefox's accessibility tree
// (BiDi cannot see extension pages), against a real Apache mod_dav on 127.0.0.1. Firefox answers
// sync's permission request as a user does; the Chromium that checks the words is granted the site first.

let chromium: LaunchedExtension | undefined;
const server = webdavServerFor(test);
test.afterEach(async () => {
  await chromium?.close();
  chromium = undefined;
});

const field = (name: string, role = 'entry'): NodeQuery => ({ role, name });
const METER = { role: 'meter', name: 'Passphrase strength' };
const GENERATED = { role: 'grouping', name: 'Your new passphrase' };
const TURN_ON = { role: 'pushbutton', name: 'Turn on sync' };

/** Everything under a folder on the server, files and folders. */
const onServer = (folder: string) => readdirSync(join(server().root, new URL(folder).pathname), { recursive: true, encoding: 'utf8' }).sort();

test('Firefox: a weak passphrase is called weak and refused for a new folder; a generated one is strong, shown once, and opens the notes in Chromium', async ({ firefox }) => {
  test.setTimeout(120_000);
  const folder = await makeFolder(server(), 'firefox-passphrase');
  const kenji = await firefox.openLinkedIn('/in/kenji-tanaka/');
  await typeInSidebar(firefox, kenji, field('Notes'), 'Typed in Firefox');
  await expect.poll(() => sidebarText(firefox)).toContain('Saved');

  await firefox.openExtensionPage('options.html');
  await typeSyncAccount(firefox, { folder, username: server().username, password: server().password });
  const typed = Date.now();
  await firefox.type(field('Sync passphrase', 'password text'), 'sunshine1');
  await expect.poll(async () => (await firefox.find(METER))?.value, { timeout: 15_000 }).toBe('Weak');
  test.info().annotations.push({ type: 'timing', description: `Firefox meter: first result ${Date.now() - typed} ms after typing` });
  const text = visibleText(await firefox.tree());
  expect(text).toContain('Weak: a computer with one graphics card would need less than a minute to guess it.');
  expect(text).toContain('Below the minimum for a new sync folder, which must take one graphics card at least 2 years to guess.');

  // The button stays: the folder could be one the other browsers use. This one is new, so no.
  await firefox.press(TURN_ON);
  await expect
    .poll(async () => visibleText(await firefox.tree()), { timeout: 20_000 })
    .toContain('This passphrase is too easy to guess to protect a new sync folder. Nothing was changed.');
  expect(onServer(folder)).toEqual([]);

  await firefox.press({ role: 'pushbutton', name: 'Generate a passphrase' });
  await expect.poll(async () => Boolean(await firefox.find(GENERATED))).toBe(true);
  const shown = nodesWithin(await firefox.tree(), GENERATED).filter((node) => node.role === 'text leaf').map((node) => node.name);
  const passphrase = shown.find((line) => /^\S+( \S+){6}$/.test(line))!;
  const words = passphrase.split(' ');
  expect(words).toHaveLength(7);
  for (const word of words) expect(englishWords).toContain(word);
  expect(shown.join(' ')).toContain('nobody can recover it if it is lost');
  await expect.poll(async () => (await firefox.find(METER))?.value).toBe('Strong');

  // Not before the user says they stored it.
  expect((await firefox.find(TURN_ON))?.unavailable).toBe(true);
  await firefox.press({ role: 'checkbutton', name: 'I have stored this passphrase' });
  await expect.poll(async () => (await firefox.find(TURN_ON))?.unavailable).toBe(false);
  await firefox.press(TURN_ON);
  await expect.poll(async () => visibleText(await firefox.tree()), { timeout: 30_000 }).toMatch(/Last synced: /);
  expect(onServer(folder)).toContain(join('relationship-notes', 'key.json'));
  // The words were only ever in the page: not in storage.local, which content scripts can read.
  expect(JSON.stringify(await firefox.extensionStorage())).not.toContain(passphrase);

  // The words as shown are the passphrase: Chromium opens the notes with them.
  chromium = await launchWithExtension();
  await setStorage(chromium, { sidebarMoreOpen: true });
  await grantSiteAccess(chromium, server().url);
  const options = await openExtensionPage(chromium, 'options.html');
  await fillSyncSetup(options, { folder, username: server().username, password: server().password, passphrase });
  await waitForFirstSync(options);
  const onChromium = await openLinkedIn(chromium, '/in/kenji-tanaka/');
  await pwExpect(sidebar(onChromium).getByLabel('Notes', { exact: true })).toHaveValue('Typed in Firefox');
  expect(firefox.extensionErrors()).toEqual([]);
});
