import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { ArchiveEntries, Contact, Interaction } from '../core/schema';
import { trackSyncChanges, type SyncChange, type SyncMetaRow, type SyncRecordRow } from './change-tracking';
import { deriveContactTerms, stemsBackfillMarker } from './index-terms';

export type RelationshipDb = Dexie & {
  contacts: EntityTable<Contact, 'key'>;
  interactions: EntityTable<Interaction, 'id'>;
  /** Version 5: timeline entries imported from LinkedIn's archive, one row per person. */
  archiveEntries: EntityTable<ArchiveEntries, 'key'>;
  /** Sync (version 3): every synced record's field versions and clocks, tombstones included. */
  syncRecords: EntityTable<SyncRecordRow, 'id'>;
  /** Sync: which people and timeline entries changed since the last sync looked. */
  syncChanges: EntityTable<SyncChange, 'id'>;
  /** Sync: this device's id, clock, key, and how far it has read each other device. */
  syncMeta: EntityTable<SyncMetaRow, 'name'>;
};

export const DB_NAME = 'relationship-notes';

// Upgrades that came through version 2 in this versionchange transaction: version 3's upgrade (the
// first with `syncMeta`) writes their backfill marker. Lives only as long as that transaction.
const stemsToBackfill = new WeakSet<IDBTransaction>();

/**
 * Every released schema version, in order. Never edit a released version: add a new one, and put
 * data changes in its `.upgrade()`. `tests/unit/storage/db-versions.test.ts` opens a database of each.
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
    // Index only: rewriting every row here kept every page waiting (20 s at 30,000 people). The
    // terms are filled afterwards, in batches, by `stems-backfill.ts`, from the marker version 3 writes.
    upgrade: async (tx) => {
      stemsToBackfill.add(tx.idbtrans);
    },
  },
  {
    // Sync between browsers: field clocks and tombstones, what changed, and the device's own state.
    version: 3,
    stores: {
      syncRecords: 'id, out, offer',
      syncChanges: 'id',
      syncMeta: 'name',
    },
    upgrade: async (tx) => {
      if (stemsToBackfill.has(tx.idbtrans)) await tx.table('syncMeta').put(await stemsBackfillMarker(tx.table('contacts')));
    },
  },
  {
    // Indexes no query needs go: a person's name, last contact, last change and tags (lists sort in
    // memory), and an entry's person alone ([contactKey+date] answers that). Every write paid for
    // them: about 10% of an import of 30,000 people.
    version: 4,
    stores: {
      contacts: 'key, nextFollowUp, whereWeMet, *terms, *offerTerms, *needTerms',
      interactions: 'id, [contactKey+date], date, kind',
    },
  },
  {
    // Entries imported from LinkedIn's archive, one row per person: writing rows was most of an
    // archive import's time (145,000 entries, 21 s of 26 s), and a person's entries are always read
    // together. Entries imported before stay timeline rows; both are read everywhere.
    version: 5,
    stores: {
      archiveEntries: 'key, latest, [messages+lastMessage]',
    },
  },
];

/** One person's timeline entries, through the index by person and date. */
export function entriesOf(db: RelationshipDb, contactKey: string) {
  return db.interactions.where('[contactKey+date]').between([contactKey, ''], [contactKey, '\uffff']);
}

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** Held by whichever context runs a schema upgrade, until it is over: pages ask for it to say "Updating your notes…". */
export const SCHEMA_UPGRADE_LOCK = 'relationship-notes-schema-upgrade';
const announced = new WeakSet<IDBTransaction>();

// A lock, not a stored flag: it goes with the context that held it, so a browser closed mid-upgrade leaves nothing behind.
function holdUpgradeLock(upgrade: IDBTransaction) {
  if (announced.has(upgrade)) return;
  announced.add(upgrade);
  const over = new Promise<void>((resolve) => {
    for (const event of ['complete', 'abort', 'error']) upgrade.addEventListener(event, () => resolve());
  });
  void globalThis.navigator?.locks?.request(SCHEMA_UPGRADE_LOCK, () => over).catch(() => undefined);
}

export function openRelationshipDb(name = DB_NAME): RelationshipDb {
  // No query cache: with it, every live query's answer was deep-cloned on delivery, and after an
  // import the options page's lists of 30,000 people cost 0.5-0.9 s of cloning in one task.
  const db = new Dexie(name, { cache: 'disabled' }) as RelationshipDb;
  db.use(trackSyncChanges);
  db.use(deriveContactTerms);
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const declared = db.version(version).stores(stores);
    if (upgrade) {
      declared.upgrade((tx) => {
        holdUpgradeLock(tx.idbtrans);
        return upgrade(tx);
      });
    }
  }
  return db;
}

/** Whether a failed write failed because the browser's storage for the extension is full. */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } })?.name;
  const inner = (error as { inner?: { name?: string } })?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

let shared: RelationshipDb | undefined;

/** The extension's one database. Only top-level extension pages and the background open it. */
export function getDb(): RelationshipDb {
  shared ??= openRelationshipDb();
  return shared;
}
