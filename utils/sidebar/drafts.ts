import type { RelationshipDb } from '../storage/db';
import { saveUserFields, type NewContactDefaults } from '../people/contacts';
import { DRAFT_PREFIX, type Draft } from './port';
import { parseUserEdit } from '../core/schema';

/** The part of the storage API folding needs, so it is tested without a browser. */
export interface DraftStore {
  get(): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/**
 * Writes into the database the edits a sidebar handed to storage but never saw confirmed (a tab
 * closed, a worker stopped, a browser quit). `accept` picks which drafts: those of a frame that is
 * gone, or those old enough that no live frame still owns them.
 */
export async function foldDrafts(
  db: RelationshipDb,
  store: DraftStore,
  accept: (storageKey: string, draft: Draft) => boolean,
  newContactDefaults: NewContactDefaults = {},
): Promise<number> {
  const all = await store.get();
  const folded: string[] = [];
  for (const [storageKey, value] of Object.entries(all)) {
    if (!storageKey.startsWith(DRAFT_PREFIX)) continue;
    const draft = value as Draft;
    if (!accept(storageKey, draft)) continue;
    const fields = parseUserEdit(draft?.fields);
    if (fields && typeof draft.key === 'string' && draft.key) {
      await saveUserFields(db, draft.key, fields, draft.page ?? {}, newContactDefaults);
    }
    folded.push(storageKey);
  }
  if (folded.length > 0) await store.remove(folded);
  return folded.length;
}
