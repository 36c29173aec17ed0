// Makes the README's screenshots from the end-to-end fixtures, so they show the extension as it is
// today: `npm run screenshots` (builds first) writes docs/sidebar.png, docs/popup.png (today's
// plan on top of the due list) and docs/network.png. Same Chromium, same fixture LinkedIn pages, same loading as the tests.
// `--dark` asks for the dark scheme (files end in -dark), but its output is not checked yet.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { localToday } from '../utils/core/dates';
import { FIXTURES, launchWithExtension } from '../tests/support/launch';

const OUT = resolve(import.meta.dirname, '..', 'docs');
const SIDEBAR = 'iframe[title="Relationship notes"]';
const colorScheme = process.argv.includes('--dark') ? 'dark' : 'light';
const suffix = colorScheme === 'dark' ? '-dark' : '';
mkdirSync(OUT, { recursive: true });

const ext = await launchWithExtension({ colorScheme });
try {
  const worker = ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`))!;
  await worker.evaluate(() => chrome.storage.local.set({ sidebarMoreOpen: false, firstRunDone: true }));

  // A small network: LinkedIn's own export, then notes on two people.
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByLabel('Import a file').setInputFiles(join(FIXTURES, 'Connections.csv'));
  await options.getByText(/^Imported \d+ people/).waitFor();

  const amara = await ext.context.newPage();
  await amara.goto('https://www.linkedin.com/in/amara-okafor/');
  const amaraNotes = amara.frameLocator(SIDEBAR);
  await amaraNotes.getByLabel('How I can help').fill('Intro to two angel investors in Lagos');
  await amaraNotes.getByRole('button', { name: 'More' }).click();
  await amaraNotes.getByLabel('Next follow-up').fill(localToday());
  await amaraNotes.getByRole('button', { name: 'More' }).click();
  await amaraNotes.getByRole('status').getByText('Saved').waitFor();

  // Priya looks for what Kenji offers: an introduction for today's plan.
  const priya = await ext.context.newPage();
  await priya.goto('https://www.linkedin.com/in/priya-raman/');
  const priyaNeeds = priya.frameLocator(SIDEBAR).getByRole('textbox', { name: 'Looking for' });
  await priyaNeeds.fill('data engineering');
  await priyaNeeds.press('Enter');
  await priya.frameLocator(SIDEBAR).getByRole('status').getByText('Saved').waitFor();
  await priya.close();

  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto('https://www.linkedin.com/in/kenji-tanaka/');
  const notes = page.frameLocator(SIDEBAR);
  await notes.getByLabel('How I can help').fill('Introduce him to a data lead candidate');
  for (const [label, phrases] of [
    ['What they offer', ['data engineering', 'Osaka meetups']],
    ['Looking for', ['a data lead']],
  ] as const) {
    const box = notes.getByRole('textbox', { name: label });
    for (const phrase of phrases) {
      await box.fill(phrase);
      await box.press('Enter');
    }
  }
  await notes.getByLabel('A word about it (optional)').fill('Coffee after PyData Osaka');
  await notes.getByRole('group', { name: 'Log a contact today' }).getByRole('button', { name: 'Meeting' }).click();
  await notes.getByRole('status').getByText('Saved').waitFor();
  await page.screenshot({ path: join(OUT, `sidebar${suffix}.png`) });

  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 400, height: 720 });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await popup.getByRole('heading', { level: 1 }).waitFor();
  // Today's plan on top: Amara due, and Priya's introduction to Kenji.
  await popup.getByRole('region', { name: 'Today’s plan' }).getByRole('listitem', { name: 'Priya Raman' }).waitFor();
  await popup.getByText('Amara Okafor').first().waitFor();
  await popup.screenshot({ path: join(OUT, `popup${suffix}.png`) });

  await options.setViewportSize({ width: 1280, height: 800 });
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByRole('link', { name: 'Kenji Tanaka' }).first().waitFor();
  await options.screenshot({ path: join(OUT, `network${suffix}.png`) });
  console.log(`Wrote ${OUT}/{sidebar,popup,network}${suffix}.png`);
} finally {
  await ext.close();
}
