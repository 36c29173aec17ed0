import { localToday } from '../../utils/core/dates';
import { expect, openExtensionPage, openLinkedIn, test } from './fixtures';
import { launchWithExtension, stopServiceWorker } from '../support/launch';
import { writeVersion1Database } from '../support/version-1-database';

const PEOPLE = 30_000;
const UPDATING = 'Updating your notes…';

test('30,000 people kept by the first version are updated behind a progress bar, and a browser closed midway loses no one (then in Spanish)', async ({
  ext,
}) => {
  test.setTimeout(60_000);
  await writeVersion1Database(ext, PEOPLE, localToday());
  const { userDataDir } = ext;
  await ext.close();

  // The browser starts with today's extension: the popup says what is going on and shows the day meanwhile.
  const first = await launchWithExtension({ userDataDir });
  let doneBeforeClosing = 0;
  try {
    const popup = await openExtensionPage(first, 'popup.html');
    const progress = popup.getByRole('progressbar', { name: UPDATING });
    await expect(progress).toBeVisible();
    await expect(popup.getByRole('list', { name: 'Today' }).getByText('Kenji Tanaka')).toBeVisible({ timeout: 10_000 });
    await expect(progress).toHaveAttribute('value', /^[1-9]/, { timeout: 15_000 });
    // The worker is stopped at once, as the browser does when it quits: the batches it had not done
    // are left for the next start. (A graceful close let it run on: on a fast machine it sometimes
    // finished, and the next start had nothing left to show.)
    await stopServiceWorker(first);
    doneBeforeClosing = Number(await progress.getAttribute('value'));
    expect(doneBeforeClosing).toBeLessThan(PEOPLE);
  } finally {
    await first.close();
  }

  // Closed midway: the next start carries on from the last batch done, and the sidebar says so too,
  // in Spanish this time (the browser's language changed meanwhile): one 30,000-person network for both.
  const second = await launchWithExtension({ userDataDir, locale: 'es-ES' });
  try {
    const [popup, profile] = await Promise.all([openExtensionPage(second, 'popup.html'), openLinkedIn(second, '/in/amara-okafor/')]);
    const progress = popup.getByRole('progressbar', { name: 'Actualizando tus notas…' });
    await expect(progress).toHaveAttribute('max', String(PEOPLE));
    const resumedAt = Number(await progress.getAttribute('value'));
    expect(resumedAt).toBeGreaterThanOrEqual(doneBeforeClosing);
    expect(resumedAt).toBeLessThan(PEOPLE);
    await expect(popup.getByText(/^[\d.]+ de 30\.000 personas · Todas tus notas están aquí/)).toBeVisible({ timeout: 15_000 });
    const notes = profile.frameLocator('iframe[title="Notas de relaciones"]');
    const introductions = notes.getByRole('region', { name: 'Presentaciones' });
    await expect(notes.getByRole('progressbar', { name: 'Actualizando tus notas…' })).toBeVisible({ timeout: 10_000 });
    await expect(introductions).toContainText('Las presentaciones aparecerán cuando tus notas estén actualizadas.');

    await expect(progress).toBeHidden({ timeout: 30_000 });
    await expect(notes.getByRole('progressbar')).toHaveCount(0);
    await expect(introductions.getByRole('link', { name: 'Kenji Tanaka' })).toBeVisible();

    const options = await openExtensionPage(second, 'options.html');
    await expect(options.getByText(`${PEOPLE} contactos`)).toBeVisible({ timeout: 15_000 });
    await expect(options.getByRole('progressbar')).toHaveCount(0);
  } finally {
    await second.close();
  }
});
