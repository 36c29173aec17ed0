/**
 * Writing and reading many rows of a table at once: in batches (each a short task), by key ranges
 * where there are many, and with a lookup only of the keys that exist.
 */
import { slices } from '../core/slices';
import { forEachPage, type PagedTable } from './paging';

/** Rows per bulk write. */
const WRITE_BATCH = 500;

/** Writes rows in batches of `WRITE_BATCH`; `onBatch` hears how many are written so far. */
export async function inBatches<T>(
  write: (rows: T[]) => Promise<unknown>,
  rows: T[],
  onBatch?: (written: number) => void,
): Promise<void> {
  let written = 0;
  for (const batch of slices(rows, WRITE_BATCH)) {
    await write(batch);
    written += batch.length;
    onBatch?.(written);
  }
}

/** Beyond this many rows one read of the whole table beats a lookup per row. */
const LOOKUP_LIMIT = 500;

export type KeyedTable<T> = PagedTable<T> & {
  toCollection(): { primaryKeys(): Promise<unknown[]> };
  bulkGet(keys: string[]): Promise<Array<T | undefined>>;
};

/**
 * The stored rows among `keys`. One request lists every stored key; only the rows that exist are
 * then read, so 30,000 new people cost no lookups at all. Many are read page by page in key order.
 */
export async function storedRows<T>(table: KeyedTable<T>, keys: string[], keyOf: (row: T) => string): Promise<Map<string, T>> {
  if (keys.length === 0) return new Map();
  const present = new Set(await table.toCollection().primaryKeys());
  const wanted = new Set(keys.filter((key) => present.has(key)));
  const found = new Map<string, T>();
  if (wanted.size === 0) return found;
  if (wanted.size <= LOOKUP_LIMIT) {
    for (const row of await table.bulkGet([...wanted])) if (row) found.set(keyOf(row), row);
    return found;
  }
  await forEachPage(table, keyOf, (page) => {
    for (const row of page) if (wanted.has(keyOf(row))) found.set(keyOf(row), row);
  });
  return found;
}

/**
 * Deletes rows by key. Many keys are deleted as runs of neighbouring keys, one range request per
 * run: undoing a large import into an empty table is then a single request.
 */
export async function deleteRows(
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

/** New rows are added (no lookup of what was there), changed rows are put; `onWritten` hears each batch's size. */
export async function writeRows<T>(
  table: { bulkAdd(rows: T[]): Promise<unknown>; bulkPut(rows: T[]): Promise<unknown> },
  added: T[],
  changed: T[],
  onWritten: (rows: number) => void = () => {},
): Promise<void> {
  await inBatches((rows) => table.bulkAdd(rows).then(() => onWritten(rows.length)), added);
  await inBatches((rows) => table.bulkPut(rows).then(() => onWritten(rows.length)), changed);
}
