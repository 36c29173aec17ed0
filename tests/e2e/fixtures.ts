import { test as base, expect, type FrameLocator, type Page } from '@playwright/test';
import { launchWithExtension, type LaunchedExtension } from '../support/launch';

export const SIDEBAR_TITLE = 'Relationship notes';

interface Fixtures {
  ext: LaunchedExtension;
  browserLocale: string;
  /**
   * Whether the sidebar's "More" section starts open. Tests of the fields inside it start with it
   * open, as a user who opened it once finds it; tests of the first look set it to false.
   */
  moreOpen: boolean;
  /** Console errors and uncaught exceptions of LinkedIn pages, which must stay empty. */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  browserLocale: ['en-US', { option: true }],
  moreOpen: [true, { option: true }],
  pageErrors: async ({}, use) => {
    await use([]);
  },
  ext: async ({ browserLocale, pageErrors, moreOpen, colorScheme }, use) => {
    // Playwright's own `colorScheme` option, handed to the persistent context.
    const ext = await launchWithExtension({ locale: browserLocale, colorScheme: colorScheme === 'dark' ? 'dark' : 'light' });
    if (moreOpen) await setStorage(ext, { sidebarMoreOpen: true });
    ext.context.on('page', (page) => {
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && page.url().includes('linkedin.com')) pageErrors.push(message.text());
      });
    });
    await use(ext);
    await ext.close();
  },
});

export { expect };

export function linkedinUrl(path: string): string {
  return new URL(path, 'https://www.linkedin.com').toString();
}

/** Opens a LinkedIn page in a new tab. */
export async function openLinkedIn(ext: LaunchedExtension, path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(linkedinUrl(path));
  return page;
}

/** Opens a person's profile, writes a note in their sidebar, waits until it is saved, and closes the tab. */
export async function writeNote(ext: LaunchedExtension, path: string, name: string, note: string): Promise<void> {
  const profile = await openLinkedIn(ext, path);
  const notes = sidebar(profile);
  await expect(notes.getByRole('heading', { level: 1, name })).toBeVisible();
  await notes.getByLabel('Notes', { exact: true }).fill(note);
  await expect(notes.getByRole('status')).toHaveText('Saved');
  await profile.close();
}

/** The sidebar frame on a LinkedIn page. */
export function sidebar(page: Page): FrameLocator {
  return page.frameLocator(`iframe[title="${SIDEBAR_TITLE}"]`);
}

export async function openExtensionPage(ext: LaunchedExtension, path: 'popup.html' | 'options.html'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  return page;
}

/** Writes `storage.local` items from the extension's service worker, as the extension itself would. */
export async function setStorage(ext: LaunchedExtension, items: Record<string, unknown>): Promise<void> {
  const worker = ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`));
  if (!worker) throw new Error('The extension has no service worker running');
  await worker.evaluate((values) => chrome.storage.local.set(values), items);
}

/** Stops the extension's service worker, as Chromium does when it is idle. It starts again on the next event. */
export async function stopServiceWorker(ext: LaunchedExtension): Promise<void> {
  // A DevTools session on an extension page sees (and can stop) the workers of its origin.
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/manifest.json`);
  const session = await ext.context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await session.detach();
  await page.close();
}
