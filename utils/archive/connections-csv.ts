import { cell, readCsvTable, type ColumnSpec } from './csv';
import { parseDayMonthYear } from './dates';
import { profileKeyFromUrl } from '../core/profile-key';
import type { LocalDate } from '../core/dates';
import { ImportError } from '../core/import-errors';

/** One person read from LinkedIn's Connections.csv. */
export interface ConnectionRow {
  key: string;
  name: string;
  headline: string;
  email: string;
  connectedOn: LocalDate | null;
}

/** Connections.csv's columns by their (lower-case) header names; a file without the names is not one. */
export const CONNECTION_COLUMNS = {
  firstName: { header: 'first name', required: true },
  lastName: { header: 'last name', required: true },
  url: { header: 'url', required: false },
  email: { header: 'email address', required: false },
  company: { header: 'company', required: false },
  position: { header: 'position', required: false },
  connectedOn: { header: 'connected on', required: false },
} as const satisfies ColumnSpec<string>;

/** Where each of Connections.csv's columns is in a row; -1 when missing. */
export type ConnectionColumnIndex = Record<keyof typeof CONNECTION_COLUMNS, number>;

export function headlineFrom(position: string, company: string): string {
  if (position && company) return `${position} at ${company}`;
  return position || company;
}

/** The person of one Connections.csv row, or null when it names no profile URL. */
export function connectionFromRow(row: string[], at: ConnectionColumnIndex): ConnectionRow | null {
  const key = profileKeyFromUrl(cell(row, at.url, 2000));
  if (!key) return null;
  return {
    key,
    name: `${cell(row, at.firstName, 150)} ${cell(row, at.lastName, 150)}`.trim(),
    headline: headlineFrom(cell(row, at.position, 500), cell(row, at.company, 490)),
    email: cell(row, at.email, 300),
    connectedOn: parseDayMonthYear(cell(row, at.connectedOn, 40)),
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

export interface ParsedConnections {
  kind: 'connections';
  people: ConnectionRow[];
  skippedNoUrl: number;
}

/** Every person of a Connections.csv, each once; read in slices so a large file never freezes the page. */
export async function parseConnectionsCsv(
  text: string,
  onProgress?: (doneChars: number, totalChars: number, rows: number) => void,
): Promise<ParsedConnections> {
  const people = new Map<string, ConnectionRow>();
  let skippedNoUrl = 0;
  try {
    await readCsvTable(
      text,
      CONNECTION_COLUMNS,
      'Connections.csv',
      (row, at) => {
        if (row.every((value) => value.trim() === '')) return;
        const person = connectionFromRow(row, at);
        if (!person) {
          skippedNoUrl++;
          return;
        }
        const seen = people.get(person.key);
        people.set(person.key, seen ? fillEmpty(seen, person) : person);
      },
      onProgress,
    );
  } catch (error) {
    if (!(error instanceof ImportError) || error.code !== 'missing-columns') throw error;
    // A table without the names is someone else's CSV; anything else is not a file we know.
    const tabular = text.split('\n', 30).some((line) => line.includes(','));
    throw new ImportError(tabular ? 'no-header' : 'unrecognised');
  }
  return { kind: 'connections', people: [...people.values()], skippedNoUrl };
}
