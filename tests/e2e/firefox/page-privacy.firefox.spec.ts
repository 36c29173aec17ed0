import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, networkList, SIDEBAR_TITLE, sidebarText, sidebarValue, test, typeInSidebar, writeNote } from './fixtures';
import { FIXTURES } from '../../support/launch';

// Whose notes a page cannot decide (docs/ARCHITECTURE.md, "Whose notes"), in Firefox: the in-page
// sidebar is read and pressed through Firefox's accessibility tree (see sidebar.firefox.spec.ts).

const KENJI_MEMBER = 'ACoAAKenjiTanaka7x';
const MEMBER_URL = `https://www.linkedin.com/in/${KENJI_MEMBER}/`;
const notes = { role: 'entry', name: 'Notes' };
const OFFER = 'This looks like the same person as Kenji Tanaka. Merge notes?';
const NAME_QUESTION = 'LinkedIn now shows “Kenji Tanaka” on this profile, where your notes say “Amara Okafor”. Is it the same person?';

/** Kenji's page as LinkedIn serves it at his member-id link, naming the vanity key `slug` (or none). */
function kenjiAtMemberId(slug: string | null): string {
  const page = readFileSync(join(FIXTURES, 'in', 'kenji-tanaka.html'), 'utf8');
  return page.replaceAll('/in/kenji-tanaka/', `/in/${slug ?? KENJI_MEMBER}/`);
}

test('Firefox: a page that fakes a member id and slug leads to an offer to merge, never to a merge', async ({ firefox }) => {
  await (await writeNote(firefox, '/in/amara-okafor/', 'Amara: fintech, Lagos.')).close();

  // One tab whose member-id link is answered by the test (the rest of LinkedIn from the fixtures):
  // its interception is on before its first navigation, and `memberPage` says which page it gets.
  let memberPage = kenjiAtMemberId(null);
  const page = await firefox.newLinkedInTab((url) => (url === MEMBER_URL ? memberPage : null));

  // Kenji, saved from a member-id link whose page named no vanity key.
  await page.goto(MEMBER_URL);
  await expect.poll(() => firefox.find({ role: 'heading', name: 'Kenji Tanaka' }, SIDEBAR_TITLE)).toBeDefined();
  await typeInSidebar(firefox, page, notes, 'Kenji: met at PyData Osaka.');
  await expect.poll(() => sidebarValue(firefox, notes)).toBe('Kenji: met at PyData Osaka.');
  await expect.poll(() => sidebarText(firefox)).toContain('Saved');

  // The same link now claims to be Amara's: the page alone must not join the two.
  memberPage = kenjiAtMemberId('amara-okafor');
  await page.goto(MEMBER_URL);
  await expect.poll(() => sidebarText(firefox)).toContain(OFFER);
  expect(await sidebarText(firefox)).toContain(NAME_QUESTION);
  expect(await firefox.find({ role: 'heading', name: 'Amara Okafor' }, SIDEBAR_TITLE)).toBeDefined();
  await expect.poll(() => sidebarValue(firefox, notes)).toBe('Amara: fintech, Lagos.');

  // Two steps, and "Keep apart" where the first button was: both people stay as they were.
  await firefox.press({ role: 'pushbutton', name: 'Merge notes…' }, SIDEBAR_TITLE);
  const keepApart = { role: 'pushbutton', name: 'Keep apart' };
  await expect.poll(async () => (await firefox.find(keepApart, SIDEBAR_TITLE))?.focused).toBe(true);
  expect(await sidebarText(firefox)).toContain('Move the notes and timeline kept on Kenji Tanaka into this person?');
  expect(await firefox.find({ role: 'pushbutton', name: 'Merge notes' }, SIDEBAR_TITLE)).toBeDefined();
  expect(await firefox.find({ role: 'pushbutton', name: 'Merge notes…' }, SIDEBAR_TITLE)).toBeUndefined();
  await firefox.press(keepApart, SIDEBAR_TITLE);
  await expect.poll(() => sidebarText(firefox)).not.toContain(OFFER);
  expect(await firefox.find({ role: 'pushbutton', name: 'Merge notes' }, SIDEBAR_TITLE)).toBeUndefined();
  await firefox.press({ role: 'pushbutton', name: 'Keep “Amara Okafor”' }, SIDEBAR_TITLE);
  await expect.poll(() => sidebarText(firefox)).not.toContain(NAME_QUESTION);
  expect(await sidebarValue(firefox, notes)).toBe('Amara: fintech, Lagos.');

  await firefox.openExtensionPage('options.html');
  await expect.poll(() => firefox.find({ role: 'text leaf', name: '2 contacts' })).toBeDefined();
  await expect.poll(() => networkList(firefox)).toEqual(['Amara Okafor', 'Kenji Tanaka']);
});
