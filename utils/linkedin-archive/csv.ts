import Papa from 'papaparse';
import { ImportError } from '../import/errors';

/** LinkedIn's files put a few note lines before the header; it is looked for in the first rows. */
const HEADER_SEARCH_ROWS = 30;
/** Text parsed between two pauses that let the page draw and answer. */
const CHUNK_CHARS = 512 * 1024;

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
 * Every row of a CSV text, parsed in slices with a pause after each so a 50 MB file never freezes
 * the page. CRLF, a BOM and quoted fields spanning lines are handled; an unclosed quote is an error.
 */
export function parseCsvRows(text: string, onProgress?: (doneChars: number, totalChars: number, rows: number) => void): Promise<string[][]> {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rows: string[][] = [];
  return new Promise((resolve, reject) => {
    let failed = false;
    Papa.parse<string[]>(body, {
      delimiter: ',',
      newline: '\n',
      skipEmptyLines: true,
      chunkSize: CHUNK_CHARS,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        const quoteError = results.errors.find((error: Papa.ParseError) => error.type === 'Quotes');
        if (quoteError) {
          failed = true;
          parser.abort();
          reject(new ImportError('bad-csv', { line: rows.length + (quoteError.row ?? 0) + 1 }));
          return;
        }
        for (const row of results.data) rows.push(row);
        onProgress?.(results.meta.cursor, body.length, rows.length);
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete() {
        if (!failed) resolve(rows);
      },
    });
  });
}

/**
 * Reads a CSV file row by row as it is parsed, in slices with a pause after each: the header is
 * found first (see `locateColumns`), then `onRow` gets every data row with the columns' places.
 * Nothing is kept but what `onRow` keeps, so a 40 MB messages.csv is never held twice.
 */
export function readCsvTable<F extends string>(
  text: string,
  spec: ColumnSpec<F>,
  fileName: string,
  onRow: (row: string[], at: Record<F, number>) => void,
  onProgress?: (doneChars: number, totalChars: number, rows: number) => void,
): Promise<void> {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
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
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown, parser?: Papa.Parser) => {
      failed = true;
      parser?.abort();
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
        if (quoteError) return fail(new ImportError('bad-csv', { line: count + pending.length + (quoteError.row ?? 0) + 1 }), parser);
        try {
          for (const row of results.data) {
            if (at) {
              onRow(row, at);
              count++;
            } else {
              pending.push(row);
              if (pending.length >= HEADER_SEARCH_ROWS) flush();
            }
          }
        } catch (error) {
          return fail(error, parser);
        }
        onProgress?.(results.meta.cursor, body.length, count);
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete() {
        if (failed) return;
        try {
          if (!at) flush();
          resolve();
        } catch (error) {
          reject(error);
        }
      },
    });
  });
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
