// The schema upgrade at scale (issue 16): a database of schema version 1 with BENCH_CONTACTS people
// (default 30,000; one in five offers something, one in five looks for something) opened by
// today's extension. Reports the upgrade (target ≤ 5 s), the time until the popup's list shows, the
// background's backfill of introduction terms, and the floor: the same database upgraded with raw
// IndexedDB adding only the indexes and tables (no data rewrite), measured in the same run.
// Called from bench/run.ts; `tsx bench/upgrade.ts` runs it alone.
import { rmSync } from 'node:fs';
import { launchWithExtension, type LaunchedExtension } from '../tests/support/launch';
import { storedSchemaVersion, writeVersion1Database } from '../tests/support/version-1-database';
import { DB_NAME, SCHEMA_VERSIONS } from '../utils/storage/db';
import { localToday } from '../utils/core/dates';
import { Report, round as roundTo } from './figures';

const round = (value: number) => roundTo(value, 2);

// Notes in the popup when the update notice and the day's list first appear.
const POPUP_PROBE = `(() => {
  if (!location.pathname.endsWith('/popup.html')) return;
  const seen = (window.__upgradeProbe = {});
  const at = () => performance.timeOrigin + performance.now();
  new MutationObserver(() => {
    if (!seen.notice && document.querySelector('progress')) seen.notice = at();
    if (!seen.list && document.querySelector('.due-list')) seen.list = at();
    if (seen.notice && !seen.noticeGone && !document.querySelector('progress')) seen.noticeGone = at();
  }).observe(document, { childList: true, subtree: true });
})();`;

/** The floor: the same version 1 database taken to today's version with only indexes and tables added. */
async function indexOnlyUpgradeMs(ext: LaunchedExtension, count: number, today: string): Promise<number> {
  const page = await writeVersion1Database(ext, count, today);
  const ms = await page.evaluate(
    ({ name, versions }) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const open = indexedDB.open(name, versions.at(-1)!.version * 10);
        open.onupgradeneeded = () => {
          const tx = open.transaction!;
          for (const { stores } of versions.slice(1)) {
            for (const [store, spec] of Object.entries(stores)) {
              const [primary, ...indexes] = spec.split(',').map((part) => part.trim());
              const table = open.result.objectStoreNames.contains(store)
                ? tx.objectStore(store)
                : open.result.createObjectStore(store, { keyPath: primary });
              for (const index of indexes) {
                const path = index.replace(/^[*&]/, '');
                if (table.indexNames.contains(path)) continue;
                const keyPath = path.startsWith('[') ? path.slice(1, -1).split('+') : path;
                table.createIndex(path, keyPath, { multiEntry: index.startsWith('*') });
              }
            }
          }
        };
        open.onsuccess = () => {
          open.result.close();
          resolve(performance.now() - started);
        };
        open.onerror = () => reject(open.error);
      }),
    { name: DB_NAME, versions: SCHEMA_VERSIONS.map(({ version, stores }) => ({ version, stores })) },
  );
  await page.close();
  return ms;
}

/** Today's extension opens a version 1 database: the popup does the upgrade, the background the backfill. */
async function extensionUpgrade(ext: LaunchedExtension, count: number, today: string) {
  // The worker is stopped meanwhile; a fresh one starts on the next event and begins with the backfill, as after an update.
  const probe = await writeVersion1Database(ext, count, today);
  await ext.context.addInitScript({ content: POPUP_PROBE });
  // An open without a version waits behind an upgrade under way (`databases()` already says the new
  // version meanwhile): the first one to find today's version marks the end of the upgrade.
  const upgraded = probe.evaluate(
    async ({ name, version }) => {
      for (;;) {
        const found = await new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            open.result.close();
            resolve(open.result.version);
          };
          open.onerror = () => reject(open.error);
        });
        if (found >= version * 10) return performance.timeOrigin + performance.now();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    { name: DB_NAME, version: SCHEMA_VERSIONS.at(-1)!.version },
  );
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  const opened = await popup.evaluate(() => performance.timeOrigin);
  const upgradedAt = await upgraded;
  await popup.waitForFunction(() => (window as { __upgradeProbe?: { list?: number } }).__upgradeProbe?.list, null, { timeout: 60_000 });
  if ((await storedSchemaVersion(probe)) !== SCHEMA_VERSIONS.at(-1)!.version) throw new Error('The database was not upgraded');
  const woken = Date.now();
  await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'wake' }).catch(() => undefined));
  await popup.waitForFunction(() => (window as { __upgradeProbe?: { noticeGone?: number } }).__upgradeProbe?.noticeGone, null, {
    timeout: 120_000,
    polling: 50,
  });
  const seen = await popup.evaluate(() => (window as unknown as { __upgradeProbe: { notice?: number; list: number; noticeGone: number } }).__upgradeProbe);
  return {
    upgradeMs: upgradedAt - opened,
    listMs: seen.list - opened,
    noticeShown: seen.notice !== undefined,
    backfillMs: seen.noticeGone - woken,
  };
}

/** Measures the upgrade for `count` people; the figures and notes are added to `report` too (bench/run.ts's). */
export async function measureSchemaUpgrade(count: number, report: Report = new Report()): Promise<Report> {
  const today = localToday();
  const ext = await launchWithExtension({});
  try {
    const floorMs = await indexOnlyUpgradeMs(ext, count, today);
    const run = await extensionUpgrade(ext, count, today);
    const floor = `floor (the same upgrade adding indexes and tables only, raw IndexedDB, this run): ${round(floorMs / 1000)} s`;
    report.add(
      { id: 'schemaUpgrade', label: `Schema upgrade from version 1 (${count} people)`, value: round(run.upgradeMs / 1000), unit: 's', target: 5, note: `popup opened → database at today's version; ${floor}` },
      { id: 'schemaUpgradeFloor', label: 'Schema upgrade floor: indexes only, no data rewrite (info)', value: round(floorMs / 1000), unit: 's', target: null },
      { id: 'upgradePopupList', label: 'After an upgrade: popup opened → list of the day shown', value: round(run.listMs / 1000), unit: 's', target: null, note: run.noticeShown ? '"Updating your notes…" shown meanwhile' : 'no update notice was seen' },
      { id: 'stemsBackfill', label: 'Background backfill of introduction terms (info)', value: round(run.backfillMs / 1000), unit: 's', target: null, note: 'worker started → notice gone from the popup' },
    );
    report.note(`Schema upgrade: ${round(run.upgradeMs)} ms against a floor of ${round(floorMs)} ms; backfill ${round(run.backfillMs)} ms in the background.`);
    return report;
  } finally {
    await ext.close();
    rmSync(ext.userDataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  measureSchemaUpgrade(Number(process.env.BENCH_CONTACTS ?? 30_000))
    .then((report) => report.print())
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
