import { cell, locateColumns, type ColumnSpec } from './csv';

/** Profile.csv: the archive owner's own name (`First Name,Last Name,Maiden Name,…,Headline,…`). */
export const PROFILE_COLUMNS = {
  firstName: { header: 'first name', required: true },
  lastName: { header: 'last name', required: true },
} as const satisfies ColumnSpec<string>;

export function ownerNameFromProfile(rows: string[][]): string {
  const { rows: body, at } = locateColumns(rows, PROFILE_COLUMNS, 'Profile.csv');
  const first = body[0];
  return first ? `${cell(first, at.firstName, 150)} ${cell(first, at.lastName, 150)}`.trim() : '';
}
