import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../support/launch';
import { visibleText } from './a11y';
import type { FirefoxWithExtension } from './firefox';
import { expect, networkList, sidebarText, sidebarValue, test, writeNote } from './fixtures';

const KENJI_NOTE = 'Wants to hire a data lead in Osaka. 来年また会う。';

/** The text of the one downloaded file whose name ends so, once Firefox has written what is expected in it. */
async function downloaded(firefox: FirefoxWithExtension, extension: string, expected: string): Promise<string> {
  const files = () => readdirSync(firefox.downloadDir).filter((name) => name.endsWith(extension));
  await expect.poll(files).toHaveLength(1);
  const path = join(firefox.downloadDir, files()[0]!);
  await expect.poll(() => readFileSync(path, 'utf8')).toContain(expected);
  return readFileSync(path, 'utf8');
}

test('Firefox: a note written on Kenji is in the CSV and the vCard exported from the options page', async ({ firefox }) => {
  await writeNote(firefox, '/in/kenji-tanaka/', KENJI_NOTE);
  await firefox.openExtensionPage('options.html');
  await expect.poll(() => networkList(firefox)).toEqual(['Kenji Tanaka']);

  await firefox.press({ role: 'pushbutton', name: 'Export CSV' });
  const csv = await downloaded(firefox, '.csv', KENJI_NOTE);
  expect(csv.startsWith('\uFEFF"Name","Profile URL",')).toBe(true);
  expect(csv).toContain('"Kenji Tanaka","https://www.linkedin.com/in/kenji-tanaka/","Data Engineer at Kaizen Analytics"');
  await expect.poll(async () => visibleText(await firefox.tree())).toMatch(/Downloaded relationship-notes-contacts-[\d-]+\.csv/);

  await firefox.press({ role: 'pushbutton', name: 'Export vCard' });
  const vcard = await downloaded(firefox, '.vcf', 'END:VCARD');
  expect(vcard).toContain('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kenji Tanaka\r\n');
  expect(vcard).toContain(`NOTE:${KENJI_NOTE}\r\n`);
  expect(firefox.extensionErrors()).toEqual([]);
});

test('Firefox: Undo after importing Connections.csv takes the new people away and keeps the note on Kenji', async ({ firefox }) => {
  await writeNote(firefox, '/in/kenji-tanaka/', KENJI_NOTE);
  await firefox.openExtensionPage('options.html');
  await expect.poll(() => networkList(firefox)).toEqual(['Kenji Tanaka']);

  await firefox.pickFileNext(join(FIXTURES, 'Connections.csv'));
  await firefox.press({ role: 'pushbutton', name: 'Import a file', exact: false });
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('Imported 7 people: 6 new, 1 updated.');
  await expect.poll(() => networkList(firefox)).toHaveLength(7);
  expect(await networkList(firefox)).toContain('Amara Okafor');

  await firefox.press({ role: 'pushbutton', name: 'Undo import' });
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('Import undone. Everything is as it was before.');
  await expect.poll(() => networkList(firefox)).toEqual(['Kenji Tanaka']);
  expect(await firefox.find({ role: 'pushbutton', name: 'Undo import' })).toBeUndefined();

  await firefox.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => sidebarText(firefox)).toContain('Kenji Tanaka');
  await expect.poll(() => sidebarValue(firefox, { role: 'entry', name: 'Notes' })).toBe(KENJI_NOTE);
  expect(firefox.extensionErrors()).toEqual([]);
});
