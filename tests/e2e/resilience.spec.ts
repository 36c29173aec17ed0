import { SHELL_WAIT_MS } from '../../utils/linkedin/page-timing';
import type { BrowserContext, Worker } from '@playwright/test';
import type { LaunchedExtension } from '../support/launch';
import { expect, openLinkedIn, sidebar, test } from './fixtures';

const EXTRA_NODES = 20_000;

/** A profile buried in a very large page: 20,000 extra elements around and after the top card. */
function hugeProfile(): string {
  const items = Array.from(
    { length: EXTRA_NODES / 4 },
    (_, i) =>
      `<li class="feed-item"><div><span>Post ${i}</span><a href="/feed/update/${i}/">Like</a></div></li>`,
  ).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>(99+) Priya Raman | LinkedIn</title></head>
<body>
<header class="global-nav"><nav aria-label="Primary"><a href="/feed/">Home</a></nav></header>
<main class="scaffold-layout__main">
<section class="artdeco-card pv-top-card">
<div class="ph5"><div class="mt2"><h1 class="text-heading-xlarge">Priya Raman</h1></div>
<div class="text-body-medium">Head of Platform at Chennai Cloud</div>
<div class="mt2"><span class="text-body-small">Chennai, India</span></div></div>
</section>
<section class="artdeco-card"><h2>Activity</h2><ul>${items}</ul></section>
</main>
</body></html>`;
}

/** Serves the huge page at its own profile URL, ahead of the fixture route. */
async function serveHugeProfile(context: BrowserContext) {
  const body = hugeProfile();
  await context.route(/^https:\/\/www\.linkedin\.com\/in\/priya-raman\/?$/, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body }),
  );
}

test('LinkedIn ships a profile without a heading and with an empty main: the sidebar asks for the name and keeps it', async ({
  ext,
  pageErrors,
}) => {
  const page = await openLinkedIn(ext, '/in/broken-page/');
  const notes = sidebar(page);
  const name = notes.getByLabel('Name', { exact: true });
  await expect(name).toBeVisible({ timeout: SHELL_WAIT_MS + 6_000 });
  await expect(name).toHaveValue('');
  await expect(notes.getByRole('heading', { level: 1 })).toHaveText('(no name)');

  await name.fill('Sofía Broken-Page');
  await expect(notes.getByRole('status')).toHaveText('Saved');
  await expect(notes.getByRole('heading', { level: 1 })).toHaveText('Sofía Broken-Page');
  await notes.getByLabel('Notes', { exact: true }).fill('Her page did not load properly; met at the meetup.');
  await expect(notes.getByRole('status')).toHaveText('Saved');

  await page.reload();
  const again = sidebar(page);
  await expect(again.getByRole('heading', { level: 1 })).toHaveText('Sofía Broken-Page', { timeout: SHELL_WAIT_MS + 6_000 });
  await expect(again.getByLabel('Name', { exact: true })).toHaveValue('Sofía Broken-Page');
  await expect(again.getByLabel('Notes', { exact: true })).toHaveValue('Her page did not load properly; met at the meetup.');
  expect(pageErrors).toEqual([]);
});

test('a profile inside a page with 20,000 extra elements still gets the sidebar with the name, and nothing throws', async ({
  ext,
  pageErrors,
}) => {
  await serveHugeProfile(ext.context);
  const page = await openLinkedIn(ext, '/in/priya-raman/');
  expect(await page.locator('main *').count()).toBeGreaterThan(EXTRA_NODES);

  const notes = sidebar(page);
  await expect(notes.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
  await expect(notes.getByText('Head of Platform at Chennai Cloud')).toBeVisible();
  await expect(notes.getByLabel('Name', { exact: true })).toHaveCount(0);
  await notes.getByLabel('Where we met', { exact: true }).fill('KubeCon Chennai');
  await expect(notes.getByRole('status')).toHaveText('Saved');

  // LinkedIn keeps rendering into a page like this; the content script must keep up without errors.
  await page.evaluate((count) => {
    const list = document.querySelector('main ul')!;
    for (let i = 0; i < count; i++) list.append(Object.assign(document.createElement('li'), { textContent: `More ${i}` }));
  }, 5_000);
  await expect(notes.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

function backgroundWorker(ext: LaunchedExtension): Worker {
  const worker = ext.context.serviceWorkers().find((w) => w.url() === `chrome-extension://${ext.extensionId}/background.js`);
  if (!worker) throw new Error('The background worker is not running.');
  return worker;
}

/** Makes every IndexedDB write in the background fail as on a full disk, until `true` is passed. */
async function diskFull(worker: Worker, full: boolean) {
  await worker.evaluate((full) => {
    const store = IDBObjectStore.prototype as IDBObjectStore & { realPut?: IDBObjectStore['put']; realAdd?: IDBObjectStore['add'] };
    store.realPut ??= store.put;
    store.realAdd ??= store.add;
    const refuse = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    store.put = full ? refuse : store.realPut;
    store.add = full ? refuse : store.realAdd;
  }, full);
}

/** What the database holds for a person, read straight from IndexedDB in the background. */
async function storedNotes(worker: Worker, key: string): Promise<string | undefined> {
  return worker.evaluate(
    (key) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('relationship-notes');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('contacts').objectStore('contacts').get(key);
          get.onsuccess = () => {
            resolve((get.result as { notes?: string } | undefined)?.notes);
            open.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

test('the disk fills up while typing: the sidebar says so, loses nothing saved, and saves once there is room', async ({
  ext,
  pageErrors,
}) => {
  const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
  const notes = sidebar(page);
  const field = notes.getByLabel('Notes', { exact: true });
  await field.fill('Met at PyData Osaka.');
  await expect(notes.getByRole('status')).toHaveText('Saved');
  const worker = backgroundWorker(ext);

  await diskFull(worker, true);
  await field.fill('Met at PyData Osaka. Hiring a data lead in spring.');
  await expect(notes.getByRole('alert')).toHaveText(
    'Your browser is out of storage space. This change is not saved; free some space and it will be retried.',
  );
  await expect(field).toHaveValue('Met at PyData Osaka. Hiring a data lead in spring.');
  expect(await storedNotes(worker, 'kenji-tanaka')).toBe('Met at PyData Osaka.');

  await diskFull(worker, false);
  await expect(notes.getByRole('status')).toHaveText('Saved', { timeout: 10_000 });
  await expect(notes.getByRole('alert')).toHaveCount(0);
  expect(await storedNotes(worker, 'kenji-tanaka')).toBe('Met at PyData Osaka. Hiring a data lead in spring.');
  await page.reload();
  await expect(sidebar(page).getByLabel('Notes', { exact: true })).toHaveValue('Met at PyData Osaka. Hiring a data lead in spring.');
  expect(pageErrors).toEqual([]);
});
