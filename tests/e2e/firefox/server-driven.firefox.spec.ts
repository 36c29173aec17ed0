import { SHELL_WAIT_MS } from '../../../utils/linkedin/page-timing';
import { visibleText } from './a11y';
import { expect, sidebarText, test, typeInSidebar } from './fixtures';

// LinkedIn's server-driven profile page of 2026, and the self-check, in Firefox.

const UNREADABLE = 'LinkedIn changed this page, and it could not be read. Your notes still work; type the name below.';

test('Firefox: Camila’s server-driven profile shows her headline; from the new search, Olivia opens in-page', async ({ firefox }) => {
  await firefox.openLinkedIn('/in/camila-rojas/');
  await expect.poll(() => sidebarText(firefox)).toContain('Camila Rojas Consultora de marketing digital para pymes · Fundadora de Rojas & Co.');

  const page = await firefox.openLinkedIn('/search/results/people/?keywords=brightline&fixture=sdui');
  await page.locator('img[alt="Olivia Bennett is open to work"]').click();
  await expect.poll(() => sidebarText(firefox)).toContain('Olivia Bennett Head of People at Brightline Health · Coach for first-time managers');
  expect(await sidebarText(firefox)).not.toContain('She/Her');
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
});

test('Firefox: a profile that never renders is explained, notes still work, and the options page counts it and copies its report', async ({
  firefox,
}) => {
  const page = await firefox.openLinkedIn('/in/lena-vogel/');
  await expect.poll(() => sidebarText(firefox), { timeout: SHELL_WAIT_MS + 6_000 }).toContain(UNREADABLE);
  await typeInSidebar(firefox, page, { role: 'entry', name: 'Name' }, 'Lena Vogel');
  await expect.poll(() => sidebarText(firefox)).toContain('Saved');

  await firefox.openExtensionPage('options.html');
  const since = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date());
  await expect.poll(async () => visibleText(await firefox.tree())).toContain(`Profiles read: 0 · not readable: 1 since ${since}`);
  await firefox.press({ role: 'pushbutton', name: 'Copy a report' });
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('Report copied.');
  const report = await firefox.clipboardText();
  expect(report).toContain('a LinkedIn profile page it could not read');
  expect(report).toContain('[data-sdui-screen=com.linkedin.sdui.flagshipnav.profile.Profile]');
  expect(report).not.toMatch(/lena|vogel|media\.licdn|ACoAA/i);
});
