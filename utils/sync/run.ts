/**
 * Runs a sync for the background: one at a time across every extension context (Web Locks), with
 * its outcome written to storage for the settings page. Nothing is kept in variables.
 */
import type { RelationshipDb } from '../storage/db';
import type { UserFields } from '../core/schema';
import { EMPTY_SYNC_STATUS, type SyncAccount, type SyncOfferAnswer, type SyncProblemName, type SyncStatus } from './state';
import { parseUserEdit } from '../core/schema';
import { dismissOffers } from './offers';
import { SyncCryptoError } from './crypto';
import { SyncError, syncOnce } from './engine';
import { createWebdavClient, WebdavError } from './webdav';

export const SYNC_ALARM = 'sync';
export const SYNC_SOON_ALARM = 'sync-soon';
export const SYNC_PERIOD_MINUTES = 15;
/** Changes wait this long for more before a sync, so typing makes one upload, not many. */
export const SYNC_DEBOUNCE_MINUTES = 0.5;
const LOCK = 'relationship-notes-sync';
/** A run that started longer ago than this and never finished was cut off (the worker stopped). */
export const SYNC_RUN_LIMIT_MS = 5 * 60_000;

export function problemOf(error: unknown): SyncProblemName {
  if (error instanceof WebdavError || error instanceof SyncCryptoError || error instanceof SyncError) return error.problem;
  return 'unknown';
}

export function isSyncRunning(status: SyncStatus, now: number): boolean {
  return status.startedAt !== null && (status.finishedAt ?? 0) < status.startedAt && now - status.startedAt < SYNC_RUN_LIMIT_MS;
}

export interface SyncRunDeps {
  db: RelationshipDb;
  account: SyncAccount | null;
  readStatus: () => Promise<SyncStatus>;
  writeStatus: (status: SyncStatus) => Promise<void>;
  /** Whether the extension may reach the account's server (its host permission). */
  canReach: (url: string) => Promise<boolean>;
  fetchFn?: typeof fetch;
  now?: () => number;
}

async function withLock<T>(run: () => Promise<T>): Promise<T | null> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return run();
  return locks.request(LOCK, { ifAvailable: true }, async (lock) => (lock ? run() : null));
}

/** Syncs once unless a run is already going; returns the status written, or null if skipped. */
export async function runSync(deps: SyncRunDeps): Promise<SyncStatus | null> {
  const { db, account } = deps;
  const now = deps.now ?? Date.now;
  if (!account) return null;
  return withLock(async () => {
    const before = { ...EMPTY_SYNC_STATUS, ...(await deps.readStatus()) };
    const startedAt = now();
    await deps.writeStatus({ ...before, startedAt });
    let status: SyncStatus;
    try {
      if (!(await deps.canReach(account.url))) throw new SyncError('permission');
      const dav = createWebdavClient(account, deps.fetchFn ? { fetchFn: deps.fetchFn } : {});
      const report = await syncOnce(db, dav, now);
      status = {
        startedAt,
        finishedAt: now(),
        lastSyncAt: now(),
        received: report.received,
        sent: report.sent,
        bytesSent: report.bytesSent,
        peers: report.peers.flatMap(({ name, damaged, missing, behind, ignored }) =>
          damaged || missing || behind || ignored ? [{ name, damaged, missing, behind, ignored }] : [],
        ),
        repaired: report.repaired,
        problem: null,
      };
    } catch (error) {
      status = { ...before, startedAt, finishedAt: now(), problem: problemOf(error) };
    }
    await deps.writeStatus(status);
    return status;
  });
}

/** Applies the sidebar's answers to offered texts, then takes them off the list. */
export async function answerOffers(
  db: RelationshipDb,
  answers: SyncOfferAnswer[],
  save: (key: string, fields: Partial<UserFields>) => Promise<void>,
): Promise<void> {
  for (const answer of answers) {
    if (answer.use !== undefined) {
      const fields = parseUserEdit({ [answer.field]: answer.use });
      if (fields) await save(answer.key, fields);
    }
    await dismissOffers(db, answer.key, [answer.stamp], Date.now());
  }
}
