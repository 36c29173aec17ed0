import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../support/launch';
import { addDaysToLocalDate, localToday } from '../../utils/core/dates';
import { addPhrase, expect, linkedinUrl, openExtensionPage, openLinkedIn, sidebar, test } from './fixtures';

test('today’s plan: a follow-up due, a job change and an introduction, each with its reason and a way to give first; Done logs it, Tomorrow brings it back tomorrow', async ({ ext }) => {
  const today = localToday();
  // Priya is due today.
  const priya = sidebar(await openLinkedIn(ext, '/in/priya-raman/'));
  await priya.getByLabel('Next follow-up').fill(today);
  await expect(priya.getByRole('status').first()).toHaveText('Saved');
  // Kenji offers data engineering; Amara looks for it.
  const kenjiTab = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await addPhrase(sidebar(kenjiTab), 'What they offer', 'data engineering');
  await addPhrase(sidebar(await openLinkedIn(ext, '/in/amara-okafor/')), 'Looking for', 'data engineering');
  // Kenji's next visit shows a new role.
  const kenji = readFileSync(join(FIXTURES, 'in', 'kenji-tanaka.html'), 'utf8');
  await kenjiTab.route('**/in/kenji-tanaka/', (route) =>
    route.fulfill({ contentType: 'text/html', body: kenji.replaceAll('Data Engineer at Kaizen Analytics', 'Head of Data at Kaizen Analytics') }),
  );
  await kenjiTab.goto(linkedinUrl('/in/kenji-tanaka/'));
  await expect(sidebar(kenjiTab).getByRole('list', { name: 'Timeline' })).toContainText('New role');

  const popup = await openExtensionPage(ext, 'popup.html');
  const plan = popup.getByRole('region', { name: 'Today’s plan' });
  const person = (name: string) => plan.getByRole('listitem', { name });
  await expect(plan.getByRole('listitem')).toHaveCount(3);
  await expect(person('Priya Raman')).toContainText('Follow-up due today');
  await expect(person('Kenji Tanaka')).toContainText('New role: Head of Data at Kaizen Analytics');
  await expect(person('Kenji Tanaka')).toContainText('Give first: congratulate Kenji on the new role.');
  await expect(person('Amara Okafor')).toContainText('Kenji offers data engineering; Amara is looking for data engineering');
  await expect(person('Amara Okafor')).toContainText('Give first: introduce Amara to Kenji Tanaka.');
  await expect(plan).toContainText('0 of 3 answered');
  // Nothing dropped out of the due list: Priya is there too.
  await expect(popup.getByRole('list', { name: 'Today', exact: true })).toContainText('Priya Raman');

  await person('Kenji Tanaka').getByRole('button', { name: 'Done' }).click();
  await expect(person('Kenji Tanaka').getByRole('status')).toHaveText('Done');
  // An introduction is carried through by its steps: asking Amara is today's Done for her.
  await expect(person('Amara Okafor').getByRole('button', { name: 'Done' })).toHaveCount(0);
  await person('Amara Okafor').getByRole('button', { name: 'Ask Amara Okafor about an introduction to Kenji Tanaka' }).click();
  await expect(person('Amara Okafor').getByRole('status')).toHaveText('Done');
  await person('Priya Raman').getByRole('button', { name: 'Tomorrow' }).click();
  await expect(person('Priya Raman').getByRole('status')).toHaveText('Back tomorrow');
  await expect(plan).toContainText('3 of 3 answered');
  // Asking is a contact made; the giving is the introduction, still to come.
  await expect(plan).toContainText('This week: 2 people reached · no giving logged yet · 1 day of the plan done');

  // Reopened, the same plan, answers and all.
  await popup.reload();
  await expect(person('Kenji Tanaka').getByRole('status')).toHaveText('Done');
  await expect(plan.getByRole('listitem')).toHaveCount(3);

  const kenjiAgain = await openLinkedIn(ext, '/in/kenji-tanaka/');
  const timeline = sidebar(kenjiAgain).getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('Congratulated them on the new role');

  // Tomorrow: Priya first, and a plan made afresh.
  const tomorrow = await ext.context.newPage();
  await tomorrow.clock.install({ time: new Date(`${addDaysToLocalDate(today, 1)}T09:00:00`) });
  await tomorrow.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  const next = tomorrow.getByRole('region', { name: 'Today’s plan' });
  await expect(next.getByRole('listitem').first()).toHaveAccessibleName('Priya Raman');
  await expect(next).toContainText('0 of');
});

test.describe('in Spanish', () => {
  test.use({ browserLocale: 'es-ES' });
  test('el plan de hoy dice por qué y cómo dar primero, y “Hecho” lo registra', async ({ ext }) => {
    const page = await openLinkedIn(ext, '/in/priya-raman/');
    const priya = page.frameLocator('iframe[title="Notas de relaciones"]');
    await priya.getByLabel('Próximo seguimiento').fill(localToday());
    await expect(priya.getByRole('status').first()).toHaveText('Guardado');
    const popup = await openExtensionPage(ext, 'popup.html');
    const plan = popup.getByRole('region', { name: 'El plan de hoy' });
    const row = plan.getByRole('listitem', { name: 'Priya Raman' });
    await expect(row).toContainText('Seguimiento para hoy');
    await expect(row).toContainText('Da primero: pregunta qué le ayudaría ahora mismo.');
    await row.getByRole('button', { name: 'Hecho' }).click();
    await expect(row.getByRole('status')).toHaveText('Hecho');
    await expect(plan).toContainText('Esta semana: 1 persona contactada');
  });
});
