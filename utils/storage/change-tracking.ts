/**
 * Which people and timeline entries changed, noted in the same transaction as the change by a Dexie
 * middleware, so every write path (sidebar, options page, import, delete all) is seen without each
 * one stamping clocks itself. Sync turns the noted rows into clocked field writes (`local.ts`).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { SYNCED_TABLES, type SyncedTable, type SyncRecord } from '../sync/crdt/merge';


/** A changed row by record id; `*` means "look at every row" (a table was cleared). */
export interface SyncChange {
  id: string;
  at: number;
}
export const ALL_ROWS = '*';

export interface SyncRecordRow {
  id: string;
  rec: SyncRecord;
  /** Set while this device has changes to this record not yet on the server: the last stamp folded. */
  out?: string;
  /** 1 while a person's record holds losing texts the sidebar offers (indexed). */
  offer?: 1;
}

export interface SyncMetaRow {
  name: string;
  value: unknown;
}

const CHANGES_TABLE = 'syncChanges';
/** More rows than this written in one transaction are noted as `ALL_ROWS`. */
export const BULK_CHANGE = 1_000;

// Rows noted so far in each transaction; `Infinity` once it noted `ALL_ROWS` and needs no more.
// Imports write in batches well under the limit, so the count is per transaction, not per write.
const notedIn = new WeakMap<object, number>();

// Transactions that only fill fields derived from what is stored (index terms): no one changed
// anything, so nothing is noted for sync. Lives only as long as each transaction.
const derivedWrites = new WeakSet<object>();

/** Marks a transaction (its native `IDBTransaction`) as writing derived fields only. */
export function markDerivedWrites(trans: IDBTransaction): void {
  derivedWrites.add(trans);
}

export function isDerivedWrite(trans: object | undefined): boolean {
  return trans !== undefined && derivedWrites.has(trans);
}

function changedIds(prefix: string, request: DBCoreMutateRequest, keyPath: string): string[] {
  switch (request.type) {
    case 'add':
    case 'put':
      return (request.keys ?? request.values.map((row: Record<string, unknown>) => row[keyPath])).map((key) => prefix + String(key));
    case 'delete':
      return request.keys.map((key) => prefix + String(key));
    case 'deleteRange':
      return [ALL_ROWS];
  }
}

export const trackSyncChanges: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'track-sync-changes',
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      const touchesSynced = stores.some((store) => store in SYNCED_TABLES);
      const widened = mode === 'readwrite' && touchesSynced && !stores.includes(CHANGES_TABLE) && down.schema.tables.some((t) => t.name === CHANGES_TABLE);
      return down.transaction(widened ? [...stores, CHANGES_TABLE] : stores, mode, options);
    },
    table(name): DBCoreTable {
      const table = down.table(name);
      if (!(name in SYNCED_TABLES)) return table;
      const prefix = SYNCED_TABLES[name as SyncedTable];
      const keyPath = String(table.schema.primaryKey.keyPath);
      return {
        ...table,
        async mutate(request) {
          const result = await table.mutate(request);
          // Upgrades from before version 3 run without the changes table.
          const scope = (request.trans as unknown as IDBTransaction).objectStoreNames;
          if (scope && !scope.contains(CHANGES_TABLE)) return result;
          if (isDerivedWrite(request.trans)) return result;
          const noted = notedIn.get(request.trans) ?? 0;
          if (noted === Infinity) return result;
          let ids = [...new Set(changedIds(prefix, request, keyPath))];
          // A bulk write (an import, a restore) is noted once: sync then looks at every row, which
          // costs it no more than reading that many notes, and the write itself half as much.
          if (noted + ids.length > BULK_CHANGE) ids = [ALL_ROWS];
          notedIn.set(request.trans, ids[0] === ALL_ROWS ? Infinity : noted + ids.length);
          if (ids.length > 0) {
            const at = Date.now();
            await down.table(CHANGES_TABLE).mutate({ type: 'put', trans: request.trans, values: ids.map((id) => ({ id, at })) });
          }
          return result;
        },
      };
    },
  }),
};
