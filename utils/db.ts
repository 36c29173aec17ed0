import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { InteractionKind } from './interaction-kinds';
import { phrasesStems } from './introductions';
import type { ArchiveDetail } from './linkedin-archive/entry';
import { searchTerms } from './search-terms';

/** A calendar date in the user's local calendar, `YYYY-MM-DD`. */
export type LocalDate = string;

/** Fields read from a profile page or an import; they refresh when the page says otherwise. */
export interface PageFields {
  name: string;
  headline: string;
  location: string;
  photoUrl: string;
  profileUrl: string;
}

/** Fields only the user writes; nothing read from a page or an import overwrites them. */
export interface UserFields {
  interests: string[];
  offers: string[];
  needs: string[];
  howICanHelp: string;
  whereWeMet: string;
  notes: string;
  tags: string[];
  cadenceDays: number | null;
  nextFollowUp: LocalDate | null;
}

export interface Contact extends PageFields, UserFields {
  key: string;
  email: string;
  connectedOn: LocalDate | null;
  lastInteraction: LocalDate | null;
  /** Normalised words of the searchable fields, kept in step by a hook below. */
  terms: string[];
  /** Stems of what they offer and what interests them, for introductions (version 2). */
  offerTerms: string[];
  /** Stems of what they are looking for (version 2). */
  needTerms: string[];
  createdAt: number;
  updatedAt: number;
}

export { INTERACTION_KINDS, type InteractionKind } from './interaction-kinds';

export interface Interaction {
  id: string;
  contactKey: string;
  kind: InteractionKind;
  date: LocalDate;
  text: string;
  /** For an introduction: the other person introduced. */
  withKey?: string;
  /** For an entry imported from LinkedIn's archive: how many were sent and received, and whether in a group. */
  archive?: ArchiveDetail;
  createdAt: number;
  updatedAt: number;
}

export type RelationshipDb = Dexie & {
  contacts: EntityTable<Contact, 'key'>;
  interactions: EntityTable<Interaction, 'id'>;
};

export const DB_NAME = 'relationship-notes';

/**
 * Every released schema version, in order. Never edit a released version: add a new one, and put
 * data changes in its `.upgrade()`. `tests/unit/db-versions.test.ts` opens a database of each.
 */
export const SCHEMA_VERSIONS: ReadonlyArray<{
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}> = [
  {
    version: 1,
    stores: {
      contacts: 'key, name, nextFollowUp, lastInteraction, updatedAt, whereWeMet, *tags, *terms',
      interactions: 'id, contactKey, [contactKey+date], date, kind',
    },
  },
  {
    // Introductions: who offers what someone else is looking for, found through an index.
    version: 2,
    stores: {
      contacts:
        'key, name, nextFollowUp, lastInteraction, updatedAt, whereWeMet, *tags, *terms, *offerTerms, *needTerms',
    },
    upgrade: (tx) =>
      tx
        .table('contacts')
        .toCollection()
        .modify((contact: Contact) => Object.assign(contact, matchTerms(contact))),
  },
];

/** The introduction index terms of a contact, kept in step by the hooks below. */
export function matchTerms(contact: Partial<Pick<Contact, 'offers' | 'interests' | 'needs'>>) {
  return {
    offerTerms: phrasesStems([...(contact.offers ?? []), ...(contact.interests ?? [])]),
    needTerms: phrasesStems(contact.needs),
  };
}

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export function openRelationshipDb(name = DB_NAME): RelationshipDb {
  const db = new Dexie(name) as RelationshipDb;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  db.contacts.hook('creating', (_key, contact) => {
    contact.terms = searchTerms(contact);
    Object.assign(contact, matchTerms(contact));
  });
  db.contacts.hook('updating', (changes, _key, contact) => {
    const next = { ...contact, ...(changes as Partial<Contact>) };
    return { terms: searchTerms(next), ...matchTerms(next) };
  });
  return db;
}

let shared: RelationshipDb | undefined;

/** The extension's one database. Only top-level extension pages and the background open it. */
export function getDb(): RelationshipDb {
  shared ??= openRelationshipDb();
  return shared;
}
