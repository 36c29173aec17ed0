import { test as base, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { visibleText, type NodeQuery } from './a11y';
import { FirefoxWithExtension } from './firefox';

export const SIDEBAR_TITLE = 'Relationship notes';

export const test = base.extend<{ firefox: FirefoxWithExtension }>({
  firefox: async ({}, use) => {
    const firefox = await FirefoxWithExtension.launch();
    await use(firefox);
    await firefox.close();
    // Whatever a test did, the extension's own files threw nothing and logged no error.
    expect(firefox.extensionErrors()).toEqual([]);
  },
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
