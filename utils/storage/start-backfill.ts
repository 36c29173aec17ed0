import { browser } from 'wxt/browser';
import { CHECK_ALARM } from '../core/alarms';
import type { RelationshipDb } from './db';
import { STEMS_BACKFILL } from './index-terms';
import { runStemsBackfill } from './stems-backfill';

/**
 * After a schema upgrade, fills the introduction terms of people stored before: at every start and
 * every heartbeat it resumes from the marker row, so a worker stopped or a browser closed midway
 * loses nothing. The lock lets one run at a time.
 */
export function startIndexBackfill(db: RelationshipDb): void {
  const backfill = () => navigator.locks.request(STEMS_BACKFILL, () => runStemsBackfill(db)).catch(() => undefined);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CHECK_ALARM) void backfill();
  });
  void backfill();
}
