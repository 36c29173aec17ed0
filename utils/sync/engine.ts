/**
 * One sync: read what other devices wrote since last time, merge it with this device's changes in
 * one transaction, then write this device's own new file. Every device writes only files in its own
 * folder, so no locking is needed and servers that ignore `If-Match` are fine.
 *
 * On the server, under the folder the user chose:
 *   relationship-notes/key.json            salt, iteration count and a check value (public)
 *   relationship-notes/<device id>/s-<n>   a snapshot: every record this device knows
 *   relationship-notes/<device id>/l-<n>   a log: the records this device changed since its last file
 * Names carry only random device ids and sequence numbers; what each file holds and builds on is
 * sealed inside it (`files.ts`), and others' files are read by `peers.ts`.
 */
import type { RelationshipDb } from '../storage/db';
import { createKeyInfo, parseKeyInfo, unlockKeyInfo, type KeyInfo } from './crypto';
import type { KdfParams } from './kdf';
import { mergeStates, type SyncState } from './crdt/merge';
import { applyRemote, foldLocalChanges, markSent, outgoing, syncTables, wholeState } from './local';
import { getMeta, META, setMeta } from './meta';
import { ALL_ROWS } from '../storage/change-tracking';
import type { WebdavClient } from './webdav';
import { fileName, sealFile, sequencedFiles, type FileHeader, type SequencedFile } from './files';
import { readPeer, snapshotAsked, type PeerReading } from './peers';
import { defaultDeviceName } from './device-name';

export const SYNC_FOLDER = 'relationship-notes';
const KEY_FILE = `${SYNC_FOLDER}/key.json`;
/** After this many logs a device writes a snapshot and deletes its older files. */
export const LOGS_BEFORE_SNAPSHOT = 16;

export type SyncProblem = 'key-changed' | 'not-set-up' | 'permission' | 'weak-passphrase';

export class SyncError extends Error {
  constructor(readonly problem: SyncProblem) {
    super(`Sync ${problem}`);
    this.name = 'SyncError';
  }
}

/** What reading one other device found, as the settings page names it. */
export interface PeerReport extends Omit<PeerReading, 'state' | 'header' | 'through' | 'blockedAt' | 'skipped'> {
  name: string | null;
  /** Its changes that were malformed or would not pass a backup's schema, and were ignored. */
  ignored: number;
}

export interface SyncReport {
  /** Records merged from other devices that changed something here. */
  received: number;
  /** Records of this device's changes written to the server. */
  sent: number;
  bytesSent: number;
  /** Every other device read, with what went wrong with its files. */
  peers: PeerReport[];
  /** Remote files that could not be opened (cut short or altered) and were left alone: the peers' sum. */
  damagedFiles: number;
  /** Changes received that would not pass a backup's schema, and were ignored: the peers' sum. */
  ignored: number;
  /** This device's own files were missing or cut short on the server, so it wrote a snapshot. */
  repaired: boolean;
  compacted: boolean;
}

/** A file this device wrote since its last snapshot, as it wrote it. */
interface WrittenFile {
  seq: number;
  size: number;
}

/**
 * Connects this device to a sync folder: the folder's key when the passphrase opens it (else
 * `SyncCryptoError('wrong-passphrase')`, with nothing written), or a new key for an empty folder.
 * `strongEnough: false` refuses to start a new folder (`SyncError('weak-passphrase')`), while an
 * existing folder still opens: its passphrase was chosen before, and its other browsers use it.
 */
export async function unlockFolder(
  dav: WebdavClient,
  passphrase: string,
  { kdf, strongEnough = true }: { kdf?: KdfParams; strongEnough?: boolean } = {},
): Promise<{ key: CryptoKey; info: KeyInfo; created: boolean }> {
  const existing = await dav.get(KEY_FILE);
  if (existing) {
    const info = parseKeyInfo(new TextDecoder().decode(existing));
    return { key: await unlockKeyInfo(passphrase, info), info, created: false };
  }
  if (!strongEnough) throw new SyncError('weak-passphrase');
  const { info, key } = await createKeyInfo(passphrase, kdf);
  await dav.makeFolder(SYNC_FOLDER);
  await dav.put(KEY_FILE, new TextEncoder().encode(JSON.stringify(info)));
  return { key, info, created: true };
}

/** Queues everything this device holds for its next upload: a new folder, or one emptied on the server. */
async function queueEverything(db: RelationshipDb, now: number): Promise<void> {
  await db.syncChanges.put({ id: ALL_ROWS, at: now });
  // A device without files of its own writes a snapshot of everything first.
  await db.syncMeta.bulkDelete([META.sentThrough, META.written]);
}

/** Stores the unlocked key on this device (never the passphrase) and queues every row for the first sync. */
export async function rememberFolder(db: RelationshipDb, key: CryptoKey, info: KeyInfo): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    if (!(await getMeta(db, META.device))) await setMeta(db, META.device, newDeviceId());
    await setMeta(db, META.key, { key, info });
    await queueEverything(db, Date.now());
  });
}

/** Forgets the server: key, device id and reading positions. The notes on this device stay. */
export async function forgetFolder(db: RelationshipDb): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    // A later setup uploads everything again, from a new device id.
    await db.syncMeta.bulkDelete([
      META.key,
      META.device,
      META.readThrough,
      META.sequence,
      META.sentThrough,
      META.written,
      META.sentWants,
      META.snapshotWanted,
      META.peerNames,
    ]);
  });
}

function newDeviceId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function syncOnce(db: RelationshipDb, dav: WebdavClient, now: () => number = Date.now): Promise<SyncReport> {
  const device = await getMeta<string>(db, META.device);
  const unlocked = await getMeta<{ key: CryptoKey; info: KeyInfo }>(db, META.key);
  if (!device || !unlocked) throw new SyncError('not-set-up');
  const { key, info } = unlocked;

  const keyFile = await dav.get(KEY_FILE);
  if (!keyFile) {
    // The folder was emptied on the server: start it again with the same key, and send everything.
    await dav.makeFolder(SYNC_FOLDER);
    await dav.put(KEY_FILE, new TextEncoder().encode(JSON.stringify(info)));
    await db.transaction('rw', syncTables(db), async () => {
      await setMeta(db, META.readThrough, {});
      await queueEverything(db, now());
    });
  } else {
    let remoteInfo: KeyInfo;
    try {
      remoteInfo = parseKeyInfo(new TextDecoder().decode(keyFile));
    } catch {
      throw new SyncError('key-changed');
    }
    if (remoteInfo.salt !== info.salt || remoteInfo.check !== info.check) throw new SyncError('key-changed');
  }

  const folders = (await dav.list(SYNC_FOLDER)) ?? [];
  const readThrough = (await getMeta<Record<string, number>>(db, META.readThrough)) ?? {};
  const peerNames = (await getMeta<Record<string, string>>(db, META.peerNames)) ?? {};
  const readings: PeerReading[] = [];
  let ownFiles: SequencedFile[] = [];
  for (const folder of folders) {
    if (!folder.isFolder) continue;
    const files = sequencedFiles((await dav.list(`${SYNC_FOLDER}/${folder.name}`)) ?? []);
    if (folder.name === device) ownFiles = files;
    else readings.push(await readPeer(dav, SYNC_FOLDER, key, folder.name, files, readThrough[folder.name] ?? 0));
  }
  // Each record remembers the device it came from, to name the device that sent an invalid one.
  let incoming: SyncState = {};
  const sender = new Map<string, string>();
  for (const reading of readings) {
    incoming = mergeStates(incoming, reading.state);
    for (const id of Object.keys(reading.state)) sender.set(id, reading.device);
    if (reading.header?.name) peerNames[reading.device] = reading.header.name;
  }

  const applied = await db.transaction('rw', syncTables(db), async () => {
    await foldLocalChanges(db, device, now());
    const result = await applyRemote(db, incoming, now());
    await setMeta(db, META.readThrough, { ...readThrough, ...Object.fromEntries(readings.map((r) => [r.device, r.through])) });
    await setMeta(db, META.peerNames, peerNames);
    return result;
  });
  const peers = readings.map(({ device: id, damaged, missing, behind, skipped }): PeerReport => ({
    device: id,
    name: peerNames[id] ?? null,
    damaged,
    missing,
    behind,
    ignored: skipped + applied.invalid.filter((record) => sender.get(record) === id).length,
  }));

  const written = await ownHistory(db, device, ownFiles, readings);
  const wants = Object.fromEntries(readings.flatMap((r) => (r.blockedAt === null ? [] : [[r.device, r.blockedAt]])));
  // A request for a snapshot goes out in a file of its own if there is nothing else to send.
  const newWants = Object.keys(wants).length > 0 && JSON.stringify(wants) !== JSON.stringify((await getMeta(db, META.sentWants)) ?? {});
  const logs = ownFiles.filter((file) => file.kind === 'l').length;
  const needsSnapshot = written.lost || written.asked || !ownFiles.some((file) => file.kind === 's') || logs >= LOGS_BEFORE_SNAPSHOT;
  let pending: { state: SyncState; latest: string };
  let pendingCount: number;
  if (needsSnapshot) {
    const whole = await wholeState(db);
    pending = whole;
    pendingCount = whole.pending;
  } else {
    pending = await outgoing(db);
    pendingCount = Object.keys(pending.state).length;
  }
  let bytesSent = 0;
  let compacted = false;
  if (pendingCount > 0 || newWants || (needsSnapshot && (ownFiles.length > 0 || Object.keys(pending.state).length > 0))) {
    // This device's own count, not the server's listing: a file planted in its folder with a huge
    // number must not move it (the listing counts only for a device that kept no count yet).
    const seq = ((await getMeta<number>(db, META.sequence)) ?? Math.max(0, ...ownFiles.map((file) => file.seq))) + 1;
    // Taken before the upload: a file cut short never shares its number with a whole one.
    await setMeta(db, META.sequence, seq);
    const kind = needsSnapshot ? 's' : 'l';
    const header: FileHeader = {
      seq,
      chain: needsSnapshot ? [] : written.files.map((file) => file.seq),
      name: (await getMeta<string>(db, META.deviceName)) ?? defaultDeviceName(),
      wants,
    };
    const body = await sealFile(key, device, kind, header, pending.state);
    if (ownFiles.length === 0) await dav.makeFolder(`${SYNC_FOLDER}/${device}`);
    await dav.put(`${SYNC_FOLDER}/${device}/${fileName(kind, seq)}`, body);
    bytesSent = body.length;
    await markSent(db, pending.latest);
    const mine = { seq, size: body.length };
    await setMeta(db, META.written, needsSnapshot ? [mine] : [...written.files, mine]);
    await setMeta(db, META.sentWants, wants);
    if (kind === 's') {
      await db.syncMeta.delete(META.snapshotWanted);
      for (const file of ownFiles) await dav.remove(`${SYNC_FOLDER}/${device}/${file.name}`);
      compacted = ownFiles.length > 0;
    }
  }
  const sum = (field: 'damaged' | 'ignored') => peers.reduce((total, peer) => total + peer[field], 0);
  return {
    received: applied.changed,
    sent: pendingCount,
    bytesSent,
    peers,
    damagedFiles: sum('damaged'),
    ignored: sum('ignored'),
    repaired: written.lost,
    compacted,
  };
}

/**
 * This device's files since its last snapshot, and whether to write a snapshot in their place:
 * one of them is gone from the server or not the size it was written (a reader would wait on it
 * for good), or another device asked for one.
 */
async function ownHistory(
  db: RelationshipDb,
  device: string,
  ownFiles: SequencedFile[],
  readings: PeerReading[],
): Promise<{ files: WrittenFile[]; lost: boolean; asked: boolean }> {
  const files = (await getMeta<WrittenFile[]>(db, META.written)) ?? [];
  const listed = new Map(ownFiles.map((file) => [file.seq, file.size]));
  const lost = files.some((file) => listed.get(file.seq) !== file.size);
  const sequence = (await getMeta<number>(db, META.sequence)) ?? 0;
  if (snapshotAsked(readings, device, files[0]?.seq ?? 0, sequence)) await setMeta(db, META.snapshotWanted, true);
  return { files, lost, asked: (await getMeta<boolean>(db, META.snapshotWanted)) === true };
}
