import { visibleText } from './a11y';
import { expect, SIDEBAR_TITLE, sidebarText, test, typeInSidebar } from './fixtures';

const pad = (n: number) => String(n).padStart(2, '0');

test('Firefox: Alt+Shift+K folds the sidebar to its tab and opens it again', async ({ firefox }) => {
  await firefox.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => sidebarText(firefox)).toContain('Kenji Tanaka Data Engineer at Kaizen Analytics');
  await firefox.pressShortcut({ key: 'K', modifiers: 'alt,shift' });
  await expect.poll(async () => (await firefox.find({ role: 'pushbutton', name: 'Open notes', exact: false }, SIDEBAR_TITLE)) !== undefined).toBe(true);
  expect(await sidebarText(firefox)).not.toContain('Data Engineer at Kaizen Analytics');
  await firefox.pressShortcut({ key: 'K', modifiers: 'alt,shift' });
  await expect.poll(() => sidebarText(firefox)).toContain('Kenji Tanaka Data Engineer at Kaizen Analytics');
});

test('Firefox: the daily reminder names who is due, once, and clicking it opens today’s list', async ({ firefox }) => {
  // Kenji due today, and the reminder's time already past: a midnight reminder.
  const page = await firefox.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => sidebarText(firefox)).toContain('Kenji Tanaka');
  const today = new Date();
  await typeInSidebar(firefox, page, { role: 'spinbutton', name: 'Month' }, pad(today.getMonth() + 1));
  await page.keyboard.type(pad(today.getDate()) + String(today.getFullYear()));
  await expect.poll(() => firefox.badgeText()).toBe('1');

  await firefox.openExtensionPage('options.html');
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('Daily reminder time');
  await firefox.focus({ role: 'spinbutton', name: 'Hours' });
  await firefox.pressKey('1');
  await firefox.pressKey('2');
  await firefox.pressKey('0');
  await firefox.pressKey('0');
  await firefox.pressKey('A');
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('Settings saved.');
  expect((await firefox.find({ role: 'spinbutton', name: 'Hours' }))?.value).toBe('12');
  expect((await firefox.find({ role: 'spinbutton', name: 'Minutes' }))?.value).toBe('00');
  await expect.poll(() => firefox.notifications(), { timeout: 70_000 }).toEqual([
    { title: '1 person to reach out to today', text: expect.stringContaining('Kenji Tanaka') },
  ]);

  await firefox.clickNotification(0);
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('Kenji Tanaka due today');
  expect(await firefox.notifications()).toHaveLength(1);
});
