import { browserErrors } from '../support/launch';
import { expect, openExtensionPage, openLinkedIn, sidebar, test } from './fixtures';

test.describe('the harness', () => {
  test.use({ allowedErrors: [/harness check/] });
  test('hears an error logged by the extension’s worker, its pages, its sidebar frame and LinkedIn’s page', async ({ ext }) => {
    const worker = ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`))!;
    await worker.evaluate(() => console.error('harness check: worker'));
    const popup = await openExtensionPage(ext, 'popup.html');
    await popup.evaluate(() => console.error('harness check: popup'));
    const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
    await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Kenji Tanaka' })).toBeVisible();
    await page.frames().find((frame) => frame.url().endsWith('/sidebar.html'))!.evaluate(() => console.error('harness check: sidebar'));
    await page.evaluate(() => setTimeout(() => { throw new Error('harness check: page'); }));
    await expect
      .poll(() => browserErrors.filter((error) => error.includes('harness check')).map((error) => error.replace(/^.*harness check: /, '')).sort())
      .toEqual(['page', 'popup', 'sidebar', 'worker']);
  });
});

test('the sidebar opens on Kenji’s profile with his name, and keeps a note for next time', async ({ ext, pageErrors }) => {
  const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
  const notes = sidebar(page);
  await expect(notes.getByRole('heading', { level: 1, name: 'Kenji Tanaka' })).toBeVisible();
  await notes.getByLabel('Notes', { exact: true }).fill('Met at PyData Osaka; wants to hire a data lead.');
  await expect(notes.getByRole('status')).toHaveText('Saved');

  await page.reload();
  await expect(sidebar(page).getByLabel('Notes', { exact: true })).toHaveValue('Met at PyData Osaka; wants to hire a data lead.');
  expect(pageErrors).toEqual([]);
});

test('the popup and the options page open and read the database', async ({ ext }) => {
  const profile = await openLinkedIn(ext, '/in/amara-okafor/');
  await sidebar(profile).getByLabel('Where we met').fill('Lagos Startup Week');
  await expect(sidebar(profile).getByRole('status')).toHaveText('Saved');

  const popup = await openExtensionPage(ext, 'popup.html');
  await expect(popup.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  const options = await openExtensionPage(ext, 'options.html');
  await expect(options.getByText('1 contact', { exact: true })).toBeVisible();
  await expect(options.getByRole('link', { name: 'Amara Okafor' })).toBeVisible();
});

test('LinkedIn’s page holds no database, no notes and no extension data', async ({ ext }) => {
  const secret = 'Private: going through a hard time, be kind.';
  const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await sidebar(page).getByLabel('Notes', { exact: true }).fill(secret);
  await expect(sidebar(page).getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(sidebar(page).getByLabel('Notes', { exact: true })).toHaveValue(secret);

  const seen = await page.evaluate(async () => {
    const shadowText = [...document.querySelectorAll('*')]
      .map((element) => element.shadowRoot?.innerHTML ?? '')
      .join('');
    return {
      databases: (await indexedDB.databases()).map((db) => db.name),
      html: document.documentElement.outerHTML + shadowText,
      storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    };
  });
  expect(seen.databases).toEqual([]);
  expect(seen.html).not.toContain(secret);
  expect(seen.storage).not.toContain(secret);
});
