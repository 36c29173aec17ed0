import Papa from 'papaparse';
import * as v from 'valibot';
import { CURRENT_SCHEMA_VERSION, type Contact, type Interaction, type LocalDate, type RelationshipDb } from './db';
import { newContact } from './contacts';
import { nextFollowUpAfterContact } from './followups';
import { BACKUP_FORMAT } from './export-formats';
import { INTERACTION_KINDS } from './interaction-kinds';
import { profileKeyFromUrl, profileUrlFromKey } from './profile-key';
import { DEFAULT_SETTINGS, REKINDLE_MONTHS_RANGE, type Settings } from './settings';
import { isQuotaError } from './sidebar-service';
import { archiveDetailSchema } from './linkedin-archive/entry';
import { parseDayMonthYear } from './linkedin-archive/dates';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const WRITE_BATCH = 2_000;

export type ImportErrorCode =
  | 'too-large'
  | 'empty'
  | 'binary'
  | 'unrecognised'
  | 'truncated-json'
  | 'bad-json'
  | 'not-backup'
  | 'newer-version'
  | 'invalid-backup'
  | 'no-header'
  | 'bad-csv'
  | 'storage-full'
  | 'write-failed'
  | 'missing-columns'
  | 'archive-too-large'
  | 'archive-broken'
  | 'archive-encrypted'
  | 'archive-no-files';

/** Everything that can go wrong with an imported file, in a form the page can explain. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  /** 1-based line of the file where the problem is, when that helps. */
  readonly line?: number;
  /** Where in a backup a value is wrong, e.g. `contacts.3.notes`. */
  readonly where?: string;

  constructor(code: ImportErrorCode, details: { line?: number; where?: string } = {}) {
    super(`Import failed: ${code}${details.line ? ` (line ${details.line})` : ''}${details.where ? ` at ${details.where}` : ''}`);
    this.name = 'ImportError';
    this.code = code;
    this.line = details.line;
    this.where = details.where;
  }
}

/** One person read from LinkedIn's Connections.csv. */
export interface ConnectionRow {
  key: string;
  name: string;
  headline: string;
  email: string;
  connectedOn: LocalDate | null;
}

export type ParsedImport =
  | { kind: 'connections'; people: ConnectionRow[]; skippedNoUrl: number }
  | { kind: 'backup'; contacts: Contact[]; interactions: Interaction[]; settings: Settings | null };

// ---------------------------------------------------------------- reading the bytes

const decoder = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The file's text, or a typed error for files too big, empty or not text at all. */
export async function readImportText(input: Blob | string): Promise<string> {
  if (typeof input === 'string') {
    if (input.length > MAX_IMPORT_BYTES) throw new ImportError('too-large');
    return input;
  }
  if (input.size > MAX_IMPORT_BYTES) throw new ImportError('too-large');
  if (input.size === 0) throw new ImportError('empty');
  const bytes = new Uint8Array(await input.arrayBuffer());
  try {
    return decoder().decode(bytes);
  } catch {
    throw new ImportError('binary');
  }
}

const BINARY_CHARS = /[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]/g;

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\0')) return true;
  const odd = sample.match(BINARY_CHARS)?.length ?? 0;
  return odd > Math.max(2, sample.length / 100);
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** Recognises the file by its content and checks all of it; nothing is written here. */
export function parseImportText(raw: string): ParsedImport {
  const text = raw.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new ImportError('empty');
  if (looksBinary(text)) throw new ImportError('binary');
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return parseBackupText(text);
  return parseConnectionsCsv(text);
}

// ---------------------------------------------------------------- JSON backup

const YYYY_MM_DD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `isLocalDate`, without date-fns: fast enough to check every date of 30,000 rows. */
export function isCalendarDate(value: unknown): value is LocalDate {
  const match = typeof value === 'string' ? YYYY_MM_DD.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year === 0) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const MAX_TEXT = 100_000;
const text = (max = MAX_TEXT) => v.pipe(v.string(), v.maxLength(max));
const phrases = v.pipe(v.array(text(200)), v.maxLength(500));
const localDate = v.custom<LocalDate>(isCalendarDate, 'not a YYYY-MM-DD date');
const timestamp = v.pipe(v.number(), v.finite(), v.minValue(0));
const profileKey = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(200),
  v.check((key) => profileKeyFromUrl(profileUrlFromKey(key)) === key, 'not a profile key'),
);
const isHttpsUrl = (value: string) => {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
};
const profileUrl = v.pipe(
  v.string(),
  v.maxLength(1000),
  v.check((url) => url === '' || (isHttpsUrl(url) && profileKeyFromUrl(url) !== null), 'not a LinkedIn profile URL'),
);
const photoUrl = v.pipe(v.string(), v.maxLength(2000), v.check((url) => url === '' || isHttpsUrl(url), 'not an https URL'));

// `v.object` keeps only the keys named here and builds fresh objects, so `__proto__` or
// `constructor` keys in a file never reach a prototype or the database.
const contactSchema = v.object({
  key: profileKey,
  name: v.optional(text(300), ''),
  headline: v.optional(text(1000), ''),
  location: v.optional(text(300), ''),
  photoUrl: v.optional(photoUrl, ''),
  profileUrl: v.optional(profileUrl, ''),
  email: v.optional(text(300), ''),
  connectedOn: v.optional(v.nullable(localDate), null),
  interests: v.optional(phrases, []),
  offers: v.optional(phrases, []),
  needs: v.optional(phrases, []),
  howICanHelp: v.optional(text(), ''),
  whereWeMet: v.optional(text(300), ''),
  notes: v.optional(text(), ''),
  tags: v.optional(phrases, []),
  cadenceDays: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650))), null),
  nextFollowUp: v.optional(v.nullable(localDate), null),
  lastInteraction: v.optional(v.nullable(localDate), null),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const interactionSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  contactKey: profileKey,
  kind: v.picklist(INTERACTION_KINDS),
  date: localDate,
  text: v.optional(text(), ''),
  withKey: v.optional(profileKey),
  archive: v.optional(archiveDetailSchema),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const settingsSchema = v.object({
  defaultCadenceDays: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650))),
  reminderTime: v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  notificationsEnabled: v.boolean(),
  language: v.picklist(['auto', 'en', 'es']),
  // Backups made before the Rekindle setting existed hold none.
  rekindleAfterMonths: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(REKINDLE_MONTHS_RANGE.min), v.maxValue(REKINDLE_MONTHS_RANGE.max)),
    DEFAULT_SETTINGS.rekindleAfterMonths,
  ),
});

const backupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: v.optional(v.string()),
  settings: v.optional(v.nullable(settingsSchema), null),
  contacts: v.array(contactSchema),
  interactions: v.optional(v.array(interactionSchema), []),
});

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_ESCAPES = '"\\/bfnrt';

/**
 * Where JSON.parse gave up: its messages do not always say. Only run on text that failed to
 * parse; the offset equals the length when the text ends too early.
 */
export function jsonErrorOffset(s: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxError(String(Math.min(i, s.length)));
  };
  const space = () => {
    while (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r') i++;
  };
  const string = () => {
    i++;
    for (;;) {
      const c = s[i];
      if (c === undefined || c < ' ') fail();
      i++;
      if (c === '"') return;
      if (c === '\\') {
        const e = s[i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) fail();
          i += 5;
        } else if (e !== undefined && JSON_ESCAPES.includes(e)) i++;
        else fail();
      }
    }
  };
  const value = (): void => {
    space();
    const c = s[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (s[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          space();
          if (s[i] !== '"') fail();
          string();
          space();
          if (s[i] !== ':') fail();
          i++;
        }
        value();
        space();
        if (s[i] === ',') i++;
        else if (s[i] === close) {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (s.startsWith(word, i)) {
        i += word.length;
        return;
      }
      if (i + word.length > s.length && word.startsWith(s.slice(i))) {
        i = s.length;
        fail();
      }
    }
    JSON_NUMBER.lastIndex = i;
    if (!JSON_NUMBER.test(s)) fail();
    i = JSON_NUMBER.lastIndex;
  };
  try {
    value();
    space();
    if (i < s.length) fail();
    return undefined;
  } catch (error) {
    // A RangeError is nesting too deep to follow: no position to report.
    return error instanceof SyntaxError ? Number(error.message) : undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Newer `updatedAt` wins when one file holds the same row twice. */
function newestByKey<T extends { updatedAt: number }>(rows: T[], keyOf: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const seen = byKey.get(keyOf(row));
    if (!seen || row.updatedAt > seen.updatedAt) byKey.set(keyOf(row), row);
  }
  return [...byKey.values()];
}

export function parseBackupText(body: string): ParsedImport {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    const offset = jsonErrorOffset(body);
    if (offset === undefined) throw new ImportError('bad-json');
    throw new ImportError(offset >= body.length ? 'truncated-json' : 'bad-json', { line: lineAt(body, offset) });
  }
  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT) throw new ImportError('not-backup');
  if (typeof raw.schemaVersion === 'number' && raw.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new ImportError('newer-version');
  }
  const result = v.safeParse(backupSchema, raw);
  if (!result.success) {
    throw new ImportError('invalid-backup', { where: v.getDotPath(result.issues[0]) ?? undefined });
  }
  const contacts = newestByKey(result.output.contacts, (c) => c.key);
  const known = new Set(contacts.map((c) => c.key));
  const interactions = newestByKey(result.output.interactions, (i) => i.id);
  const orphan = result.output.interactions.findIndex((i) => !known.has(i.contactKey));
  if (orphan !== -1) throw new ImportError('invalid-backup', { where: `interactions.${orphan}.contactKey` });
  return {
    kind: 'backup',
    // Derived fields (search and match terms) start empty; the database hooks compute them.
    contacts: contacts.map((c) => ({
      ...newContact(c.key, c.createdAt),
      ...c,
      profileUrl: c.profileUrl || profileUrlFromKey(c.key),
    })),
    interactions: interactions.map((i) => ({ ...i })),
    settings: result.output.settings ? { ...result.output.settings } : null,
  };
}

// ---------------------------------------------------------------- LinkedIn's Connections.csv

/** Connections.csv's columns by their (lower-case) header names. */
export const CONNECTION_COLUMNS = {
  firstName: 'first name',
  lastName: 'last name',
  url: 'url',
  email: 'email address',
  company: 'company',
  position: 'position',
  connectedOn: 'connected on',
} as const;
const HEADER_SEARCH_ROWS = 30;

/** `15 Jan 2024` (LinkedIn's export, English or Spanish months), `15-Jan-24` or `2024-01-15` as `YYYY-MM-DD`; null otherwise. */
export function parseConnectedOn(value: string): LocalDate | null {
  return parseDayMonthYear(value);
}

export function headlineFrom(position: string, company: string): string {
  if (position && company) return `${position} at ${company}`;
  return position || company;
}

const normaliseHeader = (cell: string) => cell.replace(/^\uFEFF/, '').trim().toLowerCase();

export function parseConnectionsCsv(body: string): ParsedImport {
  const text = body.replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) throw new ImportError('bad-csv', { line: lineAt(text, quoteError.index ?? text.length) });

  const rows = parsed.data;
  const headerAt = rows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((row) => row.map(normaliseHeader).includes(CONNECTION_COLUMNS.firstName) && row.map(normaliseHeader).includes(CONNECTION_COLUMNS.lastName));
  if (headerAt === -1) {
    const tabular = rows.slice(0, HEADER_SEARCH_ROWS).some((row) => row.length >= 2);
    throw new ImportError(tabular ? 'no-header' : 'unrecognised');
  }
  const header = rows[headerAt]!.map(normaliseHeader);
  const column = (name: string) => header.indexOf(name);
  const at = Object.fromEntries(Object.entries(CONNECTION_COLUMNS).map(([field, name]) => [field, column(name)])) as ConnectionColumnIndex;

  const people = new Map<string, ConnectionRow>();
  let skippedNoUrl = 0;
  for (const row of rows.slice(headerAt + 1)) {
    if (row.every((value) => value.trim() === '')) continue;
    const person = connectionFromRow(row, at);
    if (!person) {
      skippedNoUrl++;
      continue;
    }
    const seen = people.get(person.key);
    people.set(person.key, seen ? fillEmpty(seen, person) : person);
  }
  return { kind: 'connections', people: [...people.values()], skippedNoUrl };
}

/** Where each of Connections.csv's columns is in a row; -1 when missing. */
export type ConnectionColumnIndex = Record<keyof typeof CONNECTION_COLUMNS, number>;

const cell = (row: string[], index: number, max: number) => (index < 0 ? '' : (row[index] ?? '').trim().slice(0, max));

/** The person of one Connections.csv row, or null when it names no profile URL. */
export function connectionFromRow(row: string[], at: ConnectionColumnIndex): ConnectionRow | null {
  const key = profileKeyFromUrl(cell(row, at.url, 2000));
  if (!key) return null;
  return {
    key,
    name: `${cell(row, at.firstName, 150)} ${cell(row, at.lastName, 150)}`.trim(),
    headline: headlineFrom(cell(row, at.position, 500), cell(row, at.company, 490)),
    email: cell(row, at.email, 300),
    connectedOn: parseConnectedOn(cell(row, at.connectedOn, 40)),
  };
}

/** One person listed twice: the first listing wins, the second fills what it left empty. */
export function fillEmpty(target: ConnectionRow, source: ConnectionRow): ConnectionRow {
  return {
    key: target.key,
    name: target.name || source.name,
    headline: target.headline || source.headline,
    email: target.email || source.email,
    connectedOn: target.connectedOn ?? source.connectedOn,
  };
}

// ---------------------------------------------------------------- writing, and undoing

/** Where a backup's settings are read and written; the page hands in `settingsItem`. */
export interface SettingsStore {
  getValue(): Promise<Settings>;
  setValue(value: Settings): Promise<void>;
}

/** What was imported: one of the files `parseImportText` knows, or LinkedIn's archive (utils/linkedin-archive). */
export type ImportKind = ParsedImport['kind'] | 'linkedin-archive';

export interface ImportSummary {
  kind: ImportKind;
  /** People in the file that were imported: created + updated + unchanged. */
  people: number;
  created: number;
  updated: number;
  unchanged: number;
  skippedNoUrl: number;
  interactionsAdded: number;
  /** People who are not connections but with whom messages were exchanged, made contacts. */
  contactsFromMessages: number;
  settingsRestored: boolean;
}

/** What an import changed, to put back exactly. */
export interface ImportUndo {
  contacts: Array<{ key: string; before: Contact | null; writtenAt: number }>;
  interactions: Array<{ id: string; before: Interaction | null; writtenAt: number }>;
  settingsBefore: Settings | null;
}

export interface ImportOutcome {
  summary: ImportSummary;
  undo: ImportUndo;
}

export async function inBatches<T>(
  write: (rows: T[]) => Promise<unknown>,
  rows: T[],
  onBatch?: (written: number) => void,
): Promise<void> {
  for (let start = 0; start < rows.length; start += WRITE_BATCH) {
    await write(rows.slice(start, start + WRITE_BATCH));
    onBatch?.(Math.min(rows.length, start + WRITE_BATCH));
  }
}

/** Beyond this many rows one read of the whole table beats a lookup per row. */
const LOOKUP_LIMIT = 500;

/**
 * The stored rows among `keys`. One request lists every stored key; only the rows that exist are
 * then read, so 30,000 new people cost no lookups at all.
 */
export async function storedRows<T>(
  table: { toCollection(): { primaryKeys(): Promise<unknown[]> }; bulkGet(keys: string[]): Promise<Array<T | undefined>>; toArray(): Promise<T[]> },
  keys: string[],
  keyOf: (row: T) => string,
): Promise<Map<string, T>> {
  if (keys.length === 0) return new Map();
  const present = new Set(await table.toCollection().primaryKeys());
  const wanted = keys.filter((key) => present.has(key));
  if (wanted.length === 0) return new Map();
  const rows = wanted.length > LOOKUP_LIMIT ? await table.toArray() : await table.bulkGet(wanted);
  const found = new Map<string, T>();
  for (const row of rows) if (row) found.set(keyOf(row), row);
  return found;
}

/**
 * Deletes rows by key. Many keys are deleted as runs of neighbouring keys, one range request per
 * run: undoing a large import into an empty table is then a single request.
 */
async function deleteRows(
  table: {
    toCollection(): { primaryKeys(): Promise<unknown[]> };
    bulkDelete(keys: string[]): Promise<unknown>;
    where(index: ':id'): { between(lower: string, upper: string, includeLower: boolean, includeUpper: boolean): { delete(): Promise<number> } };
  },
  keys: string[],
): Promise<void> {
  if (keys.length <= LOOKUP_LIMIT) return inBatches((batch) => table.bulkDelete(batch), keys);
  const doomed = new Set(keys);
  const runs: Array<[string, string]> = [];
  let run: [string, string] | null = null;
  for (const key of (await table.toCollection().primaryKeys()) as string[]) {
    if (doomed.has(key)) {
      if (run) run[1] = key;
      else run = [key, key];
    } else if (run) {
      runs.push(run);
      run = null;
    }
  }
  if (run) runs.push(run);
  for (const [first, last] of runs) await table.where(':id').between(first, last, true, true).delete();
}

/** New rows are added (no lookup of what was there), changed rows are put. */
async function writeRows<T>(
  table: { bulkAdd(rows: T[]): Promise<unknown>; bulkPut(rows: T[]): Promise<unknown> },
  added: T[],
  changed: T[],
): Promise<void> {
  await inBatches((rows) => table.bulkAdd(rows), added);
  await inBatches((rows) => table.bulkPut(rows), changed);
}

/** Page-read and imported fields a known person gets from the file, only where they are empty. */
export function connectionChanges(existing: Contact, person: ConnectionRow): Partial<Contact> {
  const changes: Partial<Contact> = {};
  if (!existing.name.trim() && person.name) changes.name = person.name;
  if (!existing.headline.trim() && person.headline) changes.headline = person.headline;
  if (!existing.email.trim() && person.email) changes.email = person.email;
  if (!existing.profileUrl) changes.profileUrl = profileUrlFromKey(existing.key);
  if (!existing.connectedOn && person.connectedOn) changes.connectedOn = person.connectedOn;
  return changes;
}

function emptySummary(kind: ImportKind): ImportSummary {
  return {
    kind,
    people: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skippedNoUrl: 0,
    interactionsAdded: 0,
    contactsFromMessages: 0,
    settingsRestored: false,
  };
}

/**
 * Runs an import's writes in one read-write transaction (all of it or nothing), with a summary
 * and an undo record for `write` to fill. Every kind of import writes through here.
 */
export async function runImportTransaction(
  db: RelationshipDb,
  kind: ImportKind,
  write: (summary: ImportSummary, undo: ImportUndo) => Promise<void>,
): Promise<ImportOutcome> {
  const summary = emptySummary(kind);
  const undo: ImportUndo = { contacts: [], interactions: [], settingsBefore: null };
  try {
    // An async function here, so Dexie keeps the transaction alive across the writer's awaits.
    await db.transaction('rw', db.contacts, db.interactions, async () => {
      await write(summary, undo);
    });
  } catch (error) {
    throw new ImportError(isQuotaError(error) ? 'storage-full' : 'write-failed');
  }
  summary.people = summary.created + summary.updated + summary.unchanged;
  return { summary, undo };
}

async function writeConnections(db: RelationshipDb, people: ConnectionRow[], now: number, summary: ImportSummary, undo: ImportUndo) {
  const existing = await storedRows(db.contacts, people.map((p) => p.key), (c) => c.key);
  const added: Contact[] = [];
  const changed: Contact[] = [];
  for (const person of people) {
    const before = existing.get(person.key);
    if (!before) {
      const fresh = newContact(person.key, now);
      added.push({ ...fresh, name: person.name, headline: person.headline, email: person.email, connectedOn: person.connectedOn });
      summary.created++;
    } else {
      const changes = connectionChanges(before, person);
      if (Object.keys(changes).length === 0) {
        summary.unchanged++;
        continue;
      }
      changed.push({ ...before, ...changes, updatedAt: now });
      summary.updated++;
    }
    undo.contacts.push({ key: person.key, before: before ?? null, writtenAt: now });
  }
  await writeRows(db.contacts, added, changed);
}

async function writeBackup(
  db: RelationshipDb,
  parsed: Extract<ParsedImport, { kind: 'backup' }>,
  now: number,
  summary: ImportSummary,
  undo: ImportUndo,
) {
  const existing = await storedRows(db.contacts, parsed.contacts.map((c) => c.key), (c) => c.key);
  const winners = new Map<string, { contact: Contact; before: Contact | null; written: boolean }>();
  for (const incoming of parsed.contacts) {
    const before = existing.get(incoming.key) ?? null;
    if (!before) {
      winners.set(incoming.key, { contact: incoming, before, written: true });
      summary.created++;
    } else if (incoming.updatedAt > before.updatedAt) {
      winners.set(incoming.key, { contact: incoming, before, written: true });
      summary.updated++;
    } else {
      winners.set(incoming.key, { contact: before, before, written: false });
      summary.unchanged++;
    }
  }

  const existingInteractions = await storedRows(db.interactions, parsed.interactions.map((i) => i.id), (i) => i.id);
  const addedInteractions: Interaction[] = [];
  const changedInteractions: Interaction[] = [];
  for (const incoming of parsed.interactions) {
    const before = existingInteractions.get(incoming.id) ?? null;
    if (before && incoming.updatedAt <= before.updatedAt) continue;
    (before ? changedInteractions : addedInteractions).push(incoming);
    undo.interactions.push({ id: incoming.id, before, writtenAt: incoming.updatedAt });
    if (!before) summary.interactionsAdded++;
    // A person known before may have gained a later contact than the one it remembers.
    const winner = winners.get(incoming.contactKey);
    if (winner?.before && incoming.date > (winner.contact.lastInteraction ?? '')) {
      if (!winner.written) {
        summary.unchanged--;
        summary.updated++;
      }
      winner.contact = {
        ...winner.contact,
        lastInteraction: incoming.date,
        nextFollowUp: nextFollowUpAfterContact(winner.contact, incoming.date),
        updatedAt: Math.max(winner.contact.updatedAt, now),
      };
      winner.written = true;
    }
  }

  const added: Contact[] = [];
  const changed: Contact[] = [];
  for (const { contact, before, written } of winners.values()) {
    if (!written) continue;
    (before ? changed : added).push(contact);
    undo.contacts.push({ key: contact.key, before, writtenAt: contact.updatedAt });
  }
  await writeRows(db.contacts, added, changed);
  await writeRows(db.interactions, addedInteractions, changedInteractions);
}

/**
 * Writes a checked import in one read-write transaction: all of it or nothing. Known people are
 * merged (a backup's newer `updatedAt` wins; Connections.csv only fills empty fields), and what
 * each written row was before is kept for `undoImport`.
 */
export async function applyImport(
  db: RelationshipDb,
  parsed: ParsedImport,
  options: { settings?: SettingsStore; now?: number } = {},
): Promise<ImportOutcome> {
  const now = options.now ?? Date.now();
  const { summary, undo } = await runImportTransaction(db, parsed.kind, async (summary, undo) => {
    if (parsed.kind === 'connections') await writeConnections(db, parsed.people, now, summary, undo);
    else await writeBackup(db, parsed, now, summary, undo);
  });
  if (parsed.kind === 'connections') summary.skippedNoUrl = parsed.skippedNoUrl;
  if (parsed.kind === 'backup' && parsed.settings && options.settings) {
    undo.settingsBefore = await options.settings.getValue();
    await options.settings.setValue(parsed.settings);
    summary.settingsRestored = true;
  }
  return { summary, undo };
}

/** Reads, recognises, checks and then writes a file: LinkedIn's Connections.csv or a JSON backup. */
export async function importFile(
  db: RelationshipDb,
  input: Blob | string,
  options: { settings?: SettingsStore; now?: number } = {},
): Promise<ImportOutcome> {
  const parsed = parseImportText(await readImportText(input));
  return applyImport(db, parsed, options);
}

/**
 * Puts back what an import changed, in one transaction. A row edited since the import keeps that
 * later edit: it is counted in `keptChanged` instead of being rolled back.
 */
export async function undoImport(
  db: RelationshipDb,
  undo: ImportUndo,
  settings?: SettingsStore,
): Promise<{ restored: number; keptChanged: number }> {
  let restored = 0;
  let keptChanged = 0;
  await db.transaction('rw', db.contacts, db.interactions, async () => {
    const contactsNow = await storedRows(db.contacts, undo.contacts.map((c) => c.key), (c) => c.key);
    const contactPuts: Contact[] = [];
    const contactDeletes: string[] = [];
    for (const entry of undo.contacts) {
      if (contactsNow.get(entry.key)?.updatedAt !== entry.writtenAt) {
        keptChanged++;
        continue;
      }
      restored++;
      if (entry.before) contactPuts.push(entry.before);
      else contactDeletes.push(entry.key);
    }
    const interactionsNow = await storedRows(db.interactions, undo.interactions.map((i) => i.id), (i) => i.id);
    const interactionPuts: Interaction[] = [];
    const interactionDeletes: string[] = [];
    for (const entry of undo.interactions) {
      if (interactionsNow.get(entry.id)?.updatedAt !== entry.writtenAt) continue;
      if (entry.before) interactionPuts.push(entry.before);
      else interactionDeletes.push(entry.id);
    }
    await deleteRows(db.contacts, contactDeletes);
    await inBatches((rows) => db.contacts.bulkPut(rows), contactPuts);
    await deleteRows(db.interactions, interactionDeletes);
    await inBatches((rows) => db.interactions.bulkPut(rows), interactionPuts);
  });
  if (undo.settingsBefore && settings) await settings.setValue(undo.settingsBefore);
  return { restored, keptChanged };
}
