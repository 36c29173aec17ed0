import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { backupJson, makeBackup } from '../../utils/import-export/backup';
import type { Interaction } from '../../utils/core/schema';
import { DEFAULT_SETTINGS, newContact } from '../../utils/core/schema';
import { FIXTURES } from '../support/launch';
import { expect, openExtensionPage, openLinkedIn, sidebar, test, writeNote } from './fixtures';

const CONNECTIONS = join(FIXTURES, 'Connections.csv');
const KENJI_NOTE = 'Met at PyData Osaka; wants to hire a data lead. 来年また会う。';

interface BackupFile {
  format: string;
  schemaVersion: number;
  exportedAt: string;
  settings: Record<string, unknown>;
  contacts: Array<Record<string, unknown> & { key: string }>;
  interactions: Array<Record<string, unknown>>;
}

/**
 * The text of a downloaded file. The second DevTools client that loads the extension (launch.ts)
 * takes over download handling, so Chromium saves the file, under the name `path()` reports, in
 * that client's artifacts folder rather than the one `path()` points to.
 */
async function savedText(file: Download): Promise<string> {
  const reported = await file.path();
  const elsewhere = readdirSync(tmpdir())
    .filter((name) => name.startsWith('playwright-artifacts-'))
    .map((folder) => join(tmpdir(), folder, basename(reported)));
  const saved = [reported, ...elsewhere].find((path) => existsSync(path));
  if (!saved) throw new Error(`The download ${file.suggestedFilename()} was not saved`);
  return readFileSync(saved, 'utf8');
}

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: await savedText(file) };
}

async function backup(page: Page): Promise<BackupFile> {
  return JSON.parse((await download(page, 'Export JSON backup')).text) as BackupFile;
}

/** What a backup holds, without the moment it was taken. */
async function dataIn(page: Page) {
  const { exportedAt: _exportedAt, ...data } = await backup(page);
  return data;
}

const noteOnKenji = (ext: Parameters<typeof openLinkedIn>[0]) => writeNote(ext, '/in/kenji-tanaka/', 'Kenji Tanaka', KENJI_NOTE);

test('a note typed in Kenji’s sidebar is in the JSON backup, and every export is named with the date', async ({ ext }) => {
  await noteOnKenji(ext);
  const options = await openExtensionPage(ext, 'options.html');

  const file = await download(options, 'Export JSON backup');
  const today = new Date().toLocaleDateString('sv');
  expect(file.name).toBe(`relationship-notes-backup-${today}.json`);
  const data = JSON.parse(file.text) as BackupFile;
  expect(data).toMatchObject({ format: 'relationship-notes-backup', settings: { reminderTime: '09:00' } });
  expect(data.schemaVersion).toBeGreaterThanOrEqual(1);
  expect(data.contacts).toEqual([expect.objectContaining({ key: 'kenji-tanaka', name: 'Kenji Tanaka', notes: KENJI_NOTE })]);
  await expect(options.getByRole('status').filter({ hasText: 'Downloaded' })).toHaveText(`Downloaded ${file.name}`);

  const csv = await download(options, 'Export CSV');
  expect(csv.name).toBe(`relationship-notes-contacts-${today}.csv`);
  expect(csv.text.startsWith('\uFEFF"Name","Profile URL",')).toBe(true);
  expect(csv.text).toContain(KENJI_NOTE);
  const vcard = await download(options, 'Export vCard');
  expect(vcard.name).toBe(`relationship-notes-contacts-${today}.vcf`);
  expect(vcard.text).toContain('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kenji Tanaka\r\n');
});

test('imports LinkedIn’s Connections.csv with its text intact, keeps what was written about Kenji, and undoes it all', async ({
  ext,
}) => {
  await noteOnKenji(ext);
  const options = await openExtensionPage(ext, 'options.html');
  const before = await dataIn(options);

  await options.getByLabel('Import a file').setInputFiles(CONNECTIONS);
  await expect(options.getByText('Imported 7 people: 6 new, 1 updated.')).toBeVisible();
  await expect(options.getByText('1 row without a profile URL was skipped', { exact: false })).toBeVisible();

  const after = await dataIn(options);
  const person = (key: string) => after.contacts.find((c) => c.key === key);
  expect(person('kenji-tanaka')).toMatchObject({
    name: 'Kenji Tanaka',
    headline: 'Data Engineer at Kaizen Analytics',
    notes: KENJI_NOTE,
    email: 'kenji@example.jp',
    connectedOn: '2024-01-15',
  });
  expect(person('lucía-fernández')).toMatchObject({
    name: 'Lucía Fernández',
    headline: 'Socia at Fernández, Ruiz & Asociados',
    connectedOn: '2023-03-03',
  });
  expect(person('zhang-wei')).toMatchObject({ name: '伟 张', headline: '硬件负责人 at 深圳硬件' });
  expect(person('olusegun-adeyemi-12ab34')).toMatchObject({ headline: 'Head of Sales at Acme "Rockets" Ltd' });
  expect(after.contacts).toHaveLength(7);

  await options.getByRole('button', { name: 'Undo import' }).click();
  await expect(options.getByText('Import undone. Everything is as it was before.')).toBeVisible();
  await expect(options.getByRole('button', { name: 'Undo import' })).toBeHidden();
  expect(await dataIn(options)).toEqual(before);

  const profile = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await expect(sidebar(profile).getByLabel('Notes', { exact: true })).toHaveValue(KENJI_NOTE);
});

test('restoring a large backup shows a progress bar with counts while it checks and saves, then what it restored', async ({ ext }) => {
  const people = 8_000;
  const contacts = Array.from({ length: people }, (_, i) => ({ ...newContact(`person-${i}`, 1), name: `Person ${i}` }));
  const interactions: Interaction[] = contacts.flatMap((contact, i) =>
    [1, 2, 3].map((n) => ({ id: `entry-${i}-${n}`, contactKey: contact.key, kind: 'call' as const, date: `2026-0${n}-01`, text: 'Coffee', createdAt: 1, updatedAt: 1 })),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'large-backup-')), 'relationship-notes-backup.json');
  writeFileSync(file, backupJson(makeBackup(contacts, interactions, DEFAULT_SETTINGS)));
  const options = await openExtensionPage(ext, 'options.html');

  await options.getByLabel('Import a file').setInputFiles(file);
  const bar = options.getByRole('progressbar', { name: 'Import progress' });
  await expect(bar).toBeVisible();
  await expect(options.getByText(/^(Checking|Saving): [\d,]+ of 32,000$/)).toBeVisible();
  await expect(options.getByText(`Imported ${people} people: ${people} new, 0 updated.`)).toBeVisible({ timeout: 40_000 });
  await expect(bar).toBeHidden();
});

test('each bad file is refused with an alert in plain words, and the data stays exactly as it was', async ({ ext }) => {
  const options = await openExtensionPage(ext, 'options.html');
  await options.getByLabel('Import a file').setInputFiles(CONNECTIONS);
  await expect(options.getByText('Imported 7 people: 7 new, 0 updated.')).toBeVisible();
  const good = await backup(options);
  const { exportedAt: _exportedAt, ...before } = good;

  const dir = mkdtempSync(join(tmpdir(), 'relnotes-import-'));
  const tooBig = join(dir, 'Connections-huge.csv');
  writeFileSync(tooBig, Buffer.alloc(50 * 1024 * 1024 + 1, 'a'));
  const goodJson = JSON.stringify(good, null, 2);
  const bad: Array<[string, { name: string; mimeType: string; buffer: Buffer } | string, RegExp]> = [
    ['a photo', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 1, 0]) }, /not a text file/],
    ['a cut-off backup', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(goodJson.slice(0, goodJson.length / 2)) }, /ends too early \(line \d+\)/],
    ['a CSV with no header row', { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('Ana,Silva,https://www.linkedin.com/in/ana-silva\r\n') }, /no header row with First Name and Last Name/],
    ['an empty file', { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) }, /This file is empty/],
    ['another kind of JSON', { name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"app","version":"1.0.0"}') }, /not a backup made by Relationship Notes/],
    ['a file over 50 MB', tooBig, /larger than 50 MB/],
  ];
  const section = options.getByRole('region', { name: 'Import and export' });
  for (const [what, file, message] of bad) {
    await test.step(what, async () => {
      await section.getByLabel('Import a file').setInputFiles(file);
      await expect(section.getByRole('alert')).toHaveText(message);
      await expect(section.getByRole('alert')).toContainText('Nothing was changed.');
    });
  }
  expect(await dataIn(options)).toEqual(before);
});

test('a default “keep in touch every” chosen in settings is given to the next person noted in the sidebar', async ({ ext }) => {
  const options = await openExtensionPage(ext, 'options.html');
  const newContacts = options.getByRole('group', { name: 'New contacts' });
  await newContacts.getByLabel('Keep in touch every').selectOption({ label: 'Month' });
  await expect(options.getByText('Settings saved.')).toBeVisible();
  await options.getByLabel('Daily reminder time').fill('08:30');
  await options.getByLabel('Show a daily reminder notification').uncheck();
  await expect.poll(async () => (await backup(options)).settings).toEqual({
    defaultCadenceDays: 30,
    reminderTime: '08:30',
    notificationsEnabled: false,
    language: 'auto',
    rekindleAfterMonths: 6,
    planSize: 5,
  });

  const profile = await openLinkedIn(ext, '/in/amara-okafor/');
  await sidebar(profile).getByLabel('Where we met').fill('Lagos Startup Week');
  await expect(sidebar(profile).getByRole('status')).toHaveText('Saved');
  await expect(sidebar(profile).getByLabel('Keep in touch every')).toHaveValue('month');
});

test('in Spanish, deleting all data asks for BORRAR and then leaves nothing behind', async ({ ext }) => {
  await noteOnKenji(ext);
  const options = await openExtensionPage(ext, 'options.html');
  await expect(options.getByText('Using', { exact: false })).toBeVisible();
  await options.getByRole('button', { name: 'Keep my data when disk space runs low' }).click();
  // What the page says, once it says it, is what the browser decided, whichever it was.
  await expect(options.getByText(/^Your browser (will keep|did not agree)/)).toBeVisible();
  const kept = await options.evaluate(() => navigator.storage.persisted());
  await expect(
    options.getByText(
      kept
        ? 'Your browser will keep this data even when disk space runs low.'
        : 'Your browser did not agree to this. Your data stays, but export a backup now and then.',
    ),
  ).toBeVisible();

  await options.getByLabel('Language').selectOption({ label: 'Español' });
  await expect(options.getByRole('heading', { name: 'Importar y exportar' })).toBeVisible();
  const erase = options.getByRole('button', { name: 'Borrar todos los datos' });
  await expect(erase).toBeDisabled();
  await options.getByLabel('Escribe BORRAR para confirmar').fill('DELETE');
  await expect(erase).toBeDisabled();
  await options.getByLabel('Escribe BORRAR para confirmar').fill('BORRAR');
  await erase.click();
  await expect(options.getByText('Se borraron todos los datos.')).toBeVisible();
  const [file] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Exportar copia de seguridad JSON' }).click(),
  ]);
  expect(JSON.parse(await savedText(file))).toMatchObject({ contacts: [], interactions: [] });

  const profile = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await expect(sidebar(profile).getByRole('heading', { level: 1, name: 'Kenji Tanaka' })).toBeVisible();
  await expect(sidebar(profile).getByLabel('Notes', { exact: true })).toHaveValue('');
});

test('a backup restored over my notes is undone with one click: Kenji’s note as it was, the backup’s people gone', async ({ ext }) => {
  await noteOnKenji(ext);
  const options = await openExtensionPage(ext, 'options.html');
  const before = await dataIn(options);
  const restored = [
    { ...newContact('kenji-tanaka', 1), name: 'Kenji Tanaka', notes: 'An older browser’s note', updatedAt: Date.now() + 60_000 },
    { ...newContact('lin-park', 1), name: 'Lin Park', notes: 'From the backup' },
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'restore-')), 'relationship-notes-backup.json');
  writeFileSync(file, backupJson(makeBackup(restored, [], DEFAULT_SETTINGS)));

  await options.getByLabel('Import a file').setInputFiles(file);
  await expect(options.getByText('Imported 2 people: 1 new, 1 updated.')).toBeVisible();
  const kenji = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await expect(sidebar(kenji).getByLabel('Notes', { exact: true })).toHaveValue('An older browser’s note');

  await options.getByRole('button', { name: 'Undo import' }).click();
  await expect(options.getByText('Import undone. Everything is as it was before.')).toBeVisible();
  await kenji.reload();
  await expect(sidebar(kenji).getByLabel('Notes', { exact: true })).toHaveValue(KENJI_NOTE);
  await expect(options.getByRole('region', { name: 'People in your network' }).getByRole('link', { name: 'Lin Park' })).toHaveCount(0);
  expect(await dataIn(options)).toEqual(before);
});
