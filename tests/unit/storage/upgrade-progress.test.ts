import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, DB_NAME, openRelationshipDb, SCHEMA_UPGRADE_LOCK, SCHEMA_VERSIONS } from '@/utils/storage/db';
import { STEMS_BACKFILL } from '@/utils/storage/index-terms';
import { schemaBehind, SCHEMA_STEP, upgradeUnderWay, watchUpgrade } from '@/utils/storage/upgrade-progress';
import type { UpgradeProgress } from '@/utils/core/schema';

const databases = (version?: number) => ({
  databases: async () => (version === undefined ? [] : [{ name: DB_NAME, version }]),
});

describe('telling pages the notes are being updated', () => {
  it('knows a database of an earlier schema from the version on disk (Dexie’s × 10)', async () => {
    expect(await schemaBehind(databases(10))).toBe(true);
    expect(await schemaBehind(databases((CURRENT_SCHEMA_VERSION - 1) * 10))).toBe(true);
    expect(await schemaBehind(databases(CURRENT_SCHEMA_VERSION * 10))).toBe(false);
    // No database yet: a new one is created, nothing to update.
    expect(await schemaBehind(databases())).toBe(false);
  });

  it('knows an upgrade is under way from the lock its runner holds', async () => {
    const held = (names: string[]) => ({ query: async () => ({ held: names.map((name) => ({ name })), pending: [] }) }) as unknown as LockManager;
    expect(await upgradeUnderWay(held([SCHEMA_UPGRADE_LOCK]))).toBe(true);
    expect(await upgradeUnderWay(held(['daily-reminder']))).toBe(false);
    expect(await upgradeUnderWay(undefined)).toBe(false);
  });

  it('says “schema” while a database of version 1 opens, then follows the backfill to its end', async () => {
    const name = `watch-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    await old.open();
    await old.table('contacts').add({ key: 'kenji', name: 'Kenji', offers: ['Python'], interests: [], needs: [] });
    old.close();

    const db = openRelationshipDb(name);
    const seen: Array<UpgradeProgress | null> = [];
    const stop = watchUpgrade(db, { databases: async () => [{ name, version: 10 }] }, (progress) => seen.push(progress));
    await db.open();
    await expect.poll(() => seen.at(-1)).toEqual({ done: 0, total: 1 });
    expect(seen[0]).toEqual(SCHEMA_STEP);
    await db.syncMeta.delete(STEMS_BACKFILL);
    await expect.poll(() => seen.at(-1)).toBeNull();
    stop();
    db.close();
    await Dexie.delete(name);
  });
});
