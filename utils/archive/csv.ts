import Papa from 'papaparse';
import { ImportError } from '../core/import-errors';

/** LinkedIn's files put a few note lines before the header; it is looked for in the first rows. */
const HEADER_SEARCH_ROWS = 30;
/** Text parsed between two pauses that let the page draw and answer. */
const CHUNK_CHARS = 128 * 1024;

const normaliseHeader = (cell: string) => cell.replace(/^\uFEFF/, '').trim().toLowerCase();

/** A file's columns by field: its header name (lower case), and whether the file is useless without it. */
export type ColumnSpec<F extends string> = Record<F, { header: string; required: boolean }>;

export interface CsvTable<F extends string> {
  rows: string[][];
  /** Where each field is in a row; -1 when the file has no such column. */
  at: Record<F, number>;
  /** 1-based line of the first data row, for messages about a row. */
  firstRow: number;
}

/**
 * Parses a CSV text in slices with a pause after each, so a 50 MB file never freezes the page,
 * handing each slice's rows to `onRows` (which may throw to stop). CRLF, a BOM and quoted fields
 * spanning lines are handled; an unclosed quote is an error naming its line.
 */
function parseInSlices(
  text: string,
  onRows: (rows: string[][]) => void,
  onProgress: (doneChars: number, totalChars: number) => void,
): Promise<void> {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let line = 1;
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown, parser: Papa.Parser) => {
      failed = true;
      parser.abort();
      reject(error);
    };
    Papa.parse<string[]>(body, {
      delimiter: ',',
      newline: '\n',
      skipEmptyLines: true,
      chunkSize: CHUNK_CHARS,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        if (failed) return;
        const quoteError = results.errors.find((error: Papa.ParseError) => error.type === 'Quotes');
        if (quoteError) return fail(new ImportError('bad-csv', { line: line + (quoteError.row ?? 0) }), parser);
        try {
          onRows(results.data);
        } catch (error) {
          return fail(error, parser);
        }
        line += results.data.length;
        onProgress(results.meta.cursor, body.length);
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete() {
        if (!failed) resolve();
      },
    });
  });
}

/** Every row of a CSV text, parsed in slices (see `parseInSlices`). */
export async function parseCsvRows(text: string, onProgress?: (doneChars: number, totalChars: number, rows: number) => void): Promise<string[][]> {
  const rows: string[][] = [];
  await parseInSlices(
    text,
    (slice) => {
      for (const row of slice) rows.push(row);
    },
    (done, total) => onProgress?.(done, total, rows.length),
  );
  return rows;
}

/**
 * Reads a CSV file row by row as it is parsed, in slices with a pause after each: the header is
 * found first (see `locateColumns`), then `onRow` gets every data row with the columns' places.
 * Nothing is kept but what `onRow` keeps, so a 40 MB messages.csv is never held twice.
 */
export async function readCsvTable<F extends string>(
  text: string,
  spec: ColumnSpec<F>,
  fileName: string,
  onRow: (row: string[], at: Record<F, number>) => void,
  onProgress?: (doneChars: number, totalChars: number, rows: number) => void,
): Promise<void> {
  let at: Record<F, number> | null = null;
  const pending: string[][] = [];
  let count = 0;
  const flush = () => {
    const table = locateColumns(pending, spec, fileName);
    at = table.at;
    for (const row of table.rows) onRow(row, at);
    count += table.rows.length;
    pending.length = 0;
  };
  await parseInSlices(
    text,
    (slice) => {
      for (const row of slice) {
        if (at) {
          onRow(row, at);
          count++;
        } else {
          pending.push(row);
          if (pending.length >= HEADER_SEARCH_ROWS) flush();
        }
      }
    },
    (done, total) => onProgress?.(done, total, count),
  );
  if (!at) flush();
}

/**
 * Finds the header row and each column by name, whatever the order, case or quoting; extra
 * columns are ignored. A file without a required column fails with the columns it lacks.
 */
export function locateColumns<F extends string>(rows: string[][], spec: ColumnSpec<F>, fileName: string): CsvTable<F> {
  const fields = Object.keys(spec) as F[];
  const required = fields.filter((field) => spec[field].required);
  let best = { index: -1, found: 0 };
  for (const [index, row] of rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const cells = new Set(row.map(normaliseHeader));
    const found = required.filter((field) => cells.has(spec[field].header)).length;
    if (found > best.found) best = { index, found };
    if (found === required.length) break;
  }
  const header = best.index === -1 ? [] : rows[best.index]!.map(normaliseHeader);
  const missing = required.filter((field) => !header.includes(spec[field].header));
  if (missing.length > 0) {
    throw new ImportError('missing-columns', { where: `${fileName}: ${missing.map((field) => spec[field].header.toUpperCase()).join(', ')}` });
  }
  const at = Object.fromEntries(fields.map((field) => [field, header.indexOf(spec[field].header)])) as Record<F, number>;
  return { rows: rows.slice(best.index + 1), at, firstRow: best.index + 2 };
}

/** A cell, trimmed and cut to `max` characters; empty for a column the file lacks. */
export function cell(row: readonly string[], index: number, max = 2000): string {
  return index < 0 ? '' : (row[index] ?? '').trim().slice(0, max);
}
