import { visibleText } from './a11y';
import { expect, SIDEBAR_TITLE, sidebarText, sidebarValue, test, writeNote } from './fixtures';

test('Firefox: “Delete all data” in Settings, confirmed with DELETE, leaves nothing of the notes on Kenji after a reload', async ({ firefox }) => {
  const kenji = await writeNote(firefox, '/in/kenji-tanaka/', 'Wants to hire a data lead');
  await firefox.press({ role: 'pushbutton', name: 'Call' }, SIDEBAR_TITLE);
  await expect.poll(() => sidebarText(firefox)).toContain('Last contact today');

  await firefox.openExtensionPage('options.html');
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('1 contact');
  await firefox.type({ role: 'entry', name: 'Type DELETE to confirm' }, 'DELETE');
  await firefox.press({ role: 'pushbutton', name: 'Delete all data' });
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('All data was deleted.');
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('No contacts yet');

  await kenji.bringToFront();
  await kenji.reload();
  await expect.poll(() => sidebarText(firefox)).toContain('Kenji Tanaka Data Engineer at Kaizen Analytics No contact logged yet');
  await expect.poll(() => sidebarValue(firefox, { role: 'entry', name: 'Notes' })).toBe('');
  expect(firefox.extensionErrors()).toEqual([]);
});
