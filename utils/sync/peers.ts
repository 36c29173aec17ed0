/**
 * Reading another device's files: a snapshot to start from when one is newer than what was read,
 * then its logs in order. A position advances only over files that open and whose chain this
 * device holds, so a gap, a damaged or planted file, a replay or a rollback on the server never
 * makes it skip a change: what follows waits until the files are whole again, or the device
 * writes a snapshot, which it does when asked (see `FileHeader.wants`).
 */
import { SyncCryptoError } from './crypto';
import { mergeStates, type SyncState } from './crdt/merge';
import { filePath, openFile, type FileHeader, type OpenedFile, type SequencedFile } from './files';
import type { WebdavClient } from './webdav';

/** What reading one device found, besides its records. */
export interface PeerReading {
  device: string;
  /** Its records from the files that could be used, merged. */
  state: SyncState;
  /** The largest sequence number used: where the next reading starts. */
  through: number;
  /** The header of the newest file used, if it had one. */
  header: FileHeader | null;
  /** Files past `through` that did not open (cut short, altered, planted): left alone. */
  damaged: number;
  /** Files its history needs that the server does not list, so what follows them waits. */
  missing: number;
  /** The server lists only files older than what this device already read of it. */
  behind: boolean;
  /** The highest of its files this device could not use, to ask it for a snapshot; null if none. */
  blockedAt: number | null;
  /** Malformed records left out of the files used. */
  skipped: number;
}

export async function readPeer(
  dav: WebdavClient,
  folder: string,
  key: CryptoKey,
  device: string,
  files: SequencedFile[],
  position: number,
): Promise<PeerReading> {
  const reading: PeerReading = { device, state: {}, through: position, header: null, damaged: 0, missing: 0, behind: false, blockedAt: null, skipped: 0 };
  const unreadable: number[] = [];
  const listed = new Set(files.map((file) => file.seq));
  const block = (seq: number) => (reading.blockedAt = Math.max(reading.blockedAt ?? 0, seq));

  /** The file opened, 'gone' if it went since the listing (its device compacted), or 'damaged'. */
  const read = async (file: SequencedFile): Promise<OpenedFile | 'gone' | 'damaged'> => {
    const sealed = await dav.get(`${folder}/${filePath(device, file.name)}`);
    if (!sealed) return 'gone';
    try {
      return await openFile(key, device, file, sealed);
    } catch (error) {
      if (!(error instanceof SyncCryptoError)) throw error;
      unreadable.push(file.seq);
      return 'damaged';
    }
  };
  const take = (file: SequencedFile, opened: OpenedFile) => {
    reading.state = mergeStates(reading.state, opened.state);
    reading.through = file.seq;
    reading.skipped += opened.skipped;
    if (opened.header) reading.header = opened.header;
  };

  // The newest snapshot that opens, if newer than what was read: every record up to it.
  const snapshots = files.filter((file) => file.kind === 's' && file.seq > position).reverse();
  for (const snapshot of snapshots) {
    const opened = await read(snapshot);
    if (opened === 'gone' || opened === 'damaged') continue;
    take(snapshot, opened);
    break;
  }

  reading: for (const log of files.filter((file) => file.kind === 'l' && file.seq > reading.through)) {
    const opened = await read(log);
    if (opened === 'gone') break;
    if (opened === 'damaged') continue;
    // What this log builds on and this device lacks: a file it needs that did not open or is gone.
    const needed = opened.header?.chain.filter((seq) => seq > reading.through) ?? [];
    if (needed.length > 0) {
      reading.missing = needed.filter((seq) => !listed.has(seq)).length;
      block(Math.max(...needed));
      break reading;
    }
    take(log, opened);
  }

  // A damaged file passed over by a later one was never part of the history (an upload cut short).
  const holding = unreadable.filter((seq) => seq > reading.through);
  reading.damaged = holding.length;
  if (holding.length > 0) block(Math.max(...holding));
  reading.behind = files.length > 0 && files.at(-1)!.seq < position;
  return reading;
}

/** Whether a peer's request asks this device for a snapshot: a file it wrote, since its last snapshot. */
export function snapshotAsked(readings: PeerReading[], self: string, lastSnapshot: number, sequence: number): boolean {
  return readings.some((reading) => {
    const wanted = reading.header?.wants[self];
    // A number this device never wrote is a file planted in its folder: no snapshot answers it.
    return wanted !== undefined && wanted >= lastSnapshot && wanted <= sequence;
  });
}
