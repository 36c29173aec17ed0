import { test as base, expect, type FrameLocator, type Page } from '@playwright/test';
import { launchWithExtension, type LaunchedExtension } from './launch';

export const SIDEBAR_TITLE = 'Relationship notes';

interface Fixtures {
  ext: LaunchedExtension;
  browserLocale: string;
  /** Console errors and uncaught exceptions of LinkedIn pages, which must stay empty. */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  browserLocale: ['en-US', { option: true }],
  pageErrors: async ({}, use) => {
    await use([]);
  },
  ext: async ({ browserLocale, pageErrors }, use) => {
    const ext = await launchWithExtension({ locale: browserLocale });
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

/** The sidebar frame on a LinkedIn page. */
export function sidebar(page: Page): FrameLocator {
  return page.frameLocator(`iframe[title="${SIDEBAR_TITLE}"]`);
}

export async function openExtensionPage(ext: LaunchedExtension, path: 'popup.html' | 'options.html'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  return page;
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
