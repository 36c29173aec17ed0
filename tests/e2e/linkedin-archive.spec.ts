import type { Page } from '@playwright/test';
import { archiveFiles, archiveZip, daysAgo, KENJI_LAST_MESSAGE } from '../fixtures/linkedin-archive';
import { expect, openExtensionPage, openLinkedIn, sidebar, test, writeNote } from './fixtures';

const KENJI_NOTE = 'Met at PyData Osaka; knows everyone in data.';


/** Everything in the extension's database, read as the options page sees it. */
function stored(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('relationship-notes');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
      });
    const data = { contacts: await all('contacts'), interactions: await all('interactions'), archiveEntries: await all('archiveEntries') };
    db.close();
    return data;
  });
}

test('imports the LinkedIn archive: Kenji’s timeline shows his last message, Rekindle names him in the popup and the network filter, Undo restores all, re-import adds nothing', async ({
  ext,
}) => {
  await writeNote(ext, '/in/kenji-tanaka/', 'Kenji Tanaka', KENJI_NOTE);

  const options = await openExtensionPage(ext, 'options.html');
  const section = options.getByRole('region', { name: 'Import and export' });
  const before = await stored(options);
  // Amara's messages a few days ago: too recent for her to need rekindling.
  const archive = archiveZip(archiveFiles(daysAgo(3)));

  await section.getByLabel('Keep message excerpts', { exact: false }).check();
  await section.getByLabel('Import a file').setInputFiles(archive);
  await expect(section.getByText('Imported 5 people: 4 new, 1 updated.')).toBeVisible();
  await expect(section.getByText('2 people you exchanged messages with, not connections, are now contacts.')).toBeVisible();

  const kenji = sidebar(await openLinkedIn(ext, '/in/kenji-tanaka/'));
  await expect(kenji.getByLabel('Notes', { exact: true })).toHaveValue(KENJI_NOTE);
  const latest = kenji.getByRole('list', { name: 'Timeline' }).getByRole('listitem').first();
  await expect(latest).toContainText('Message');
  await expect(latest).toContainText('4 sent · 4 received');
  await expect(latest).toContainText(KENJI_LAST_MESSAGE);

  const popup = await openExtensionPage(ext, 'popup.html');
  const rekindle = popup.getByRole('list', { name: 'Rekindle' });
  await expect(rekindle.getByRole('listitem')).toHaveCount(1);
  await expect(rekindle.getByRole('listitem')).toHaveText('Kenji Tanaka 12 messages, last in March 2024');
  // Today's plan, made again by the import, has the dormant tie too: why, and a way to give first.
  const inPlan = popup.getByRole('region', { name: 'Today’s plan' }).getByRole('listitem', { name: 'Kenji Tanaka' });
  await expect(inPlan).toContainText('12 messages, last in March 2024');
  await expect(inPlan).toContainText('Give first:');

  const network = options.getByRole('region', { name: 'People in your network' });
  await options.getByRole('checkbox', { name: 'Dormant ties only (Rekindle)' }).check();
  await expect(network.getByRole('link', { name: 'Kenji Tanaka' })).toBeVisible();
  await expect(network.getByRole('link', { name: 'Amara Okafor' })).toHaveCount(0);
  await expect(network.getByRole('row')).toHaveCount(2);
  await options.getByRole('checkbox', { name: 'Dormant ties only (Rekindle)' }).uncheck();
  await expect(network.getByRole('link', { name: 'Amara Okafor' })).toBeVisible();

  await section.getByRole('button', { name: 'Undo import' }).click();
  await expect(section.getByText('Import undone. Everything is as it was before.')).toBeVisible();
  expect(await stored(options)).toEqual(before);
  await expect(popup.getByText('No dormant ties.', { exact: false })).toBeVisible();

  await section.getByLabel('Import a file').setInputFiles(archive);
  await expect(section.getByText('Imported 5 people: 4 new, 1 updated.')).toBeVisible();
  const imported = await stored(options);
  await section.getByLabel('Import a file').setInputFiles(archive);
  await expect(section.getByText('Nothing new to add; everything in this file was already here.')).toBeVisible();
  expect(await stored(options)).toEqual(imported);
});

test('an imported message edited in the sidebar stays one entry with the new words; a deleted one stays gone after a reload', async ({ ext }) => {
  const options = await openExtensionPage(ext, 'options.html');
  const section = options.getByRole('region', { name: 'Import and export' });
  await section.getByLabel('Import a file').setInputFiles(archiveZip(archiveFiles(daysAgo(3))));
  await expect(section.getByText('Imported 5 people: 5 new, 0 updated.')).toBeVisible();

  const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
  const timeline = sidebar(page).getByRole('list', { name: 'Timeline' });
  const entries = timeline.getByRole('listitem');
  await expect(entries.first()).toContainText('4 sent · 4 received');
  const count = await entries.count();
  expect(count).toBeGreaterThan(1);

  await entries.first().getByRole('button', { name: /^Edit entry/ }).click();
  await timeline.getByLabel('What happened').fill('Asked about the Osaka meetup');
  await timeline.getByRole('button', { name: 'Save' }).click();
  await expect(entries.first()).toContainText('Asked about the Osaka meetup');
  await expect(entries.first()).toContainText('4 sent · 4 received');
  await expect(entries).toHaveCount(count);
  await entries.last().getByRole('button', { name: /^Delete entry/ }).click();
  await expect(entries).toHaveCount(count - 1);

  await page.reload();
  const again = sidebar(page).getByRole('list', { name: 'Timeline' }).getByRole('listitem');
  await expect(again).toHaveCount(count - 1);
  await expect(again.first()).toContainText('Asked about the Osaka meetup');
});

test('a ZIP without LinkedIn’s files, and a messages.csv missing columns, are refused in plain words and change nothing', async ({
  ext,
}) => {
  const options = await openExtensionPage(ext, 'options.html');
  const section = options.getByRole('region', { name: 'Import and export' });
  const before = await stored(options);
  await section.getByLabel('Import a file').setInputFiles(archiveZip({ 'photos/me.txt': 'not an export' }));
  await expect(section.getByRole('alert')).toContainText('holds none of LinkedIn’s messages.csv, Invitations.csv or Connections.csv');
  await expect(section.getByRole('alert')).toContainText('Nothing was changed.');
  await section.getByLabel('Import a file').setInputFiles({
    name: 'messages.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('CONVERSATION ID,FROM,SENDER PROFILE URL,CONTENT\nc1,Bo,https://www.linkedin.com/in/bo,Hi\n'),
  });
  await expect(section.getByRole('alert')).toContainText('lacks columns the import needs (messages.csv: RECIPIENT PROFILE URLS, DATE)');
  expect(await stored(options)).toEqual(before);
});

const looseCsv = (name: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(archiveFiles(daysAgo(3))[name]!) });

test('messages.csv and Invitations.csv imported on their own fill the timeline, without the messages’ words unless asked', async ({ ext }) => {
  const options = await openExtensionPage(ext, 'options.html');
  const section = options.getByRole('region', { name: 'Import and export' });

  await expect(section.getByLabel('Keep message excerpts', { exact: false })).not.toBeChecked();
  await section.getByLabel('Import a file').setInputFiles(looseCsv('messages.csv'));
  await expect(section.getByText(/^Imported \d+ people: \d+ new, 0 updated\./)).toBeVisible();
  const kenji = await openLinkedIn(ext, '/in/kenji-tanaka/');
  const latest = sidebar(kenji).getByRole('list', { name: 'Timeline' }).getByRole('listitem').first();
  await expect(latest).toContainText('4 sent · 4 received');
  await expect(latest).not.toContainText(KENJI_LAST_MESSAGE);
  expect(JSON.stringify(await stored(options))).not.toContain(KENJI_LAST_MESSAGE);

  // The invitations on their own add their entries, and nothing twice.
  const entries = async () => (await stored(options)).archiveEntries.reduce<number>((n, row) => n + Object.keys((row as { entries: object }).entries).length, 0);
  const before = await entries();
  await section.getByLabel('Import a file').setInputFiles(looseCsv('Invitations.csv'));
  await expect(section.getByText(/timeline entr(y|ies) added/)).toBeVisible();
  expect(await entries()).toBeGreaterThan(before);
  const withInvitations = await entries();
  await section.getByLabel('Import a file').setInputFiles(looseCsv('Invitations.csv'));
  await expect(section.getByText('Nothing new to add; everything in this file was already here.')).toBeVisible();
  expect(await entries()).toBe(withInvitations);
});

test('with “Keep message excerpts” ticked, messages.csv brings the words of Kenji’s last message', async ({ ext }) => {
  const options = await openExtensionPage(ext, 'options.html');
  const section = options.getByRole('region', { name: 'Import and export' });
  await section.getByLabel('Keep message excerpts', { exact: false }).check();
  await section.getByLabel('Import a file').setInputFiles(looseCsv('messages.csv'));
  await expect(section.getByText(/^Imported \d+ people: \d+ new, 0 updated\./)).toBeVisible();
  const kenji = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await expect(sidebar(kenji).getByRole('list', { name: 'Timeline' }).getByRole('listitem').first()).toContainText(KENJI_LAST_MESSAGE);
});
