import Papa from 'papaparse';
import { USER_FIELD_NAMES, USER_FIELDS, type Contact } from '../core/schema';
import { profileUrlFromKey } from '../core/profile-key';
import type { LocalDate } from '../core/dates';

const LIST_SEPARATOR = '; ';
// Spreadsheets run a cell that starts with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
// A spreadsheet that splits on another separator (Excel in Spanish splits on ';') starts a new
// cell after one: a formula character there starts a formula too.
const FORMULA_AFTER_SEPARATOR = /([,;\t|][ \t]*)([=+\-@])/g;

/**
 * A cell a spreadsheet shows as text: a formula character at its start, or just after any
 * separator, gets a single quote before it (the file quotes every cell as well).
 */
export function neutraliseCell(value: string): string {
  const inner = value.replace(FORMULA_AFTER_SEPARATOR, "$1'$2");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

/** A user field as one CSV cell: lists joined, nothing for none. */
function userFieldCell(value: Contact[keyof typeof USER_FIELDS]): string {
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return value == null ? '' : String(value);
}

export const CSV_COLUMNS: ReadonlyArray<readonly [string, (contact: Contact) => string]> = [
  ['Name', (c) => c.name],
  ['Profile URL', (c) => c.profileUrl],
  ['Headline', (c) => c.headline],
  ['Location', (c) => c.location],
  ['Email', (c) => c.email],
  ['Connected On', (c) => c.connectedOn ?? ''],
  ...USER_FIELD_NAMES.map((field) => [USER_FIELDS[field].csv, (c: Contact) => userFieldCell(c[field])] as const),
  ['Last contact', (c) => c.lastInteraction ?? ''],
];

/** One row per contact, UTF-8 with a BOM (so Excel reads the accents), CRLF, every cell quoted, formulas neutralised. */
export function contactsToCsv(contacts: Contact[]): string {
  const csv = Papa.unparse(
    {
      fields: CSV_COLUMNS.map(([header]) => header),
      data: contacts.map((contact) => CSV_COLUMNS.map(([, cell]) => neutraliseCell(cell(contact)))),
    },
    // Every cell quoted: a separator inside a cell splits it in no spreadsheet's locale.
    { newline: '\r\n', quotes: true },
  );
  return `\uFEFF${csv}\r\n`;
}

/** A TEXT value escaped per RFC 6350 §3.4; control characters a vCard may not hold are dropped. */
export function escapeVcardText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
    .replace(/[\\,;\n]/g, (ch) => (ch === '\n' ? '\\n' : `\\${ch}`));
}

const encoder = new TextEncoder();
const MAX_LINE_OCTETS = 75;

/** Folds a content line at 75 octets (RFC 6350 §3.2), never inside a UTF-8 sequence. */
export function foldVcardLine(line: string): string {
  if (encoder.encode(line).length <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // A continuation line starts with a space, which counts towards its 75 octets.
  let limit = MAX_LINE_OCTETS;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function vcard(contact: Contact): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeVcardText(contact.name || contact.key)}`];
  // Built from the key, never taken as stored: nothing a record brought in can add a line here.
  lines.push(`URL:${profileUrlFromKey(contact.key)}`);
  if (contact.headline) lines.push(`TITLE:${escapeVcardText(contact.headline)}`);
  if (contact.email) lines.push(`EMAIL:${escapeVcardText(contact.email)}`);
  if (contact.notes) lines.push(`NOTE:${escapeVcardText(contact.notes)}`);
  if (contact.tags.length > 0) lines.push(`CATEGORIES:${contact.tags.map(escapeVcardText).join(',')}`);
  lines.push('END:VCARD');
  return lines.map(foldVcardLine).join('\r\n');
}

/** vCard 4.0, one card per contact: name, profile URL, headline, email, notes, tags as CATEGORIES. */
export function contactsToVcard(contacts: Contact[]): string {
  return contacts.map((contact) => `${vcard(contact)}\r\n`).join('');
}

export type ExportKind = 'backup' | 'csv' | 'vcard';

const EXTENSIONS: Record<ExportKind, string> = { backup: 'json', csv: 'csv', vcard: 'vcf' };
const MIME_TYPES: Record<ExportKind, string> = {
  backup: 'application/json',
  csv: 'text/csv;charset=utf-8',
  vcard: 'text/vcard;charset=utf-8',
};

export function exportFileName(kind: ExportKind, date: LocalDate): string {
  const what = kind === 'backup' ? 'backup' : 'contacts';
  return `relationship-notes-${what}-${date}.${EXTENSIONS[kind]}`;
}

export function exportMimeType(kind: ExportKind): string {
  return MIME_TYPES[kind];
}
