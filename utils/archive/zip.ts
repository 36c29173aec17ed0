import { Unzip, UnzipInflate } from 'fflate';
import { ImportError } from '../core/import-errors';

/** The files of LinkedIn's archive that are read, by lower-case file name, at the top or in one folder (`chosenEntries`). */
export const ARCHIVE_FILES = ['messages.csv', 'invitations.csv', 'connections.csv', 'profile.csv'] as const;
export type ArchiveFileName = (typeof ARCHIVE_FILES)[number];

/** The files unpacked from the archive may hold at most this many bytes together (a ZIP bomb stops here). */
export const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

const baseName = (path: string) => (path.split('/').pop() ?? path).toLowerCase();

/**
 * The entries' names and whether any is encrypted (general-purpose flag bit 0), from the central
 * directory; fflate cannot open encrypted entries and would report them as damaged. Null when
 * there is no readable central directory (a cut-off or damaged file).
 */
export function centralDirectory(bytes: Uint8Array): { names: string[]; encrypted: boolean } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    let entry = view.getUint32(at + 16, true);
    const names: string[] = [];
    let encrypted = false;
    for (let i = 0; i < entries; i++) {
      if (entry + 46 > bytes.length || view.getUint32(entry, true) !== 0x02014b50) return null;
      if (view.getUint16(entry + 8, true) & 1) encrypted = true;
      const nameLength = view.getUint16(entry + 28, true);
      names.push(decoder.decode(bytes.subarray(entry + 46, entry + 46 + nameLength)));
      entry += 46 + nameLength + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
    }
    return { names, encrypted };
  }
  return null;
}

const isWanted = (path: string) => (ARCHIVE_FILES as readonly string[]).includes(baseName(path));

/**
 * Of each file this import reads, the one entry unpacked: at the top level or in one folder (as
 * LinkedIn packs it, or a ZIP made again from its folder), the shortest path when there are more.
 * Copies elsewhere are not unpacked at all, so a small ZIP of many copies cannot unpack gigabytes.
 */
export function chosenEntries(names: readonly string[]): Set<string> {
  const chosen = new Map<string, string>();
  for (const path of names) {
    if (!isWanted(path) || path.split('/').length > 2) continue;
    const current = chosen.get(baseName(path));
    if (current === undefined || path.length < current.length) chosen.set(baseName(path), path);
  }
  return new Set(chosen.values());
}

/** Compressed bytes unpacked between two pauses (some 3 MB of text): the page shows progress and answers. */
const SLICE_BYTES = 256 * 1024;
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The archive's files this import reads, as text; nothing else is unpacked. Unpacked as a stream,
 * in slices with a pause after each, reporting the compressed bytes read.
 */
export async function readArchiveZip(
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void,
): Promise<Partial<Record<ArchiveFileName, string>>> {
  const directory = centralDirectory(bytes);
  if (!directory) throw new ImportError('archive-broken');
  if (directory.encrypted) throw new ImportError('archive-encrypted');
  const chosen = chosenEntries(directory.names);
  const listed = [...chosen];
  if (listed.length === 0 || listed.every((path) => baseName(path) === 'profile.csv')) throw new ImportError('archive-no-files');
  const found = new Map<string, { parts: string[]; decoder: TextDecoder; done: boolean }>();
  let problem: ImportError | null = null;
  // Every file's bytes together: one cap for the whole archive, not one per file.
  let total = 0;
  const unzip = new Unzip((file) => {
    if (!chosen.has(file.name) || found.has(file.name)) return;
    const text = { parts: [] as string[], decoder: new TextDecoder('utf-8'), done: false };
    found.set(file.name, text);
    file.ondata = (error, data, final) => {
      if (error) {
        problem ??= new ImportError('archive-broken');
        return;
      }
      total += data.length;
      if (total > MAX_UNPACKED_BYTES) {
        problem ??= new ImportError('archive-too-large');
        file.terminate();
        return;
      }
      text.parts.push(text.decoder.decode(data, { stream: !final }));
      if (final) text.done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    const end = Math.min(bytes.length, at + SLICE_BYTES);
    try {
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    } catch {
      problem ??= new ImportError('archive-broken');
    }
    if (problem) throw problem;
    onProgress?.(end, bytes.length);
    await pause();
  }
  // A file the directory lists but the stream never finished (or never found) is damaged.
  if (listed.some((path) => !found.get(path)?.done)) throw new ImportError('archive-broken');
  const texts: Partial<Record<ArchiveFileName, string>> = {};
  for (const [path, text] of found) texts[baseName(path) as ArchiveFileName] = text.parts.join('');
  return texts;
}
