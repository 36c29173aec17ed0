import { LATE_READ_MS } from '../../utils/linkedin/page-timing';
import { expect, linkedinUrl, openExtensionPage, openLinkedIn, sidebar, test } from './fixtures';

// The sidebar on the fixture corpus of real LinkedIn page shapes (tests/fixtures/in, see each
// file's header for the markup generation it imitates).

const PRIYA_PHOTO = 'https://media.licdn.com/dms/image/v2/D4E03AQpriya/profile-displayphoto-shrink_200_200/0/1690000000000';
const NOT_A_PROFILE = 'This page does not show a profile LinkedIn lets us read. Type the name if you want notes on this person.';

test('Priya’s 2024 profile shows her headline and photo, not her pronouns or banner; then Hana, whose name is in an h2, without a page load', async ({
  ext,
  pageErrors,
}) => {
  const page = await openLinkedIn(ext, '/in/priya-raman/');
  const notes = sidebar(page);
  await expect(notes.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
  await expect(notes.getByText('Staff Product Designer · Accessibility and design systems')).toBeVisible();
  await expect(notes.locator('img.avatar')).toHaveAttribute('src', PRIYA_PHOTO);
  await notes.getByLabel('Notes', { exact: true }).fill('Priya: ask about the accessibility audit.');
  await expect(notes.getByRole('status')).toHaveText('Saved');

  await page.getByRole('link', { name: 'Hana Sato' }).click();
  await expect(notes.getByRole('heading', { level: 1, name: 'Hana Sato' })).toBeVisible();
  await expect(notes.getByText('Robotics researcher, human–robot interaction')).toBeVisible();
  await expect(notes.getByLabel('Notes', { exact: true })).toHaveValue('');
  await expect(notes.locator('img.avatar')).toHaveAttribute('src', /D5603AQhana/);

  await page.goBack();
  await expect(notes.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
  await expect(notes.getByLabel('Notes', { exact: true })).toHaveValue('Priya: ask about the accessibility audit.');
  expect(pageErrors).toEqual([]);
});

test('a member-id link to Priya opens the same notes as her vanity URL, and she stays one contact', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/in/priya-raman/');
  await sidebar(page).getByLabel('Notes', { exact: true }).fill('Met at the Toronto design meetup.');
  await expect(sidebar(page).getByRole('status')).toHaveText('Saved');

  await page.goto(linkedinUrl('/in/ACoAAB7yT0sBcQ9vKs2mP4nLrW8eZ1uHdJfXg/'));
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
  await expect(sidebar(page).getByLabel('Notes', { exact: true })).toHaveValue('Met at the Toronto design meetup.');
  await sidebar(page).getByLabel('Where we met').fill('Toronto design meetup');
  await expect(sidebar(page).getByRole('status')).toHaveText('Saved');

  const options = await openExtensionPage(ext, 'options.html');
  await expect(options.getByText('1 contact', { exact: true })).toBeVisible();
});

test('a Profile Not Found page, opened or reached in-page, says so plainly and names nobody after its text', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/in/no-such-person/');
  await expect(sidebar(page).getByText(NOT_A_PROFILE)).toBeVisible();
  await expect(sidebar(page).getByText(/could not be found/)).toHaveCount(0);
  await expect(sidebar(page).getByLabel('Name', { exact: true })).toHaveValue('');

  await page.goto(linkedinUrl('/in/priya-raman/'));
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
  await expect(sidebar(page).getByText(NOT_A_PROFILE)).toHaveCount(0);
  await page.getByRole('link', { name: 'A profile that was removed' }).click();
  await expect(sidebar(page).getByText(NOT_A_PROFILE)).toBeVisible();
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Priya Raman' })).toHaveCount(0);

  const options = await openExtensionPage(ext, 'options.html');
  await expect(options.getByText('No contacts yet', { exact: true })).toBeVisible();
});

test('the guest homepage served at a profile URL is no contact named “Welcome to your professional community”', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/in/ines-duarte/');
  await expect(sidebar(page).getByText(NOT_A_PROFILE)).toBeVisible();
  await expect(sidebar(page).getByText('Welcome to your professional community')).toHaveCount(0);
});

test('Luca’s logged-out profile behind a sign-in modal: his headline and photo, not JSON-LD’s job title or the cover', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/in/luca-bianchi/');
  const notes = sidebar(page);
  await expect(notes.getByRole('heading', { level: 1, name: 'Luca Bianchi' })).toBeVisible();
  await expect(notes.getByText('Landscape architect designing climate-resilient public spaces')).toBeVisible();
  await expect(notes.locator('img.avatar')).toHaveAttribute('src', /profile-displayphoto-shrink_200_200/);
});

test('LinkedIn Lite (/mwlite/in/) opens Daniel’s notes, the same as his profile URL', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/mwlite/in/daniel-okoro');
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Daniel Okoro' })).toBeVisible();
  await sidebar(page).getByLabel('Notes', { exact: true }).fill('Farm co-op pilot in Abuja.');
  await expect(sidebar(page).getByRole('status')).toHaveText('Saved');
  await page.goto(linkedinUrl('/in/daniel-okoro/details/experience/'));
  await expect(sidebar(page).getByLabel('Notes', { exact: true })).toHaveValue('Farm co-op pilot in Abuja.');
});

test('from Priya’s experience list back to her profile in-page, the sidebar reads her card once it shows', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/in/priya-raman/');
  await sidebar(page).getByLabel('Notes', { exact: true }).fill('Ask about Northwind.');
  await expect(sidebar(page).getByRole('status')).toHaveText('Saved');

  await page.goto(linkedinUrl('/in/priya-raman/details/experience/'));
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
  await expect(sidebar(page).getByText('Staff Product Designer · Accessibility and design systems')).toHaveCount(0);
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Experience' })).toHaveCount(0);

  // Past the content script's one late re-read of a page: only the navigation itself may bring the card.
  await page.waitForTimeout(LATE_READ_MS + 500);
  await page.getByRole('link', { name: 'Back to Priya Raman’s profile' }).click();
  await expect(sidebar(page).getByText('Staff Product Designer · Accessibility and design systems')).toBeVisible();
  await expect(sidebar(page).locator('img.avatar')).toHaveAttribute('src', PRIYA_PHOTO);
});

test.describe('in Spanish', () => {
  test.use({ browserLocale: 'es-ES' });
  test('the sign-in wall is explained in Spanish', async ({ ext }) => {
    const page = await openLinkedIn(ext, '/in/kofi-boateng/');
    const notes = page.frameLocator('iframe[title="Notas de relaciones"]');
    await expect(
      notes.getByText('Esta página no muestra un perfil que LinkedIn nos deje leer. Escribe el nombre si quieres tomar notas sobre esta persona.'),
    ).toBeVisible();
  });
});
