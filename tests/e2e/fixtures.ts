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

/** The stopped-and-restarted service worker, as Chromium does it when idle. */
export async function stopServiceWorker(ext: LaunchedExtension): Promise<void> {
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  const session = await ext.context.newCDPSession(page);
  const { targetInfos } = (await session.send('Target.getTargets')) as {
    targetInfos: Array<{ targetId: string; type: string; url: string }>;
  };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(ext.extensionId));
  if (!worker) return;
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await session.detach();
}
