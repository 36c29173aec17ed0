import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../support/launch';
import { expect, linkedinUrl, openExtensionPage, sidebar, test, writeNote } from './fixtures';

const CONNECTIONS = readFileSync(join(FIXTURES, 'Connections.csv'));
/** The same export a few months on: Amara moved on; Lucía's role is only written differently. */
const NEWER = Buffer.from(
  CONNECTIONS.toString('utf8')
    .replace('Lagos Growth Studio,"Founder, CEO"', 'Kaduna Ventures,Managing Partner')
    .replace('"Fernández, Ruiz & Asociados",Socia', '"Fernández, Ruiz & Asociados",socia'),
);
const csv = (buffer: Buffer) => ({ name: 'Connections.csv', mimeType: 'text/csv', buffer });

test('a new headline on Kenji’s next visit is a “New role” on his timeline; a newer Connections.csv says who changed jobs', async ({ ext }) => {
  await writeNote(ext, '/in/kenji-tanaka/', 'Kenji Tanaka', 'Knows the Osaka data scene.');
  const page = await ext.context.newPage();
  const kenji = readFileSync(join(FIXTURES, 'in', 'kenji-tanaka.html'), 'utf8');
  await page.route('**/in/kenji-tanaka/', (route) =>
    route.fulfill({ contentType: 'text/html', body: kenji.replaceAll('Data Engineer at Kaizen Analytics', 'Head of Data at Kaizen Analytics') }),
  );
  await page.goto(linkedinUrl('/in/kenji-tanaka/'));
  const timeline = sidebar(page).getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  await expect(timeline.getByRole('listitem')).toContainText('New role');
  await expect(timeline.getByRole('listitem')).toContainText('Data Engineer at Kaizen Analytics → Head of Data at Kaizen Analytics');
  // Seen again, the same role adds nothing.
  await page.reload();
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Kenji Tanaka' })).toBeVisible();
  await expect(timeline.getByRole('listitem')).toHaveCount(1);

  const options = await openExtensionPage(ext, 'options.html');
  await options.getByLabel('Import a file').setInputFiles(csv(CONNECTIONS));
  await expect(options.getByText('Imported 7 people: 6 new, 1 updated.')).toBeVisible();
  await expect(options.getByText('changed jobs')).toHaveCount(0);
  await options.getByLabel('Import a file').setInputFiles(csv(NEWER));
  await expect(options.getByText('1 person changed jobs since your last import.')).toBeVisible();
});

test.describe('in Spanish', () => {
  test.use({ browserLocale: 'es-ES' });
  test('a newer Connections.csv says who changed jobs, and the timeline calls it “Nuevo puesto”', async ({ ext }) => {
    const options = await openExtensionPage(ext, 'options.html');
    await options.getByLabel('Importar un archivo').setInputFiles(csv(CONNECTIONS));
    await expect(options.getByText('7 personas importadas (nuevas: 7, actualizadas: 0).')).toBeVisible();
    await options.getByLabel('Importar un archivo').setInputFiles(csv(NEWER));
    await expect(options.getByText('1 persona cambió de trabajo desde tu última importación.')).toBeVisible();
    const page = await ext.context.newPage();
    await page.goto(linkedinUrl('/in/amara-okafor/'));
    const timeline = page.frameLocator('iframe[title="Notas de relaciones"]').getByRole('list', { name: 'Historial' });
    await expect(timeline.getByRole('listitem')).toContainText('Nuevo puesto');
    await expect(timeline.getByRole('listitem')).toContainText('Founder, CEO at Lagos Growth Studio → Managing Partner at Kaduna Ventures');
  });
});
