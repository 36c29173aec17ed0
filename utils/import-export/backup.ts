/**
 * The JSON backup: everything in the database and the settings, written by export and checked
 * field by field on import against the same schemas (`utils/core/schema.ts`).
 */
import * as v from 'valibot';
import { allArchiveEntries, withoutShadowed } from '../people/timeline';
import { CURRENT_SCHEMA_VERSION, type RelationshipDb } from '../storage/db';
import { ImportError, lineAt } from '../core/import-errors';
import { parseJsonOffThread } from './json-parse';
import { Pacer, type ProgressListener } from '../core/pacing';
import { profileUrlFromKey } from '../core/profile-key';
import {
  CONTACT_FIELD_NAMES,
  contactSchema,
  INTERACTION_FIELD_NAMES,
  interactionSchema,
  newContact,
  settingsSchema,
  type Contact,
  type Interaction,
  type Settings,
  type StoredContact,
} from '../core/schema';

/** The `format` field that marks a file as this extension's full backup. */
export const BACKUP_FORMAT = 'relationship-notes-backup';

/** The backup's envelope; its rows are checked one slice at a time (`checkRows`). */
const backupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: v.optional(v.string()),
  settings: v.optional(v.nullable(settingsSchema), null),
  contacts: v.array(v.unknown()),
  interactions: v.optional(v.array(v.unknown()), []),
});

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  settings: Settings;
  contacts: StoredContact[];
  interactions: Interaction[];
}

/**
 * A row with exactly the fields of its schema, in the schema's order: derived index terms are left
 * out. Lists are copied; other values are plain data that is written out as it is (a clone per
 * field cost seconds at 180,000 rows).
 */
function pick<T>(row: T, fields: ReadonlyArray<keyof T>): T {
  const copy = {} as T;
  for (const field of fields) {
    const value = row[field];
    if (value !== undefined) copy[field] = (Array.isArray(value) ? [...value] : value) as T[keyof T];
  }
  return copy;
}

export const backupContact = (contact: Contact): StoredContact =>
  pick<StoredContact>(
    { ...contact, userSet: contact.userSet ?? [], seenHeadline: contact.seenHeadline ?? '', importedRole: contact.importedRole ?? '' },
    CONTACT_FIELD_NAMES,
  );
export const backupInteraction = (interaction: Interaction): Interaction => pick(interaction, INTERACTION_FIELD_NAMES);

export function makeBackup(contacts: Contact[], interactions: Interaction[], settings: Settings, now: Date = new Date()): Backup {
  return {
    format: BACKUP_FORMAT,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    settings: { ...settings },
    contacts: contacts.map(backupContact),
    interactions: interactions.map(backupInteraction),
  };
}

/**
 * Everything in the database, read in one transaction so the backup is one consistent moment.
 * Entries imported from LinkedIn's archive are written as timeline entries like any other.
 */
export async function collectBackup(db: RelationshipDb, settings: Settings, now: Date = new Date()): Promise<Backup> {
  const [contacts, interactions, imported] = await db.transaction('r', db.contacts, db.interactions, db.archiveEntries, () =>
    Promise.all([db.contacts.toArray(), db.interactions.toArray(), allArchiveEntries(db)]),
  );
  return makeBackup(contacts, withoutShadowed<Interaction>(interactions, imported), settings, now);
}

export function backupJson(backup: Backup): string {
  // Compact: at 30,000 people and 150,000 contacts made an indented file passes the 50 MB import limit.
  return JSON.stringify(backup);
}

export interface ParsedBackup {
  kind: 'backup';
  contacts: Contact[];
  interactions: Interaction[];
  settings: Settings | null;
}

/** V8 quotes the text around an unexpected token, 10 characters each side, with `...` where it cut. */
const V8_UNEXPECTED = /^Unexpected token '([\s\S]+?)', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/;

/**
 * Where a JSON text stopped parsing, from the parser's own message: V8 (Chromium, Node) says
 * `at position N` or quotes the text around the token; Firefox says `at line N column M`.
 */
export function jsonError(message: string, body: string): ImportError {
  const atLine = /line (\d+) column (\d+)/.exec(message);
  const atPosition = /position (\d+)/.exec(message);
  const quoted = V8_UNEXPECTED.exec(message);
  let offset: number | undefined;
  if (quoted && body.includes(quoted[3]!)) {
    const [, token, cut, around] = quoted as unknown as [string, string, string | undefined, string];
    offset = body.indexOf(around) + (cut ? 10 : Math.max(0, around.indexOf(token)));
  } else if (atLine) {
    const lineStart = body.split('\n').slice(0, Number(atLine[1]) - 1).reduce((sum, line) => sum + line.length + 1, 0);
    offset = lineStart + Number(atLine[2]) - 1;
  } else if (atPosition) {
    offset = Number(atPosition[1]);
  } else if (/end of (JSON input|data)/i.test(message)) {
    offset = body.length;
  }
  if (offset === undefined) return new ImportError('bad-json');
  return new ImportError(offset >= body.trimEnd().length ? 'truncated-json' : 'bad-json', { line: lineAt(body, offset) });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks every row of one of the backup's lists against its schema, a slice of time at a time,
 * keeping the newest `updatedAt` where the file holds the same row twice. The first bad row fails
 * the whole file, naming where it is (`contacts.12.cadenceDays`); `check` may refuse a row too.
 */
async function checkRows<S extends v.GenericSchema, T extends { updatedAt: number }>(
  rows: unknown[],
  schema: S,
  list: string,
  onSlice: (checked: number) => void,
  accept: (row: v.InferOutput<S>) => T,
  keyOf: (row: T) => string,
  check: (row: T) => string | null = () => null,
): Promise<Map<string, T>> {
  const byKey = new Map<string, T>();
  let reported = 0;
  const pacer = new Pacer();
  for (let index = 0; index < rows.length; index++) {
    const result = v.safeParse(schema, rows[index]);
    if (!result.success) {
      const path = v.getDotPath(result.issues[0]);
      throw new ImportError('invalid-backup', { where: path ? `${list}.${index}.${path}` : `${list}.${index}` });
    }
    const row = accept(result.output);
    const wrong = check(row);
    if (wrong) throw new ImportError('invalid-backup', { where: `${list}.${index}.${wrong}` });
    const key = keyOf(row);
    const seen = byKey.get(key);
    if (!seen || row.updatedAt > seen.updatedAt) byKey.set(key, row);
    if (pacer.due()) {
      onSlice(index + 1 - reported);
      reported = index + 1;
      await pacer.pause();
    }
  }
  onSlice(rows.length - reported);
  return byKey;
}

/** A backup's text, checked in full; nothing is written here. */
export async function parseBackupText(body: string, onProgress?: ProgressListener): Promise<ParsedBackup> {
  let raw: unknown;
  try {
    raw = await parseJsonOffThread(body);
  } catch (error) {
    throw jsonError(error instanceof Error ? error.message : '', body);
  }
  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT) throw new ImportError('not-backup');
  if (typeof raw.schemaVersion === 'number' && raw.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new ImportError('newer-version');
  }
  const envelope = v.safeParse(backupSchema, raw);
  if (!envelope.success) {
    throw new ImportError('invalid-backup', { where: v.getDotPath(envelope.issues[0]) ?? undefined });
  }
  const total = envelope.output.contacts.length + envelope.output.interactions.length;
  let done = 0;
  const onSlice = (checked: number) => {
    done += checked;
    onProgress?.({ step: 'checking', done, total, count: done });
  };
  const contacts = await checkRows(
    envelope.output.contacts,
    contactSchema,
    'contacts',
    onSlice,
    // Derived fields (search and match terms) start empty; the database computes them.
    (c): Contact => ({ ...newContact(c.key, c.createdAt), ...c, profileUrl: c.profileUrl || profileUrlFromKey(c.key) }),
    (c) => c.key,
  );
  const interactions = await checkRows(
    envelope.output.interactions,
    interactionSchema,
    'interactions',
    onSlice,
    (i): Interaction => i,
    (i) => i.id,
    (i) => (contacts.has(i.contactKey) ? null : 'contactKey'),
  );
  return {
    kind: 'backup',
    contacts: [...contacts.values()],
    interactions: [...interactions.values()],
    settings: envelope.output.settings,
  };
}
