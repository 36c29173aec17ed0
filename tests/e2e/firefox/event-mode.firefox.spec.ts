import { addDaysToLocalDate, localToday } from '../../../utils/core/dates';
import { findNode, nodesWithin, visibleText, type NodeQuery } from './a11y';
import type { FirefoxWithExtension } from './firefox';
import { expect, SIDEBAR_TITLE, sidebarText, sidebarValue, test, typeInSidebar } from './fixtures';

const EVENT = 'PyData Osaka 2026';
const WHERE_WE_MET = { role: 'editcombobox', name: 'Where we met' };
const NEXT_FOLLOW_UP = { role: 'date editor', name: 'Next follow-up' };

/** The sidebar's "Next follow-up", read off its three spin buttons as YYYY-MM-DD ('' when empty, undefined before it shows). */
async function nextFollowUp(firefox: FirefoxWithExtension): Promise<string | undefined> {
  await sidebarValue(firefox, NEXT_FOLLOW_UP);
  const tree = await firefox.tree(SIDEBAR_TITLE);
  if (!findNode(tree, NEXT_FOLLOW_UP)) return undefined;
  const [year, month, day] = ['Year', 'Month', 'Day'].map((name) => findNode(tree, { role: 'spinbutton', name, within: NEXT_FOLLOW_UP })?.value);
  return /^\d+$/.test(`${year}${month}${day}`) ? `${year}-${month}-${day}` : '';
}

/** What the selected tab shows, or one part of it. */
async function shown(firefox: FirefoxWithExtension, within?: NodeQuery): Promise<string> {
  const tree = await firefox.tree();
  return visibleText(within ? nodesWithin(tree, within) : tree);
}

/** The people the popup's "Coming up" names, in order. */
async function comingUp(firefox: FirefoxWithExtension): Promise<string[]> {
  return nodesWithin(await firefox.tree(), { role: 'region', name: 'Coming up' })
    .filter((node) => node.role === 'link')
    .map((node) => node.name);
}

test('Firefox: at PyData Osaka, everyone saved gets the event as where we met and a follow-up; afterwards only the starred keep theirs', async ({ firefox }) => {
  const inTwoDays = addDaysToLocalDate(localToday(), 2);
  await firefox.openExtensionPage('popup.html');
  await firefox.type({ role: 'entry', name: 'I’m at' }, EVENT);
  await firefox.press({ role: 'pushbutton', name: 'Start' });
  await expect.poll(() => shown(firefox)).toContain(`At ${EVENT}: each person you save now gets it as “Where we met”`);

  // Kenji, saved by writing how I can help him.
  const kenji = await firefox.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => sidebarText(firefox)).toContain(`At ${EVENT}: saved as “Where we met”, with a follow-up in 2 days.`);
  await typeInSidebar(firefox, kenji, { role: 'entry', name: 'How I can help' }, 'Introduce him to a data lead');
  await expect.poll(() => sidebarText(firefox)).toContain('Saved');
  await expect.poll(() => sidebarValue(firefox, WHERE_WE_MET)).toBe(EVENT);
  await expect.poll(() => nextFollowUp(firefox)).toBe(inTwoDays);

  // Amara, saved by logging the meeting in one press.
  await firefox.openLinkedIn('/in/amara-okafor/');
  await firefox.press({ role: 'pushbutton', name: 'Meeting', within: { role: 'grouping', name: 'Log a contact today' } }, SIDEBAR_TITLE);
  await expect.poll(() => sidebarText(firefox)).toContain('Last contact today');
  await expect.poll(() => sidebarValue(firefox, WHERE_WE_MET)).toBe(EVENT);
  await expect.poll(() => nextFollowUp(firefox)).toBe(inTwoDays);

  // The event is over: Kenji mattered, Amara less so.
  await firefox.openExtensionPage('popup.html');
  await expect.poll(() => shown(firefox)).toContain('2 people met so far.');
  await expect.poll(() => comingUp(firefox)).toEqual(['Amara Okafor', 'Kenji Tanaka']);
  await firefox.press({ role: 'pushbutton', name: 'The event is over' });
  const review = { role: 'region', name: `Who mattered at ${EVENT}?` };
  await expect.poll(() => shown(firefox, review)).toMatch(/☆ Amara Okafor.*☆ Kenji Tanaka|☆ Kenji Tanaka.*☆ Amara Okafor/);
  await firefox.press({ role: 'toggle button', name: 'Star Kenji Tanaka', within: review });
  await expect.poll(() => shown(firefox, review)).toContain('★ Kenji Tanaka');
  await firefox.press({ role: 'pushbutton', name: 'Keep follow-ups for the starred', within: review });

  await expect.poll(async () => Boolean(await firefox.find({ role: 'entry', name: 'I’m at' }))).toBe(true);
  await expect.poll(() => comingUp(firefox)).toEqual(['Kenji Tanaka']);
  await firefox.openLinkedIn('/in/amara-okafor/');
  await expect.poll(() => sidebarValue(firefox, WHERE_WE_MET)).toBe(EVENT);
  expect(await nextFollowUp(firefox)).toBe('');
  await firefox.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => nextFollowUp(firefox)).toBe(inTwoDays);
  expect(firefox.extensionErrors()).toEqual([]);
});
