import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDaysToLocalDate, localToday } from '../../../utils/core/dates';
import { DEFAULT_SETTINGS, newContact } from '../../../utils/core/schema';
import { backupJson, makeBackup } from '../../../utils/import-export/backup';
import { visibleText } from './a11y';
import { choose, expect, networkList, test } from './fixtures';

const inDays = (days: number) => addDaysToLocalDate(localToday(), days);

/** A backup of three people: two met at PyData Osaka, each with a follow-up on a different day. */
function backupOfThree(): string {
  const contacts = [
    { ...newContact('kenji-tanaka'), name: 'Kenji Tanaka', whereWeMet: 'PyData Osaka', nextFollowUp: inDays(20) },
    { ...newContact('amara-okafor'), name: 'Amara Okafor', whereWeMet: 'Lagos Startup Week', nextFollowUp: inDays(5) },
    { ...newContact('zhang-wei'), name: 'Zhang Wei', whereWeMet: 'PyData Osaka', nextFollowUp: inDays(10) },
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'relnotes-ff-network-')), 'relationship-notes-backup.json');
  writeFileSync(file, backupJson(makeBackup(contacts, [], DEFAULT_SETTINGS)));
  return file;
}

test('Firefox: the network page lists everyone, narrows to the people met at PyData Osaka, and sorts by the next follow-up', async ({ firefox }) => {
  await firefox.openExtensionPage('options.html');
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('No contacts yet');
  await firefox.pickFileNext(backupOfThree());
  await firefox.press({ role: 'pushbutton', name: 'Import a file', exact: false });
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('Imported 3 people: 3 new, 0 updated.');

  // Everyone, by name.
  await expect.poll(() => networkList(firefox)).toEqual(['Amara Okafor', 'Kenji Tanaka', 'Zhang Wei']);
  expect(visibleText(await firefox.tree())).toContain('Showing 3 of 3');

  await choose(firefox, { role: 'combobox', name: 'Where we met' }, 'PyData Osaka (2)');
  await expect.poll(() => networkList(firefox)).toEqual(['Kenji Tanaka', 'Zhang Wei']);
  expect(visibleText(await firefox.tree())).toContain('Showing 2 of 3');

  // The soonest follow-up first: Zhang Wei's is in 10 days, Kenji's in 20.
  await choose(firefox, { role: 'combobox', name: 'Sort by' }, 'Next follow-up (soonest first)');
  await expect.poll(() => networkList(firefox)).toEqual(['Zhang Wei', 'Kenji Tanaka']);

  await firefox.press({ role: 'pushbutton', name: 'Clear filters' });
  await expect.poll(() => networkList(firefox)).toEqual(['Amara Okafor', 'Zhang Wei', 'Kenji Tanaka']);
  expect(firefox.extensionErrors()).toEqual([]);
});
