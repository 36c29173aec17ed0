import type { FrameLocator, Page } from '@playwright/test';
import { addDaysToLocalDate, localToday } from '../../utils/core/dates';
import { addPhrase, expect, openExtensionPage, openLinkedIn, sidebar, test } from './fixtures';
import type { LaunchedExtension } from '../support/launch';

/** A day as the English interface writes it: "Dec 7, 2026". */
const shown = (day: string) => new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(`${day}T12:00:00`));

/** What a page's clipboard writes were, seen on their way there (Chromium lets no test origin read it back). */
async function watchClipboard(page: Page | FrameLocator, refuse = false): Promise<void> {
  const target = 'owner' in page ? await page.owner().elementHandle().then((el) => el!.contentFrame()) : page;
  await target!.evaluate((refused) => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text: string) =>
      refused ? Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) : (w.copied.push(text), write(text));
  }, refuse);
}

async function copied(page: Page | FrameLocator): Promise<string[]> {
  const target = 'owner' in page ? await page.owner().elementHandle().then((el) => el!.contentFrame()) : page;
  return target!.evaluate(() => (window as unknown as { copied: string[] }).copied);
}

/** Kenji offers data engineering; Amara looks for it; Kenji's private note is never in a message. */
const ENGLISH = { offers: 'What they offer', needs: 'Looking for', saved: 'Saved', notes: sidebar };

async function matchAmaraAndKenji(ext: LaunchedExtension, labels = ENGLISH) {
  const kenji = labels.notes(await openLinkedIn(ext, '/in/kenji-tanaka/'));
  await addPhrase(kenji, labels.offers, 'data engineering', labels.saved);
  const amaraPage = await openLinkedIn(ext, '/in/amara-okafor/');
  await addPhrase(labels.notes(amaraPage), labels.needs, 'data engineering', labels.saved);
  return { kenji, amaraPage };
}

test('a double opt-in introduction, carried through: ask each (a message copied), their yes, Introduce, on both timelines; two weeks on the plan asks how it went', async ({
  ext,
  pageErrors,
}) => {
  const { kenji } = await matchAmaraAndKenji(ext);
  await kenji.getByLabel('Notes', { exact: true }).fill('Private: owes me a favour');
  await expect(kenji.getByRole('status').first()).toHaveText('Saved');

  // On the network page: ask Amara first.
  const options = await openExtensionPage(ext, 'options.html');
  const section = options.locator('#introductions');
  const suggested = section.getByRole('list', { name: 'Suggested introductions' });
  await expect(suggested).toContainText('Kenji offers data engineering; Amara is looking for data engineering');
  await expect(section.getByText('No introductions in progress.')).toBeVisible();
  await watchClipboard(options);
  await suggested.getByRole('button', { name: 'Ask Amara Okafor about an introduction to Kenji Tanaka' }).click();
  await expect(section.getByRole('status').first()).toHaveText('The message is copied. Paste it into a LinkedIn message to Amara Okafor.');
  const [toAmara] = await copied(options);
  expect(toAmara).toBe(
    'Hi Amara! You mentioned you are looking for data engineering. I know Kenji, who could help with that. Would you like me to introduce you? No pressure either way.',
  );

  // The pair left the suggestions for the list in progress, and the focus went with it.
  const progress = section.getByRole('list', { name: 'Introductions in progress' });
  const pair = progress.getByRole('listitem').filter({ hasText: 'Amara Okafor' });
  await expect(pair).toContainText(`Amara: Asked on ${shown(localToday())}, waiting for an answer.`);
  await expect(suggested).toHaveCount(0);
  await expect(pair.getByRole('button', { name: 'Amara said yes' })).toBeFocused();

  // The clipboard refuses the next one: the message is shown to copy by hand, and the ask is still noted.
  await watchClipboard(options, true);
  await pair.getByRole('button', { name: 'Ask Kenji Tanaka about an introduction to Amara Okafor' }).click();
  await expect(section.getByRole('alert')).toHaveText('The message could not be copied. Select the text below and copy it by hand.');
  const byHand = section.getByRole('textbox', { name: 'Message to copy' });
  await expect(byHand).toHaveValue(
    'Hi Kenji! I know Amara, who is looking for data engineering, and you know a lot about data engineering. Would you be open to an introduction? No pressure either way.',
  );
  await expect(byHand).not.toHaveValue(/favour|Private/);
  await expect(pair).toContainText(`Kenji: Asked on ${shown(localToday())}`);

  // Amara says yes (marked here); Kenji says yes (marked in his sidebar, which follows live).
  await pair.getByRole('button', { name: 'Amara said yes' }).click();
  await expect(pair).toContainText('Amara: Said yes');
  const fromKenji = kenji.getByRole('region', { name: 'Introductions' });
  await expect(fromKenji).toContainText('Amara: Said yes');
  await fromKenji.getByRole('button', { name: 'Kenji said yes' }).click();
  await expect(pair).toContainText('Both said yes.');

  // The popup's plan puts the ready pair first; Introduce copies the introduction and logs it on both.
  const popup = await openExtensionPage(ext, 'popup.html');
  const plan = popup.getByRole('region', { name: 'Today’s plan' });
  const amaraRow = plan.getByRole('listitem', { name: 'Amara Okafor' });
  await expect(plan.getByRole('listitem').first()).toHaveAccessibleName('Amara Okafor');
  await watchClipboard(popup);
  await amaraRow.getByRole('button', { name: 'Introduce Amara Okafor and Kenji Tanaka' }).click();
  await expect(plan.getByText('The introduction is copied. Paste it into a LinkedIn message to both of them.')).toBeVisible();
  expect(await copied(popup)).toEqual([
    'Amara, meet Kenji! Amara is looking for data engineering, and Kenji knows a lot about data engineering. I thought you two should talk; I will let you take it from here.',
  ]);
  await expect(amaraRow.getByRole('status')).toHaveText('Done');
  await expect(amaraRow).toContainText(`Introduced on ${shown(localToday())}. Two weeks on, today’s plan asks how it went.`);
  const kenjiTimeline = kenji.getByRole('list', { name: 'Timeline' });
  await expect(kenjiTimeline).toContainText('Introduced to Amara Okafor (data engineering)');
  await expect(kenjiTimeline).toContainText('Said yes to an introduction to Amara Okafor');
  await expect(kenjiTimeline).toContainText('Asked whether they would like an introduction to Amara Okafor');
  await expect(pair).toContainText(`Introduced on ${shown(localToday())}`);

  // Two weeks on, the plan asks how it went; the answer goes on both timelines.
  const later = await ext.context.newPage();
  await later.clock.install({ time: new Date(`${addDaysToLocalDate(localToday(), 14)}T09:00:00`) });
  await later.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  const laterPlan = later.getByRole('region', { name: 'Today’s plan' });
  const check = laterPlan.getByRole('listitem', { name: 'Amara Okafor' });
  await expect(check).toContainText(`You introduced Amara Okafor and Kenji Tanaka on ${shown(localToday())}`);
  await check.getByRole('group', { name: 'How did the introduction of Amara Okafor and Kenji Tanaka go?' }).getByRole('button', { name: 'It helped them' }).click();
  await expect(check.getByRole('status')).toHaveText('Done');
  await expect(kenjiTimeline).toContainText('Introduction to Amara Okafor: it helped');
  await expect(check.getByRole('group')).toHaveCount(0);
  // Nothing is in progress any more.
  await expect(section.getByText('No introductions in progress.')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('from the sidebar: one of them says no, and the introduction stops there', async ({ ext }) => {
  const { amaraPage } = await matchAmaraAndKenji(ext);
  const amara = sidebar(amaraPage);
  const introductions = amara.getByRole('region', { name: 'Introductions' });
  await watchClipboard(amara);
  await introductions.getByRole('button', { name: 'Ask Kenji Tanaka about an introduction to Amara Okafor' }).click();
  await expect(introductions.getByRole('status')).toHaveText('The message is copied. Paste it into a LinkedIn message to Kenji Tanaka.');
  expect((await copied(amara))[0]).toMatch(/^Hi Kenji! I know Amara, who is looking for data engineering/);
  await introductions.getByRole('button', { name: 'Kenji said no' }).click();
  await expect(introductions).toContainText('Kenji Tanaka said no, so the introduction stops here.');
  await expect(introductions.getByRole('button', { name: /^Ask Amara/ })).toHaveCount(0);
  // On Kenji's timeline, not Amara's: the step concerns him.
  const kenji = sidebar(await openLinkedIn(ext, '/in/kenji-tanaka/'));
  await expect(kenji.getByRole('list', { name: 'Timeline' })).toContainText('Said no to an introduction to Amara Okafor');
  await expect(amara.getByText(/Said no to an introduction/)).toHaveCount(0);
  // A pair that said no is not suggested again on the network page.
  const options = await openExtensionPage(ext, 'options.html');
  await expect(options.locator('#introductions').getByText('No introductions to suggest yet.')).toBeVisible();
});

test.describe('in Spanish', () => {
  test.use({ browserLocale: 'es-ES' });
  test('pedir a cada uno primero: el mensaje se copia en español', async ({ ext }) => {
    await matchAmaraAndKenji(ext, {
      offers: 'Lo que ofrece',
      needs: 'Lo que busca',
      saved: 'Guardado',
      notes: (page) => page.frameLocator('iframe[title="Notas de relaciones"]'),
    });
    const options = await openExtensionPage(ext, 'options.html');
    const section = options.locator('#introductions');
    await watchClipboard(options);
    await section.getByRole('button', { name: 'Preguntar a Amara Okafor por una presentación a Kenji Tanaka' }).click();
    await expect(section.getByRole('status').first()).toHaveText('Mensaje copiado. Pégalo en un mensaje de LinkedIn a Amara Okafor.');
    expect(await copied(options)).toEqual([
      '¡Hola, Amara! Me comentaste que buscas data engineering. Conozco a Kenji, que podría ayudarte con eso. ¿Quieres que os presente? Sin ningún compromiso.',
    ]);
    const progress = section.getByRole('list', { name: 'Presentaciones en curso' });
    await expect(progress.getByRole('button', { name: 'Amara dijo que sí' })).toBeFocused();
  });
});
