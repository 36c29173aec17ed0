/**
 * The merge of synced records: a state-based CRDT, so devices may merge each other's files in any
 * order, any number of times, and agree.
 *
 * A record (one person, one timeline entry) maps field names to cells. A cell is the set of versions
 * of that field no writer has yet seen: usually one, more when devices wrote it concurrently. The
 * version with the largest clock stamp is the value (last writer wins); the others are the texts
 * that lost. A write supersedes every version its device held, recorded as `seen`: for each device,
 * the largest stamp of that device's versions the writer had merged. A version is dropped once
 * another version has seen it. Before a write drops a concurrent loser, the loser's text moves to
 * the record's `kept` map, so no typed words vanish: the sidebar offers them until the person
 * dismisses them (a `null` entry, which wins over the text).
 *
 * Deletes are the field `deleted` set to true, a tombstone that merges like any other field.
 */
import { deviceOfStamp } from './clock';

export interface Version {
  /** The value, as JSON. */
  v: unknown;
  /** The hybrid logical clock stamp of the write. */
  at: string;
  /** Per device, the largest stamp of that device's versions this write superseded. */
  s?: Record<string, string>;
}


/** Tables whose rows sync, with the prefix of their record ids. */
export const SYNCED_TABLES = { contacts: 'c:', interactions: 'i:', archiveEntries: 'a:' } as const;
export type SyncedTable = keyof typeof SYNCED_TABLES;

/** Versions no writer has seen yet, newest stamp first. */
export type Cell = Version[];

export interface KeptText {
  field: string;
  v: unknown;
}

export interface SyncRecord {
  f: Record<string, Cell>;
  /** Losing texts by the stamp of the version that lost; `null` once dismissed. */
  kept?: Record<string, KeptText | null>;
}

/**
 * Every synced record by id: `c:<profile key>` for a person, `i:<id>` for a timeline entry,
 * `a:<profile key>` for a person's entries imported from LinkedIn's archive (a field per entry).
 */
export type SyncState = Record<string, SyncRecord>;

export const DELETED_FIELD = 'deleted';

function hasSeen(later: Version, earlier: Version): boolean {
  const seen = later.s?.[deviceOfStamp(earlier.at)];
  return seen !== undefined && seen >= earlier.at;
}

const byStampDescending = (a: Version, b: Version) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0);

/** The normal form of a set of versions: one per stamp, none that another has seen, newest first. */
export function normalizeCell(versions: readonly Version[]): Cell {
  const byStamp = new Map<string, Version>();
  for (const version of versions) {
    const held = byStamp.get(version.at);
    // A stamp names one write, so copies are equal; the JSON order is only a safeguard.
    if (!held || JSON.stringify(version) > JSON.stringify(held)) byStamp.set(version.at, version);
  }
  const unique = [...byStamp.values()];
  return unique.filter((version) => !unique.some((other) => other !== version && hasSeen(other, version))).sort(byStampDescending);
}

export function mergeCells(a: Cell, b: Cell): Cell {
  return normalizeCell([...a, ...b]);
}

function mergeKept(
  a: SyncRecord['kept'],
  b: SyncRecord['kept'],
): SyncRecord['kept'] | undefined {
  if (!a) return b;
  if (!b) return a;
  const merged: Record<string, KeptText | null> = { ...a };
  for (const [stamp, text] of Object.entries(b)) {
    merged[stamp] = stamp in merged && (merged[stamp] === null || text === null) ? null : (text ?? merged[stamp] ?? null);
  }
  return merged;
}

export function mergeRecords(a: SyncRecord, b: SyncRecord): SyncRecord {
  const f: Record<string, Cell> = { ...a.f };
  for (const [field, cell] of Object.entries(b.f)) f[field] = field in f ? mergeCells(f[field]!, cell) : normalizeCell(cell);
  const kept = mergeKept(a.kept, b.kept);
  return kept ? { f, kept } : { f };
}

export function mergeStates(a: SyncState, b: SyncState): SyncState {
  const merged: SyncState = { ...a };
  for (const [id, record] of Object.entries(b)) merged[id] = id in merged ? mergeRecords(merged[id]!, record) : record;
  return merged;
}

/** The value a field holds: the newest version's. */
export function valueOf(record: SyncRecord | undefined, field: string): unknown {
  return record?.f[field]?.[0]?.v;
}

export function isDeleted(record: SyncRecord | undefined): boolean {
  return valueOf(record, DELETED_FIELD) === true;
}

const isWorthKeeping = (value: unknown) =>
  (typeof value === 'string' && value.trim() !== '') || (Array.isArray(value) && value.length > 0);

/**
 * A local write of one field. It supersedes every version the device holds; concurrent losers whose
 * text differs from the winner's move to `kept` first when `keepLosers` is set (fields a person types).
 */
export function writeField(
  record: SyncRecord,
  field: string,
  value: unknown,
  stamp: string,
  keepLosers: boolean,
): SyncRecord {
  const cell = record.f[field] ?? [];
  const seen: Record<string, string> = {};
  for (const version of cell) {
    for (const [device, at] of Object.entries(version.s ?? {})) if (!(seen[device]! >= at)) seen[device] = at;
    const device = deviceOfStamp(version.at);
    if (!(seen[device]! >= version.at)) seen[device] = version.at;
  }
  let kept = record.kept;
  if (keepLosers) {
    const winner = cell[0];
    for (const loser of cell.slice(1)) {
      if (!isWorthKeeping(loser.v) || JSON.stringify(loser.v) === JSON.stringify(winner?.v)) continue;
      if (kept?.[loser.at] !== undefined) continue;
      kept = { ...kept, [loser.at]: { field, v: loser.v } };
    }
  }
  const written: Version = Object.keys(seen).length > 0 ? { v: value, at: stamp, s: seen } : { v: value, at: stamp };
  const f = { ...record.f, [field]: normalizeCell([...cell, written]) };
  return kept ? { f, kept } : { f };
}

/**
 * Several fields written by one local event, under one stamp (a stamp names a write of one field of
 * one record, so fields may share it). A field never written before takes the short path.
 */
export function writeFields(
  record: SyncRecord,
  values: ReadonlyArray<readonly [string, unknown]>,
  stamp: string,
  keepLosers: (field: string) => boolean,
): SyncRecord {
  let next: SyncRecord = { ...record, f: { ...record.f } };
  for (const [field, value] of values) {
    const cell = next.f[field];
    if (!cell || cell.length === 0) next.f[field] = [{ v: value, at: stamp }];
    else next = writeField(next, field, value, stamp, keepLosers(field));
  }
  return next;
}

/** Marks offered texts as answered, on every device once synced. */
export function dismissKept(record: SyncRecord, stamps: readonly string[]): SyncRecord {
  const kept: Record<string, KeptText | null> = { ...record.kept };
  for (const stamp of stamps) kept[stamp] = null;
  return { ...record, kept };
}

export interface OfferedText {
  /** Names the offer, for dismissing it. */
  stamp: string;
  field: string;
  value: unknown;
}

/** Texts that lost a concurrent write and are not dismissed: live losers and kept ones. */
export function offeredTexts(record: SyncRecord | undefined, textFields: ReadonlySet<string>): OfferedText[] {
  if (!record) return [];
  const offers: OfferedText[] = [];
  for (const [field, cell] of Object.entries(record.f)) {
    if (!textFields.has(field)) continue;
    for (const loser of cell.slice(1)) {
      if (record.kept?.[loser.at] === null) continue;
      if (isWorthKeeping(loser.v) && JSON.stringify(loser.v) !== JSON.stringify(cell[0]!.v)) {
        offers.push({ stamp: loser.at, field, value: loser.v });
      }
    }
  }
  for (const [stamp, text] of Object.entries(record.kept ?? {})) {
    if (text && textFields.has(text.field) && !offers.some((offer) => offer.stamp === stamp)) {
      offers.push({ stamp, field: text.field, value: text.v });
    }
  }
  return offers.sort((a, b) => (a.stamp < b.stamp ? 1 : -1));
}

/** The largest stamp in a record, so a clock can move past everything it merged. */
export function latestStamp(record: SyncRecord): string {
  let latest = '';
  for (const cell of Object.values(record.f)) if (cell[0] && cell[0].at > latest) latest = cell[0].at;
  return latest;
}
