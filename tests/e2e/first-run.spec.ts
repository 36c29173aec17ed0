import { join } from 'node:path';
import { expect, openExtensionPage, openLinkedIn, sidebar, test } from './fixtures';
import { FIXTURES } from '../support/launch';

const CONNECTIONS = join(FIXTURES, 'Connections.csv');

test('a new user is guided from the popup to the import, and the guide goes once people are in', async ({ ext }) => {
  const popup = await openExtensionPage(ext, 'popup.html');
  const guide = popup.getByRole('region', { name: 'Start here' });
  await expect(guide).toBeVisible();
  await expect(guide.getByRole('link', { name: 'Open a LinkedIn profile' })).toHaveAttribute('href', 'https://www.linkedin.com/mynetwork/');
  // The empty day's message would only confuse a first look.
  await expect(popup.getByText('Nobody to contact today', { exact: false })).toHaveCount(0);

  const opened = ext.context.waitForEvent('page');
  await guide.getByRole('link', { name: 'Import your LinkedIn archive' }).click();
  const options = await opened;
  await expect(options).toHaveURL(/options\.html#import-export$/);
  await expect(options.getByRole('region', { name: 'Start here' })).toBeVisible();
  await options.getByLabel('Import a file').setInputFiles(CONNECTIONS);
  await expect(options.getByText(/^Imported 7 people/)).toBeVisible();
  await expect(options.getByRole('region', { name: 'Start here' })).toHaveCount(0);

  const again = await openExtensionPage(ext, 'popup.html');
  await expect(again.getByText('Nobody to contact today', { exact: false })).toBeVisible();
  await expect(again.getByRole('region', { name: 'Start here' })).toHaveCount(0);
});

test('the guide goes for good once dismissed, or once a first person is saved', async ({ ext }) => {
  const options = await openExtensionPage(ext, 'options.html');
  await options.getByRole('region', { name: 'Start here' }).getByRole('button', { name: 'Got it' }).click();
  await expect(options.getByRole('region', { name: 'Start here' })).toHaveCount(0);
  const popup = await openExtensionPage(ext, 'popup.html');
  await expect(popup.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(popup.getByRole('region', { name: 'Start here' })).toHaveCount(0);
});

test('saving a first person ends the guide', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await sidebar(page).getByLabel('How I can help').fill('Intro to a hiring manager');
  await expect(sidebar(page).getByRole('status')).toHaveText('Saved');
  const popup = await openExtensionPage(ext, 'popup.html');
  await expect(popup.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(popup.getByText('Nobody to contact today', { exact: false })).toBeVisible();
  await expect(popup.getByRole('region', { name: 'Start here' })).toHaveCount(0);
});

test.describe('in Spanish', () => {
  test.use({ browserLocale: 'es-ES' });
  test('the guide speaks Spanish', async ({ ext }) => {
    const popup = await openExtensionPage(ext, 'popup.html');
    const guide = popup.getByRole('region', { name: 'Empieza aquí' });
    await expect(guide.getByRole('link', { name: 'Abre un perfil de LinkedIn' })).toBeVisible();
    await expect(guide.getByRole('link', { name: 'Importa tus datos de LinkedIn' })).toBeVisible();
    await expect(guide.getByRole('button', { name: 'Entendido' })).toBeVisible();
  });
});
