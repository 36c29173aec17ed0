import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES, type LaunchedExtension } from '../support/launch';
import { expect, linkedinUrl, openExtensionPage, openLinkedIn, setStorage, sidebar, SIDEBAR_TITLE, test } from './fixtures';

/**
 * What LinkedIn's own scripts can learn of the extension, asked from the page's realm: the known
 * probes (a fetch of the sidebar by the extension's id, extension URLs in the DOM and in the
 * resource timings) and anything said to the page (messages, events named after the extension).
 */
async function probe(page: Page, extensionId: string) {
  return page.evaluate(async (id) => {
    const html = document.documentElement.outerHTML;
    const fetched = await fetch(`chrome-extension://${id}/sidebar.html`).then(
      () => 'fetched',
      () => 'failed',
    );
    return {
      urlsInDom: /(chrome|moz)-extension:\/\//.test(html),
      idInDom: html.includes(id),
      frames: document.querySelectorAll('iframe').length,
      timings: performance.getEntries().filter((entry) => /extension:\/\//.test(entry.name)).length,
      heard: (window as unknown as { __heard: string[] }).__heard,
      fetched,
    };
  }, extensionId);
}

/** Before any script of the page or the extension runs: hear every message and every event named after the extension. */
async function listenFromTheStart(page: Page, extensionId: string) {
  await page.addInitScript((id) => {
    const heard: string[] = [];
    (window as unknown as { __heard: string[] }).__heard = heard;
    window.addEventListener('message', (event) => heard.push(`message ${JSON.stringify(event.data)}`));
    for (const name of ['content-script-started', 'locationchange']) {
      for (const entry of ['linkedin', 'content']) {
        document.addEventListener(`${id}:${entry}:wxt:${name}`, () => heard.push(`${name} on document`));
        window.addEventListener(`${id}:${entry}:wxt:${name}`, () => heard.push(`${name} on window`));
      }
    }
  }, extensionId);
}

// The probe's own fetch by the extension's id is refused, and Chromium says so in the page's console
// (one array element: Playwright would read a second one as the option's settings).
const probeRefused =
  /^https:\/\/www\.linkedin\.com\/in\/kenji-tanaka\/: (Denying load of chrome-extension:\/\/\w+\/sidebar\.html\. |Failed to load resource: net::ERR_FAILED$)/;

test.describe('probes', () => {
  test.use({ allowedErrors: [probeRefused] });
  test('in side panel mode LinkedIn’s page finds nothing of the extension; in the page the frame is found, but never by the extension’s id', async ({ ext }) => {
    const page = await ext.context.newPage();
    await listenFromTheStart(page, ext.extensionId);
    await page.goto(linkedinUrl('/in/kenji-tanaka/'));
    await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Kenji Tanaka' })).toBeVisible();
    // The probe can see the in-page frame: it fails where there is something to find.
    const inPage = await probe(page, ext.extensionId);
    expect(inPage).toMatchObject({ urlsInDom: true, frames: 1, fetched: 'failed', idInDom: false, heard: [] });

    await setStorage(ext, { sidebarPlace: 'panel' });
    await expect(page.locator(`iframe[title="${SIDEBAR_TITLE}"]`)).toHaveCount(0);
    const panelMode = await ext.context.newPage();
    await listenFromTheStart(panelMode, ext.extensionId);
    await panelMode.goto(linkedinUrl('/in/kenji-tanaka/'));
    await panelMode.getByRole('link', { name: 'Contact info' }).first().waitFor();
    // The content script still reads the page in this mode: its visit is counted (Settings shows it).
    await expect.poll(() => readableVisits(ext)).toBe(2);
    expect(await probe(panelMode, ext.extensionId)).toEqual({ urlsInDom: false, idInDom: false, frames: 0, timings: 0, heard: [], fetched: 'failed' });
  });
});

/** Profile visits whose person the content script read and reported to the background. */
async function readableVisits(ext: LaunchedExtension): Promise<number> {
  const worker = ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`))!;
  return worker.evaluate(async () => ((await chrome.storage.local.get('profileReads')).profileReads as { readable: number } | undefined)?.readable ?? 0);
}

const KENJI_MEMBER = 'ACoAAKenjiTanaka7x';

/** Kenji's page as LinkedIn serves it at his member-id link, naming the vanity key `slug` (or none). */
function kenjiAtMemberId(slug: string | null): string {
  const page = readFileSync(join(FIXTURES, 'in', 'kenji-tanaka.html'), 'utf8');
  return page.replaceAll('/in/kenji-tanaka/', `/in/${slug ?? KENJI_MEMBER}/`);
}

test('a page that fakes a member id and slug leads to an offer to merge, never to a merge', async ({ ext }) => {
  await writeNoteOn(ext, '/in/amara-okafor/', 'Amara Okafor', 'Amara: fintech, Lagos.');
  // Kenji, saved from a member-id link whose page named no vanity key.
  const page = await ext.context.newPage();
  await page.route(`**/in/${KENJI_MEMBER}/`, (route) => route.fulfill({ contentType: 'text/html', body: kenjiAtMemberId(null) }));
  await page.goto(linkedinUrl(`/in/${KENJI_MEMBER}/`));
  await sidebar(page).getByLabel('Notes', { exact: true }).fill('Kenji: met at PyData Osaka.');
  await expect(sidebar(page).getByRole('status')).toHaveText('Saved');

  // The same link now claims to be Amara's: the page alone must not join the two.
  await page.unroute(`**/in/${KENJI_MEMBER}/`);
  await page.route(`**/in/${KENJI_MEMBER}/`, (route) => route.fulfill({ contentType: 'text/html', body: kenjiAtMemberId('amara-okafor') }));
  await page.goto(linkedinUrl(`/in/${KENJI_MEMBER}/`));
  const notes = sidebar(page);
  await expect(notes.getByText('This looks like the same person as Kenji Tanaka. Merge notes?')).toBeVisible();
  await expect(notes.getByText('LinkedIn now shows “Kenji Tanaka” on this profile, where your notes say “Amara Okafor”. Is it the same person?')).toBeVisible();
  await expect(notes.getByRole('heading', { level: 1, name: 'Amara Okafor' })).toBeVisible();
  await expect(notes.getByLabel('Notes', { exact: true })).toHaveValue('Amara: fintech, Lagos.');

  // Two steps, and "Keep apart" where the first button was: both people stay as they were.
  await notes.getByRole('button', { name: 'Merge notes…' }).click();
  await expect(notes.getByRole('button', { name: 'Keep apart' })).toBeFocused();
  await expect(notes.getByRole('button', { name: 'Merge notes', exact: true })).toBeVisible();
  await notes.getByRole('button', { name: 'Keep apart' }).click();
  await expect(notes.getByText('This looks like the same person as Kenji Tanaka. Merge notes?')).toHaveCount(0);
  await notes.getByRole('button', { name: 'Keep “Amara Okafor”' }).click();

  const options = await openExtensionPage(ext, 'options.html');
  await expect(options.getByText('2 contacts', { exact: true })).toBeVisible();
  const network = options.getByRole('region', { name: 'People in your network' });
  await expect(network.getByRole('link', { name: 'Amara Okafor' })).toBeVisible();
  await expect(network.getByRole('link', { name: 'Kenji Tanaka' })).toBeVisible();
});

async function writeNoteOn(ext: LaunchedExtension, path: string, name: string, note: string) {
  const page = await openLinkedIn(ext, path);
  await expect(sidebar(page).getByRole('heading', { level: 1, name })).toBeVisible();
  await sidebar(page).getByLabel('Notes', { exact: true }).fill(note);
  await expect(sidebar(page).getByRole('status')).toHaveText('Saved');
  await page.close();
}

test('a frame the page made see-through ignores clicks, and says why', async ({ ext }) => {
  await writeNoteOn(ext, '/in/kenji-tanaka/', 'Kenji Tanaka', 'Kenji: keep.');
  const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
  const notes = sidebar(page);
  const ask = notes.getByRole('button', { name: 'Delete my notes on Kenji Tanaka…' });
  await ask.scrollIntoViewIfNeeded();
  const box = (await ask.boundingBox())!;
  // A page that wants a click on the frame hides it under its own bait.
  await page.evaluate((title) => {
    document.querySelector<HTMLIFrameElement>(`iframe[title="${title}"]`)!.style.opacity = '0.01';
  }, SIDEBAR_TITLE);
  await expect(notes.getByRole('alert')).toHaveText('Something on the page is covering these notes, so clicks here are ignored until it is gone.');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(notes.getByRole('alertdialog')).toHaveCount(0);

  await page.evaluate((title) => {
    document.querySelector<HTMLIFrameElement>(`iframe[title="${title}"]`)!.style.opacity = '1';
  }, SIDEBAR_TITLE);
  await expect(notes.getByRole('alert')).toHaveCount(0);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(notes.getByRole('alertdialog')).toBeVisible();
});

test('Settings moves the notes beside the page and back, and the first-run guide offers the same choice', async ({ ext }) => {
  const popup = await openExtensionPage(ext, 'popup.html');
  const guide = popup.getByRole('region', { name: 'Start here' });
  await expect(guide.getByRole('group', { name: 'Where your notes show' })).toBeVisible();
  await expect(guide.getByRole('radio', { name: 'Inside the page (opens by itself on each profile)' })).toBeChecked();

  const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Kenji Tanaka' })).toBeVisible();
  const options = await openExtensionPage(ext, 'options.html');
  const place = options.getByRole('region', { name: 'Settings' }).getByRole('group', { name: 'Where your notes show' });
  await place.getByRole('radio', { name: 'Beside the page (LinkedIn cannot see it)' }).check();
  await expect(place.getByText('Nothing is added to LinkedIn’s pages', { exact: false })).toBeVisible();
  await expect(page.locator(`iframe[title="${SIDEBAR_TITLE}"]`)).toHaveCount(0);
  await expect(guide.getByRole('radio', { name: 'Beside the page (LinkedIn cannot see it)' })).toBeChecked();

  await place.getByRole('radio', { name: 'Inside the page (opens by itself on each profile)' }).check();
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Kenji Tanaka' })).toBeVisible();
});
