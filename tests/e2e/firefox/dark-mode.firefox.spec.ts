import { visibleText } from './a11y';
import type { FirefoxWithExtension } from './firefox';
import { expect, SIDEBAR_TITLE, sidebarText, test } from './fixtures';

// The colours components/ui/styles.css gives text and page in each scheme.
const DARK = { color: 'rgb(230, 233, 236)', background: 'rgb(28, 32, 36)' };
const LIGHT = { color: 'rgb(29, 34, 38)', background: 'rgb(255, 255, 255)' };

/**
 * The sidebar, the popup and the options page, each opened as a person opens it: their main
 * heading is drawn in these colours, as the accessibility tree reports them to a screen reader.
 */
async function expectHeadingsIn(firefox: FirefoxWithExtension, colours: typeof DARK): Promise<void> {
  await firefox.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => sidebarText(firefox)).toContain('Kenji Tanaka');
  await expect.poll(() => firefox.textColours({ role: 'heading', name: 'Kenji Tanaka' }, SIDEBAR_TITLE)).toEqual(colours);

  await firefox.openExtensionPage('popup.html');
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('Today');
  await expect.poll(() => firefox.textColours({ role: 'heading', name: 'Today' })).toEqual(colours);

  await firefox.openExtensionPage('options.html');
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('Relationship Notes');
  await expect.poll(() => firefox.textColours({ role: 'heading', name: 'Relationship Notes' })).toEqual(colours);
}

test.describe('with the desktop in dark mode', () => {
  test.use({ firefoxOptions: { colorScheme: 'dark' } });
  test('Firefox: the sidebar, the popup and the options page are light text on a dark page', async ({ firefox }) => {
    await expectHeadingsIn(firefox, DARK);
    expect(firefox.extensionErrors()).toEqual([]);
  });
});

test.describe('with the desktop in light mode', () => {
  test.use({ firefoxOptions: { colorScheme: 'light' } });
  test('Firefox: the same views are dark text on a white page', async ({ firefox }) => {
    await expectHeadingsIn(firefox, LIGHT);
    expect(firefox.extensionErrors()).toEqual([]);
  });
});
