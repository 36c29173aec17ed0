import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allArchiveEntries, timeline } from '@/utils/people/timeline';
import { backupJson, collectBackup, makeBackup } from '@/utils/import-export/backup';
import { deleteContact, deleteInteraction, editInteraction, logInteraction } from '@/utils/people/contacts';
import { mergeContactInto } from '@/utils/people/merge';
import { openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import { importFile } from '@/utils/import-export/import-file';
import { undoImport } from '@/utils/import-export/undo';
import { archiveEntryId } from '@/utils/core/archive-entry';
import { applyArchivePlan } from '@/utils/import-export/archive-import';
import type { ArchiveEntry, ArchivePlan } from '@/utils/archive/plan';
import { dormantTies } from '@/utils/network/rekindle';
import { recentInteractions } from '@/utils/network/queries';
import { DEFAULT_SETTINGS } from '@/utils/core/schema';

let db: RelationshipDb;
beforeEach(async () => {
  db = openRelationshipDb(`archive-entries-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const message = (key: string, date: string, sent: number, received = 0): ArchiveEntry => ({
  id: archiveEntryId('m', ['conversation', key, date]),
  contactKey: key,
  kind: 'message',
  date,
  text: '',
  archive: { sent, received, group: false },
});

function plan(entries: ArchiveEntry[]): ArchivePlan {
  const keys = [...new Set(entries.map((entry) => entry.contactKey))];
  const people = new Map(keys.map((key) => [key, { key, name: key, headline: '', email: '', connectedOn: null, fromMessages: false }]));
  return { people, entries, ownerKeys: new Set(), resolvedMemberIds: 0 };
}

const KENJI = [message('kenji', '2024-03-01', 2), message('kenji', '2024-03-09', 0, 3), message('kenji', '2024-03-20', 1, 1)];

describe("entries imported from LinkedIn's archive, one row per person", () => {
  it('stores one row per person, shows each entry in the timeline, and sets the last contact', async () => {
    await applyArchivePlan(db, plan([...KENJI, message('lena', '2023-05-05', 1)]), { now: 1000 });
    expect(await db.archiveEntries.count()).toBe(2);
    expect(await db.interactions.count()).toBe(0);
    const kenji = await timeline(db, 'kenji');
    expect(kenji.map((entry) => [entry.date, entry.archive])).toEqual([
      ['2024-03-20', { sent: 1, received: 1, group: false }],
      ['2024-03-09', { sent: 0, received: 3, group: false }],
      ['2024-03-01', { sent: 2, received: 0, group: false }],
    ]);
    expect(kenji[0]).toMatchObject({ id: KENJI[2]!.id, contactKey: 'kenji', kind: 'message', createdAt: 1000, updatedAt: 1000 });
    expect(await db.contacts.get('kenji')).toMatchObject({ lastInteraction: '2024-03-20' });
    expect((await db.archiveEntries.get('kenji'))?.latest).toBe('2024-03-20');
  });

  it('counts its saving progress in people and entries, as its summary does', async () => {
    const steps: Array<{ done: number; total: number }> = [];
    const { summary } = await applyArchivePlan(db, plan([...KENJI, message('lena', '2023-05-05', 1)]), {
      onProgress: ({ step, done, total }) => step === 'saving' && steps.push({ done, total }),
    });
    expect(steps.at(-1)).toEqual({ done: summary.created + summary.interactionsAdded, total: 2 + 4 });
  });

  it('adds a newer archive to the same row, and undo puts the row back as it was', async () => {
    await applyArchivePlan(db, plan(KENJI.slice(0, 2)), { now: 1000 });
    const before = await db.archiveEntries.get('kenji');
    const { summary, undo } = await applyArchivePlan(db, plan(KENJI), { now: 2000 });
    expect(summary.interactionsAdded).toBe(1);
    expect(Object.keys((await db.archiveEntries.get('kenji'))!.entries)).toHaveLength(3);
    await undoImport(db, undo);
    expect(await db.archiveEntries.get('kenji')).toEqual(before);
  });

  it('turns an edited entry into a timeline row with the same id; deleting the last one removes the row', async () => {
    await applyArchivePlan(db, plan(KENJI), { now: 1000 });
    const [latest, middle, first] = KENJI.map((entry) => entry.id).reverse() as [string, string, string];
    await editInteraction(db, 'kenji', middle, { text: 'Asked about the Osaka meetup' });
    expect(await db.interactions.get(middle)).toMatchObject({ contactKey: 'kenji', kind: 'message', date: '2024-03-09', text: 'Asked about the Osaka meetup' });
    expect(Object.keys((await db.archiveEntries.get('kenji'))!.entries).sort()).toEqual([first, latest].sort());
    expect((await timeline(db, 'kenji')).map((entry) => entry.id)).toEqual([latest, middle, first]);

    await deleteInteraction(db, 'kenji', latest);
    expect(await db.contacts.get('kenji')).toMatchObject({ lastInteraction: '2024-03-09' });
    await deleteInteraction(db, 'kenji', first);
    expect(await db.archiveEntries.get('kenji')).toBeUndefined();
    expect((await timeline(db, 'kenji')).map((entry) => entry.id)).toEqual([middle]);
  });

  it('moves a member-id contact’s imported entries to the vanity key, and deletes them with the person', async () => {
    await applyArchivePlan(db, plan([message('ACoAAKenji', '2024-01-01', 1), message('kenji', '2024-02-02', 1)]), { now: 1000 });
    await mergeContactInto(db, 'ACoAAKenji', 'kenji');
    expect(await db.archiveEntries.get('ACoAAKenji')).toBeUndefined();
    expect((await timeline(db, 'kenji')).map((entry) => entry.date)).toEqual(['2024-02-02', '2024-01-01']);
    await deleteContact(db, 'kenji');
    expect(await db.archiveEntries.count()).toBe(0);
  });

  it('backs up imported entries as timeline entries; restoring the backup adds nothing here and everything elsewhere', async () => {
    await applyArchivePlan(db, plan(KENJI), { now: 1000 });
    await editInteraction(db, 'kenji', KENJI[0]!.id, { text: 'edited' });
    const json = backupJson(await collectBackup(db, DEFAULT_SETTINGS));
    expect(JSON.parse(json).interactions).toHaveLength(3);
    expect((await importFile(db, json)).summary.interactionsAdded).toBe(0);
    expect(await timeline(db, 'kenji')).toHaveLength(3);

    const other = openRelationshipDb(`archive-entries-${crypto.randomUUID()}`);
    try {
      await importFile(other, json);
      expect((await timeline(other, 'kenji')).map((entry) => [entry.id, entry.archive])).toEqual(
        (await timeline(db, 'kenji')).map((entry) => [entry.id, entry.archive]),
      );
    } finally {
      other.close();
      await Dexie.delete(other.name);
    }
  });

  it('keeps each row’s tie (one-to-one messages, last message) for Rekindle, which an edit does not change', async () => {
    const group = { ...message('kenji', '2024-04-01', 5), id: 'li-m-group', archive: { sent: 5, received: 0, group: true } };
    const invitation = { ...message('kenji', '2024-05-01', 1), id: 'li-i-1', kind: 'invitation' as const };
    await applyArchivePlan(db, plan([...KENJI, group, invitation, ...Array.from({ length: 6 }, (_, i) => message('kenji', `2024-02-0${i + 1}`, 1))]), { now: 1000 });
    expect(await db.archiveEntries.get('kenji')).toMatchObject({ messages: 13, lastMessage: '2024-04-01', latest: '2024-05-01' });
    const ties = async () => (await dormantTies(db, '2026-11-23', 6)).map((tie) => [tie.contact.key, tie.messages, tie.lastMessage]);
    expect(await ties()).toEqual([['kenji', 13, '2024-04-01']]);
    await editInteraction(db, 'kenji', KENJI[0]!.id, { text: 'Talked about PyData' });
    expect(await db.archiveEntries.get('kenji')).toMatchObject({ messages: 11 });
    expect(await ties()).toEqual([['kenji', 13, '2024-04-01']]);
  });

  it('finds a tie its row alone puts below the threshold, and reads only as many people as the popup shows', async () => {
    const tenEach = (key: string, year: number) => Array.from({ length: 10 }, (_, i) => message(key, `${year}-01-${String(i + 10)}`, 1));
    await applyArchivePlan(db, plan([...tenEach('kenji', 2023), ...tenEach('lena', 2022), ...tenEach('amara', 2021)]), { now: 1000 });
    // Lena's row now holds 9 of her 10 messages; the tenth is a timeline row.
    await editInteraction(db, 'lena', tenEach('lena', 2022)[0]!.id, { text: 'Her type talk' });
    expect(await db.archiveEntries.get('lena')).toMatchObject({ messages: 9 });
    const keys = (ties: Awaited<ReturnType<typeof dormantTies>>) => ties.map((tie) => [tie.contact.key, tie.messages]);
    // Equal strength: the longest quiet first.
    expect(keys(await dormantTies(db, '2026-11-23', 6))).toEqual([['amara', 10], ['lena', 10], ['kenji', 10]]);
    expect(keys(await dormantTies(db, '2026-11-23', 6, 2))).toEqual([['amara', 10], ['lena', 10]]);
  });

  it('restores another browser’s copy of an imported entry only when it says something else, and counts an entry held both ways once', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => message('kenji', `2023-01-${String(i + 10)}`, 1));
    await applyArchivePlan(db, plan(ten), { now: 1000 });
    // Another browser imported the same archive later, and edited one entry there.
    const copies = ten.map((entry) => ({ ...entry, createdAt: 5000, updatedAt: 5000 }));
    copies[1] = { ...copies[1]!, text: 'Edited elsewhere', updatedAt: 6000 };
    const backup = makeBackup([(await db.contacts.get('kenji'))!], copies, DEFAULT_SETTINGS);
    expect((await importFile(db, backupJson(backup))).summary.interactionsAdded).toBe(1);
    expect(await db.interactions.get(ten[1]!.id)).toMatchObject({ text: 'Edited elsewhere' });
    expect(await timeline(db, 'kenji')).toHaveLength(10);
    // The edited copy is a timeline row and still in the person's row: it counts once.
    expect((await dormantTies(db, '2026-11-23', 6)).map((tie) => tie.messages)).toEqual([10]);
  });

  it('ends a dormancy with a message logged by hand, which adds nothing to the archive’s count', async () => {
    await applyArchivePlan(db, plan(Array.from({ length: 12 }, (_, i) => message('kenji', `2023-01-${String(i + 10)}`, 1))), { now: 1000 });
    await logInteraction(db, { id: 'typed-old', contactKey: 'kenji', kind: 'message', date: '2024-02-01', text: 'Happy new year' });
    expect((await dormantTies(db, '2026-11-23', 6)).map((tie) => [tie.contact.key, tie.messages])).toEqual([['kenji', 12]]);
    await logInteraction(db, { id: 'typed-new', contactKey: 'kenji', kind: 'message', date: '2026-11-20', text: 'Coffee next week?' });
    expect(await dormantTies(db, '2026-11-23', 6)).toEqual([]);
  });

  it('counts recent imported entries in the weekly figures, once', async () => {
    await applyArchivePlan(db, plan([message('kenji', '2026-11-20', 1), message('kenji', '2025-01-01', 1), message('lena', '2024-01-01', 1)]), { now: 1000 });
    await logInteraction(db, { id: 'typed', contactKey: 'kenji', kind: 'call', date: '2026-11-21', text: '' });
    const recent = await recentInteractions(db, '2026-11-23');
    expect(recent.map((entry) => entry.date).sort()).toEqual(['2026-11-20', '2026-11-21']);
    expect(await allArchiveEntries(db)).toHaveLength(3);
  });
});
