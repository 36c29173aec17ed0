/**
 * The database side of sync: turning noted local changes into clocked field writes, applying merged
 * remote records to people and timelines, and what this device still owes the server. Each step
 * runs inside one read-write transaction opened by the caller (`syncTables`), so a browser closed
 * in the middle leaves the database as it was before, and the next sync starts over.
 */
import * as v from 'valibot';
import { archiveEntriesRow } from '../people/timeline';
import { archiveEntriesSchema, CONTACT_FIELD_NAMES, contactSchema, INTERACTION_FIELD_NAMES, interactionSchema } from '../core/schema';
import { newContact, fieldsOfForm, storedArchiveEntrySchema } from '../core/schema';
import { profileUrlFromKey } from '../core/profile-key';
import type { ArchiveEntries, Contact, Interaction } from '../core/schema';
import type { RelationshipDb } from '../storage/db';
import { INITIAL_CLOCK, receive, tick, type ClockState } from './crdt/clock';
import {
  DELETED_FIELD,
  isDeleted,
  latestStamp,
  mergeRecords,
  offeredTexts,
  SYNCED_TABLES,
  valueOf,
  writeFields,
  type SyncedTable,
  type SyncRecord,
  type SyncState,
} from './crdt/merge';
import { forEachPage, rowsBetween } from '../storage/paging';
import { ALL_ROWS, type SyncRecordRow } from '../storage/change-tracking';
import { slices } from '../core/slices';
import { META, getMeta, setMeta } from './meta';

/** The fields of a person that sync: all a backup holds but the key and `updatedAt`; index terms are derived again on each device. */
export const CONTACT_SYNC_FIELDS = CONTACT_FIELD_NAMES.filter((field) => field !== 'key' && field !== 'updatedAt');

export const INTERACTION_SYNC_FIELDS = INTERACTION_FIELD_NAMES.filter((field) => field !== 'id' && field !== 'updatedAt');

/** The typed fields of a person: a concurrent edit that loses keeps its text, and the sidebar offers it. */
export const OFFERED_FIELDS: ReadonlySet<string> = new Set(fieldsOfForm('text', 'place', 'phrases'));

/** Fields a person types, of a person or a timeline entry. */
export const TYPED_FIELDS: ReadonlySet<string> = new Set([...OFFERED_FIELDS, 'text']);

/** A record row, flagged (and so indexed) while it holds texts to offer. */
export function recordRow(id: string, rec: SyncRecord, out?: string): SyncRecordRow {
  const row: SyncRecordRow = { id, rec };
  if (out !== undefined) row.out = out;
  if (id.startsWith(SYNCED_TABLES.contacts) && offeredTexts(rec, OFFERED_FIELDS).length > 0) row.offer = 1;
  return row;
}

export const syncTables = (db: RelationshipDb) => [db.contacts, db.interactions, db.archiveEntries, db.syncRecords, db.syncChanges, db.syncMeta];

type Row = Record<string, unknown>;

/** How one synced table's rows become record fields, and records rows again. */
interface SyncedRows {
  keyPath: string;
  /** The fields of a row and their values, as sync records them; `rec` names fields the row may have dropped. */
  fields(row: Row, rec: SyncRecord): Array<readonly [string, unknown]>;
  /** The row a merged record makes: null when it makes none (a person's imported entries all gone). */
  fromRecord(key: string, rec: SyncRecord, existing: Row | undefined, now: number): Row | null;
}

const fixedFields = (names: readonly string[]) => (row: Row) => names.map((field) => [field, row[field]] as const);

const SYNCED_ROWS: Record<SyncedTable, SyncedRows> = {
  contacts: {
    keyPath: 'key',
    fields: fixedFields(CONTACT_SYNC_FIELDS),
    fromRecord: (key, rec, existing, now) => contactFromRecord(key, rec, existing as Contact | undefined, now) as unknown as Row,
  },
  interactions: {
    keyPath: 'id',
    fields: fixedFields(INTERACTION_SYNC_FIELDS),
    fromRecord: (id, rec, _existing, now) => interactionFromRecord(id, rec, now) as unknown as Row | null,
  },
  // A field per imported entry, so devices that imported different archives keep every entry.
  archiveEntries: {
    keyPath: 'key',
    fields: (row, rec) => {
      const entries = (row as unknown as ArchiveEntries).entries;
      const ids = new Set([...Object.keys(entries), ...Object.keys(rec.f).filter((field) => field !== DELETED_FIELD)]);
      return [...ids].map((id) => [id, entries[id] ?? null] as const);
    },
    fromRecord: (key, rec, _existing, now) => {
      const entries: ArchiveEntries['entries'] = {};
      for (const id of Object.keys(rec.f)) {
        const entry = id === DELETED_FIELD ? null : v.safeParse(storedArchiveEntrySchema, valueOf(rec, id));
        if (entry?.success) entries[id] = entry.output;
      }
      return archiveEntriesRow(key, entries, now) as unknown as Row | null;
    },
  },
};
const SYNCED_TABLE_NAMES = Object.keys(SYNCED_TABLES) as SyncedTable[];

const CHUNK = 2_000;

/** The rows read for `keys`, one per key in the same order, `undefined` where none is stored. */
function inKeyOrder<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): Array<T | undefined> {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key));
}

const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const isEmptyValue = (v: unknown) => v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/**
 * Stamps every noted change with this device's clock: each field whose value differs from what
 * sync last knew becomes a write; a row gone becomes a tombstone. Returns how many records changed.
 */
export async function foldLocalChanges(db: RelationshipDb, device: string, now: number): Promise<number> {
  const noted = await db.syncChanges.toArray();
  if (noted.length === 0) return 0;
  let clock = (await getMeta<ClockState>(db, META.clock)) ?? INITIAL_CLOCK;
  const wallOf = new Map(noted.map((change) => [change.id, change.at]));
  let ids: string[];
  const everyRow = wallOf.has(ALL_ROWS);
  if (everyRow) {
    const keys = await Promise.all(SYNCED_TABLE_NAMES.map((table) => db.table(table).toCollection().primaryKeys()));
    const rowIds = SYNCED_TABLE_NAMES.flatMap((table, i) => keys[i]!.map((key) => SYNCED_TABLES[table] + String(key)));
    ids = [...new Set([...rowIds, ...(await db.syncRecords.toCollection().primaryKeys())])];
  } else {
    ids = [...wallOf.keys()];
  }
  let changed = 0;
  for (const table of SYNCED_TABLE_NAMES) {
    const prefix = SYNCED_TABLES[table];
    const { keyPath, fields } = SYNCED_ROWS[table];
    const ofTable = ids.filter((id) => id.startsWith(prefix));
    // Looking at every row, each part holds every key in its range: one range read per table, not a read per row.
    if (everyRow) ofTable.sort();
    for (const part of slices(ofTable, CHUNK)) {
      const keys = part.map((id) => id.slice(prefix.length));
      const [rows, records] = everyRow
        ? await Promise.all([
            inKeyOrder(keys, await rowsBetween<Row>(db.table(table), keys[0]!, keys.at(-1)!), (row: Row) => row[keyPath] as string),
            inKeyOrder(part, await rowsBetween<SyncRecordRow>(db.syncRecords, part[0]!, part.at(-1)!), (row) => row.id),
          ])
        : await Promise.all([db.table(table).bulkGet(keys) as Promise<Array<Row | undefined>>, db.syncRecords.bulkGet(part)]);
      const written: SyncRecordRow[] = [];
      part.forEach((id, i) => {
        const row = rows[i];
        const held = records[i];
        const rec: SyncRecord = held?.rec ?? { f: {} };
        const changes: Array<readonly [string, unknown]> = [];
        if (!row) {
          if (held && !isDeleted(rec)) changes.push([DELETED_FIELD, true]);
        } else {
          if (isDeleted(rec)) changes.push([DELETED_FIELD, false]);
          for (const [field, value] of fields(row, rec)) {
            // A field never written and still empty is not a write: a new person on one device must
            // not blank what another device typed for them.
            if (!(field in rec.f) && isEmptyValue(value)) continue;
            if (!sameValue(valueOf(rec, field), value)) changes.push([field, value]);
          }
        }
        if (changes.length === 0) return;
        // One local event per record: its fields share the stamp.
        const next = tick(clock, wallOf.get(id) ?? wallOf.get(ALL_ROWS) ?? now, device);
        clock = next.state;
        written.push(recordRow(id, writeFields(rec, changes, next.stamp, (field) => TYPED_FIELDS.has(field)), next.stamp));
      });
      if (written.length > 0) await db.syncRecords.bulkPut(written);
      changed += written.length;
    }
  }
  await db.syncChanges.clear();
  await setMeta(db, META.clock, clock);
  return changed;
}

function contactFromRecord(key: string, rec: SyncRecord, existing: Contact | undefined, now: number): Contact {
  const contact: Record<string, unknown> = { ...(existing ?? newContact(key, now)) };
  for (const field of CONTACT_SYNC_FIELDS) if (field in rec.f) contact[field] = valueOf(rec, field);
  // Rebuilt from the key, never taken as sent: "Open profile" opens LinkedIn and nothing else.
  contact.profileUrl = profileUrlFromKey(key);
  contact.updatedAt = now;
  return contact as unknown as Contact;
}

function interactionFromRecord(id: string, rec: SyncRecord, now: number): Interaction | null {
  const row: Record<string, unknown> = { id, updatedAt: now };
  for (const field of INTERACTION_SYNC_FIELDS) {
    const value = valueOf(rec, field);
    if (value !== undefined) row[field] = value;
  }
  if (typeof row.contactKey !== 'string' || typeof row.date !== 'string' || typeof row.kind !== 'string') return null;
  row.text ??= '';
  row.createdAt ??= now;
  return row as unknown as Interaction;
}

export interface ApplyResult {
  /** Records whose merged state differs from before. */
  changed: number;
  /** Records whose row would not pass a backup's schema: kept out of the database. */
  invalid: string[];
}

/**
 * What a backup import checks, checked of every row sync would write: a row another device (or
 * anyone with the passphrase) sent with a wrong type, an overlong text or a key that is no
 * profile's never reaches the database, and never stops the rest of the sync.
 */
const ROW_SCHEMAS: Record<SyncedTable, v.GenericSchema> = {
  contacts: contactSchema,
  interactions: interactionSchema,
  archiveEntries: archiveEntriesSchema,
};

/**
 * Merges remote records into this device's, then writes the winning values to people and timelines
 * (a tombstone deletes the row). Call after `foldLocalChanges` in the same transaction: the rows it
 * writes are not local changes, so the notes they leave are cleared.
 */
export async function applyRemote(db: RelationshipDb, incoming: SyncState, now: number): Promise<ApplyResult> {
  let clock = (await getMeta<ClockState>(db, META.clock)) ?? INITIAL_CLOCK;
  let changed = 0;
  const invalid: string[] = [];
  for (const table of SYNCED_TABLE_NAMES) {
    const prefix = SYNCED_TABLES[table];
    const ids = Object.keys(incoming).filter((id) => id.startsWith(prefix));
    for (const part of slices(ids, CHUNK)) {
      const records = await db.syncRecords.bulkGet(part);
      const keys = part.map((id) => id.slice(prefix.length));
      const rows = (await db.table(table).bulkGet(keys)) as Array<Row | undefined>;
      const recordRows: SyncRecordRow[] = [];
      const puts: unknown[] = [];
      const deletes: string[] = [];
      part.forEach((id, i) => {
        const held = records[i];
        const merged = mergeRecords(held?.rec ?? { f: {} }, incoming[id]!);
        const latest = latestStamp(merged);
        if (latest) clock = receive(clock, latest);
        if (held && JSON.stringify(held.rec) === JSON.stringify(merged)) return;
        changed++;
        recordRows.push(recordRow(id, merged, held?.out));
        const key = keys[i]!;
        const row = isDeleted(merged) ? null : SYNCED_ROWS[table].fromRecord(key, merged, rows[i], now);
        // The row as it was stays: an invalid one is not written over it, nor deleted for it.
        if (row && !v.safeParse(ROW_SCHEMAS[table], row).success) return void invalid.push(id);
        if (row) puts.push(row);
        // A tombstone deletes the row; so does an invalid entry, or a person's imported entries all gone.
        else if (rows[i] && (isDeleted(merged) || table === 'archiveEntries')) deletes.push(key);
      });
      if (recordRows.length > 0) await db.syncRecords.bulkPut(recordRows);
      if (puts.length > 0) await db.table(table).bulkPut(puts);
      if (deletes.length > 0) await db.table(table).bulkDelete(deletes);
    }
  }
  await db.syncChanges.clear();
  await setMeta(db, META.clock, clock);
  return { changed, invalid };
}

/** What this device has still to upload: records folded after the last upload's largest stamp. */
export async function outgoing(db: RelationshipDb): Promise<{ state: SyncState; latest: string }> {
  const through = (await getMeta<string>(db, META.sentThrough)) ?? '';
  const rows = await db.syncRecords.where('out').above(through).toArray();
  let latest = through;
  for (const row of rows) if (row.out! > latest) latest = row.out!;
  return { state: Object.fromEntries(rows.map((row) => [row.id, row.rec])), latest };
}

/** Every record this device knows, for a snapshot, with how many are new since the last upload. */
export async function wholeState(db: RelationshipDb): Promise<{ state: SyncState; latest: string; pending: number }> {
  const through = (await getMeta<string>(db, META.sentThrough)) ?? '';
  const state: SyncState = {};
  let latest = through;
  let pending = 0;
  await forEachPage<SyncRecordRow>(db.syncRecords, (row) => row.id, (rows) => {
    for (const row of rows) {
      state[row.id] = row.rec;
      if (row.out !== undefined && row.out > through) {
        pending++;
        if (row.out > latest) latest = row.out;
      }
    }
  });
  return { state, latest, pending };
}

/**
 * After an upload: everything folded up to `latest` is on the server. Folds stamp records with this
 * device's clock, which only moves forward, so one stamp marks them all (no write per record).
 */
export async function markSent(db: RelationshipDb, latest: string): Promise<void> {
  await db.transaction('rw', db.syncMeta, async () => {
    if (latest > ((await getMeta<string>(db, META.sentThrough)) ?? '')) await setMeta(db, META.sentThrough, latest);
  });
}
