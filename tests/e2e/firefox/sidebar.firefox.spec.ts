import { expect, SIDEBAR_TITLE, sidebarText, sidebarValue, test, typeInSidebar } from './fixtures';

test('Firefox: the sidebar shows Kenji on load, and follows feed → Kenji → Amara without a page load', async ({ firefox }) => {
  const page = await firefox.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => sidebarText(firefox)).toContain('Kenji Tanaka Data Engineer at Kaizen Analytics');

  await page.goto('https://www.linkedin.com/feed/');
  await page.locator('a ::-p-text(Kenji Tanaka)').click();
  await expect.poll(() => sidebarText(firefox)).toContain('Kenji Tanaka');
  await page.locator('a ::-p-text(Amara Okafor)').click();
  await expect.poll(() => sidebarText(firefox)).toContain('Amara Okafor Founder at Lagos Growth Studio');
  expect(await sidebarText(firefox)).not.toContain('Kenji');
  expect(firefox.extensionErrors()).toEqual([]);
});

test('Firefox: a note typed in the sidebar is still there after a reload', async ({ firefox }) => {
  const page = await firefox.openLinkedIn('/in/amara-okafor/');
  await typeInSidebar(firefox, page, { role: 'entry', name: 'Notes' }, 'Wants two angel investors in Lagos');
  await expect.poll(() => sidebarText(firefox)).toContain('Saved');
  await page.reload();
  await expect.poll(() => sidebarText(firefox)).toContain('Amara Okafor');
  await expect.poll(() => sidebarValue(firefox, { role: 'entry', name: 'Notes' })).toBe('Wants two angel investors in Lagos');
  expect(firefox.extensionErrors()).toEqual([]);
});

test('Firefox: deleting my notes on Amara asks first, then leaves nothing of them after a reload', async ({ firefox }) => {
  const page = await firefox.openLinkedIn('/in/amara-okafor/');
  await typeInSidebar(firefox, page, { role: 'entry', name: 'Notes' }, 'Wants two angel investors in Lagos');
  await expect.poll(() => sidebarText(firefox)).toContain('Saved');
  await firefox.press({ role: 'pushbutton', name: 'Delete my notes on Amara Okafor…' }, SIDEBAR_TITLE);
  await expect.poll(() => sidebarText(firefox)).toContain('Delete your notes and timeline on Amara Okafor?');
  // The confirming button answers only once the question has been on screen a moment.
  const confirm = { role: 'pushbutton', name: 'Delete notes' };
  await expect.poll(async () => (await firefox.find(confirm, SIDEBAR_TITLE))?.unavailable).toBe(false);
  await firefox.press(confirm, SIDEBAR_TITLE);
  await expect.poll(() => sidebarText(firefox)).toContain('Deleted');
  await page.reload();
  await expect.poll(() => sidebarText(firefox)).toContain('Amara Okafor');
  await expect.poll(() => sidebarValue(firefox, { role: 'entry', name: 'Notes' })).toBe('');
  expect(await firefox.find({ role: 'pushbutton', name: 'Delete my notes on Amara Okafor…' }, SIDEBAR_TITLE)).toBeUndefined();
  expect(firefox.extensionErrors()).toEqual([]);
});
