import { parseBackupText, type ParsedBackup } from './backup';
import { parseConnectionsCsv, type ParsedConnections } from '../archive/connections-csv';
import { ImportError, MAX_IMPORT_BYTES } from '../core/import-errors';
import type { ProgressListener } from '../core/pacing';

/** A file checked in full and ready to write: LinkedIn's Connections.csv or a JSON backup. */
export type ParsedImport = ParsedConnections | ParsedBackup;

const decoder = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The file's text, or a typed error for files too big, empty or not text at all. */
export async function readImportText(input: Blob | string): Promise<string> {
  if (typeof input === 'string') {
    if (input.length > MAX_IMPORT_BYTES) throw new ImportError('too-large');
    return input;
  }
  if (input.size > MAX_IMPORT_BYTES) throw new ImportError('too-large');
  if (input.size === 0) throw new ImportError('empty');
  const bytes = new Uint8Array(await input.arrayBuffer());
  try {
    return decoder().decode(bytes);
  } catch {
    throw new ImportError('binary');
  }
}

const BINARY_CHARS = /[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]/g;

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\0')) return true;
  const odd = sample.match(BINARY_CHARS)?.length ?? 0;
  return odd > Math.max(2, sample.length / 100);
}

/** Recognises the file by its content and checks all of it; nothing is written here. */
export async function parseImportText(raw: string, onProgress?: ProgressListener): Promise<ParsedImport> {
  const text = raw.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new ImportError('empty');
  if (looksBinary(text)) throw new ImportError('binary');
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return parseBackupText(text, onProgress);
  return parseConnectionsCsv(text, (done, total, count) => onProgress?.({ step: 'connections', done, total, count }));
}
