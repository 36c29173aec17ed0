/**
 * Reading many rows of a table: in pages of whole key ranges, one request each, instead of one
 * request per row (a cursor, or a `bulkGet`), which at 180,000 rows cost seconds of round trips.
 */

/** Rows read per request: each page is one short task, not one long one. */
export const READ_PAGE = 2_000;

export interface PagedTable<T> {
  orderBy(index: ':id'): { limit(count: number): { toArray(): Promise<T[]> } };
  where(index: ':id'): {
    above(key: string): { limit(count: number): { toArray(): Promise<T[]> } };
    between(lower: string, upper: string, includeLower: boolean, includeUpper: boolean): { toArray(): Promise<T[]> };
  };
}

/** Every row of a table in key order, a page at a time. */
export async function forEachPage<T>(table: PagedTable<T>, keyOf: (row: T) => string, onPage: (rows: T[]) => void): Promise<void> {
  let page = await table.orderBy(':id').limit(READ_PAGE).toArray();
  while (page.length > 0) {
    onPage(page);
    if (page.length < READ_PAGE) return;
    page = await table.where(':id').above(keyOf(page[page.length - 1]!)).limit(READ_PAGE).toArray();
  }
}

/** The rows whose keys run from `first` to `last`, both included, in one request. */
export function rowsBetween<T>(table: PagedTable<T>, first: string, last: string): Promise<T[]> {
  return table.where(':id').between(first, last, true, true).toArray();
}
