import { visibleText } from './a11y';
import { expect, sidebarText, test, typeInSidebar } from './fixtures';

const pad = (n: number) => String(n).padStart(2, '0');

test('Firefox: follow-ups set for today show on the badge and in the popup; Done and Snooze clear them', async ({ firefox }) => {
  const page = await firefox.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => sidebarText(firefox)).toContain('Kenji Tanaka');
  expect(await firefox.badgeText()).toBe('');

  // Firefox's date field is three spin buttons: type today as a person would, month first.
  const today = new Date();
  await typeInSidebar(firefox, page, { role: 'spinbutton', name: 'Month' }, pad(today.getMonth() + 1));
  await page.keyboard.type(pad(today.getDate()) + String(today.getFullYear()));
  await expect.poll(() => sidebarText(firefox)).toContain('Saved');
  await expect.poll(() => firefox.badgeText()).toBe('1');

  const amara = await firefox.openLinkedIn('/in/amara-okafor/');
  await expect.poll(() => sidebarText(firefox)).toContain('Amara Okafor');
  await typeInSidebar(firefox, amara, { role: 'spinbutton', name: 'Month' }, pad(today.getMonth() + 1));
  await amara.keyboard.type(pad(today.getDate()) + String(today.getFullYear()));
  await expect.poll(() => firefox.badgeText()).toBe('2');

  await firefox.openExtensionPage('popup.html');
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('Kenji Tanaka due today');
  expect(visibleText(await firefox.tree())).toContain('Amara Okafor due today');
  // Done on Kenji's row of the due list, then Snooze Amara by a week. Today's plan above the list
  // has a row for each of them too: the due list's rows are the second of each name (nth 1).
  await firefox.press({ role: 'pushbutton', name: 'Done', within: { role: 'listitem', name: 'Kenji Tanaka', nth: 1 } });
  await expect.poll(async () => visibleText(await firefox.tree())).not.toContain('Kenji Tanaka due today');
  await expect.poll(() => firefox.badgeText()).toBe('1');
  const amaraRow = { role: 'listitem', name: 'Amara Okafor', nth: 1 };
  await firefox.press({ role: 'pushbutton', name: 'Snooze', within: amaraRow });
  await firefox.press({ role: 'pushbutton', name: '1 week', within: amaraRow });
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('Nobody to contact today');
  await expect.poll(() => firefox.badgeText()).toBe('');
  expect(firefox.extensionErrors()).toEqual([]);
});
