import { expect, linkedinUrl, openExtensionPage, openLinkedIn, sidebar, SIDEBAR_TITLE, test } from './fixtures';

test('every URL shape of Kenji’s profile opens the same notes', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await sidebar(page).getByLabel('Notes', { exact: true }).fill('Knows everyone in Osaka’s data scene.');
  await expect(sidebar(page).getByRole('status')).toHaveText('Saved');

  for (const url of [
    'https://es.linkedin.com/in/Kenji-Tanaka/?originalSubdomain=jp',
    'https://www.linkedin.com/in/kenji-tanaka/details/experience/',
    'https://m.linkedin.com/in/kenji-tanaka/overlay/contact-info/?trk=profile',
  ]) {
    await page.goto(url);
    await expect(sidebar(page).getByLabel('Notes', { exact: true })).toHaveValue('Knows everyone in Osaka’s data scene.');
  }
  const options = await openExtensionPage(ext, 'options.html');
  await expect(options.getByText('1 contact', { exact: true })).toBeVisible();
});

test('from the feed to Kenji to Amara without a page load, the sidebar follows each person', async ({ ext, pageErrors }) => {
  const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await sidebar(page).getByLabel('Notes', { exact: true }).fill('Kenji: ask about the Osaka meetup.');
  await expect(sidebar(page).getByRole('status')).toHaveText('Saved');

  await page.goto(linkedinUrl('/feed/'));
  await expect(page.locator(`iframe[title="${SIDEBAR_TITLE}"]`)).toHaveCount(0);
  await page.getByRole('link', { name: 'Kenji Tanaka' }).click();
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Kenji Tanaka' })).toBeVisible();
  await expect(sidebar(page).getByLabel('Notes', { exact: true })).toHaveValue('Kenji: ask about the Osaka meetup.');

  await page.getByRole('link', { name: 'Amara Okafor' }).click();
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Amara Okafor' })).toBeVisible();
  await expect(sidebar(page).getByLabel('Notes', { exact: true })).toHaveValue('');
  await expect(sidebar(page).getByText('Founder at Lagos Growth Studio')).toBeVisible();

  await page.goBack();
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Kenji Tanaka' })).toBeVisible();
  await expect(sidebar(page).getByLabel('Notes', { exact: true })).toHaveValue('Kenji: ask about the Osaka meetup.');

  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.locator(`iframe[title="${SIDEBAR_TITLE}"]`)).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('a note typed just before navigating away or closing the tab is kept', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/in/amara-okafor/');
  await sidebar(page).getByLabel('How I can help').fill('Intro to two angel investors in Lagos');
  await page.goto(linkedinUrl('/feed/'));

  const second = await openLinkedIn(ext, '/in/zhang-wei/');
  await sidebar(second).getByLabel('Notes', { exact: true }).fill('想去深圳参观工厂');
  await second.close();

  const check = await openLinkedIn(ext, '/in/amara-okafor/');
  await expect(sidebar(check).getByLabel('How I can help')).toHaveValue('Intro to two angel investors in Lagos');
  await check.goto(linkedinUrl('/in/zhang-wei/'));
  await expect(sidebar(check).getByLabel('Notes', { exact: true })).toHaveValue('想去深圳参观工厂');
});

test('a phrase typed into a list field without Enter survives leaving the page and closing the tab', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/in/amara-okafor/');
  const interests = sidebar(page).getByRole('textbox', { name: 'Interests' });
  await interests.fill('climate finance');
  await expect(sidebar(page).getByRole('status')).toHaveText('Saved');
  // Still a phrase in the box while typing, not a chip yet.
  await expect(interests).toHaveValue('climate finance');
  await expect(sidebar(page).getByRole('list', { name: 'Interests' })).toHaveCount(0);
  await page.goto(linkedinUrl('/feed/'));

  const second = await openLinkedIn(ext, '/in/zhang-wei/');
  await sidebar(second).getByRole('textbox', { name: 'What they offer' }).fill('factory tours in Shenzhen');
  await second.close();

  const check = await openLinkedIn(ext, '/in/amara-okafor/');
  await expect(sidebar(check).getByRole('list', { name: 'Interests' }).getByRole('listitem')).toHaveText(['climate finance×']);
  await expect(sidebar(check).getByRole('textbox', { name: 'Interests' })).toHaveValue('');
  await check.goto(linkedinUrl('/in/zhang-wei/'));
  await expect(sidebar(check).getByRole('list', { name: 'What they offer' }).getByRole('listitem')).toHaveText([
    'factory tours in Shenzhen×',
  ]);
});

test('a phrase left in a list field is added when the field is left', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await sidebar(page).getByRole('textbox', { name: 'Looking for' }).fill('a data lead');
  await sidebar(page).getByRole('textbox', { name: 'Looking for' }).press('Tab');
  await expect(sidebar(page).getByRole('list', { name: 'Looking for' }).getByRole('listitem')).toHaveText(['a data lead×']);
  await expect(sidebar(page).getByRole('textbox', { name: 'Looking for' })).toHaveValue('');
});

test('two tabs on the same person edit different fields and see each other live', async ({ ext }) => {
  const one = await openLinkedIn(ext, '/in/kenji-tanaka/');
  const two = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await sidebar(one).getByLabel('Notes', { exact: true }).fill('Written in tab one');
  await sidebar(two).getByLabel('Where we met').fill('PyData Osaka 2026');
  await expect(sidebar(one).getByLabel('Where we met')).toHaveValue('PyData Osaka 2026');
  await expect(sidebar(two).getByLabel('Notes', { exact: true })).toHaveValue('Written in tab one');
  await one.reload();
  await expect(sidebar(one).getByLabel('Notes', { exact: true })).toHaveValue('Written in tab one');
  await expect(sidebar(one).getByLabel('Where we met')).toHaveValue('PyData Osaka 2026');
});

test('interests, offers and needs are chips; the timeline logs, edits and deletes contacts made', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/in/amara-okafor/');
  const notes = sidebar(page);
  const interests = notes.getByRole('textbox', { name: 'Interests' });
  await interests.fill('fintech');
  await interests.press('Enter');
  await interests.pressSequentially('climate, jazz,');
  await expect(notes.getByRole('list', { name: 'Interests' }).getByRole('listitem')).toHaveText(['fintech×', 'climate×', 'jazz×']);
  await notes.getByRole('button', { name: 'Remove climate' }).click();
  await notes.getByRole('textbox', { name: 'Looking for' }).fill('data engineering');
  await notes.getByRole('textbox', { name: 'Looking for' }).press('Enter');

  await notes.getByLabel('Kind').selectOption({ label: 'Meeting' });
  await notes.getByLabel('What happened').fill('Coffee at the Lagos Startup Week');
  await notes.getByRole('button', { name: 'Log interaction' }).click();
  await notes.getByLabel('Kind').selectOption({ label: 'Help given' });
  await notes.getByLabel('Date', { exact: true }).fill('2026-01-10');
  await notes.getByLabel('What happened').fill('Reviewed her pitch deck');
  await notes.getByRole('button', { name: 'Log interaction' }).click();

  const timeline = notes.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await expect(timeline.getByRole('listitem').first()).toContainText('Coffee at the Lagos Startup Week');
  await expect(timeline.getByRole('listitem').last()).toContainText('Reviewed her pitch deck');

  await timeline.getByRole('listitem').last().getByRole('button', { name: /^Edit entry/ }).click();
  await timeline.getByLabel('What happened').fill('Reviewed her pitch deck twice');
  await timeline.getByRole('button', { name: 'Save' }).click();
  await expect(timeline.getByRole('listitem').last()).toContainText('Reviewed her pitch deck twice');
  await timeline.getByRole('listitem').first().getByRole('button', { name: /^Delete entry/ }).click();
  await expect(timeline.getByRole('listitem')).toHaveCount(1);

  await page.reload();
  await expect(sidebar(page).getByRole('list', { name: 'Interests' }).getByRole('listitem')).toHaveText(['fintech×', 'jazz×']);
  await expect(sidebar(page).getByRole('list', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(1);
});

test('deleting a person asks first: Escape keeps the notes, confirming deletes them and their timeline', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
  const notes = sidebar(page);
  await notes.getByLabel('Notes', { exact: true }).fill('Knows everyone in Osaka’s data scene.');
  await expect(notes.getByRole('status')).toHaveText('Saved');
  await notes.getByLabel('What happened').fill('Coffee in Osaka');
  await notes.getByRole('button', { name: 'Log interaction' }).click();
  await expect(notes.getByRole('list', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(1);

  const ask = notes.getByRole('button', { name: 'Delete my notes on Kenji Tanaka…' });
  await ask.focus();
  await page.keyboard.press('Enter');
  const dialog = notes.getByRole('alertdialog', { name: /Delete your notes and timeline on Kenji Tanaka\?/ });
  await expect(dialog.getByRole('button', { name: 'Keep them' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(ask).toBeFocused();
  // Escape closed the question, not the sidebar.
  await expect(notes.getByLabel('Notes', { exact: true })).toHaveValue('Knows everyone in Osaka’s data scene.');

  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Delete notes' }).click();
  await expect(notes.getByRole('status')).toHaveText('Deleted');
  await expect(notes.getByLabel('Notes', { exact: true })).toHaveValue('');
  await expect(notes.getByRole('list', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(0);
  await page.reload();
  await expect(sidebar(page).getByLabel('Notes', { exact: true })).toHaveValue('');
  await expect(sidebar(page).getByRole('button', { name: /^Delete my notes/ })).toHaveCount(0);
  const options = await openExtensionPage(ext, 'options.html');
  await expect(options.getByText('No contacts yet', { exact: true })).toBeVisible();
});

test('the sidebar folds to a tab and stays folded', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
  const frame = page.locator(`iframe[title="${SIDEBAR_TITLE}"]`);
  await sidebar(page).getByRole('button', { name: 'Collapse sidebar' }).click();
  await expect(sidebar(page).getByRole('button', { name: 'Open notes' })).toBeVisible();
  await expect.poll(async () => (await frame.boundingBox())?.width).toBeLessThan(60);

  await page.reload();
  await expect(sidebar(page).getByRole('button', { name: 'Open notes' })).toBeVisible();
  await sidebar(page).getByRole('button', { name: 'Open notes' }).click();
  await expect(sidebar(page).getByLabel('Notes', { exact: true })).toBeVisible();
  await expect.poll(async () => (await frame.boundingBox())?.width).toBeGreaterThan(300);

});

test('the toggle shortcut is declared for the browser', async ({ ext }) => {
  // Browser accelerators cannot be pressed through the DevTools protocol; the manifest is checked instead.
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/manifest.json`);
  const manifest = JSON.parse((await page.locator('body').innerText()).trim());
  expect(manifest.commands['toggle-sidebar'].suggested_key.default).toBe('Alt+Shift+K');
});

test('a logged-out public profile still opens, named from the page’s structured data', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/in/luc%C3%ADa-fern%C3%A1ndez/');
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Lucía Fernández' })).toBeVisible();
  // A job title from JSON-LD is not the headline the page shows (it shows none here).
  await expect(sidebar(page).getByText('Diseñadora de servicios en Madrid Digital')).toHaveCount(0);
});

test.describe('in Spanish', () => {
  test.use({ browserLocale: 'es-ES' });
  test('the sidebar speaks Spanish with a Spanish browser', async ({ ext }) => {
    const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
    const notes = page.frameLocator('iframe[title="Notas de relaciones"]');
    await expect(notes.getByLabel('Notas', { exact: true })).toBeVisible();
    await expect(notes.getByLabel('Dónde nos conocimos')).toBeVisible();
    await expect(notes.getByLabel('Cómo puedo ayudar')).toBeVisible();
    await expect(notes.getByRole('button', { name: 'Registrar interacción' })).toBeVisible();
    await expect(notes.getByRole('button', { name: 'Contraer panel' })).toBeVisible();
  });
});
