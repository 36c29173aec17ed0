import type { Page } from 'puppeteer-core';
import { expect, SIDEBAR_TITLE, sidebarText, test as base } from './fixtures';
import { EXTENSION_ORIGIN, FirefoxWithExtension } from './firefox';

// Side panel mode: the notes in Firefox's own sidebar (`sidebar_action`), beside LinkedIn's page
// and outside it. The sidebar's page is read through the window's accessibility tree, clicked and
// typed into as a person does (see "The extension's own sidebar" in firefox.ts).

const GECKO_ID = 'relationship-notes@relationship-notes.org';
const PANEL_URL = `${EXTENSION_ORIGIN}/sidepanel.html`;
const WAITING = 'Open a LinkedIn profile to see your notes on that person.';
const SHORTCUT = { key: 'K', modifiers: 'alt,shift' };
const kenji = { role: 'heading', name: 'Kenji Tanaka' };
const amara = { role: 'heading', name: 'Amara Okafor' };
const notes = { role: 'entry', name: 'Notes' };

// One Firefox for the whole file (launching one takes seconds). Each test starts from a window
// with one blank tab and sets the stored choices it depends on; Playwright gives the tests after a
// failed one a new worker, so a new Firefox. Errors the extension logs fail the test they came in.
const test = base.extend<{ ff: FirefoxWithExtension }, { sharedFirefox: FirefoxWithExtension }>({
  sharedFirefox: [
    async ({}, use) => {
      const firefox = await FirefoxWithExtension.launch();
      await use(firefox);
      await firefox.discard();
      // Nor anything after the last test.
      expect(firefox.extensionErrors()).toEqual([]);
    },
    { scope: 'worker' },
  ],
  ff: async ({ sharedFirefox: firefox }, use) => {
    const errorsBefore = firefox.extensionErrors().length;
    const earlier = await firefox.browser.pages();
    await firefox.browser.newPage();
    for (const page of earlier) await page.close();
    await use(firefox);
    expect(firefox.extensionErrors().slice(errorsBefore)).toEqual([]);
  },
});

/** Opens the extension's sidebar unless it is open already (the way Firefox's sidebar menu does). */
async function showPanel(firefox: FirefoxWithExtension): Promise<void> {
  if (!(await firefox.sidebarPanel()).ours) await firefox.showSidebarPanel();
  await expect.poll(() => firefox.sidebarPanel()).toEqual({ open: true, ours: true, url: PANEL_URL });
}

/** The side panel's headings: whose notes it shows, and the sections of today's list. */
async function panelHeadings(firefox: FirefoxWithExtension): Promise<string[]> {
  return (await firefox.panelTree()).filter((node) => node.role === 'heading').map((node) => node.name);
}

/** A tab on a site that is not LinkedIn (a plain https page, served by the test). */
async function openOtherSite(firefox: FirefoxWithExtension): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (!request.url().startsWith('https://example.org/')) return void request.continue();
    void request.respond({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Example</title><h1>Another site</h1>' });
  });
  await page.goto('https://example.org/');
  return page;
}

test('Firefox: the popup’s “Open notes beside the page” opens Firefox’s sidebar on Kenji, and LinkedIn’s page keeps no frame', async ({ ff }) => {
  await ff.removeExtensionStorage(['sidebarPlace']);
  expect(await ff.extensionStorage(['sidebarPlace'])).toEqual({});
  await ff.hideSidebarPanel();
  const page = await ff.openLinkedIn('/in/kenji-tanaka/');
  // The default: the notes in a frame on the page.
  await expect.poll(() => sidebarText(ff)).toContain('Kenji Tanaka Data Engineer at Kaizen Analytics');
  expect(await ff.sidebarPanel()).toMatchObject({ open: false });

  await ff.openExtensionPage('popup.html');
  await ff.click({ role: 'pushbutton', name: 'Open notes beside the page' });
  await expect.poll(() => ff.sidebarPanel()).toEqual({ open: true, ours: true, url: PANEL_URL });
  await expect.poll(() => ff.findInPanel(kenji)).toBeDefined();
  expect(await ff.panelText()).toContain('Kenji Tanaka Data Engineer at Kaizen Analytics');

  // The choice is kept, and LinkedIn's page lost its frame at once.
  expect(await ff.extensionStorage(['sidebarPlace'])).toEqual({ sidebarPlace: 'panel' });
  await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('iframe')].map((frame) => frame.src))).toEqual([]);
  expect(await ff.find({ role: 'internal frame', name: SIDEBAR_TITLE })).toBeUndefined();
});

test('Firefox: the side panel follows the window’s active tab: in-page navigation, tab switches, and a site that is not LinkedIn', async ({ ff }) => {
  await ff.setExtensionStorage({ sidebarPlace: 'panel' });
  await showPanel(ff);
  const feed = await ff.openLinkedIn('/feed/');
  await expect.poll(() => ff.panelText()).toContain(WAITING);

  await feed.locator('a ::-p-text(Kenji Tanaka)').click();
  await expect.poll(() => ff.findInPanel(kenji)).toBeDefined();
  await feed.locator('a ::-p-text(Amara Okafor)').click();
  await expect.poll(() => ff.findInPanel(amara)).toBeDefined();
  expect(await ff.panelText()).toContain('Founder at Lagos Growth Studio');
  expect(await ff.findInPanel(kenji)).toBeUndefined();

  const second = await ff.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => ff.findInPanel(kenji)).toBeDefined();
  await feed.bringToFront();
  await expect.poll(() => ff.findInPanel(amara)).toBeDefined();
  await second.bringToFront();
  await expect.poll(() => ff.findInPanel(kenji)).toBeDefined();
  expect(await ff.findInPanel(amara)).toBeUndefined();

  await openOtherSite(ff);
  await expect.poll(() => ff.panelText()).toContain(WAITING);
  // Today's list below it, as in the popup.
  await expect.poll(() => panelHeadings(ff)).toContain('Coming up');
  expect(await panelHeadings(ff)).not.toContain('Kenji Tanaka');
  expect(await ff.findInPanel(notes)).toBeUndefined();
});

test('Firefox: a note typed in the side panel just before its LinkedIn tab is closed is kept', async ({ ff }) => {
  await ff.setExtensionStorage({ sidebarPlace: 'panel', sidebarMoreOpen: true });
  await showPanel(ff);
  const page = await ff.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => ff.findInPanel(kenji)).toBeDefined();
  const note = 'Prefers calls after 6pm JST';
  // The form follows the heading once the background has sent Kenji's (empty) notes.
  await expect.poll(async () => (await ff.findInPanel(notes))?.value).toBe('');
  await ff.typeInPanel(notes, note);
  // Every key has reached the field (keys sent at once take the panel ~150 ms; a person's take
  // longer than that), then the tab goes before the edit's save (300 ms after the last key) is due.
  await expect.poll(async () => (await ff.findInPanel(notes))?.value, { intervals: [20] }).toBe(note);
  await page.close();
  await expect.poll(() => ff.panelText()).toContain(WAITING);
  await expect.poll(() => ff.panelText()).toContain('Saved');

  // A new panel page, which remembers nothing typed: what it shows comes from the database.
  await ff.hideSidebarPanel();
  await showPanel(ff);
  await ff.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => ff.findInPanel(kenji)).toBeDefined();
  await expect.poll(async () => (await ff.findInPanel(notes))?.value).toBe(note);
});

/**
 * Runs in LinkedIn's page, in its own realm, before any of its scripts or the extension's content
 * script: records what a page script could hear of the extension. Every window message, and the
 * events WXT's content script context announces itself with (`<add-on id>:<entrypoint>:wxt:…`,
 * spelled every way WXT spells it): the DOM has no listener for every type, so these are named.
 */
function recordWhatThePageHears(addonId: string): void {
  const heard: string[] = [];
  Object.defineProperty(window, '__heardByThePage', { value: heard });
  window.addEventListener('message', (event) => heard.push(`message from ${event.origin}: ${JSON.stringify(event.data)}`), true);
  for (const entrypoint of ['', 'linkedin:', 'linkedin.content:', 'content:']) {
    for (const name of ['wxt:content-script-started', 'wxt:locationchange']) {
      const type = `${addonId}:${entrypoint}${name}`;
      for (const target of [window, document]) target.addEventListener(type, (event) => heard.push(`event ${event.type}`), true);
    }
  }
}

/** Runs in LinkedIn's page, in its own realm: what the page could find of the extension. */
function whatThePageFinds(): { inHtml: string[]; frames: number; entries: string[]; shadowRoots: number; heard: string[] } {
  const html = document.documentElement.outerHTML;
  return {
    inHtml: ['moz-extension://', 'chrome-extension://'].filter((scheme) => html.includes(scheme)),
    frames: document.querySelectorAll('iframe, frame, object, embed').length,
    entries: performance
      .getEntries()
      .map((entry) => entry.name)
      .filter((name) => /extension:|relationship-notes/i.test(name)),
    shadowRoots: [...document.querySelectorAll('*')].filter((element) => element.shadowRoot).length,
    heard: [...((window as unknown as { __heardByThePage?: string[] }).__heardByThePage ?? ['no recorder'])],
  };
}

test('Firefox: in side panel mode LinkedIn’s page holds and hears nothing of the extension; in page mode it finds the frame', async ({ ff }) => {
  const probedProfile = async () => {
    const page = await ff.newLinkedInTab();
    await page.evaluateOnNewDocument(recordWhatThePageHears, GECKO_ID);
    await page.goto('https://www.linkedin.com/in/kenji-tanaka/');
    return page;
  };

  // In the page (the probe can fail): the frame and its address are there to find.
  await ff.setExtensionStorage({ sidebarPlace: 'page' });
  const inPage = await probedProfile();
  await expect.poll(() => sidebarText(ff)).toContain('Kenji Tanaka Data Engineer at Kaizen Analytics');
  const found = await inPage.evaluate(whatThePageFinds);
  expect(found.inHtml).toEqual(['moz-extension://']);
  expect(found.frames).toBe(1);
  // (Firefox leaves the frame's load out of the page's resource timing even here: `entries` is empty.)
  // The recorder hears what reaches the page: the page's own message and an event named as WXT names them.
  await inPage.evaluate((id: string) => {
    window.postMessage('the page itself', '*');
    document.dispatchEvent(new CustomEvent(`${id}:linkedin:wxt:content-script-started`));
  }, GECKO_ID);
  await expect
    .poll(async () => (await inPage.evaluate(whatThePageFinds)).heard)
    .toEqual(expect.arrayContaining([expect.stringContaining('"the page itself"'), `event ${GECKO_ID}:linkedin:wxt:content-script-started`]));

  // Beside the page: once the panel shows Kenji, the new tab's content script has read the page
  // and said so (the panel showed nobody before it).
  await inPage.close();
  await ff.setExtensionStorage({ sidebarPlace: 'panel' });
  await showPanel(ff);
  await expect.poll(() => ff.panelText()).toContain(WAITING);
  const beside = await probedProfile();
  await expect.poll(() => ff.findInPanel(kenji)).toBeDefined();
  expect(await beside.evaluate(whatThePageFinds)).toEqual({ inHtml: [], frames: 0, entries: [], shadowRoots: 0, heard: [] });
  expect(await ff.find({ role: 'internal frame' })).toBeUndefined();
});

test('Firefox: in side panel mode Alt+Shift+K opens the closed side panel on the person shown', async ({ ff }) => {
  await ff.setExtensionStorage({ sidebarPlace: 'panel' });
  // The background decides without waiting, from its copy of the choice (its localStorage).
  await expect.poll(() => ff.inExtension(() => localStorage.getItem('sidebarPlace'))).toBe('panel');
  await ff.hideSidebarPanel();
  await ff.openLinkedIn('/in/kenji-tanaka/');
  expect(await ff.sidebarPanel()).toMatchObject({ open: false });

  await ff.pressShortcut(SHORTCUT);
  await expect.poll(() => ff.sidebarPanel()).toEqual({ open: true, ours: true, url: PANEL_URL });
  await expect.poll(() => ff.findInPanel(kenji)).toBeDefined();
  expect(await ff.find({ role: 'internal frame', name: SIDEBAR_TITLE })).toBeUndefined();
});
