import puppeteer, { type Browser, type Locator, type Page as PanelPage } from 'puppeteer-core';
import { browserErrors, type LaunchedExtension } from './launch';

/**
 * Chromium's side panel, reached the one way there is: Playwright does not list the panel's page
 * (it is a DevTools target of its own), so a second client (Puppeteer, over the same DevTools
 * port) attaches to it and finds its controls by role and name through the accessibility tree.
 * Its errors join `browserErrors`, as every other extension page's do.
 */
export interface SidePanel {
  page: PanelPage;
  /** A control by its role and accessible name, as a person finds it. */
  byRole(role: string, name: string): Locator<Element>;
  /** Text the panel shows, waited for. */
  waitForText(text: string | RegExp, timeout?: number): Promise<void>;
  /** The value of the text field with this label. */
  value(label: string): Promise<string>;
  /** Whether the panel shows `text` right now. */
  hasText(text: string | RegExp): Promise<boolean>;
  disconnect(): Promise<void>;
}

const PANEL = /\/sidepanel\.html$/;

/** Attaches to the extension's open side panel, waiting for it to open. */
export async function attachSidePanel(ext: LaunchedExtension, timeout = 10_000): Promise<SidePanel> {
  const browser: Browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${ext.cdpPort}`, defaultViewport: null });
  const target = await browser.waitForTarget((t) => t.url().startsWith(`chrome-extension://${ext.extensionId}/`) && PANEL.test(t.url()), {
    timeout,
  });
  const page = await target.asPage();
  page.on('console', (message) => {
    if (message.type() === 'error') browserErrors.push(`side panel: ${message.text()}`);
  });
  page.on('pageerror', (error) => browserErrors.push(`side panel: ${(error as Error).message}`));
  const text = () => page.evaluate(() => document.body.innerText);
  const matches = (shown: string, wanted: string | RegExp) => (typeof wanted === 'string' ? shown.includes(wanted) : wanted.test(shown));
  return {
    page,
    byRole: (role, name) => page.locator(`::-p-aria([name="${name.replaceAll('"', '\\"')}"][role="${role}"])`) as Locator<Element>,
    waitForText: async (wanted, wait = 7_000) => {
      const until = Date.now() + wait;
      let shown = '';
      while (Date.now() < until) {
        shown = await text().catch(() => '');
        if (matches(shown, wanted)) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`The side panel never showed ${String(wanted)}; it shows:\n${shown}`);
    },
    hasText: async (wanted) => matches(await text(), wanted),
    value: async (label) => {
      const field = await page.locator(`::-p-aria([name="${label}"][role="textbox"])`).waitHandle();
      return field.evaluate((element) => (element as HTMLInputElement).value);
    },
    disconnect: () => browser.disconnect(),
  };
}
