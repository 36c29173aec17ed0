import { DEFAULT_SETTINGS } from '../../../utils/core/schema';
import { FirefoxWithExtension } from './firefox';
import { expect, sidebarText, sidebarValue, test, typeInSidebar } from './fixtures';

test('Firefox: notes typed just before closing the tab, and before quitting the browser, are there after a restart, with the daily reminder', async () => {
  const first = await FirefoxWithExtension.launch();
  try {
    // A reminder time every hour of the day is past: the reminder missed while the browser was
    // closed is due at the next start whenever the test runs (at the default 09:00, a run before
    // nine would rightly show none).
    await first.setExtensionStorage({ settings: { ...DEFAULT_SETTINGS, reminderTime: '00:00' } });
    const page = await first.openLinkedIn('/in/zhang-wei/');
    await expect.poll(() => sidebarText(first)).toContain('张伟');
    await typeInSidebar(first, page, { role: 'entry', name: 'Notes' }, 'Wants to visit factories in Shenzhen');
    // Closed as a person closes it: once the words are on screen (BiDi returns before the last keys reach the frame).
    await expect.poll(() => sidebarValue(first, { role: 'entry', name: 'Notes' })).toBe('Wants to visit factories in Shenzhen');
    await page.close();

    const again = await first.openLinkedIn('/in/zhang-wei/');
    await expect.poll(() => sidebarValue(first, { role: 'entry', name: 'Notes' })).toBe('Wants to visit factories in Shenzhen');
    await typeInSidebar(first, again, { role: 'entry', name: 'How I can help' }, 'Intro to a sourcing agent');
    // Due today: the daily reminder names Zhang Wei at the next start.
    const today = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    await typeInSidebar(first, again, { role: 'spinbutton', name: 'Month' }, pad(today.getMonth() + 1));
    await again.keyboard.type(pad(today.getDate()) + String(today.getFullYear()));
    await expect.poll(() => first.badgeText()).toBe('1');
    expect(first.extensionErrors()).toEqual([]);
  } finally {
    await first.close();
  }

  const restarted = await FirefoxWithExtension.launch({ profileDir: first.profileDir });
  try {
    await restarted.openLinkedIn('/in/zhang-wei/');
    await expect.poll(() => sidebarValue(restarted, { role: 'entry', name: 'Notes' })).toBe('Wants to visit factories in Shenzhen');
    await expect.poll(() => sidebarValue(restarted, { role: 'entry', name: 'How I can help' })).toBe('Intro to a sourcing agent');
    await expect.poll(() => restarted.badgeText()).toBe('1');
    await expect.poll(() => restarted.notifications()).toEqual([
      { title: '1 person to reach out to today', text: expect.stringContaining('张伟') },
    ]);
    expect(restarted.extensionErrors()).toEqual([]);
  } finally {
    await restarted.discard();
  }
});
