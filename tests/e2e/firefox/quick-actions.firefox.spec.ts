import { expect, SIDEBAR_TITLE, sidebarText, test, typeInSidebar } from './fixtures';

test('Firefox: a call is logged in one press from the sidebar’s quick actions', async ({ firefox }) => {
  const page = await firefox.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => sidebarText(firefox)).toContain('No contact logged yet');
  await typeInSidebar(firefox, page, { role: 'entry', name: 'A word about it (optional)' }, 'Called about the data lead role');
  await firefox.press({ role: 'pushbutton', name: 'Call' }, SIDEBAR_TITLE);
  await expect.poll(() => sidebarText(firefox)).toContain('Last contact today');
  await page.reload();
  await expect.poll(() => sidebarText(firefox)).toContain('Called about the data lead role');
  expect(await sidebarText(firefox)).toContain('Last contact today');
  expect(firefox.extensionErrors()).toEqual([]);
});

test('Firefox: a phrase typed into “Looking for” without Enter is kept across a reload', async ({ firefox }) => {
  const page = await firefox.openLinkedIn('/in/amara-okafor/');
  await typeInSidebar(firefox, page, { role: 'entry', name: 'Looking for' }, 'two angel investors');
  await expect.poll(() => sidebarText(firefox)).toContain('Saved');
  await page.reload();
  await expect.poll(() => sidebarText(firefox)).toContain('Amara Okafor');
  await expect.poll(() => sidebarText(firefox)).toContain('two angel investors');
  expect(firefox.extensionErrors()).toEqual([]);
});
