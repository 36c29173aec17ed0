/**
 * The introduction terms (`offerTerms`, `needTerms`) of people stored before schema version 2,
 * filled after the upgrade instead of inside it: in batches, each its own transaction, so every
 * page opens at once and the work survives a closed browser. The marker row in `syncMeta` holds
 * how far it got; it is written by the upgrade and deleted when the last batch is done.
 */
import type { Contact } from '../core/schema';
import { markDerivedWrites } from './change-tracking';
import type { RelationshipDb } from './db';
import { matchTerms, STEMS_BACKFILL, type BackfillProgress } from './index-terms';

/** People per transaction: small enough that pages reading meanwhile wait well under a second. */
export const BACKFILL_BATCH = 5_000;

/** Whether a backfill is still to do (or under way), and how far it got. */
export async function backfillProgress(db: RelationshipDb): Promise<BackfillProgress | null> {
  return ((await db.syncMeta.get(STEMS_BACKFILL))?.value as BackfillProgress | undefined) ?? null;
}

/** Someone with nothing offered, of interest or looked for has no terms to index: no rewrite. */
function needsTerms(contact: Contact): boolean {
  const hasPhrases = Boolean(contact.offers?.length || contact.interests?.length || contact.needs?.length);
  return hasPhrases && (contact.offerTerms === undefined || contact.needTerms === undefined);
}

/**
 * One batch: the next `batch` people after the marker get their terms, and the marker moves on, in
 * one transaction. Idempotent (people who have terms are left alone), so a batch cut off by a
 * closed browser is simply done again. Returns the progress after it, or null once all is done.
 */
export async function backfillStep(db: RelationshipDb, batch = BACKFILL_BATCH): Promise<BackfillProgress | null> {
  return db.transaction('rw', db.contacts, db.syncMeta, async (tx) => {
    // Derived fields only: sync notes no change, and the contact hooks compute nothing again.
    markDerivedWrites(tx.idbtrans);
    const progress = await backfillProgress(db);
    if (!progress) return null;
    const range = progress.after === undefined ? db.contacts.toCollection() : db.contacts.where(':id').above(progress.after);
    const people = await range.limit(batch).toArray();
    const filled = people.filter(needsTerms).map((contact) => ({ ...contact, ...matchTerms(contact) }));
    if (filled.length > 0) await db.contacts.bulkPut(filled);
    if (people.length < batch) {
      await db.syncMeta.delete(STEMS_BACKFILL);
      return null;
    }
    const next: BackfillProgress = {
      done: progress.done + people.length,
      total: Math.max(progress.total, progress.done + people.length),
      after: people.at(-1)!.key,
    };
    await db.syncMeta.put({ name: STEMS_BACKFILL, value: next });
    return next;
  });
}

/**
 * Runs every batch left, one after another, resting between them as long as the last one took:
 * each batch rewrites rows that pages are reading, and their live queries need a quiet moment to
 * answer (back to back, the popup's list stayed empty until the very end).
 */
export async function runStemsBackfill(db: RelationshipDb, batch = BACKFILL_BATCH, rest = (ms: number) => pause(ms)): Promise<void> {
  for (;;) {
    const started = Date.now();
    if ((await backfillStep(db, batch)) === null) return;
    await rest(Math.max(MIN_REST_MS, Date.now() - started));
  }
}

const MIN_REST_MS = 100;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
