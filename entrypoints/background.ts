import { defineBackground } from 'wxt/utils/define-background';
import { startReminders } from '@/utils/followups/start-reminders';
import { countProfileReads } from '@/utils/linkedin/profile-reads';
import { serveSidebars } from '@/utils/sidebar/serve-sidebars';
import { getDb } from '@/utils/storage/db';
import { startIndexBackfill } from '@/utils/storage/start-backfill';
import { startSync } from '@/utils/sync/start-sync';

/**
 * What runs in the background, each domain wiring its own listeners. Every one registers them
 * synchronously (the worker may have been woken by any of these events) and keeps no state in
 * variables: it can be stopped at any time (docs/ARCHITECTURE.md).
 */
export default defineBackground(() => {
  const db = getDb();
  serveSidebars(db);
  startReminders(db);
  startSync(db);
  startIndexBackfill(db);
  countProfileReads();
});
