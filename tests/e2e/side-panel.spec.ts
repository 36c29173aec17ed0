import { attachSidePanel, type SidePanel } from '../support/side-panel';
import { expect, linkedinUrl, openExtensionPage, openLinkedIn, setStorage, sidebar, SIDEBAR_TITLE, test } from './fixtures';
import type { LaunchedExtension } from '../support/launch';

/** Opens the popup as a tab and asks for the notes beside the page, as a person does from the toolbar. */
async function openPanelFromPopup(ext: LaunchedExtension): Promise<SidePanel> {
  const popup = await openExtensionPage(ext, 'popup.html');
  await popup.getByRole('button', { name: 'Open notes beside the page' }).click();
  const panel = await attachSidePanel(ext);
  if (!popup.isClosed()) await popup.close();
  return panel;
}

// The panel is no Playwright page, so its requests are not answered from the fixtures: LinkedIn's
// photo host does not resolve on this offline machine (it loads for a user).
test.use({ allowedErrors: [/^side panel: Failed to load resource: net::ERR_NAME_NOT_RESOLVED$/] });

test('the side panel opens from the popup, shows Kenji, follows in-page navigation and tab switches, and shows today’s list elsewhere', async ({ ext }) => {
  const kenji = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await expect(sidebar(kenji).getByRole('heading', { level: 1, name: 'Kenji Tanaka' })).toBeVisible();
  const panel = await openPanelFromPopup(ext);
  await kenji.bringToFront();
  await panel.waitForText('Kenji Tanaka');
  // Choosing the panel moved the notes out of LinkedIn's page.
  await expect(kenji.locator(`iframe[title="${SIDEBAR_TITLE}"]`)).toHaveCount(0);

  await panel.byRole('textbox', 'Notes').fill('Kenji: ask about the Osaka meetup.');
  await panel.waitForText('Saved');

  await kenji.goto(linkedinUrl('/feed/'));
  await panel.waitForText('Open a LinkedIn profile to see your notes on that person.');
  await kenji.getByRole('link', { name: 'Kenji Tanaka' }).click();
  await panel.waitForText('Kenji Tanaka');
  expect(await panel.value('Notes')).toBe('Kenji: ask about the Osaka meetup.');
  await kenji.getByRole('link', { name: 'Amara Okafor' }).click();
  await panel.waitForText('Amara Okafor');
  expect(await panel.hasText('Kenji Tanaka')).toBe(false);

  const other = await openLinkedIn(ext, '/in/priya-raman/');
  await other.bringToFront();
  await panel.waitForText('Priya Raman');
  await kenji.bringToFront();
  await panel.waitForText('Amara Okafor');

  const elsewhere = await ext.context.newPage();
  await elsewhere.goto('about:blank');
  await elsewhere.bringToFront();
  await panel.waitForText('Open a LinkedIn profile to see your notes on that person.');
  await panel.waitForText('Coming up');
  await panel.disconnect();
});

test('a note typed in the panel just before its LinkedIn tab closes is kept', async ({ ext }) => {
  await setStorage(ext, { sidebarPlace: 'panel' });
  const keep = await ext.context.newPage();
  await keep.goto('about:blank');
  const kenji = await openLinkedIn(ext, '/in/kenji-tanaka/');
  const panel = await openPanelFromPopup(ext);
  await kenji.bringToFront();
  await panel.waitForText('Kenji Tanaka');
  await panel.byRole('textbox', 'How I can help').fill('Intro to the PyData Osaka organisers');
  await kenji.close();
  await panel.waitForText('Open a LinkedIn profile to see your notes on that person.');

  const again = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await again.bringToFront();
  await panel.waitForText('Kenji Tanaka');
  expect(await panel.value('How I can help')).toBe('Intro to the PyData Osaka organisers');
  await panel.disconnect();
});
