import { expect, sidebarText, sidebarValue, test, typeInSidebar } from './fixtures';

const NOT_A_PROFILE = 'This page does not show a profile LinkedIn lets us read. Type the name if you want notes on this person.';

test('Firefox: Priya’s 2024 page shows her headline, not her pronouns; her member-id URL opens the same notes', async ({ firefox }) => {
  const page = await firefox.openLinkedIn('/in/priya-raman/');
  await expect.poll(() => sidebarText(firefox)).toContain('Priya Raman Staff Product Designer · Accessibility and design systems');
  expect(await sidebarText(firefox)).not.toContain('She/Her');
  await typeInSidebar(firefox, page, { role: 'entry', name: 'Notes' }, 'Met at the Toronto design meetup.');
  await expect.poll(() => sidebarText(firefox)).toContain('Saved');

  await page.goto('https://www.linkedin.com/in/ACoAAB7yT0sBcQ9vKs2mP4nLrW8eZ1uHdJfXg/');
  await expect.poll(() => sidebarValue(firefox, { role: 'entry', name: 'Notes' })).toBe('Met at the Toronto design meetup.');
  expect(await sidebarText(firefox)).toContain('Priya Raman');
});

test('Firefox: a Profile Not Found page is named for what it is, and Hana, named in an h2, is read', async ({ firefox }) => {
  const page = await firefox.openLinkedIn('/in/no-such-person/');
  await expect.poll(() => sidebarText(firefox)).toContain(NOT_A_PROFILE);
  expect(await sidebarText(firefox)).not.toContain('could not be found');

  await page.goto('https://www.linkedin.com/in/hana-sato/');
  await expect.poll(() => sidebarText(firefox)).toContain('Hana Sato Robotics researcher, human–robot interaction');
  expect(await sidebarText(firefox)).not.toContain(NOT_A_PROFILE);
});
