import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupJson, makeBackup } from '../../../utils/import-export/backup';
import { CURRENT_SCHEMA_VERSION } from '../../../utils/storage/db';
import type { Interaction } from '../../../utils/core/schema';
import { DEFAULT_SETTINGS, newContact } from '../../../utils/core/schema';
import { visibleText } from './a11y';
import { FIXTURES } from '../../support/launch';
import { expect, sidebarValue, test } from './fixtures';

test('Firefox: imports LinkedIn’s Connections.csv on the options page, then exports a JSON backup holding those people', async ({ firefox }) => {
  await firefox.openExtensionPage('options.html');
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('No contacts yet');

  await firefox.pickFileNext(join(FIXTURES, 'Connections.csv'));
  await firefox.press({ role: 'pushbutton', name: 'Import a file', exact: false });
  await expect.poll(async () => visibleText(await firefox.tree())).toMatch(/Imported \d+ people: \d+ new, 0 updated\./);
  expect(await firefox.find({ role: 'pushbutton', name: 'Undo import' })).toBeDefined();

  await firefox.press({ role: 'pushbutton', name: 'Export JSON backup' });
  await expect.poll(() => readdirSync(firefox.downloadDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  const [file] = readdirSync(firefox.downloadDir).filter((f) => f.endsWith('.json'));
  await expect.poll(() => readFileSync(join(firefox.downloadDir, file!), 'utf8')).toContain('"kenji-tanaka"');

  // The imported person is known to the sidebar too.
  await firefox.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => sidebarValue(firefox, { role: 'entry', name: 'Notes' })).toBe('');
  expect(firefox.extensionErrors()).toEqual([]);
});

test('Firefox: restores a backup of 6,000 people, read off the page by a worker, with its progress bar', async ({ firefox }) => {
  const contacts = Array.from({ length: 6_000 }, (_, i) => ({ ...newContact(`person-${i}`, 1), name: `Person ${i}` }));
  const interactions: Interaction[] = contacts.map((contact, i) => ({
    id: `entry-${i}`,
    contactKey: contact.key,
    kind: 'call',
    date: '2026-10-01',
    text: 'Coffee',
    createdAt: 1,
    updatedAt: 1,
  }));
  const file = join(mkdtempSync(join(tmpdir(), 'ff-backup-')), 'relationship-notes-backup.json');
  writeFileSync(file, backupJson(makeBackup(contacts, interactions, DEFAULT_SETTINGS)));
  await firefox.openExtensionPage('options.html');
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('No contacts yet');

  await firefox.pickFileNext(file);
  await firefox.press({ role: 'pushbutton', name: 'Import a file', exact: false });
  await expect.poll(async () => visibleText(await firefox.tree())).toMatch(/(Checking|Saving): [\d,]+ of 12,000/);
  await expect
    .poll(async () => visibleText(await firefox.tree()), { timeout: 40_000 })
    .toContain('Imported 6000 people: 6000 new, 0 updated.');
  expect(firefox.extensionErrors()).toEqual([]);
});

test('Firefox: after an import, the options page suggests introducing Amara to Kenji', async ({ firefox }) => {
  const people = [
    { ...newContact('kenji-tanaka'), name: 'Kenji Tanaka', offers: ['data engineering'] },
    { ...newContact('amara-okafor'), name: 'Amara Okafor', needs: ['data engineering'] },
  ].map(({ terms: _terms, offerTerms: _offers, needTerms: _needs, ...contact }) => contact);
  const backup = join(mkdtempSync(join(tmpdir(), 'relnotes-ff-')), 'backup.json');
  writeFileSync(backup, JSON.stringify({ format: 'relationship-notes-backup', schemaVersion: CURRENT_SCHEMA_VERSION, exportedAt: new Date().toISOString(), contacts: people, interactions: [] }));

  await firefox.openExtensionPage('options.html');
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('No contacts yet');
  await firefox.pickFileNext(backup);
  await firefox.press({ role: 'pushbutton', name: 'Import a file', exact: false });
  await expect.poll(async () => visibleText(await firefox.tree())).toMatch(/Imported 2 people/);
  await expect.poll(async () => visibleText(await firefox.tree())).toContain('Kenji offers data engineering; Amara is looking for data engineering');
  expect(firefox.extensionErrors()).toEqual([]);
});
