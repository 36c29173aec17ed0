import { test as base, expect, type FrameLocator, type Page } from '@playwright/test';
import { browserErrors, launchWithExtension, type LaunchedExtension } from '../support/launch';

export const SIDEBAR_TITLE = 'Relationship notes';

interface Fixtures {
  ext: LaunchedExtension;
  browserLocale: string;
  /**
   * Whether the sidebar's "More" section starts open. Tests of the fields inside it start with it
   * open, as a user who opened it once finds it; tests of the first look set it to false.
   */
  moreOpen: boolean;
  /**
   * Every error the browsers of this test logged (`browserErrors` in tests/support/launch.ts): the
   * test fails when any is left that `allowedErrors` does not name.
   */
  pageErrors: string[];
  /** Errors a test provokes on purpose, each named: nothing is allowed silently. */
  allowedErrors: RegExp[];
}

export const test = base.extend<Fixtures>({
  browserLocale: ['en-US', { option: true }],
  moreOpen: [true, { option: true }],
  allowedErrors: [[], { option: true }],
  // Every test, whether it launches browsers through `ext` or itself.
  pageErrors: [
    async ({ allowedErrors }, use) => {
      browserErrors.length = 0;
      await use(browserErrors);
      const unexpected = browserErrors.filter((error) => !allowedErrors.some((allowed) => allowed.test(error)));
      browserErrors.length = 0;
      expect(unexpected, 'errors logged by the extension’s pages, frames or worker, or by LinkedIn’s page').toEqual([]);
    },
    { auto: true },
  ],
  // A launch has its own time, apart from the test's: the first Chromium started on a fresh machine
  // took 37 s (caches cold), which left the first test too little of its 45 s.
  ext: [
    async ({ browserLocale, moreOpen, colorScheme }, use) => {
      // Playwright's own `colorScheme` option, handed to the persistent context.
      const ext = await launchWithExtension({ locale: browserLocale, colorScheme: colorScheme === 'dark' ? 'dark' : 'light' });
      if (moreOpen) await setStorage(ext, { sidebarMoreOpen: true });
      await use(ext);
      await ext.close();
    },
    { timeout: 90_000 },
  ],
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

/** Adds a phrase to one of the sidebar's phrase lists ("What they offer", "Looking for"…) and waits until it is saved. */
export async function addPhrase(notes: FrameLocator, label: string, phrase: string, saved = 'Saved'): Promise<void> {
  const input = notes.getByRole('textbox', { name: label, exact: true });
  await input.fill(phrase);
  await input.press('Enter');
  await expect(notes.getByRole('list', { name: label, exact: true }).getByText(phrase, { exact: true })).toBeVisible();
  await expect(notes.getByRole('status').first()).toHaveText(saved);
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
