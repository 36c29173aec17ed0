import { liveQuery } from 'dexie';
import { CURRENT_SCHEMA_VERSION, DB_NAME, SCHEMA_UPGRADE_LOCK, type RelationshipDb } from './db';
import type { UpgradeProgress } from '../core/schema';
import { backfillProgress } from './stems-backfill';

/** While the schema itself changes no one can read how far it is: shown as an open-ended bar. */
export const SCHEMA_STEP: UpgradeProgress = { done: 0, total: 0 };

/** Whether the database on disk is of an earlier schema version than this code's (Dexie stores version × 10). */
export async function schemaBehind(idb: Pick<IDBFactory, 'databases'>, name = DB_NAME): Promise<boolean> {
  const found = (await idb.databases().catch(() => [])).find((info) => info.name === name);
  return found?.version !== undefined && found.version > 0 && found.version < CURRENT_SCHEMA_VERSION * 10;
}

/** Whether some extension context is upgrading the schema right now (it holds the upgrade lock). */
export async function upgradeUnderWay(locks: LockManager | undefined = globalThis.navigator?.locks): Promise<boolean> {
  const state = await locks?.query().catch(() => undefined);
  return state?.held?.some((lock) => lock.name === SCHEMA_UPGRADE_LOCK) ?? false;
}

/**
 * Follows the update of the notes after a new version: the schema change while the database is
 * still opening, then the backfill's batches from its marker row; `null` once there is nothing to
 * do. Returns the function that stops following.
 */
export function watchUpgrade(
  db: RelationshipDb,
  idb: Pick<IDBFactory, 'databases'>,
  listener: (progress: UpgradeProgress | null) => void,
): () => void {
  let stopped = false;
  if (!db.isOpen()) {
    // Before the upgrade starts the version on disk tells; once it runs (disk already says the new
    // version in Chromium) the upgrader's lock does.
    void Promise.all([schemaBehind(idb, db.name), upgradeUnderWay()]).then(([behind, underWay]) => {
      if ((behind || underWay) && !stopped && !db.isOpen()) listener(SCHEMA_STEP);
    });
  }
  const subscription = liveQuery(() => backfillProgress(db)).subscribe({
    next: (progress) => !stopped && listener(progress && { done: progress.done, total: progress.total }),
    error: () => undefined,
  });
  return () => {
    stopped = true;
    subscription.unsubscribe();
  };
}
