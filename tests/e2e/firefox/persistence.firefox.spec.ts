import { FirefoxWithExtension } from './firefox';
import { expect, sidebarText, sidebarValue, test, typeInSidebar } from './fixtures';

test('Firefox: notes typed just before closing the tab, and before quitting the browser, are there after a restart', async () => {
  const first = await FirefoxWithExtension.launch();
  try {
    const page = await first.openLinkedIn('/in/zhang-wei/');
    await expect.poll(() => sidebarText(first)).toContain('张伟');
    await typeInSidebar(first, page, { role: 'entry', name: 'Notes' }, 'Wants to visit factories in Shenzhen');
    await page.close();

    const again = await first.openLinkedIn('/in/zhang-wei/');
    await expect.poll(() => sidebarValue(first, { role: 'entry', name: 'Notes' })).toBe('Wants to visit factories in Shenzhen');
    await typeInSidebar(first, again, { role: 'entry', name: 'How I can help' }, 'Intro to a sourcing agent');
    expect(first.extensionErrors()).toEqual([]);
  } finally {
    await first.close();
  }

  const restarted = await FirefoxWithExtension.launch({ profileDir: first.profileDir });
  try {
    await restarted.openLinkedIn('/in/zhang-wei/');
    await expect.poll(() => sidebarValue(restarted, { role: 'entry', name: 'Notes' })).toBe('Wants to visit factories in Shenzhen');
    await expect.poll(() => sidebarValue(restarted, { role: 'entry', name: 'How I can help' })).toBe('Intro to a sourcing agent');
    expect(restarted.extensionErrors()).toEqual([]);
  } finally {
    await restarted.close();
  }
});
