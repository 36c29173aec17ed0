/**
 * The index terms a stored contact carries (search words, and the stems of what they offer and
 * need), computed from its fields on every write; and the marker of the backfill that fills them
 * for people stored before the introduction indexes existed (`stems-backfill.ts`).
 */
import type { DBCore, DBCoreTable, Middleware, Table } from 'dexie';
import type { Contact } from '../core/schema';
import { searchTerms } from '../core/search-terms';
import { phrasesStems } from '../core/stemming';
import { isDerivedWrite, type SyncMetaRow } from './change-tracking';

/** The introduction index terms of a contact, kept in step by `deriveContactTerms`. */
export function matchTerms(contact: Partial<Pick<Contact, 'offers' | 'interests' | 'needs'>>) {
  return {
    offerTerms: phrasesStems([...(contact.offers ?? []), ...(contact.interests ?? [])]),
    needTerms: phrasesStems(contact.needs),
  };
}

/** A contact as stored: its search and introduction index terms computed from its fields. */
function withTerms(contact: Contact): Contact {
  return { ...contact, terms: searchTerms(contact), ...matchTerms(contact) };
}

/**
 * Keeps every stored contact's index terms in step with its fields, on the way to IndexedDB: every
 * add and put carries whole rows, so nothing is read first (Dexie's hooks read each row before a
 * put, which cost an import of 30,000 known people several seconds).
 */
export const deriveContactTerms: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'derive-contact-terms',
  create: (down) => ({
    ...down,
    table(name): DBCoreTable {
      const table = down.table(name);
      if (name !== 'contacts') return table;
      return {
        ...table,
        mutate(request) {
          // The backfill writes the terms it computed itself: nothing to compute again.
          if ((request.type === 'add' || request.type === 'put') && !isDerivedWrite(request.trans)) {
            return table.mutate({ ...request, values: request.values.map(withTerms) });
          }
          return table.mutate(request);
        },
      };
    },
  }),
};

export const STEMS_BACKFILL = 'stemsBackfill';
/** How far the backfill got: people looked at, of how many, and the last key done. */
export interface BackfillProgress {
  done: number;
  total: number;
  after?: string;
}

/** The marker an upgrade writes: nothing done yet, of every person stored. */
export async function stemsBackfillMarker(contacts: Table): Promise<SyncMetaRow> {
  return { name: STEMS_BACKFILL, value: { done: 0, total: await contacts.count() } satisfies BackfillProgress };
}
