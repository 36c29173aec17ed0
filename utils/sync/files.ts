/**
 * A device's files on the server: their names, and what each says of itself inside its sealed body.
 *
 *   <device id>/s-<n>   a snapshot: every record the device knows
 *   <device id>/l-<n>   a log: the records it changed since its file `prev`
 *
 * The body is `{ f: 2, seq, chain, name, wants, state }`, gzipped JSON sealed with AES-GCM and the
 * path as authenticated data, so the server can neither forge, alter, rename nor move a file
 * between devices. `chain` lists the files this one builds on (the device's last snapshot and its
 * logs since, as written): a reader that lacks one of them knows exactly which, and waits for it
 * instead of skipping it. See docs/ARCHITECTURE.md, "Sync".
 */
import { openJson, sealJson, SyncCryptoError } from './crypto';
import type { SyncState } from './crdt/merge';
import { decodeRecords, encodeState } from './crdt/wire';
import type { WebdavEntry } from './webdav';

export type FileKind = 's' | 'l';

export interface SequencedFile {
  kind: FileKind;
  seq: number;
  name: string;
  size: number;
}

// Eight digits or more: a device past 99,999,999 files keeps counting, and its peers keep listing it.
const FILE_NAME = /^([sl])-(\d{8,})$/;
export const fileName = (kind: FileKind, seq: number) => `${kind}-${String(seq).padStart(8, '0')}`;

export function sequencedFiles(entries: WebdavEntry[]): SequencedFile[] {
  return entries
    .flatMap((entry) => {
      const match = !entry.isFolder && FILE_NAME.exec(entry.name);
      const seq = match ? Number(match[2]) : NaN;
      return match && Number.isSafeInteger(seq) ? [{ kind: match[1] as FileKind, seq, name: entry.name, size: entry.size }] : [];
    })
    .sort((a, b) => a.seq - b.seq);
}

/** What a file says of itself: who wrote it, what it builds on, and what its writer could not read. */
export interface FileHeader {
  seq: number;
  /** The files this one builds on, oldest first: the writer's last snapshot and its logs since. */
  chain: number[];
  /** The writing browser's name, as its user knows it. */
  name: string;
  /**
   * Other devices' files this writer could not use (damaged or missing), by device id: the highest
   * such sequence number. The device named writes a snapshot, which its readers can start from.
   */
  wants: Record<string, number>;
}

export const FILE_FORMAT = 2;
/** Bounds on a header, so that a file cannot make a reader hold or loop over much. */
export const HEADER_LIMITS = { chain: 64, name: 80, wants: 256 } as const;

const isSeq = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function parseHeader(value: Record<string, unknown>): FileHeader | null {
  const { seq, chain, name, wants } = value;
  if (!isSeq(seq) || !Array.isArray(chain) || chain.length > HEADER_LIMITS.chain || !chain.every(isSeq)) return null;
  if (chain.some((item, i) => item >= seq || (i > 0 && item <= chain[i - 1]!))) return null;
  if (typeof name !== 'string' || name.length > HEADER_LIMITS.name) return null;
  if (!wants || typeof wants !== 'object' || Array.isArray(wants)) return null;
  const entries = Object.entries(wants);
  if (entries.length > HEADER_LIMITS.wants || !entries.every(([, at]) => isSeq(at))) return null;
  return { seq, chain: chain as number[], name, wants: Object.fromEntries(entries) as Record<string, number> };
}

/** Where a file sits on the server: its path inside the sync folder, which its seal authenticates. */
export const filePath = (device: string, name: string) => `${device}/${name}`;

export async function sealFile(key: CryptoKey, device: string, kind: FileKind, header: FileHeader, state: SyncState): Promise<Uint8Array> {
  return sealJson(key, { f: FILE_FORMAT, ...header, state: encodeState(state) }, filePath(device, fileName(kind, header.seq)));
}

/** What a file holds: its header (null in a file from before headers), records, and records left out. */
export interface OpenedFile {
  header: FileHeader | null;
  state: SyncState;
  /** Malformed records, left out (`decodeRecords`). */
  skipped: number;
}

/** Opens a file; `SyncCryptoError('tampered')` for anything that does not open or is malformed. */
export async function openFile(key: CryptoKey, device: string, file: SequencedFile, sealed: Uint8Array): Promise<OpenedFile> {
  const body = (await openJson(key, sealed, filePath(device, file.name))) as Record<string, unknown> | null;
  const headed = !!body && typeof body === 'object' && body.f === FILE_FORMAT;
  const header = headed ? parseHeader(body) : null;
  const records = decodeRecords(headed ? body.state : body);
  // A header naming another number than the file's is a file moved, which its seal already refuses.
  if ((headed && (!header || header.seq !== file.seq)) || !records) throw new SyncCryptoError('tampered');
  return { header, ...records };
}
