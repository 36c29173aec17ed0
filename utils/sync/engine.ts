/**
 * One sync: read what other devices wrote since last time, merge it with this device's changes in
 * one transaction, then write this device's own new file. Every device writes only files in its own
 * folder, so no locking is needed and servers that ignore `If-Match` are fine.
 *
 * On the server, under the folder the user chose:
 *   relationship-notes/key.json            salt, iteration count and a check value (public)
 *   relationship-notes/<device id>/s-<n>   a snapshot: every record this device knows
 *   relationship-notes/<device id>/l-<n>   a log: the records this device changed since its file n-1
 * Names carry only random device ids and sequence numbers; contents are records in their wire form
 * (`wire.ts`), as gzipped JSON sealed with AES-GCM, the path authenticated with it.
 */
import type { RelationshipDb } from '../storage/db';
import { createKeyInfo, openJson, parseKeyInfo, sealJson, SyncCryptoError, unlockKeyInfo, type KeyInfo } from './crypto';
import { mergeStates, type SyncState } from './crdt/merge';
import { applyRemote, foldLocalChanges, markSent, outgoing, syncTables, wholeState } from './local';
import { getMeta, META, setMeta } from './meta';
import { ALL_ROWS } from '../storage/change-tracking';
import type { WebdavClient, WebdavEntry } from './webdav';
import { decodeState, encodeState } from './crdt/wire';

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

export interface SyncReport {
  /** Records merged from other devices that changed something here. */
  received: number;
  /** Records of this device's changes written to the server. */
  sent: number;
  bytesSent: number;
  /** Remote files that could not be opened (cut short or altered) and were left alone. */
  damagedFiles: number;
  /** Changes received that would not pass a backup's schema, and were ignored. */
  ignored: number;
  compacted: boolean;
}

interface SequencedFile {
  kind: 's' | 'l';
  seq: number;
  name: string;
}

// Eight digits or more: a device past 99,999,999 files keeps counting, and its peers keep listing it.
const FILE_NAME = /^([sl])-(\d{8,})$/;
export const fileName = (kind: 's' | 'l', seq: number) => `${kind}-${String(seq).padStart(8, '0')}`;

function sequencedFiles(entries: WebdavEntry[]): SequencedFile[] {
  return entries
    .flatMap((entry) => {
      const match = !entry.isFolder && FILE_NAME.exec(entry.name);
      return match ? [{ kind: match[1] as 's' | 'l', seq: Number(match[2]), name: entry.name }] : [];
    })
    .sort((a, b) => a.seq - b.seq);
}

/** The files to read from a device already read through `through`: its newest snapshot if newer, then later logs. */
export function filesToRead(files: SequencedFile[], through: number): SequencedFile[] {
  const snapshot = files.filter((file) => file.kind === 's' && file.seq > through).at(-1);
  const after = snapshot ? snapshot.seq : through;
  return [...(snapshot ? [snapshot] : []), ...files.filter((file) => file.kind === 'l' && file.seq > after)];
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
  { iterations, strongEnough = true }: { iterations?: number; strongEnough?: boolean } = {},
): Promise<{ key: CryptoKey; info: KeyInfo; created: boolean }> {
  const existing = await dav.get(KEY_FILE);
  if (existing) {
    const info = parseKeyInfo(new TextDecoder().decode(existing));
    return { key: await unlockKeyInfo(passphrase, info), info, created: false };
  }
  if (!strongEnough) throw new SyncError('weak-passphrase');
  const { info, key } = await createKeyInfo(passphrase, iterations);
  await dav.makeFolder(SYNC_FOLDER);
  await dav.put(KEY_FILE, new TextEncoder().encode(JSON.stringify(info)));
  return { key, info, created: true };
}

/** Queues everything this device holds for its next upload: a new folder, or one emptied on the server. */
async function queueEverything(db: RelationshipDb, now: number): Promise<void> {
  await db.syncChanges.put({ id: ALL_ROWS, at: now });
  // A device without files of its own writes a snapshot of everything first.
  await db.syncMeta.delete(META.sentThrough);
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
    await db.syncMeta.bulkDelete([META.key, META.device, META.readThrough, META.sequence, META.sentThrough]);
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
  let incoming: SyncState = {};
  let damagedFiles = 0;
  const nextReadThrough = { ...readThrough };
  let ownFiles: SequencedFile[] = [];
  for (const folder of folders) {
    if (!folder.isFolder) continue;
    const files = sequencedFiles((await dav.list(`${SYNC_FOLDER}/${folder.name}`)) ?? []);
    if (folder.name === device) {
      ownFiles = files;
      continue;
    }
    // A file that does not open (cut short, altered, or planted by the server) is never read past:
    // a log holds back what follows it until it opens, and a snapshot is passed over for the files
    // before it. So nothing is skipped, and once the server serves the files whole, reading resumes.
    let candidates = files;
    reading: for (;;) {
      for (const file of filesToRead(candidates, nextReadThrough[folder.name] ?? 0)) {
        const path = `${folder.name}/${file.name}`;
        const sealed = await dav.get(`${SYNC_FOLDER}/${path}`);
        // Gone since the listing: its device compacted; its snapshot is read next time.
        if (!sealed) break reading;
        let state: SyncState | null = null;
        try {
          state = decodeState(await openJson(key, sealed, path));
        } catch (error) {
          if (!(error instanceof SyncCryptoError)) throw error;
        }
        if (!state) {
          damagedFiles++;
          if (file.kind === 'l') break reading;
          candidates = candidates.filter((other) => other !== file);
          continue reading;
        }
        incoming = mergeStates(incoming, state);
        nextReadThrough[folder.name] = file.seq;
      }
      break;
    }
  }

  const applied = await db.transaction('rw', syncTables(db), async () => {
    await foldLocalChanges(db, device, now());
    const result = await applyRemote(db, incoming, now());
    await setMeta(db, META.readThrough, nextReadThrough);
    return result;
  });

  const logs = ownFiles.filter((file) => file.kind === 'l').length;
  const needsSnapshot = !ownFiles.some((file) => file.kind === 's') || logs >= LOGS_BEFORE_SNAPSHOT;
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
  if (pendingCount > 0 || (needsSnapshot && (ownFiles.length > 0 || Object.keys(pending.state).length > 0))) {
    // This device's own count, not the server's listing: a file planted in its folder with a huge
    // number must not move it (the listing counts only for a device that kept no count yet).
    const seq = ((await getMeta<number>(db, META.sequence)) ?? Math.max(0, ...ownFiles.map((file) => file.seq))) + 1;
    // Taken before the upload: a file cut short never shares its number with a whole one.
    await setMeta(db, META.sequence, seq);
    const kind = needsSnapshot ? 's' : 'l';
    const name = fileName(kind, seq);
    const body = await sealJson(key, encodeState(pending.state), `${device}/${name}`);
    if (ownFiles.length === 0) await dav.makeFolder(`${SYNC_FOLDER}/${device}`);
    await dav.put(`${SYNC_FOLDER}/${device}/${name}`, body);
    bytesSent = body.length;
    await markSent(db, pending.latest);
    if (kind === 's') {
      for (const file of ownFiles) await dav.remove(`${SYNC_FOLDER}/${device}/${file.name}`);
      compacted = ownFiles.length > 0;
    }
  }
  return { received: applied.changed, sent: pendingCount, bytesSent, damagedFiles, ignored: applied.invalid, compacted };
}
