import { unzipSync } from 'fflate';
import { ImportError } from '../import-file';

/** The files of LinkedIn's archive that are read, by lower-case file name, wherever they sit in the ZIP. */
export const ARCHIVE_FILES = ['messages.csv', 'invitations.csv', 'connections.csv', 'profile.csv'] as const;
export type ArchiveFileName = (typeof ARCHIVE_FILES)[number];

/** A file unpacked from the archive may be at most this big (a ZIP bomb stops here). */
export const MAX_UNPACKED_FILE_BYTES = 400 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

const baseName = (path: string) => (path.split('/').pop() ?? path).toLowerCase();

/**
 * Whether any entry of the ZIP is encrypted (general-purpose flag bit 0 in the central
 * directory): fflate cannot open those, and would report them as damaged. Null when there is
 * no readable central directory.
 */
export function hasEncryptedEntries(bytes: Uint8Array): boolean | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    let entry = view.getUint32(at + 16, true);
    for (let i = 0; i < entries; i++) {
      if (entry + 46 > bytes.length || view.getUint32(entry, true) !== 0x02014b50) return null;
      if (view.getUint16(entry + 8, true) & 1) return true;
      entry += 46 + view.getUint16(entry + 28, true) + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
    }
    return false;
  }
  return null;
}

/** The archive's files this import reads, as text; nothing else is unpacked. */
export function readArchiveZip(bytes: Uint8Array): Partial<Record<ArchiveFileName, string>> {
  const encrypted = hasEncryptedEntries(bytes);
  if (encrypted) throw new ImportError('archive-encrypted');
  if (encrypted === null) throw new ImportError('archive-broken');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!(ARCHIVE_FILES as readonly string[]).includes(baseName(file.name))) return false;
        if (file.originalSize > MAX_UNPACKED_FILE_BYTES) throw new ImportError('archive-too-large');
        return true;
      },
    });
  } catch (error) {
    throw error instanceof ImportError ? error : new ImportError('archive-broken');
  }
  const decoder = new TextDecoder('utf-8');
  const texts: Partial<Record<ArchiveFileName, string>> = {};
  // The shortest path wins when a name appears twice (the top-level file, not a copy in a folder).
  for (const path of Object.keys(files).sort((a, b) => a.length - b.length)) {
    const name = baseName(path) as ArchiveFileName;
    texts[name] ??= decoder.decode(files[path]);
  }
  if (Object.keys(texts).length === 0 || (Object.keys(texts).length === 1 && texts['profile.csv'] !== undefined)) {
    throw new ImportError('archive-no-files');
  }
  return texts;
}
