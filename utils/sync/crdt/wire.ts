/**
 * The form synced records take inside a file: stamps and field names listed once and referred to
 * by index, versions as arrays. About half the JSON of the records as stored, so a first sync of a
 * whole network compresses and uploads in half the time. Decoding refuses anything malformed.
 */
import { deviceOfStamp, isStamp } from './clock';
import type { Cell, KeptText, SyncRecord, SyncState, Version } from './merge';
import { SYNCED_TABLES } from './merge';

const RECORD_PREFIXES: readonly string[] = Object.values(SYNCED_TABLES);
const isRecordId = (id: string) => RECORD_PREFIXES.some((prefix) => id.startsWith(prefix));

export const WIRE_VERSION = 1;

/** A version: [value, stamp index] or [value, stamp index, indexes of the stamps it has seen]. */
type WireVersion = [unknown, number] | [unknown, number, number[]];
/** A record: [id, [field index, ...versions][], kept texts by stamp index]. */
type WireRecord = [string, Array<[number, ...WireVersion[]]>] | [string, Array<[number, ...WireVersion[]]>, Array<[number, KeptText | null]>];

export interface WireState {
  w: typeof WIRE_VERSION;
  stamps: string[];
  fields: string[];
  records: WireRecord[];
}

export function encodeState(state: SyncState): WireState {
  const stamps: string[] = [];
  const stampIndex = new Map<string, number>();
  const fields: string[] = [];
  const fieldIndex = new Map<string, number>();
  const indexOf = (map: Map<string, number>, list: string[], value: string) => {
    let index = map.get(value);
    if (index === undefined) {
      index = list.length;
      list.push(value);
      map.set(value, index);
    }
    return index;
  };
  const records: WireRecord[] = [];
  for (const [id, record] of Object.entries(state)) {
    const cells: Array<[number, ...WireVersion[]]> = [];
    for (const [field, cell] of Object.entries(record.f)) {
      const versions = cell.map((version): WireVersion => {
        const at = indexOf(stampIndex, stamps, version.at);
        if (!version.s) return [version.v, at];
        return [version.v, at, Object.values(version.s).map((seen) => indexOf(stampIndex, stamps, seen))];
      });
      cells.push([indexOf(fieldIndex, fields, field), ...versions]);
    }
    const kept = record.kept && Object.entries(record.kept).map(([stamp, text]): [number, KeptText | null] => [indexOf(stampIndex, stamps, stamp), text]);
    records.push(kept ? [id, cells, kept] : [id, cells]);
  }
  return { w: WIRE_VERSION, stamps, fields, records };
}

class WireError extends Error {}

function check(condition: unknown): asserts condition {
  if (!condition) throw new WireError('Malformed sync file');
}

/**
 * The records of a decoded file, or null when the file is not a well-formed one. A malformed
 * record is left out and counted (`skipped`): one bad record from a peer holding the key does
 * not cost its other records.
 */
export function decodeRecords(value: unknown): { state: SyncState; skipped: number } | null {
  const wire = value as WireState;
  try {
    check(wire && typeof wire === 'object' && wire.w === WIRE_VERSION);
    check(Array.isArray(wire.stamps) && wire.stamps.every(isStamp));
    check(Array.isArray(wire.fields) && wire.fields.every((f) => typeof f === 'string'));
    check(Array.isArray(wire.records));
  } catch (error) {
    if (error instanceof WireError || error instanceof TypeError) return null;
    throw error;
  }
  const state: SyncState = {};
  let skipped = 0;
  for (const record of wire.records) {
    try {
      check(Array.isArray(record) && typeof record[0] === 'string' && isRecordId(record[0]) && Array.isArray(record[1]));
      check(!Object.hasOwn(state, record[0]));
      state[record[0]] = decodeRecord(wire, record);
    } catch (error) {
      if (!(error instanceof WireError || error instanceof TypeError)) throw error;
      skipped++;
    }
  }
  return { state, skipped };
}

export const decodeState = (value: unknown): SyncState | null => decodeRecords(value)?.state ?? null;

function decodeRecord(wire: WireState, record: WireRecord): SyncRecord {
  const stampAt = (index: unknown) => {
    check(typeof index === 'number' && index >= 0 && index < wire.stamps.length);
    return wire.stamps[index]!;
  };
  const f: Record<string, Cell> = {};
  for (const cell of record[1]) {
    check(Array.isArray(cell) && cell.length >= 2 && typeof cell[0] === 'number');
    const field = wire.fields[cell[0]];
    check(typeof field === 'string' && field !== '__proto__' && !Object.hasOwn(f, field));
    f[field] = (cell.slice(1) as unknown[]).map((raw): Version => {
      check(Array.isArray(raw) && (raw.length === 2 || raw.length === 3));
      const version: Version = { v: raw[0], at: stampAt(raw[1]) };
      if (raw.length === 3) {
        check(Array.isArray(raw[2]));
        version.s = Object.fromEntries(
          (raw[2] as unknown[]).map((index) => {
            const stamp = stampAt(index);
            return [deviceOfStamp(stamp), stamp];
          }),
        );
      }
      return version;
    });
    check(f[field]!.length > 0);
  }
  const out: SyncRecord = { f };
  if (record.length === 3) {
    check(Array.isArray(record[2]));
    out.kept = {};
    for (const entry of record[2]) {
      check(Array.isArray(entry) && entry.length === 2);
      const text = entry[1] as KeptText | null;
      check(text === null || (typeof text === 'object' && typeof text.field === 'string'));
      out.kept[stampAt(entry[0])] = text;
    }
  }
  return out;
}
