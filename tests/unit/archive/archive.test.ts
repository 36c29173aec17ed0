import { zipSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allArchiveEntries, timeline } from '@/utils/people/timeline';
import { newContact } from '@/utils/core/schema';
import { openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import type { Contact } from '@/utils/core/schema';
import { undoImport } from '@/utils/import-export/undo';
import { ImportError, type ImportErrorCode } from '@/utils/core/import-errors';
import { parseCsvRows, locateColumns } from '@/utils/archive/csv';
import { monthNumber, parseDayMonthYear, parseInvitationDay, parseMessageTime } from '@/utils/archive/dates';
import { ARCHIVE_ID_PREFIX, EXCERPT_LENGTH } from '@/utils/core/archive-entry';
import { applyArchivePlan, importLinkedInArchive, isArchiveFile, MAX_ARCHIVE_BYTES, readArchiveContents } from '@/utils/import-export/archive-import';
import { importAnyFile } from '@/utils/import-export/import-file';
import { parseInvitationRows } from '@/utils/archive/invitations';
import { MESSAGE_COLUMNS, messageReader } from '@/utils/archive/message-rows';
import { planArchiveImport, type ArchiveContents } from '@/utils/archive/plan';
import { dormantTies, REKINDLE_MIN_MESSAGES } from '@/utils/network/rekindle';
import { centralDirectory, chosenEntries } from '@/utils/archive/zip';
import {
  archiveFiles,
  CONNECTIONS_CSV,
  INVITATIONS_CSV,
  KENJI_LAST_MESSAGE,
  KENJI_MEMBER_ID,
  messagesCsv,
  PAT_MEMBER_ID,
} from '../../fixtures/linkedin-archive';

const RECENT = '2026-11-01';
const TODAY = '2026-11-23';
const opened: RelationshipDb[] = [];

async function freshDb(): Promise<RelationshipDb> {
  const db = openRelationshipDb(`archive-${crypto.randomUUID()}`);
  await db.open();
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const zipOf = (files: Record<string, string>) =>
  new Blob([zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])))]);

async function failsWith(promise: Promise<unknown>, code: ImportErrorCode): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).code).toBe(code);
  return error as ImportError;
}

async function snapshot(db: RelationshipDb) {
  return { contacts: await db.contacts.toArray(), interactions: await db.interactions.toArray(), archiveEntries: await db.archiveEntries.toArray() };
}

describe('dates in LinkedIn’s files', () => {
  it('knows English and Spanish month names, short or long', () => {
    const months = ['Jan', 'febrero', 'Mar.', 'abr', 'May', 'junio', 'Jul', 'ago.', 'Sept', 'octubre', 'Nov', 'dic'].map(monthNumber);
    expect(months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(['ma', 'xyz', ''].map(monthNumber)).toEqual([0, 0, 0]);
  });

  it('reads Connected On in English and Spanish', () => {
    expect(parseDayMonthYear('12 Mar 2024')).toBe('2024-03-12');
    expect(parseDayMonthYear('3 ago. 2023')).toBe('2023-08-03');
    expect(parseDayMonthYear('12 de marzo de 2024')).toBe('2024-03-12');
    expect(parseDayMonthYear('1 dic 2021')).toBe('2021-12-01');
    expect(parseDayMonthYear('15-Jan-24')).toBe('2024-01-15');
    expect(parseDayMonthYear('31 Feb 2024')).toBeNull();
    expect(parseDayMonthYear('soon')).toBeNull();
  });

  it('reads message times as UTC and invitation days month first with AM/PM, day first without', () => {
    expect(parseMessageTime('2023-06-11 15:33:58 UTC')).toBe(Date.UTC(2023, 5, 11, 15, 33, 58));
    expect(parseMessageTime('2023-06-11 15:33')).toBe(Date.UTC(2023, 5, 11, 15, 33));
    expect(parseMessageTime('11/06/2023')).toBeNull();
    expect(parseInvitationDay('3/14/25, 2:37 PM')).toBe('2025-03-14');
    expect(parseInvitationDay('3/4/25, 2:37 PM')).toBe('2025-03-04');
    expect(parseInvitationDay('14/3/25, 14:37')).toBe('2025-03-14');
    expect(parseInvitationDay('4/3/25, 14:37')).toBe('2025-03-04');
    expect(parseInvitationDay('nonsense')).toBeNull();
  });
});

describe('reading CSV by header name', () => {
  it('finds quoted headers after a preamble, with a BOM and CRLF, whatever the order and extra columns', async () => {
    const text = '\uFEFFNotes:\r\n"some note"\r\n\r\n"DATE","EXTRA","CONVERSATION ID","FROM","SENDER PROFILE URL","RECIPIENT PROFILE URLS"\r\n2023-06-11 15:33:58 UTC,x,c1,Pat,https://www.linkedin.com/in/pat,https://www.linkedin.com/in/ada\r\n';
    const table = locateColumns(await parseCsvRows(text), MESSAGE_COLUMNS, 'messages.csv');
    expect(table.at.date).toBe(0);
    expect(table.at.conversationId).toBe(2);
    expect(table.at.content).toBe(-1);
    expect(table.rows).toEqual([['2023-06-11 15:33:58 UTC', 'x', 'c1', 'Pat', 'https://www.linkedin.com/in/pat', 'https://www.linkedin.com/in/ada']]);
  });

  it('names the required columns a file lacks', async () => {
    const rows = await parseCsvRows('CONVERSATION ID,FROM,CONTENT\nc1,Pat,hi\n');
    const error = (() => {
      try {
        locateColumns(rows, MESSAGE_COLUMNS, 'messages.csv');
      } catch (e) {
        return e as ImportError;
      }
    })();
    expect(error?.code).toBe('missing-columns');
    expect(error?.where).toBe('messages.csv: SENDER PROFILE URL, RECIPIENT PROFILE URLS, DATE');
  });

  it('keeps a quoted field spanning lines across the slices it is parsed in, and reports an unclosed quote', async () => {
    const long = 'x'.repeat(700_000);
    const rows = await parseCsvRows(`a,b\n1,"${long}\nsecond line"\n2,end\n`);
    expect(rows).toHaveLength(3);
    expect(rows[1]![1]).toBe(`${long}\nsecond line`);
    await failsWith(parseCsvRows('a,b\n1,"open\n2,3\n'), 'bad-csv');
  });
});

describe('messages.csv', () => {
  // As the archive import reads it: the columns found by their headers, then each row through the reader.
  const parseMessageRows = (rows: string[][], keepContent: boolean) => {
    const { rows: body, at } = locateColumns(rows, MESSAGE_COLUMNS, 'messages.csv');
    const reader = messageReader(keepContent);
    for (const row of body) reader.add(row, at);
    return reader.result();
  };

  it('skips drafts, splits recipients, keeps member-id keys as they are and reads content only when asked', async () => {
    const parsed = parseMessageRows(await parseCsvRows(messagesCsv(RECENT)), false);
    expect(parsed.drafts).toBe(1);
    expect(parsed.messages.some((m) => m.time === Date.UTC(2025, 0, 5, 10))).toBe(false);
    expect(parsed.messages.every((m) => m.content === '')).toBe(true);
    const group = parsed.messages.find((m) => m.conversationId === '2-R3JvdXA=' && m.sender === 'ada-example')!;
    expect(group.recipients).toEqual(['lena-vogt', 'sam-rivera']);
    expect(group.recipientNames).toEqual(['Lena Vogt', 'Sam Rivera']);
    expect(parsed.messages.filter((m) => m.sender === KENJI_MEMBER_ID)).toHaveLength(3);
    const withText = parseMessageRows(await parseCsvRows(messagesCsv(RECENT)), true);
    expect(withText.messages.some((m) => m.content === KENJI_LAST_MESSAGE)).toBe(true);
  });

  it('reads an older file without the trailing columns, with recipients separated by commas', async () => {
    const csv =
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n' +
      'c1,,Ada,https://www.linkedin.com/in/ada,"Bo, Cy","https://www.linkedin.com/in/bo,https://www.linkedin.com/in/cy",2020-01-02 03:04:05 UTC,,Hi,SENT\n';
    const [message] = parseMessageRows(await parseCsvRows(csv), false).messages;
    expect(message).toMatchObject({ sender: 'ada', recipients: ['bo', 'cy'], folder: 'sent' });
  });
});

describe('Invitations.csv', () => {
  it('reads direction, the other person, the day and the message; the owner is the inviter of a sent one', async () => {
    const { invitations } = parseInvitationRows(await parseCsvRows(INVITATIONS_CSV));
    expect(invitations[0]).toEqual({
      direction: 'sent',
      otherKey: 'lena-vogt',
      otherName: 'Lena Vogt',
      ownerKey: 'ada-example',
      date: '2024-03-14',
      message: 'Loved your talk on type, Lena',
    });
    expect(invitations[1]).toMatchObject({ direction: 'received', otherKey: 'kenji-tanaka', ownerKey: 'ada-example', date: '2024-01-10' });
  });

  it('reads a file without the profile URL columns', async () => {
    const { invitations } = parseInvitationRows(await parseCsvRows('From,To,Sent At,Message,Direction\nBo,Ada,"1/2/24, 3:04 PM",Hi,INCOMING\n'));
    expect(invitations).toEqual([{ direction: 'received', otherKey: null, otherName: 'Bo', ownerKey: null, date: '2024-01-02', message: 'Hi' }]);
  });
});

async function contentsOf(files: Record<string, string>, keepExcerpts = false): Promise<ArchiveContents> {
  return readArchiveContents(zipOf(files), { keepExcerpts });
}

describe('the import plan', () => {
  it('gives one entry per person, conversation and day, with counts, only to people other than the owner', async () => {
    const plan = await planArchiveImport(await contentsOf(archiveFiles(RECENT)));
    expect(plan.ownerKeys).toEqual(new Set(['ada-example']));
    const kenji = plan.entries.filter((e) => e.contactKey === 'kenji-tanaka' && e.kind === 'message');
    expect(kenji.map((e) => [e.date, e.archive])).toEqual([
      ['2024-03-04', { sent: 2, received: 2, group: false }],
      ['2024-03-20', { sent: 4, received: 4, group: false }],
    ]);
    expect(plan.entries.some((e) => e.contactKey === KENJI_MEMBER_ID)).toBe(false);
    expect(plan.resolvedMemberIds).toBe(1);
    expect(plan.entries.every((e) => e.text === '' || e.kind === 'invitation')).toBe(true);
    expect(plan.entries.every((e) => e.id.startsWith(ARCHIVE_ID_PREFIX))).toBe(true);
    expect(plan.entries.some((e) => e.contactKey === 'ada-example')).toBe(false);
  });

  it('marks a group conversation’s entries for every participant', async () => {
    const plan = await planArchiveImport(await contentsOf(archiveFiles(RECENT)));
    const group = plan.entries.filter((e) => e.date === '2024-02-01');
    expect(group.map((e) => [e.contactKey, e.archive])).toEqual([
      ['lena-vogt', { sent: 1, received: 0, group: true }],
      ['sam-rivera', { sent: 1, received: 1, group: true }],
    ]);
  });

  it('keeps an unresolved member-id key, and makes contacts of people written to who are not connections', async () => {
    const plan = await planArchiveImport(await contentsOf(archiveFiles(RECENT)));
    expect(plan.people.get(PAT_MEMBER_ID)).toMatchObject({ name: 'Pat Member', fromMessages: true });
    expect(plan.people.get('sam-rivera')).toMatchObject({ name: 'Sam Rivera', fromMessages: true });
    expect(plan.people.get('kenji-tanaka')).toMatchObject({ fromMessages: false, connectedOn: '2024-01-15' });
    expect(plan.people.get('lena-vogt')?.connectedOn).toBe('2023-08-03');
  });

  it('keeps the last message’s first 200 characters only when asked', async () => {
    const files = archiveFiles(RECENT);
    const plan = await planArchiveImport(await contentsOf(files, true));
    expect(plan.entries.find((e) => e.contactKey === 'kenji-tanaka' && e.date === '2024-03-20')?.text).toBe(KENJI_LAST_MESSAGE);
    const long = messagesCsv(RECENT).replace(KENJI_LAST_MESSAGE, 'y'.repeat(500));
    const cut = await planArchiveImport(await contentsOf({ ...files, 'messages.csv': long }, true));
    expect(cut.entries.find((e) => e.contactKey === 'kenji-tanaka' && e.date === '2024-03-20')?.text).toHaveLength(EXCERPT_LENGTH);
  });

  it('recognises the owner from messages alone, as the one in every conversation', async () => {
    const plan = await planArchiveImport(await readArchiveContents(new Blob([messagesCsv(RECENT)])));
    expect(plan.ownerKeys.has('ada-example')).toBe(true);
    // Without Connections.csv the member id cannot be matched to Kenji's vanity URL… unless the messages show it.
    expect(plan.entries.some((e) => e.contactKey === KENJI_MEMBER_ID)).toBe(false);
  });

  it('gives the same ids whatever the order of the rows', async () => {
    const [header, ...rows] = messagesCsv(RECENT).trim().split('\r\n');
    const reversed = [header, ...rows.reverse()].join('\n');
    const ids = async (contents: ArchiveContents) => (await planArchiveImport(contents)).entries.map((e) => e.id).sort();
    expect(await ids(await readArchiveContents(new Blob([reversed])))).toEqual(await ids(await readArchiveContents(new Blob([messagesCsv(RECENT)]))));
  });
});

describe('reading the archive ZIP', () => {
  it('recognises the ZIP and the archive’s CSVs, not Connections.csv or a backup', async () => {
    expect(await isArchiveFile(zipOf(archiveFiles(RECENT)))).toBe(true);
    expect(await isArchiveFile(new Blob([messagesCsv(RECENT)]))).toBe(true);
    expect(await isArchiveFile(new Blob([INVITATIONS_CSV]))).toBe(true);
    expect(await isArchiveFile(new Blob([CONNECTIONS_CSV]))).toBe(false);
    expect(await isArchiveFile(new Blob(['{"format":"relationship-notes-backup"}']))).toBe(false);
  });

  it('finds the files in a folder of the ZIP', async () => {
    const contents = await readArchiveContents(zipOf({ 'Basic_LinkedInDataExport_11-23-2026/messages.csv': messagesCsv(RECENT) }));
    expect(contents.messages.length).toBeGreaterThan(0);
  });

  it('unpacks one copy of each file, at the top or in one folder: copies deeper down, or more of them, are not read', async () => {
    expect([...chosenEntries(['a/b/messages.csv', 'Export/messages.csv', 'messages.csv', 'x/y/z/Connections.csv', 'Export/Invitations.csv'])]).toEqual([
      'messages.csv',
      'Export/Invitations.csv',
    ]);
    // Eight copies of a 16 MiB messages.csv, deep in folders, in a ZIP of some 130 KiB: none is unpacked.
    const big = new Uint8Array(16 * 1024 * 1024).fill(0x61);
    const copies = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}/g/messages.csv`, big]));
    const bomb = zipSync({ ...copies, 'Invitations.csv': strToU8(INVITATIONS_CSV) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const contents = await readArchiveContents(new Blob([bomb]));
    expect(contents.messages).toEqual([]);
    expect(contents.invitations.length).toBeGreaterThan(0);
  });

  it('refuses a ZIP without these files, a broken or encrypted ZIP, a file over the limit, and a CSV missing columns', async () => {
    await failsWith(readArchiveContents(zipOf({ 'Rich_Media.csv': 'a\n', 'Profile.csv': 'First Name,Last Name\nA,B\n' })), 'archive-no-files');
    const bytes = zipSync({ 'messages.csv': strToU8(messagesCsv(RECENT)) });
    await failsWith(readArchiveContents(new Blob([bytes.slice(0, bytes.length - 30)])), 'archive-broken');
    const corrupt = bytes.slice();
    corrupt.fill(0xff, 40, 80);
    await failsWith(readArchiveContents(new Blob([corrupt])), 'archive-broken');
    const encrypted = bytes.slice();
    const view = new DataView(encrypted.buffer);
    for (let at = 0; at < encrypted.length - 4; at++) {
      const signature = view.getUint32(at, true);
      if (signature === 0x02014b50) view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
    }
    expect(centralDirectory(encrypted)).toEqual({ names: ['messages.csv'], encrypted: true });
    await failsWith(readArchiveContents(new Blob([encrypted])), 'archive-encrypted');
    const huge = { size: MAX_ARCHIVE_BYTES + 1 } as Blob;
    await failsWith(readArchiveContents(huge), 'archive-too-large');
    await failsWith(readArchiveContents(zipOf({ 'messages.csv': 'CONVERSATION ID,FROM,SENDER PROFILE URL\nc,Bo,x\n' })), 'missing-columns');
  });
});

describe('importing the archive', () => {
  it('fills timelines and last contact, makes contacts of people written to, and adds nothing on re-import', async () => {
    const db = await freshDb();
    const { summary } = await importLinkedInArchive(db, zipOf(archiveFiles(RECENT)), { now: 1000 });
    expect(summary).toMatchObject({ kind: 'linkedin-archive', created: 5, contactsFromMessages: 2 });
    expect(summary.interactionsAdded).toBe((await allArchiveEntries(db)).length);
    expect(await db.interactions.count()).toBe(0);
    const kenji = await db.contacts.get('kenji-tanaka');
    expect(kenji).toMatchObject({ name: 'Kenji Tanaka', lastInteraction: '2024-03-20', connectedOn: '2024-01-15' });
    expect(await db.contacts.get('lena-vogt')).toMatchObject({ lastInteraction: '2024-03-14' });
    expect(await db.contacts.get('nobody-known')).toBeUndefined();
    const lenaInvitation = (await timeline(db, 'lena-vogt')).find((entry) => entry.kind === 'invitation');
    expect(lenaInvitation).toMatchObject({ date: '2024-03-14', text: 'Loved your talk on type, Lena', archive: { sent: 1, received: 0 } });

    const before = await snapshot(db);
    const again = await importLinkedInArchive(db, zipOf(archiveFiles(RECENT)), { now: 2000 });
    expect(again.summary).toMatchObject({ created: 0, updated: 0, interactionsAdded: 0 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('pauses for the page inside its transaction without the transaction committing early or waiting on itself', async () => {
    const db = await freshDb();
    const people = new Map(
      Array.from({ length: 150 }, (_, i) => [`person-${i}`, { key: `person-${i}`, name: `Person ${i}`, headline: '', email: '', connectedOn: null, fromMessages: false }]),
    );
    const entries = [...people.keys()].flatMap((key, i) => [0, 1].map((n) => ({
      id: `${ARCHIVE_ID_PREFIX}m-${i}-${n}`,
      contactKey: key,
      kind: 'message' as const,
      date: `2024-03-1${n}`,
      text: '',
      archive: { sent: 1, received: 0, group: false },
    })));
    // Every clock reading is 100 ms later: each slice is due, and every 64th step pauses.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 100));
    try {
      const { summary } = await applyArchivePlan(db, { people, entries, ownerKeys: new Set(), resolvedMemberIds: 0 }, { now: 1000 });
      expect(summary).toMatchObject({ created: 150, interactionsAdded: 300 });
    } finally {
      now.mockRestore();
    }
    expect(await allArchiveEntries(db)).toHaveLength(300);
    // One row per person holds their entries.
    expect(await db.archiveEntries.count()).toBe(150);
    expect(await db.contacts.get('person-7')).toMatchObject({ lastInteraction: '2024-03-11' });
  });

  it('adds only what a newer archive holds beyond the last one', async () => {
    const db = await freshDb();
    await importLinkedInArchive(db, zipOf(archiveFiles(RECENT)), { now: 1000 });
    const count = (await allArchiveEntries(db)).length;
    const newer = archiveFiles(RECENT);
    newer['messages.csv'] += `"2-S2VuamkxMjM=","","Kenji Tanaka","https://www.linkedin.com/in/kenji-tanaka","Ada Example","https://www.linkedin.com/in/ada-example","${RECENT} 18:00:00 UTC","","Back in touch","INBOX","","No","No"\r\n`;
    const { summary } = await importLinkedInArchive(db, zipOf(newer), { now: 2000 });
    expect(summary.interactionsAdded).toBe(1);
    expect(await allArchiveEntries(db)).toHaveLength(count + 1);
    expect((await db.contacts.get('kenji-tanaka'))?.lastInteraction).toBe(RECENT);
  });

  it('never overwrites what the user wrote; with a cadence the next follow-up moves on from the imported contact', async () => {
    const db = await freshDb();
    const kenji: Contact = {
      ...newContact('kenji-tanaka', 10),
      name: 'Kenji (Osaka)',
      notes: 'Met at PyData',
      cadenceDays: 30,
      nextFollowUp: '2023-01-01',
      lastInteraction: '2022-12-01',
    };
    const lena: Contact = { ...newContact('lena-vogt', 10), notes: 'Type designer', nextFollowUp: '2030-01-01', lastInteraction: '2025-05-05' };
    await db.contacts.bulkAdd([kenji, lena]);
    await db.interactions.add({ id: 'typed-1', contactKey: 'kenji-tanaka', kind: 'call', date: '2022-12-01', text: 'Call', createdAt: 10, updatedAt: 10 });
    const before = await snapshot(db);

    const { undo } = await importLinkedInArchive(db, zipOf(archiveFiles(RECENT)), { now: 1000 });
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({
      name: 'Kenji (Osaka)',
      notes: 'Met at PyData',
      headline: 'Data Engineer at Osaka Data Works',
      lastInteraction: '2024-03-20',
      nextFollowUp: '2024-04-19',
    });
    // A later contact the user logged stays the last one; no cadence, so the follow-up is theirs.
    expect(await db.contacts.get('lena-vogt')).toMatchObject({ lastInteraction: '2025-05-05', nextFollowUp: '2030-01-01', notes: 'Type designer' });
    expect(await db.interactions.get('typed-1')).toEqual(before.interactions[0]);

    await undoImport(db, undo);
    expect(await snapshot(db)).toEqual(before);
  });

  it('changes nothing when a file is refused, and routes other files to the existing import', async () => {
    const db = await freshDb();
    await db.contacts.add(newContact('kenji-tanaka', 10));
    const before = await snapshot(db);
    await failsWith(importAnyFile(db, zipOf({ 'notes.txt': 'hello' })), 'archive-no-files');
    await failsWith(importAnyFile(db, new Blob(['"CONVERSATION ID","FROM","SENDER PROFILE URL"\nc,Bo,x\n'])), 'missing-columns');
    expect(await snapshot(db)).toEqual(before);
    const { summary } = await importAnyFile(db, new Blob([CONNECTIONS_CSV]));
    expect(summary.kind).toBe('connections');
  });

  it('writes in one transaction: a failure part way leaves nothing behind', async () => {
    const db = await freshDb();
    const plan = await planArchiveImport(await contentsOf(archiveFiles(RECENT)));
    // The people are written first; then writing their entries fails.
    vi.spyOn(db.archiveEntries, 'bulkPut').mockRejectedValueOnce(new Error('The disk is gone'));
    await failsWith(applyArchivePlan(db, plan), 'write-failed');
    expect(await snapshot(db)).toEqual({ contacts: [], interactions: [], archiveEntries: [] });
  });
});

describe('Rekindle', () => {
  it('lists strong ties gone quiet, strongest first, with their message count and last message', async () => {
    const db = await freshDb();
    await importLinkedInArchive(db, zipOf(archiveFiles(RECENT)), { now: 1000 });
    const ties = await dormantTies(db, TODAY, 6);
    expect(ties.map((tie) => [tie.contact.key, tie.messages, tie.lastMessage])).toEqual([['kenji-tanaka', 12, '2024-03-20']]);
    // Amara's 11 messages (enough to count) are recent today; seven months on, her tie is dormant too, after Kenji's stronger one.
    expect(REKINDLE_MIN_MESSAGES).toBeLessThanOrEqual(11);
    expect((await dormantTies(db, '2027-06-01', 6)).map((tie) => tie.contact.key)).toEqual(['kenji-tanaka', 'amara-okafor']);
    // A contact logged since then takes Kenji off the list.
    await db.contacts.update('kenji-tanaka', { lastInteraction: '2026-10-01' });
    expect(await dormantTies(db, TODAY, 6)).toEqual([]);
  });
});
