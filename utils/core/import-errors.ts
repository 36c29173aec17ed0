/** The largest file an import reads: a backup of 30,000 people and 150,000 entries fits. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Every way an import can fail, each with its own plain-words message on the options page. */
export const IMPORT_ERROR_CODES = [
  'too-large',
  'empty',
  'binary',
  'unrecognised',
  'truncated-json',
  'bad-json',
  'not-backup',
  'newer-version',
  'invalid-backup',
  'no-header',
  'bad-csv',
  'storage-full',
  'write-failed',
  'missing-columns',
  'archive-too-large',
  'archive-broken',
  'archive-encrypted',
  'archive-no-files',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** Everything that can go wrong with an imported file, in a form the page can explain. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  /** 1-based line of the file where the problem is, when that helps. */
  readonly line?: number;
  /** Where in a backup a value is wrong, e.g. `contacts.3.notes`. */
  readonly where?: string;

  constructor(code: ImportErrorCode, details: { line?: number; where?: string } = {}) {
    super(`Import failed: ${code}${details.line ? ` (line ${details.line})` : ''}${details.where ? ` at ${details.where}` : ''}`);
    this.name = 'ImportError';
    this.code = code;
    this.line = details.line;
    this.where = details.where;
  }
}

/** The 1-based line of a character of a text. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}
