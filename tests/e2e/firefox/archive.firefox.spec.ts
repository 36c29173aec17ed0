import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archiveFiles, archiveZip, daysAgo, KENJI_LAST_MESSAGE } from '../../fixtures/linkedin-archive';
import { nodesWithin, visibleText } from './a11y';
import { expect, SIDEBAR_TITLE, sidebarText, test } from './fixtures';

function archiveOnDisk(): string {
  const zip = archiveZip(archiveFiles(daysAgo(3)));
  const path = join(mkdtempSync(join(tmpdir(), 'relnotes-archive-')), zip.name);
  writeFileSync(path, zip.buffer);
  return path;
}

test('Firefox: the LinkedIn archive fills Kenji’s timeline with his last message, which he can edit, and puts him on the Rekindle list', async ({ firefox }) => {
  await firefox.openExtensionPage('options.html');
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('Import a file');
  await firefox.press({ role: 'checkbutton', name: 'Keep message excerpts', exact: false });
  await firefox.pickFileNext(archiveOnDisk());
  await firefox.press({ role: 'pushbutton', name: 'Import a file', exact: false });
  await expect.poll(async () => visibleText(await firefox.tree()), { timeout: 15_000 }).toContain('Imported 5 people: 5 new, 0 updated.');

  await firefox.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => sidebarText(firefox)).toContain(KENJI_LAST_MESSAGE);
  expect(await sidebarText(firefox)).toContain('4 sent · 4 received');

  // His last message, edited: the same entry with the new words, still after a reload.
  const timeline = { role: 'list', name: 'Timeline' };
  await firefox.press({ role: 'pushbutton', name: 'Edit entry from', exact: false, within: timeline }, SIDEBAR_TITLE);
  await firefox.type({ role: 'entry', name: 'What happened', within: timeline }, 'Asked about the Osaka meetup', SIDEBAR_TITLE);
  await firefox.press({ role: 'pushbutton', name: 'Save', within: timeline }, SIDEBAR_TITLE);
  await expect.poll(() => sidebarText(firefox)).toContain('Asked about the Osaka meetup');
  await firefox.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => sidebarText(firefox)).toContain('Asked about the Osaka meetup');
  expect(await sidebarText(firefox)).toContain('4 sent · 4 received');
  expect(await sidebarText(firefox)).not.toContain(KENJI_LAST_MESSAGE);

  await firefox.openExtensionPage('popup.html');
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('Kenji Tanaka 12 messages, last in March 2024');
  // Today's plan, made again by the import, has the dormant tie too, with a way to give first.
  const planRow = async () => visibleText(nodesWithin(await firefox.tree(), { role: 'listitem', name: 'Kenji Tanaka' }));
  await expect.poll(planRow).toContain('12 messages, last in March 2024');
  expect(await planRow()).toContain('Give first:');
});
