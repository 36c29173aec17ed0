/** This device's own sync state, kept in the database's `syncMeta` table: its id, clock, key and positions. */
import type { RelationshipDb } from '../storage/db';

export const META = {
  device: 'device',
  clock: 'clock',
  /** How far each other device's files were read: the largest sequence number merged. */
  readThrough: 'readThrough',
  /** This device's last file sequence number. */
  sequence: 'sequence',
  /** This device's files as it wrote them since its last snapshot: `{ seq, size }[]`, snapshot first. */
  written: 'written',
  /** The `wants` of this device's last file (`FileHeader.wants`). */
  sentWants: 'sentWants',
  /** Another device asked for a snapshot: the next file is one. */
  snapshotWanted: 'snapshotWanted',
  /** This browser's name in its files; a default from the browser and system until the user names it. */
  deviceName: 'deviceName',
  /** Other devices' names, by device id, from their files. */
  peerNames: 'peerNames',
  /** The largest fold stamp already uploaded: records folded later are still to send. */
  sentThrough: 'sentThrough',
  key: 'key',
  /** The WebDAV password: here, where no content script reaches, not in `storage.local`. */
  password: 'password',
} as const;

export async function getMeta<T>(db: RelationshipDb, name: string): Promise<T | undefined> {
  return (await db.syncMeta.get(name))?.value as T | undefined;
}

export async function setMeta(db: RelationshipDb, name: string, value: unknown): Promise<void> {
  await db.syncMeta.put({ name, value });
}
