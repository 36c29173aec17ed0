import { test as base, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { nodesWithin, visibleText, type NodeQuery } from './a11y';
import { FirefoxWithExtension, type FirefoxOptions } from './firefox';

export const SIDEBAR_TITLE = 'Relationship notes';

export const test = base.extend<{ firefox: FirefoxWithExtension; firefoxOptions: FirefoxOptions }>({
  /** How the test's Firefox is launched: `test.use({ firefoxOptions: { colorScheme: 'dark' } })`. */
  firefoxOptions: [{}, { option: true }],
  // A launch has its own time, apart from the test's, as in tests/e2e/fixtures.ts: a browser
  // started first on a fresh machine is slow while its caches fill.
  firefox: [
    async ({ firefoxOptions }, use) => {
      const firefox = await FirefoxWithExtension.launch(firefoxOptions);
      await use(firefox);
      await firefox.discard();
      // Whatever a test did, the extension's own files threw nothing and logged no error.
      expect(firefox.extensionErrors()).toEqual([]);
    },
    { timeout: 90_000 },
  ],
});

export { expect };

/** What the sidebar on the selected tab reads out, as one line of text. */
export async function sidebarText(firefox: FirefoxWithExtension): Promise<string> {
  return visibleText(await firefox.tree(SIDEBAR_TITLE));
}

/** The value of a sidebar field, found by its role and label. */
export async function sidebarValue(firefox: FirefoxWithExtension, query: NodeQuery): Promise<string | undefined> {
  await openMoreIfNeeded(firefox, query);
  return (await firefox.find(query, SIDEBAR_TITLE))?.value;
}

const MORE = ['More', 'Más'];

/** The less-used fields sit behind "More", closed on a first run: opens it when the field is behind it. */
async function openMoreIfNeeded(firefox: FirefoxWithExtension, query: NodeQuery): Promise<void> {
  const moreButton = async () => {
    for (const name of MORE) {
      const more = { role: 'pushbutton', name };
      if (await firefox.find(more, SIDEBAR_TITLE)) return more;
    }
    return undefined;
  };
  await expect.poll(async () => Boolean((await firefox.find(query, SIDEBAR_TITLE)) || (await moreButton()))).toBe(true);
  if (await firefox.find(query, SIDEBAR_TITLE)) return;
  const more = await moreButton();
  if (more) await firefox.press(more, SIDEBAR_TITLE);
}

/** Moves to a sidebar field by its label and types into it with the keyboard. */
export async function typeInSidebar(firefox: FirefoxWithExtension, page: Page, query: NodeQuery, text: string): Promise<void> {
  await openMoreIfNeeded(firefox, query);
  await expect.poll(() => firefox.find(query, SIDEBAR_TITLE).then(Boolean)).toBe(true);
  await firefox.focus(query, SIDEBAR_TITLE);
  await expect.poll(async () => (await firefox.find(query, SIDEBAR_TITLE))?.focused).toBe(true);
  await page.keyboard.type(text);
}

/**
 * Picks an option of a drop-down (a `select`) as a person does with the keyboard: moves to it,
 * goes to the first option, then down one at a time until the option is chosen. Firefox's tree
 * keeps the options a closed drop-down had when it was first built until its choice changes, so
 * the options added since are heard one at a time, as a screen reader user hears them.
 */
export async function choose(firefox: FirefoxWithExtension, select: NodeQuery, option: string, frameTitle?: string): Promise<void> {
  const chosen = async () => (await firefox.find(select, frameTitle))?.value;
  await firefox.focus(select, frameTitle);
  await expect.poll(async () => (await firefox.find(select, frameTitle))?.focused).toBe(true);
  const first = nodesWithin(await firefox.tree(frameTitle), select).find((node) => node.role === 'combobox option')?.name;
  await firefox.pressKey('Home');
  if (first !== undefined) await expect.poll(chosen).toBe(first);
  const heard: string[] = [];
  for (let value = await chosen(); value !== option; value = await chosen()) {
    heard.push(value ?? '');
    if (heard.length > 50) throw new Error(`“${option}” is not offered by ${JSON.stringify(select)}: ${heard.join(', ')}`);
    await firefox.pressKey('ArrowDown');
    await expect
      .poll(chosen, { message: `“${option}” is not offered by ${JSON.stringify(select)}, after ${heard.join(', ')}` })
      .not.toBe(value);
  }
}

/** Opens a profile and writes a note on that person in the sidebar, as typed; returns once it is saved. */
export async function writeNote(firefox: FirefoxWithExtension, path: string, note: string): Promise<Page> {
  const page = await firefox.openLinkedIn(path);
  const notes = { role: 'entry', name: 'Notes' };
  await typeInSidebar(firefox, page, notes, note);
  // Every key has reached the field before "Saved" is taken to mean all of them.
  await expect.poll(() => sidebarValue(firefox, notes)).toBe(note);
  await expect.poll(() => sidebarText(firefox)).toContain('Saved');
  return page;
}

/** The names in the options page's network list, top to bottom. */
export async function networkList(firefox: FirefoxWithExtension): Promise<string[]> {
  return nodesWithin(await firefox.tree(), { role: 'region', name: 'People in your network' })
    .filter((node) => node.role === 'link')
    .map((node) => node.name);
}
