import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from '@playwright/test';
import { backupJson, makeBackup } from '../../utils/import-export/backup';
import { DEFAULT_SETTINGS, newContact } from '../../utils/core/schema';
import { addPhrase, expect, openExtensionPage, openLinkedIn, sidebar, test } from './fixtures';


async function saved(notes: FrameLocator) {
  await expect(notes.getByRole('status').first()).toHaveText('Saved');
}

function timelineOf(notes: FrameLocator) {
  return notes.getByRole('list', { name: 'Timeline' });
}

test('Kenji offers data engineering and Amara is looking for it: her sidebar suggests him, and the introduction shows on both timelines', async ({
  ext,
  pageErrors,
}) => {
  const kenjiPage = await openLinkedIn(ext, '/in/kenji-tanaka/');
  const kenji = sidebar(kenjiPage);
  await addPhrase(kenji, 'What they offer', 'data engineering');
  await saved(kenji);

  const amaraPage = await openLinkedIn(ext, '/in/amara-okafor/');
  const amara = sidebar(amaraPage);
  await addPhrase(amara, 'Looking for', 'Data Engineering');
  await saved(amara);

  const introductions = amara.getByRole('region', { name: 'Introductions' });
  await expect(introductions.getByRole('link', { name: 'Kenji Tanaka' })).toBeVisible();
  await expect(introductions).toContainText('Kenji offers data engineering; Amara is looking for Data Engineering');
  await expect(amara.getByText('No help given or received yet.')).toBeVisible();

  await introductions.getByRole('button', { name: 'Log introduction of Amara Okafor and Kenji Tanaka' }).click();
  await expect(timelineOf(amara)).toContainText('Introduced to Kenji Tanaka (Data Engineering)');
  await expect(introductions).toContainText('Introduced on');
  await expect(introductions.getByRole('button', { name: /Log introduction/ })).toHaveCount(0);
  await expect(amara.getByText(/You have been giving more than asking/)).toBeVisible();

  // Kenji's sidebar, still open in the other tab, follows the change live.
  await expect(timelineOf(kenji)).toContainText('Introduced to Amara Okafor (Data Engineering)');
  const fromKenji = kenji.getByRole('region', { name: 'Introductions' });
  await expect(fromKenji.getByRole('link', { name: 'Amara Okafor' })).toBeVisible();
  await expect(fromKenji).toContainText('Introduced on');

  await kenjiPage.reload();
  await expect(timelineOf(sidebar(kenjiPage))).toContainText('Introduced to Amara Okafor (Data Engineering)');

  // The framed sidebar opens tabs through the background: Amara's profile opens in a new tab.
  const opened = ext.context.waitForEvent('page');
  await sidebar(kenjiPage).getByRole('region', { name: 'Introductions' }).getByRole('link', { name: 'Amara Okafor' }).click();
  const amaraTab = await opened;
  await expect(amaraTab).toHaveURL('https://www.linkedin.com/in/amara-okafor/');
  await expect(sidebar(amaraTab).getByRole('heading', { level: 1, name: 'Amara Okafor' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('after a conference: the network page shows the people met there, tags them at once, and filters by tag', async ({
  ext,
}) => {
  const people: Array<[string, string, (notes: FrameLocator) => Promise<void>]> = [
    ['/in/kenji-tanaka/', 'PyData Osaka', (notes) => addPhrase(notes, 'What they offer', 'data engineering')],
    ['/in/amara-okafor/', 'Lagos Startup Week', (notes) => addPhrase(notes, 'Looking for', 'data engineering')],
    ['/in/zhang-wei/', 'PyData Osaka', async () => undefined],
  ];
  let page: Page | undefined;
  for (const [path, place, more] of people) {
    page = await openLinkedIn(ext, path);
    const notes = sidebar(page);
    const whereWeMet = notes.getByLabel('Where we met');
    await expect(whereWeMet).toBeVisible();
    if (path === '/in/zhang-wei/') {
      // The places already used are offered as suggestions.
      const places = await whereWeMet.getAttribute('list');
      expect(places).toBeTruthy();
      await expect(notes.locator(`datalist[id="${places}"] option[value="PyData Osaka"]`)).toHaveCount(1);
    }
    await whereWeMet.fill(place);
    await more(notes);
    await saved(notes);
    await page.close();
  }

  const options = await openExtensionPage(ext, 'options.html');
  const network = options.getByRole('region', { name: 'People in your network' });
  await expect(network.getByRole('row')).toHaveCount(4);

  await options.getByLabel('Where we met', { exact: true }).selectOption('PyData Osaka');
  await expect(network.getByRole('link', { name: 'Kenji Tanaka' })).toBeVisible();
  await expect(network.getByRole('link', { name: '张伟' })).toBeVisible();
  await expect(network.getByRole('link', { name: 'Amara Okafor' })).toHaveCount(0);

  await options.getByRole('checkbox', { name: 'Select everyone shown' }).check();
  await expect(options.getByText('2 people selected')).toBeVisible();
  await options.getByLabel('Tag to add or remove').fill('follow up after PyData');
  await options.getByRole('button', { name: 'Add tag' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Added' })).toHaveText('Added “follow up after PyData” to 2 people.');

  await options.getByRole('button', { name: 'Clear filters' }).click();
  await expect(network.getByRole('row')).toHaveCount(4);
  await options.getByLabel('Tag', { exact: true }).selectOption('follow up after PyData');
  await expect(network.getByRole('row')).toHaveCount(3);
  await expect(network.getByRole('link', { name: 'Amara Okafor' })).toHaveCount(0);

  await network.getByRole('checkbox', { name: 'Select everyone shown' }).uncheck();
  await network.getByRole('checkbox', { name: 'Select 张伟' }).check();
  await options.getByRole('button', { name: 'Remove tag' }).click();
  await expect(network.getByRole('link', { name: '张伟' })).toHaveCount(0);
  await expect(network.getByRole('link', { name: 'Kenji Tanaka' })).toBeVisible();

  // The best introductions across the network, logged from here; found by a worker, off the page's thread.
  const introductions = options.getByRole('list', { name: 'Suggested introductions' });
  await expect(introductions).toContainText('Kenji offers data engineering; Amara is looking for data engineering');
  expect(options.workers().map((worker) => new URL(worker.url()).pathname)).toEqual([expect.stringMatching(/suggestions\.worker/)]);
  await introductions.getByRole('button', { name: 'Log introduction of Amara Okafor and Kenji Tanaka' }).click();
  await expect(options.getByText('No introductions to suggest yet.', { exact: false })).toBeVisible();
  await expect(options.getByRole('img', { name: /Give and take over the last 12 weeks/ })).toBeVisible();
  const lastWeek = options.getByRole('table', { name: 'Give and take over the last 12 weeks' }).getByRole('row').last();
  await expect(lastWeek.getByRole('cell')).toHaveText(['1', '1', '0']);
});

test('the network sorts by name, by the most recent contact, and by the soonest follow-up, and says so to screen readers', async ({ ext }) => {
  const options = await openExtensionPage(ext, 'options.html');
  const people: Array<[string, string, string | null, string | null]> = [
    ['ana-ruiz', 'Ana Ruiz', '2026-03-01', '2027-05-01'],
    ['bo-lind', 'Bo Lind', '2026-11-20', '2027-01-10'],
    ['cy-okafor', 'Cy Okafor', null, '2027-03-15'],
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'sort-')), 'relationship-notes-backup.json');
  const contacts = people.map(([key, name, lastInteraction, nextFollowUp]) => ({ ...newContact(key, 1), name, lastInteraction, nextFollowUp }));
  writeFileSync(file, backupJson(makeBackup(contacts, [], DEFAULT_SETTINGS)));
  await options.getByLabel('Import a file').setInputFiles(file);
  await expect(options.getByText('Imported 3 people: 3 new, 0 updated.')).toBeVisible();

  const network = options.getByRole('region', { name: 'People in your network' });
  const names = () => network.getByRole('row').filter({ has: options.getByRole('link') }).getByRole('link').allTextContents();
  await expect.poll(names).toEqual(['Ana Ruiz', 'Bo Lind', 'Cy Okafor']);
  await expect(network.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');

  await options.getByLabel('Sort by').selectOption({ label: 'Last contact (most recent first)' });
  await expect.poll(names).toEqual(['Bo Lind', 'Ana Ruiz', 'Cy Okafor']);
  await expect(network.getByRole('columnheader', { name: 'Last contact' })).toHaveAttribute('aria-sort', 'descending');

  await options.getByLabel('Sort by').selectOption({ label: 'Next follow-up (soonest first)' });
  await expect.poll(names).toEqual(['Bo Lind', 'Cy Okafor', 'Ana Ruiz']);
  await expect(network.getByRole('columnheader', { name: 'Name' })).not.toHaveAttribute('aria-sort', /./);
});
