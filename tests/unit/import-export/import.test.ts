import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveUserFields } from '@/utils/people/contacts';
import { newContact } from '@/utils/core/schema';
import { format, isValid, parse } from 'date-fns';
import { addDaysToLocalDate, isLocalDate } from '@/utils/core/dates';
import { openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import type { Contact, Interaction } from '@/utils/core/schema';
import { backupJson, collectBackup, jsonError, makeBackup, type Backup } from '@/utils/import-export/backup';
import { importFile } from '@/utils/import-export/import-file';
import { undoImport } from '@/utils/import-export/undo';
import type { ImportOutcome, SettingsStore } from '@/utils/import-export/transaction';
import { IMPORT_ERROR_CODES, ImportError, MAX_IMPORT_BYTES, type ImportErrorCode } from '@/utils/core/import-errors';
import type { ImportProgress } from '@/utils/core/pacing';
import { parseImportText } from '@/utils/import-export/read-file';
import { parseDayMonthYear as parseConnectedOn } from '@/utils/archive/dates';
import { INTERACTION_KINDS } from '@/utils/core/interaction-kinds';
import { profileKeyFromUrl, profileUrlFromKey } from '@/utils/core/profile-key';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/core/schema';

const CONNECTIONS = readFileSync(resolve(import.meta.dirname, '../../fixtures/Connections.csv'), 'utf8');
const opened: RelationshipDb[] = [];

async function freshDb(): Promise<RelationshipDb> {
  const db = openRelationshipDb(`import-${crypto.randomUUID()}`);
  await db.open();
  opened.push(db);
  return db;
}

function memorySettings(initial: Settings = DEFAULT_SETTINGS): SettingsStore & { value: Settings } {
  return {
    value: initial,
    async getValue() {
      return this.value;
    },
    async setValue(value) {
      this.value = value;
    },
  };
}

/** The backup of a database as plain JSON data, without the moment it was taken. */
async function snapshot(db: RelationshipDb, settings: Settings = DEFAULT_SETTINGS) {
  const { exportedAt: _exportedAt, ...rest } = JSON.parse(backupJson(await collectBackup(db, settings))) as Backup;
  return rest;
}

async function importError(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('LinkedIn Connections.csv', () => {
  it('reads past the Notes preamble, BOM and CRLF, with quoted commas, quotes, accents and CJK intact', async () => {
    const parsed = await parseImportText(CONNECTIONS);
    expect(parsed.kind).toBe('connections');
    if (parsed.kind !== 'connections') return;
    expect(parsed.skippedNoUrl).toBe(1);
    expect(parsed.people.map((p) => p.key)).toEqual([
      'kenji-tanaka',
      'lucía-fernández',
      'zhang-wei',
      'amara-okafor',
      'olusegun-adeyemi-12ab34',
      'jose-martinez',
      'chloe-dubois',
    ]);
    const byKey = Object.fromEntries(parsed.people.map((p) => [p.key, p]));
    expect(byKey['lucía-fernández']).toEqual({
      key: 'lucía-fernández',
      name: 'Lucía Fernández',
      headline: 'Socia at Fernández, Ruiz & Asociados',
      email: '',
      connectedOn: '2023-03-03',
    });
    expect(byKey['zhang-wei']!.headline).toBe('硬件负责人 at 深圳硬件');
    expect(byKey['olusegun-adeyemi-12ab34']!.headline).toBe('Head of Sales at Acme "Rockets" Ltd');
    expect(byKey['amara-okafor']!.headline).toBe('Founder, CEO at Lagos Growth Studio');
    expect(byKey['kenji-tanaka']).toMatchObject({ email: 'kenji@example.jp', connectedOn: '2024-01-15' });
  });

  it('finds its columns in any order, and skips rows of older exports that have no URL column', async () => {
    const reordered = 'Connected On,URL,Last Name,First Name,Position,Company\n1 Feb 2020,https://es.linkedin.com/in/Ana-Silva/,Silva,Ana,CTO,Kite Labs\n';
    const parsed = await parseImportText(reordered);
    expect(parsed).toEqual({
      kind: 'connections',
      skippedNoUrl: 0,
      people: [{ key: 'ana-silva', name: 'Ana Silva', headline: 'CTO at Kite Labs', email: '', connectedOn: '2020-02-01' }],
    });
    const older = 'First Name,Last Name,Email Address,Company,Position,Connected On\r\nAna,Silva,,Kite Labs,CTO,1 Feb 2020\r\nLi,Wang,,,,\r\n';
    expect(await parseImportText(older)).toEqual({ kind: 'connections', skippedNoUrl: 2, people: [] });
  });

  it('checks calendar dates exactly as date-fns does', () => {
    const dateLike = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const byDateFns = (value: string) =>
      /^\d{4}-\d{2}-\d{2}$/.test(value) && isValid(parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1))) && format(parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1)), 'yyyy-MM-dd') === value;
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string({ maxLength: 12 })), (value) => {
        expect(isLocalDate(value)).toBe(byDateFns(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads "Connected On" as LinkedIn writes it', () => {
    expect(parseConnectedOn('15 Jan 2024')).toBe('2024-01-15');
    expect(parseConnectedOn('05 Sep 2019')).toBe('2019-09-05');
    expect(parseConnectedOn('5-Sep-19')).toBe('2019-09-05');
    expect(parseConnectedOn('2021-12-01')).toBe('2021-12-01');
    expect(parseConnectedOn('31 Feb 2024')).toBeNull();
    expect(parseConnectedOn('soon')).toBeNull();
  });

  it('adds new people and fills only the empty fields of people already known, never their notes', async () => {
    const db = await freshDb();
    await saveUserFields(db, 'kenji-tanaka', { notes: 'Met at PyData Osaka', tags: ['data'] }, {
      name: 'Kenji Tanaka',
      headline: 'Data Engineer at Kaizen Analytics',
    });
    const before = (await db.contacts.get('kenji-tanaka'))!;

    const { summary } = await importFile(db, CONNECTIONS);
    expect(summary).toMatchObject({ kind: 'connections', people: 7, created: 6, updated: 1, unchanged: 0, skippedNoUrl: 1 });
    const kenji = (await db.contacts.get('kenji-tanaka'))!;
    expect(kenji).toMatchObject({
      name: 'Kenji Tanaka',
      headline: 'Data Engineer at Kaizen Analytics',
      notes: 'Met at PyData Osaka',
      tags: ['data'],
      email: 'kenji@example.jp',
      connectedOn: '2024-01-15',
      createdAt: before.createdAt,
    });
    const lucia = (await db.contacts.get('lucía-fernández'))!;
    expect(lucia).toMatchObject({ name: 'Lucía Fernández', profileUrl: profileUrlFromKey('lucía-fernández'), notes: '' });
    expect(lucia.terms).toContain('lucia');

    const again = await importFile(db, CONNECTIONS);
    expect(again.summary).toMatchObject({ people: 7, created: 0, updated: 0, unchanged: 7 });
  });
});

describe('job changes in a newer Connections.csv', () => {
  const newer = CONNECTIONS.replace('Osaka Data Works,Data Engineer,15 Jan 2024', 'Osaka Data Works,Head of Data,15 Jan 2024')
    .replace('Lagos Growth Studio,"Founder, CEO"', 'Lagos Growth Studio,"Founder; CEO"');

  it('logs “New role” for each real change, counts them, leaves a page-read headline alone, and undo takes the entries away', async () => {
    const db = await freshDb();
    await saveUserFields(db, 'kenji-tanaka', { notes: 'Met at PyData Osaka' }, { name: 'Kenji Tanaka', headline: 'Data Engineer at Kaizen Analytics' });
    const first = await importFile(db, CONNECTIONS);
    expect(first.summary.jobChanges).toBe(0);
    const outcome = await importFile(db, newer);
    // Amara's comma became a semicolon: the same role, in the file's newer words.
    expect(outcome.summary).toMatchObject({ jobChanges: 1, updated: 2, unchanged: 5 });
    const roles = await db.interactions.where('kind').equals('new-role').toArray();
    expect(roles).toEqual([
      expect.objectContaining({ contactKey: 'kenji-tanaka', text: 'Data Engineer at Osaka Data Works → Head of Data at Osaka Data Works' }),
    ]);
    // The headline Kenji's page showed stays; the file's role is remembered for the next file.
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ headline: 'Data Engineer at Kaizen Analytics', importedRole: 'Head of Data at Osaka Data Works' });
    expect(await db.contacts.get('amara-okafor')).toMatchObject({ headline: 'Founder; CEO at Lagos Growth Studio' });

    await undoImport(db, outcome.undo);
    expect(await db.interactions.where('kind').equals('new-role').count()).toBe(0);
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ importedRole: 'Data Engineer at Osaka Data Works' });
  });

  it('a headline the file wrote follows the newer file', async () => {
    const db = await freshDb();
    await importFile(db, CONNECTIONS);
    await importFile(db, newer);
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ headline: 'Head of Data at Osaka Data Works' });
  });
});

describe('bad files', () => {
  const cases: Array<[string, Blob | string, ImportErrorCode, number?]> = [
    ['an empty file', new Blob([]), 'empty'],
    ['only whitespace and a BOM', '\uFEFF \r\n\t', 'empty'],
    ['a PNG image', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48])]), 'binary'],
    ['text with NUL bytes', 'First Name,Last Name\n\0\0\0', 'binary'],
    ['plain prose', 'Dear Kenji, thanks for the coffee.', 'no-header'],
    ['a vCard', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kenji\r\nEND:VCARD\r\n', 'unrecognised'],
    ['a CSV without a header row', 'Kenji,Tanaka,https://www.linkedin.com/in/kenji-tanaka\n', 'no-header'],
    ['truncated JSON', '{\n  "format": "relationship-notes-backup",\n  "contacts": [\n    {"key": "ke', 'truncated-json', 4],
    ['damaged JSON', '{\n  "format": "relationship-notes-backup",\n  "contacts": [,]\n}', 'bad-json', 3],
    ['another JSON file', '{"name": "my-app", "version": "1.0.0"}', 'not-backup'],
    ['a JSON array', '[1, 2, 3]', 'not-backup'],
    ['a backup from a newer version', '{"format": "relationship-notes-backup", "schemaVersion": 999, "contacts": []}', 'newer-version'],
    [
      'a backup with a wrong value',
      '{"format": "relationship-notes-backup", "schemaVersion": 1, "contacts": [{"key": "kenji-tanaka", "notes": 42, "createdAt": 1, "updatedAt": 1}]}',
      'invalid-backup',
    ],
    [
      'a CSV cut off inside a quoted field',
      'First Name,Last Name,URL,Company\nKenji,Tanaka,https://www.linkedin.com/in/kenji-tanaka,"Osaka Data\nWorks',
      'bad-csv',
      2,
    ],
  ];

  it.each(cases)('%s is refused with a typed error, and nothing changes', async (_name, input, code, line) => {
    const db = await freshDb();
    await importFile(db, CONNECTIONS);
    const before = await snapshot(db);
    const error = await importError(importFile(db, input));
    expect(error.code).toBe(code);
    if (line) expect(error.line).toBe(line);
    expect(await snapshot(db)).toEqual(before);
  });

  it('says where a backup value is wrong', async () => {
    const db = await freshDb();
    const file = JSON.stringify({
      format: 'relationship-notes-backup',
      schemaVersion: 1,
      contacts: [
        { key: 'kenji-tanaka', createdAt: 1, updatedAt: 1 },
        { key: 'amara-okafor', profileUrl: 'javascript:alert(1)', createdAt: 1, updatedAt: 1 },
      ],
    });
    const error = await importError(importFile(db, file));
    expect(error).toMatchObject({ code: 'invalid-backup', where: 'contacts.1.profileUrl' });
    expect(await db.contacts.count()).toBe(0);
  });

  it('refuses a file over 50 MB before reading it', async () => {
    const db = await freshDb();
    const huge = { size: MAX_IMPORT_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as Blob;
    expect((await importError(importFile(db, huge))).code).toBe('too-large');
  });

  it('never lets `__proto__` or `constructor` keys reach a prototype or the database', async () => {
    const db = await freshDb();
    const file = `{
      "format": "relationship-notes-backup", "schemaVersion": 1,
      "__proto__": { "polluted": "top" },
      "constructor": { "prototype": { "polluted": "ctor" } },
      "settings": { "defaultCadenceDays": null, "reminderTime": "09:00", "notificationsEnabled": true, "language": "auto",
                    "__proto__": { "polluted": "settings" } },
      "contacts": [{ "key": "kenji-tanaka", "createdAt": 1, "updatedAt": 2, "__proto__": { "polluted": "contact" },
                     "constructor": { "prototype": { "polluted": "contact-ctor" } }, "tags": ["a"] }],
      "interactions": [{ "id": "i1", "contactKey": "kenji-tanaka", "kind": "call", "date": "2024-01-02", "createdAt": 1,
                         "updatedAt": 1, "__proto__": { "isAdmin": true } }]
    }`;
    const settings = memorySettings();
    await importFile(db, file, { settings });
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(probe.isAdmin).toBeUndefined();
    const kenji = (await db.contacts.get('kenji-tanaka'))!;
    expect(Object.getPrototypeOf(kenji)).toBe(Object.prototype);
    expect(Object.keys(kenji)).not.toContain('__proto__');
    expect(Object.keys(kenji)).not.toContain('constructor');
    expect((kenji as unknown as Record<string, unknown>).polluted).toBeUndefined();
    const interaction = (await db.interactions.get('i1'))!;
    expect((interaction as unknown as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.keys(settings.value).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });
});

// ---------------------------------------------------------------- arbitraries for backups

const slugChars = [...'abcdefghijklmnopqrstuvwxyz0123456789-_éüñ张伟ü'];
const keyArb = fc
  .string({ unit: fc.constantFrom(...slugChars), minLength: 1, maxLength: 12 })
  .filter((key) => profileKeyFromUrl(profileUrlFromKey(key)) === key);
const textArb = fc.string({ unit: 'binary', maxLength: 40 });
const phrasesArb = fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 4 });
const dateArb = fc.integer({ min: 0, max: 20_000 }).map((days) => addDaysToLocalDate('2000-01-01', days));
const timeArb = fc.integer({ min: 0, max: 4_000_000_000_000 });

const contactArb = (key: string) =>
  fc
    .record({
      name: textArb,
      headline: textArb,
      location: textArb,
      photoUrl: fc.constantFrom('', 'https://media.licdn.com/p.jpg'),
      email: textArb,
      connectedOn: fc.option(dateArb, { nil: null }),
      interests: phrasesArb,
      offers: phrasesArb,
      needs: phrasesArb,
      howICanHelp: textArb,
      whereWeMet: textArb,
      notes: textArb,
      tags: phrasesArb,
      cadenceDays: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: null }),
      nextFollowUp: fc.option(dateArb, { nil: null }),
      lastInteraction: fc.option(dateArb, { nil: null }),
      createdAt: timeArb,
      updatedAt: timeArb,
    })
    .map((fields): Contact => ({ ...newContact(key), ...fields }));

const interactionArb = (keys: string[]) =>
  fc
    .record(
      {
        id: fc.uuid(),
        contactKey: fc.constantFrom(...keys),
        kind: fc.constantFrom(...INTERACTION_KINDS),
        date: dateArb,
        text: textArb,
        withKey: fc.constantFrom(...keys),
        createdAt: timeArb,
        updatedAt: timeArb,
      },
      { requiredKeys: ['id', 'contactKey', 'kind', 'date', 'text', 'createdAt', 'updatedAt'] },
    )
    .map((i): Interaction => ({ ...i }));

const settingsArb: fc.Arbitrary<Settings> = fc.record({
  defaultCadenceDays: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: null }),
  planSize: fc.integer({ min: 1, max: 15 }),
  reminderTime: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(
    ([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
  ),
  notificationsEnabled: fc.boolean(),
  language: fc.constantFrom('auto', 'en', 'es'),
  rekindleAfterMonths: fc.integer({ min: 1, max: 120 }),
});

const networkArb = fc
  .uniqueArray(keyArb, { minLength: 1, maxLength: 6 })
  .chain((keys) =>
    fc.record({
      contacts: fc.tuple(...keys.map(contactArb)),
      interactions: fc.uniqueArray(interactionArb(keys), { selector: (i) => i.id, maxLength: 8 }),
      settings: settingsArb,
    }),
  );

describe('JSON backup', () => {
  it('export then import gives the same data, settings included', async () => {
    await fc.assert(
      fc.asyncProperty(networkArb, async ({ contacts, interactions, settings }) => {
        const backup = makeBackup(contacts, interactions, settings);
        const db = await freshDb();
        const store = memorySettings();
        const { summary } = await importFile(db, backupJson(backup), { settings: store });
        expect(summary).toMatchObject({ kind: 'backup', created: contacts.length, interactionsAdded: interactions.length });
        const { exportedAt: _a, ...expected } = JSON.parse(backupJson(backup)) as Backup;
        const byId = <T extends { key?: string; id?: string }>(rows: T[]) =>
          [...rows].sort((a, b) => ((a.key ?? a.id)! < (b.key ?? b.id)! ? -1 : 1));
        expect(await snapshot(db, store.value)).toEqual({
          ...expected,
          contacts: byId(expected.contacts),
          interactions: byId(expected.interactions),
        });
        db.close();
        await db.delete();
        opened.splice(opened.indexOf(db), 1);
      }),
      { numRuns: 40 },
    );
  });

  it('merges by person: the newer edit wins, interactions are not duplicated', async () => {
    const db = await freshDb();
    const mine = { ...newContact('kenji-tanaka', 100), notes: 'mine, newer', updatedAt: 500, lastInteraction: '2024-01-01' };
    const theirsOlder = { ...newContact('kenji-tanaka', 100), notes: 'theirs, older', updatedAt: 400 };
    const amaraOld = { ...newContact('amara-okafor', 100), notes: 'old', updatedAt: 100 };
    const amaraNew = { ...amaraOld, notes: 'new', updatedAt: 300 };
    const call: Interaction = { id: 'c1', contactKey: 'kenji-tanaka', kind: 'call', date: '2024-01-01', text: 'hi', createdAt: 1, updatedAt: 1 };
    const later: Interaction = { ...call, id: 'c2', date: '2024-03-05', text: 'coffee' };
    await importFile(db, backupJson(makeBackup([mine, amaraOld], [call], DEFAULT_SETTINGS)));

    const { summary } = await importFile(db, backupJson(makeBackup([theirsOlder, amaraNew], [call, later], DEFAULT_SETTINGS)));
    expect(summary).toMatchObject({ people: 2, created: 0, updated: 2, unchanged: 0, interactionsAdded: 1 });
    expect((await db.contacts.get('kenji-tanaka'))!.notes).toBe('mine, newer');
    expect((await db.contacts.get('kenji-tanaka'))!.lastInteraction).toBe('2024-03-05');
    expect((await db.contacts.get('amara-okafor'))!.notes).toBe('new');
    expect(await db.interactions.count()).toBe(2);
  });

  it('pauses for the page inside its transaction without the transaction committing early', async () => {
    const db = await freshDb();
    const people = Array.from({ length: 300 }, (_, i) => ({ ...newContact(`person-${i}`, 1), name: `Person ${i}`, updatedAt: 2 }));
    const entries: Interaction[] = people.map((p, i) => ({ id: `e${i}`, contactKey: p.key, kind: 'call', date: '2024-01-01', text: '', createdAt: 1, updatedAt: 2 }));
    await importFile(db, backupJson(makeBackup(people.map((p) => ({ ...p, updatedAt: 1 })), [], DEFAULT_SETTINGS)));
    // Every clock reading is 100 ms later: each slice is due, and every 64th step pauses.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 100));
    try {
      const { summary } = await importFile(db, backupJson(makeBackup(people, entries, DEFAULT_SETTINGS)));
      expect(summary).toMatchObject({ updated: 300, interactionsAdded: 300 });
    } finally {
      now.mockRestore();
    }
    expect(await db.interactions.count()).toBe(300);
  });

  it('rebuilds the search terms the backup leaves out', async () => {
    const db = await freshDb();
    const contact = { ...newContact('lucía-fernández', 1), name: 'Lucía Fernández', tags: ['Fintech'] };
    await importFile(db, backupJson(makeBackup([contact], [], DEFAULT_SETTINGS)));
    expect((await db.contacts.get('lucía-fernández'))!.terms).toEqual(expect.arrayContaining(['lucia', 'fernandez', 'fintech']));
  });
});

describe('undo', () => {
  it('puts back exactly the state before any import', async () => {
    await fc.assert(
      fc.asyncProperty(networkArb, networkArb, fc.boolean(), async (start, incoming, csv) => {
        const db = await freshDb();
        const store = memorySettings(start.settings);
        await importFile(db, backupJson(makeBackup(start.contacts, start.interactions, start.settings)));
        const before = await snapshot(db, store.value);
        const file = csv ? CONNECTIONS : backupJson(makeBackup(incoming.contacts, incoming.interactions, incoming.settings));
        const { undo } = await importFile(db, file, { settings: store });
        const result = await undoImport(db, undo, store);
        expect(result.keptChanged).toBe(0);
        expect(await snapshot(db, store.value)).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });

  it('undoes a large import among people already known, exactly', async () => {
    const db = await freshDb();
    const known = ['person-0100a', 'person-0500', 'person-0999b', 'zz-last'];
    for (const key of known) await saveUserFields(db, key, { notes: `about ${key}` });
    const before = await snapshot(db);
    const rows = ['First Name,Last Name,URL,Company,Position,Connected On'];
    for (let i = 0; i < 1200; i++) {
      rows.push(`Person,${i},https://www.linkedin.com/in/person-${String(i).padStart(4, '0')},Acme,Engineer,1 Feb 2020`);
    }
    const file = rows.join('\r\n');
    const { summary, undo } = await importFile(db, file);
    expect(summary).toMatchObject({ people: 1200, created: 1199, updated: 1 });
    expect((await importFile(db, file)).summary).toMatchObject({ unchanged: 1200 });
    expect(await undoImport(db, undo)).toEqual({ restored: 1200, keptChanged: 0 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('reports its progress through reading, checking and saving, ending with every row saved', async () => {
    const db = await freshDb();
    const contacts = Array.from({ length: 6_000 }, (_, i) => ({ ...newContact(`person-${i}`, 1), name: `Person ${i}` }));
    const interactions: Interaction[] = contacts.slice(0, 3_000).map((contact, i) => ({
      id: `call-${i}`,
      contactKey: contact.key,
      kind: 'call',
      date: '2026-11-01',
      text: '',
      createdAt: 1,
      updatedAt: 1,
    }));
    const seen: ImportProgress[] = [];
    await importFile(db, backupJson(makeBackup(contacts, interactions, DEFAULT_SETTINGS)), { onProgress: (p) => seen.push(p) });
    expect([...new Set(seen.map((p) => p.step))]).toEqual(['reading', 'checking', 'saving']);
    const checking = seen.filter((p) => p.step === 'checking');
    expect(checking.length).toBeGreaterThan(1);
    expect(checking.at(-1)).toMatchObject({ done: 9_000, total: 9_000 });
    expect(seen.at(-1)).toEqual({ step: 'saving', done: 9_000, total: 9_000, count: 9_000 });
    for (const [previous, next] of seen.slice(1).map((p, i) => [seen[i]!, p] as const)) {
      if (previous.step === next.step) expect(next.done).toBeGreaterThanOrEqual(previous.done);
    }

    const connections: ImportProgress[] = [];
    await importFile(db, CONNECTIONS, { onProgress: (p) => connections.push(p) });
    expect([...new Set(connections.map((p) => p.step))]).toEqual(['reading', 'connections', 'saving']);
    expect(connections.at(-1)?.done).toBe(connections.at(-1)?.total);
  });

  it('keeps a change made after the import', async () => {
    const db = await freshDb();
    const { undo } = await importFile(db, CONNECTIONS);
    await new Promise((r) => setTimeout(r, 2));
    await saveUserFields(db, 'amara-okafor', { notes: 'Call about Lagos Startup Week' });
    const result = await undoImport(db, undo);
    expect(result).toEqual({ restored: 6, keptChanged: 1 });
    expect(await db.contacts.count()).toBe(1);
    expect((await db.contacts.get('amara-okafor'))!.notes).toBe('Call about Lagos Startup Week');
  });
});

describe('any input', () => {
  let db: RelationshipDb;
  beforeEach(async () => {
    db = await freshDb();
  });

  // Either a typed error and nothing written, or a summary that adds up and a database that holds it.
  const settlesTyped = async (input: Blob | string) => {
    const before = await db.contacts.count();
    const outcome = await importFile(db, input).catch((error: unknown) => error);
    if (outcome instanceof ImportError) {
      expect(IMPORT_ERROR_CODES).toContain(outcome.code);
      expect(await db.contacts.count()).toBe(before);
      return;
    }
    const { summary } = outcome as ImportOutcome;
    expect(summary.people).toBe(summary.created + summary.updated + summary.unchanged);
    expect(await db.contacts.count()).toBe(before + summary.created);
  };

  it('any bytes give a result or a typed error, never another kind of throw', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), (bytes) => settlesTyped(new Blob([bytes]))), {
      numRuns: 300,
    });
  });

  it('any text, and any cut or change of a real file, gives a result or a typed error', async () => {
    const backup = backupJson(
      makeBackup([{ ...newContact('kenji-tanaka', 1), notes: 'a "quoted", note' }], [], DEFAULT_SETTINGS),
    );
    const mutated = fc
      .tuple(fc.constantFrom(backup, CONNECTIONS), fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 5 }))
      .map(([file, a, b, insert]) => {
        const [from, to] = [a % file.length, b % file.length].sort((x, y) => x - y) as [number, number];
        return file.slice(0, from) + insert + file.slice(to);
      });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), mutated), (text) => settlesTyped(text)),
      { numRuns: 400 },
    );
  });
});

describe('a backup that is not JSON', () => {
  it('is placed on its line from the parser\'s message, in Chromium\'s and in Firefox\'s words', () => {
    const body = '{\n  "format": "relationship-notes-backup",\n  "contacts": [,]\n}';
    expect(jsonError('Unexpected token \',\', ..."tacts": [,]\n}" is not valid JSON at position 58 (line 3 column 17)', body)).toMatchObject({ code: 'bad-json', line: 3 });
    expect(jsonError('Unexpected token , in JSON at position 58', body)).toMatchObject({ code: 'bad-json', line: 3 });
    expect(jsonError('Unexpected token \',\', ..."ntacts": [,]\n}" is not valid JSON', body)).toMatchObject({ code: 'bad-json', line: 3 });
    expect(jsonError('Unexpected token \'x\', "[1, x]" is not valid JSON', '[1, x]')).toMatchObject({ code: 'bad-json', line: 1 });
    expect(jsonError('JSON.parse: unexpected character at line 3 column 17 of the JSON data', body)).toMatchObject({ code: 'bad-json', line: 3 });
    expect(jsonError('JSON.parse: end of data while reading object contents at line 1 column 2 of the JSON data', '{')).toMatchObject({ code: 'truncated-json', line: 1 });
    expect(jsonError('Unexpected end of JSON input', '{\n"a"')).toMatchObject({ code: 'truncated-json', line: 2 });
    expect(jsonError('something else', body)).toMatchObject({ code: 'bad-json', line: undefined });
  });

  it('reports a backup cut off anywhere as cut off, at its last line', async () => {
    const backup = backupJson(
      makeBackup(
        [{ ...newContact('kenji-tanaka', 1), notes: 'line one\nline "two"', tags: ['a', 'b'], cadenceDays: 30 }],
        [{ id: 'i1', contactKey: 'kenji-tanaka', kind: 'call', date: '2024-01-02', text: 'é', createdAt: 1, updatedAt: 2 }],
        DEFAULT_SETTINGS,
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: backup.length - 1 }), async (cut) => {
        const text = backup.slice(0, cut);
        await expect(parseImportText(text)).rejects.toThrow(
          expect.objectContaining({ code: 'truncated-json', line: text.split('\n').length }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
