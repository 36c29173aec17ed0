import { type ClockState, INITIAL_CLOCK, tick } from './crdt/clock';
import { META, getMeta, setMeta } from './meta';
import { type OfferedText, SYNCED_TABLES, dismissKept, offeredTexts } from './crdt/merge';
import { type RelationshipDb } from '../storage/db';
import { OFFERED_FIELDS, recordRow } from './local';
/** Texts that lost a concurrent edit on another device, offered in the sidebar until the person answers. */
/** Texts of people that lost a concurrent edit on another device, by profile key, for the sidebar. */
export async function offersByPerson(db: RelationshipDb): Promise<Record<string, OfferedText[]>> {
  const rows = await db.syncRecords.where('offer').equals(1).toArray();
  return Object.fromEntries(
    rows.map((row) => [row.id.slice(SYNCED_TABLES.contacts.length), offeredTexts(row.rec, OFFERED_FIELDS)] as const).filter(([, offers]) => offers.length > 0),
  );
}

/** The person answered offers: they are dismissed here and, after the next sync, everywhere. */
export async function dismissOffers(db: RelationshipDb, key: string, stamps: string[], now: number): Promise<void> {
  await db.transaction('rw', db.syncRecords, db.syncMeta, async () => {
    const id = SYNCED_TABLES.contacts + key;
    const row = await db.syncRecords.get(id);
    if (!row) return;
    // Stamped like a fold, so the next upload carries it.
    const next = tick((await getMeta<ClockState>(db, META.clock)) ?? INITIAL_CLOCK, now, (await getMeta<string>(db, META.device)) ?? 'local');
    await setMeta(db, META.clock, next.state);
    await db.syncRecords.put(recordRow(id, dismissKept(row.rec, stamps), next.stamp));
  });
}
