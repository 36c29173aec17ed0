import { chromium, type BrowserContext, type Route } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isProfileSubpage, profileKeyFromUrl } from '../../utils/core/profile-key';

export const EXTENSION_PATH = resolve(import.meta.dirname, '../..', process.env.EXTENSION_OUT_DIR ?? '.output', 'chrome-mv3');
export const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium (the real binary, not the wrapper script), or CHROMIUM_PATH. */
export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES].find((p) => p && existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium was not found. Install it with `sudo apt-get update && sudo apt-get install -y chromium`, ' +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** The fixture document a LinkedIn URL stands for, or null when there is none. */
export function fixtureFor(url: string): string | null {
  const { pathname } = new URL(url);
  const fragment = pathname.startsWith('/__fixture__') ? pathname.slice('/__fixture__'.length) : pathname;
  const page = new URL(fragment, 'https://www.linkedin.com');
  const key = profileKeyFromUrl(page);
  if (!key) {
    // `?fixture=sdui` picks the server-driven markup of the same page (`search.sdui.html`).
    const name = fragment.split('/').filter(Boolean)[0] ?? 'feed';
    const variant = new URL(url).searchParams.get('fixture');
    const file = join(FIXTURES, variant ? `${name}.${variant}.html` : `${name}.html`);
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  }
  // A person's other pages, when there is a fixture of them: `<key>.details.html`, `<key>.mwlite.html`.
  const variant = isProfileSubpage(page) ? 'details' : /^\/mwlite\//i.test(page.pathname) ? 'mwlite' : null;
  const files = [variant && `${encodeURIComponent(key)}.${variant}.html`, `${encodeURIComponent(key)}.html`];
  const file = files.map((name) => name && join(FIXTURES, 'in', name)).find((path) => path && existsSync(path));
  return file ? readFileSync(file, 'utf8') : null;
}

/** The hosts whose requests the fixtures answer. */
export const LINKEDIN_REQUEST = /^https:\/\/([a-z]+\.)?(linkedin\.com|licdn\.com)\//;

/**
 * What LinkedIn answers for a URL, from `tests/fixtures`: the page for a document, the fixture SPA's
 * script and fragments, and an empty 204 for everything else. One answer for both browsers.
 */
export function linkedInResponse(url: string, isDocument: boolean): { status: number; contentType: string; body: string } {
  if (url.endsWith('/__fixture__/spa.js')) {
    return { status: 200, contentType: 'text/javascript', body: readFileSync(join(FIXTURES, 'spa.js'), 'utf8') };
  }
  const isFragment = new URL(url).pathname.startsWith('/__fixture__');
  if (!isDocument && !isFragment) return { status: 204, contentType: 'text/plain', body: '' };
  const body = fixtureFor(url);
  return {
    status: body ? 200 : 404,
    contentType: 'text/html; charset=utf-8',
    body: body ?? '<!doctype html><title>Page not found | LinkedIn</title><main><h2>Not found</h2></main>',
  };
}

/** Serves `tests/fixtures` at real linkedin.com URLs; the extension's content script runs on them. */
export async function serveLinkedIn(context: BrowserContext): Promise<void> {
  await context.route(LINKEDIN_REQUEST, (route: Route) => {
    const request = route.request();
    return route.fulfill(linkedInResponse(request.url(), request.resourceType() === 'document'));
  });
}

export interface LaunchOptions {
  userDataDir?: string;
  locale?: string;
  headless?: boolean;
  /** What `prefers-color-scheme` answers in every page, frames included. */
  colorScheme?: 'light' | 'dark';
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  cdpPort: number;
  close(): Promise<void>;
}

/**
 * Errors seen in any browser launched here: uncaught exceptions of every page and frame, and
 * console errors of the extension's pages, frames and worker and of LinkedIn's pages, each with
 * where it came from. The test fixture (`tests/e2e/fixtures.ts`) fails a test that leaves any.
 */
export const browserErrors: string[] = [];

const watched = /^(chrome-extension:\/\/|https:\/\/([a-z]+\.)?linkedin\.com\/)/;

function collectErrors(context: BrowserContext): void {
  context.on('weberror', (error) => browserErrors.push(`${error.page()?.url() ?? 'a page'}: ${error.error().message}`));
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url || message.page()?.url() || message.worker()?.url() || '';
    const owner = message.page()?.url() ?? message.worker()?.url() ?? where;
    if (watched.test(owner) || watched.test(where)) browserErrors.push(`${owner}: ${message.text()}`);
  });
}

/**
 * Chromium with the built extension. `--load-extension` is ignored by current Chromium, so the
 * extension is loaded over the DevTools protocol (`Extensions.loadUnpacked`). Default settings
 * otherwise: third-party cookies stay blocked, as for most users.
 */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  if (!existsSync(join(EXTENSION_PATH, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_PATH}: run \`npm run build\` first.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'relnotes-'));
  const cdpPort = await freePort();
  const lang = options.locale ?? 'en-US';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false,
    locale: lang,
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...(options.headless === false ? [] : ['--headless=new']),
      '--no-sandbox',
      '--enable-unsafe-extension-debugging',
      `--remote-debugging-port=${cdpPort}`,
      `--lang=${lang}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      // The system's dark theme, as a user sets it: Playwright's emulation alone does not always
      // reach the extension's out-of-process sidebar frame.
      ...(options.colorScheme === 'dark' ? ['--force-dark-mode'] : []),
    ],
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
  });
  collectErrors(context);
  const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${cdpPort}`);
  const session = await cdp.newBrowserCDPSession();
  const { id: extensionId } = (await session.send('Extensions.loadUnpacked' as never, { path: EXTENSION_PATH } as never)) as {
    id: string;
  };
  await session.detach().catch(() => undefined);
  await serveLinkedIn(context);
  const workerUrl = `chrome-extension://${extensionId}/background.js`;
  if (!context.serviceWorkers().some((w) => w.url() === workerUrl)) {
    await context.waitForEvent('serviceworker', { predicate: (w) => w.url() === workerUrl, timeout: 10_000 });
  }
  return {
    context,
    extensionId,
    userDataDir,
    cdpPort,
    close: async () => {
      await cdp.close().catch(() => undefined);
      await context.close();
    },
  };
}

/** Stops the extension's service worker, as Chromium does when it is idle. It starts again on the next event. */
export async function stopServiceWorker(ext: LaunchedExtension): Promise<void> {
  // A DevTools session on an extension page sees (and can stop) the workers of its origin.
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/manifest.json`);
  const session = await ext.context.newCDPSession(page);
  // Every worker version's status as DevTools reports it: all of them on enable, then each change.
  // A worker already stopped (idle for 30 s) reports "stopped" at once and never again.
  const status = new Map<string, string>();
  session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) status.set(version.versionId, version.runningStatus);
  });
  await session.send('ServiceWorker.enable');
  // Right after the extension loads, Chromium lets its worker finish starting first and drops the
  // request: it is asked again until the worker is stopped.
  const deadline = Date.now() + 20_000;
  const stopped = () => status.size > 0 && [...status.values()].every((running) => running === 'stopped');
  for (let asked = 0; !stopped(); ) {
    if (Date.now() > deadline) throw new Error(`The extension's worker did not stop: ${JSON.stringify([...status.values()])}`);
    if (Date.now() >= asked + 1_000) {
      await session.send('ServiceWorker.stopAllWorkers');
      asked = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await session.detach();
  await page.close();
}
