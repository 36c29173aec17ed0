import { SHELL_WAIT_MS } from '../../utils/linkedin/page-timing';
import { expect, linkedinUrl, openExtensionPage, openLinkedIn, sidebar, test } from './fixtures';

// LinkedIn's server-driven profile page of 2026 (tests/fixtures/in/README.md), and the self-check
// that tells the user when a profile could not be read.

const UNREADABLE = 'LinkedIn changed this page, and it could not be read. Your notes still work; type the name below.';
const today = () => new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date());

test('Camila’s server-driven profile, in Spanish: her name, headline and largest photo, and the visit counts as read', async ({
  ext,
  pageErrors,
}) => {
  const page = await openLinkedIn(ext, '/in/camila-rojas/');
  const notes = sidebar(page);
  await expect(notes.getByRole('heading', { level: 1, name: 'Camila Rojas' })).toBeVisible();
  await expect(notes.getByText('Consultora de marketing digital para pymes · Fundadora de Rojas & Co.')).toBeVisible();
  await expect(notes.locator('img.avatar')).toHaveAttribute('src', /D4E03AQcamila\/profile-displayphoto-shrink_800_800\//);
  await expect(notes.getByText(UNREADABLE)).toHaveCount(0);
  await notes.getByLabel('Notes', { exact: true }).fill('Wants introductions to retailers in Valparaíso.');
  await expect(notes.getByRole('status')).toHaveText('Saved');

  const options = await openExtensionPage(ext, 'options.html');
  await expect(options.getByText(`Profiles read: 1 · not readable: 0 since ${today()}`)).toBeVisible();
  await expect(options.getByRole('button', { name: 'Copy a report' })).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('from the server-driven search, a click on Olivia opens her notes in-page; from the feed, Camila; a job page names nobody', async ({
  ext,
  pageErrors,
}) => {
  const page = await openLinkedIn(ext, '/search/results/people/?keywords=brightline&fixture=sdui');
  await expect(page.locator('iframe[title="Relationship notes"]')).toHaveCount(0);
  await page.getByRole('img', { name: 'Olivia Bennett is open to work' }).click();
  await expect(page).toHaveURL(linkedinUrl('/in/olivia-bennett/'));
  const notes = sidebar(page);
  await expect(notes.getByRole('heading', { level: 1, name: 'Olivia Bennett' })).toBeVisible();
  await expect(notes.getByText('Head of People at Brightline Health · Coach for first-time managers')).toBeVisible();
  await expect(notes.getByText('She/Her')).toHaveCount(0);
  // The whole way there was one document: the fixture's in-page navigation, not a load.
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);

  await page.goto(linkedinUrl('/feed/?fixture=sdui'));
  await page.getByRole('link', { name: 'Camila Rojas Verified Profile 2nd' }).click();
  await expect(notes.getByRole('heading', { level: 1, name: 'Camila Rojas' })).toBeVisible();
  await expect(notes.getByRole('heading', { level: 1, name: 'Olivia Bennett' })).toHaveCount(0);

  await page.goto(linkedinUrl('/jobs/view/4100000001/?fixture=sdui'));
  await expect(page.getByText('Over 100 applicants')).toBeVisible();
  await expect(page.locator('iframe[title="Relationship notes"]')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('Sven’s profile renders 3.5 s after the page: the sidebar waits for his card instead of calling it unreadable', async ({
  ext,
}) => {
  const page = await openLinkedIn(ext, '/in/sven-lindqvist/');
  const notes = sidebar(page);
  await expect(notes.getByRole('heading', { level: 1, name: 'Sven Lindqvist' })).toBeVisible({ timeout: 10_000 });
  await expect(notes.getByText('Electrical engineer building heat pumps for Nordic winters')).toBeVisible();
  await expect(notes.getByText(UNREADABLE)).toHaveCount(0);
  await expect(notes.getByLabel('Name', { exact: true })).toHaveCount(0);
});

test('a profile LinkedIn never renders: the sidebar says so plainly, a typed name keeps the notes, and a report of its structure can be copied', async ({
  ext,
  pageErrors,
}) => {
  const page = await openLinkedIn(ext, '/in/lena-vogel/');
  const notes = sidebar(page);
  await expect(notes.getByText(UNREADABLE)).toBeVisible({ timeout: SHELL_WAIT_MS + 6_000 });
  await notes.getByLabel('Name', { exact: true }).fill('Lena Vogel');
  await expect(notes.getByRole('status')).toHaveText('Saved');
  await notes.getByLabel('Notes', { exact: true }).fill('Met at the Berlin climate meetup; ask about her heat-pump pilot.');
  await expect(notes.getByRole('status')).toHaveText('Saved');
  await page.goto(linkedinUrl('/in/camila-rojas/'));
  await expect(notes.getByRole('heading', { level: 1, name: 'Camila Rojas' })).toBeVisible();

  const options = await openExtensionPage(ext, 'options.html');
  await expect(options.getByText(`Profiles read: 1 · not readable: 1 since ${today()}`)).toBeVisible();
  await expect(options.getByRole('link', { name: 'Lena Vogel' }).first()).toBeVisible();
  // What reaches the clipboard, seen on its way there (Chromium lets no test origin read it back).
  await options.evaluate(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text: string) => ((window as unknown as { copied: string }).copied = text, write(text));
  });
  await options.getByRole('button', { name: 'Copy a report' }).click();
  await expect(options.getByText('Report copied. Paste it into an issue or an email to the team.')).toBeVisible();
  const report = await options.evaluate(() => (window as unknown as { copied: string }).copied);
  expect(report).toContain('a LinkedIn profile page it could not read');
  expect(report).toContain('topcard=false');
  expect(report).toContain('[data-sdui-screen=com.linkedin.sdui.flagshipnav.profile.Profile]');
  expect(report).not.toMatch(/lena|vogel|Alex Morgan|media\.licdn|ACoAA/i);
  expect(pageErrors).toEqual([]);
});

test.describe('in Spanish', () => {
  test.use({ browserLocale: 'es-ES' });
  test('the unreadable page and the counts are explained in Spanish', async ({ ext }) => {
    const page = await openLinkedIn(ext, '/in/lena-vogel/');
    const notes = page.frameLocator('iframe[title="Notas de relaciones"]');
    await expect(
      notes.getByText('LinkedIn ha cambiado esta página y no se ha podido leer. Tus notas siguen funcionando; escribe el nombre abajo.'),
    ).toBeVisible({ timeout: SHELL_WAIT_MS + 6_000 });
    const options = await openExtensionPage(ext, 'options.html');
    const since = new Intl.DateTimeFormat('es', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date());
    await expect(options.getByText(`Perfiles leídos: 0 · no legibles: 1 desde el ${since}`)).toBeVisible();
    await expect(options.getByRole('button', { name: 'Copiar un informe' })).toBeVisible();
  });
});
