import fc from 'fast-check';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { newContact } from '@/utils/core/schema';
import { openRelationshipDb } from '@/utils/storage/db';
import type { Contact } from '@/utils/core/schema';
import { BACKUP_FORMAT, backupContact, collectBackup } from '@/utils/import-export/backup';
import {
  contactsToCsv,
  contactsToVcard,
  CSV_COLUMNS,
  escapeVcardText,
  exportFileName,
  foldVcardLine,
  neutraliseCell,
} from '@/utils/import-export/export-formats';
import { DEFAULT_SETTINGS } from '@/utils/core/schema';

const DERIVED_FIELDS = ['terms', 'offerTerms', 'needTerms'];

const kenji: Contact = {
  ...newContact('kenji-tanaka', 1_700_000_000_000),
  name: 'Kenji Tanaka',
  headline: 'Data Engineer, Osaka; "Kaizen"',
  email: 'kenji@example.jp',
  interests: ['data', 'hiking'],
  needs: ['a data lead'],
  notes: 'Met at PyData Osaka.\nWants to hire.',
  tags: ['python', 'osaka, japan'],
  cadenceDays: 30,
  nextFollowUp: '2024-02-14',
};

function parseCsv(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ',', newline: '\r\n' }).data;
}

/** Unfolds and splits a vCard into its content lines (RFC 6350 §3.2). */
function vcardLines(vcf: string): string[] {
  return vcf.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

function unescapeVcardText(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}

describe('JSON backup', () => {
  const names: string[] = [];
  afterEach(async () => {
    for (const name of names.splice(0)) await openRelationshipDb(name).delete();
  });

  it('holds a format name, the schema version, the export time, settings and every row', async () => {
    const db = openRelationshipDb(`export-${crypto.randomUUID()}`);
    names.push(db.name);
    await db.contacts.add(kenji);
    await db.interactions.add({ id: 'i1', contactKey: 'kenji-tanaka', kind: 'call', date: '2024-01-02', text: 'Coffee', createdAt: 1, updatedAt: 1 });
    const backup = await collectBackup(db, { ...DEFAULT_SETTINGS, defaultCadenceDays: 14 }, new Date('2024-05-01T10:00:00Z'));
    db.close();
    expect(backup).toMatchObject({
      format: BACKUP_FORMAT,
      schemaVersion: db.verno,
      exportedAt: '2024-05-01T10:00:00.000Z',
      settings: { defaultCadenceDays: 14 },
      interactions: [{ id: 'i1', text: 'Coffee' }],
    });
    expect(backup.contacts).toEqual([backupContact(kenji)]);
  });

  it('keeps every stored field of a contact except the derived index terms', () => {
    const stored = Object.keys(newContact('x')).filter((field) => !DERIVED_FIELDS.includes(field));
    expect(Object.keys(backupContact(newContact('x'))).sort()).toEqual(stored.sort());
  });
});

describe('CSV export', () => {
  it('is UTF-8 with a BOM, CRLF, one row per contact, lists joined with "; "', () => {
    const csv = contactsToCsv([kenji, { ...newContact('zhang-wei'), name: '张伟' }]);
    expect(csv.startsWith('\uFEFF"Name","Profile URL","Headline",')).toBe(true);
    expect(csv).toContain('\r\n');
    const [header, first, second] = parseCsv(csv);
    expect(header).toEqual(CSV_COLUMNS.map(([name]) => name));
    const row = Object.fromEntries(header!.map((name, i) => [name, first![i]]));
    expect(row).toMatchObject({
      Name: 'Kenji Tanaka',
      'Profile URL': 'https://www.linkedin.com/in/kenji-tanaka/',
      Headline: 'Data Engineer, Osaka; "Kaizen"',
      Interests: 'data; hiking',
      Tags: 'python; osaka, japan',
      Notes: 'Met at PyData Osaka.\nWants to hire.',
      'Keep in touch every (days)': '30',
      'Next follow-up': '2024-02-14',
    });
    expect(second![0]).toBe('张伟');
  });

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseCell('Kenji')).toBe('Kenji');
    expect(neutraliseCell("'=already")).toBe("'=already");
  });

  it('quotes every cell, and neutralises a formula after a separator another locale splits on (Excel in Spanish splits on ;)', () => {
    expect(neutraliseCell('CEO;=1+1;')).toBe("CEO;'=1+1;");
    expect(neutraliseCell('a, +b|@c\t-d')).toBe("a, '+b|'@c\t'-d");
    expect(neutraliseCell('data engineering; Python')).toBe('data engineering; Python');
    const [, row] = contactsToCsv([{ ...kenji, headline: 'CEO;=1+1;' }]).split('\r\n');
    expect(row).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
    expect(row).toContain(`"CEO;'=1+1;"`);
  });

  it('writes any text so that it reads back as the same text, never as a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), (name, notes) => {
        const [, row] = parseCsv(contactsToCsv([{ ...kenji, name, notes, tags: [] }]));
        const cells = Object.fromEntries(CSV_COLUMNS.map(([header], i) => [header, row![i]!]));
        for (const [text, cell] of [[name, cells.Name], [notes, cells.Notes]] as const) {
          expect(cell).toBe(neutraliseCell(text));
          expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('vCard export', () => {
  it('writes vCard 4.0 with name, profile URL, headline, notes and tags as CATEGORIES', () => {
    const lines = vcardLines(contactsToVcard([kenji]));
    expect(lines).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Kenji Tanaka',
      'URL:https://www.linkedin.com/in/kenji-tanaka/',
      'TITLE:Data Engineer\\, Osaka\\; "Kaizen"',
      'EMAIL:kenji@example.jp',
      'NOTE:Met at PyData Osaka.\\nWants to hire.',
      'CATEGORIES:python,osaka\\, japan',
      'END:VCARD',
    ]);
  });

  it('builds the profile URL from the key, so a stored URL with a line break adds no field', () => {
    const lines = vcardLines(contactsToVcard([{ ...kenji, profileUrl: 'https://www.linkedin.com/in/kenji-tanaka/\r\nEMAIL:x@phish.example' }]));
    expect(lines).toContain('URL:https://www.linkedin.com/in/kenji-tanaka/');
    expect(lines.filter((line) => line.startsWith('EMAIL'))).toEqual(['EMAIL:kenji@example.jp']);
  });

  it('escapes backslashes, commas, semicolons and line breaks (RFC 6350 §3.4)', () => {
    expect(escapeVcardText('a\\b,c;d\r\ne\rf\ng')).toBe('a\\\\b\\,c\\;d\\ne\\nf\\ng');
  });

  it('folds long lines at 75 octets without splitting a character, and unfolds to the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (notes) => {
        const vcf = contactsToVcard([{ ...kenji, notes: notes || 'x' }]);
        for (const line of vcf.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
        expect(vcf).not.toMatch(/[\uD800-\uDBFF](\r\n )/);
        const note = vcardLines(vcf).find((line) => line.startsWith('NOTE:'))!;
        const expected = (notes || 'x').replace(/\r\n|\r/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
        expect(unescapeVcardText(note.slice('NOTE:'.length))).toBe(expected);
      }),
      { numRuns: 300 },
    );
    expect(foldVcardLine('NOTE:' + 'é'.repeat(50)).split('\r\n ').map((part) => new TextEncoder().encode(part).length)).toEqual([
      75, 30,
    ]);
  });
});

describe('file names', () => {
  it('carry the date', () => {
    expect(exportFileName('backup', '2024-05-01')).toBe('relationship-notes-backup-2024-05-01.json');
    expect(exportFileName('csv', '2024-05-01')).toBe('relationship-notes-contacts-2024-05-01.csv');
    expect(exportFileName('vcard', '2024-05-01')).toBe('relationship-notes-contacts-2024-05-01.vcf');
  });
});
