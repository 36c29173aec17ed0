// Import and export, through the options page as a user does them: the network is seeded by
// importing a generated Connections.csv (the import figure) and then a JSON backup, and the export
// is timed until Chromium has written the file.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { LaunchedExtension } from '../tests/support/launch';
import { DB_NAME, SCHEMA_VERSIONS } from '../utils/storage/db';
import { browserCpuSeconds, cpuNote } from './cpu';
import { connectionsCsv, type BenchInteraction, type BenchPerson } from './data';
import { median, round, type Figure, type Report } from './figures';
import { importProgress, longestTask, probeLength, stepTimes, waitForImport } from './probe';
import { backupJsonFor } from './seed';
import { roleChange } from '../utils/people/roles';

// The import's own limit (utils/core/import-errors.ts, MAX_IMPORT_BYTES): a bigger backup cannot be restored.
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

async function importThroughUi(
  page: Page,
  file: string,
  userDataDir: string,
): Promise<{ ms: number; status: string; cpu: number | null; longestTask: number; steps: string }> {
  const from = await probeLength(page);
  const cpuBefore = browserCpuSeconds(userDataDir);
  await page.locator('input[type=file]').setInputFiles(file);
  const { chosen, done, status } = await waitForImport(page, from, basename(file));
  const cpuAfter = browserCpuSeconds(userDataDir);
  return {
    ms: done - chosen,
    status,
    cpu: cpuBefore != null && cpuAfter != null ? cpuAfter - cpuBefore : null,
    longestTask: await longestTask(page, chosen, done),
    steps: stepTimes(await importProgress(page, chosen, done), done),
  };
}

/** For the page-side sources below: an IndexedDB request as a promise. */
export const ASK_SOURCE = `const ask = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });`;

/**
 * The floor under an import: the very rows it wrote, read back from the extension's database
 * (untimed), then added to a scratch database with no hooks and no sync notes, in one transaction
 * as the import's: with no indexes, or with today's (\`indexed\`). Runs in the options page, so it
 * pays what the import pays to reach IndexedDB, on disk. A string, as the probe: functions the
 * bench's compiler names do not survive into the page.
 */
const RAW_ADD_SOURCE = `async ({ source, tables, variants }) => {
  ${ASK_SOURCE}
  const stored = await ask(indexedDB.open(source));
  const rows = [];
  for (const table of tables) rows.push(await ask(stored.transaction(table.name).objectStore(table.name).getAll()));
  stored.close();
  const ms = [];
  for (const indexed of variants) {
    const name = 'bench-floor-' + Math.random();
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      for (const table of tables) {
        const store = open.result.createObjectStore(table.name, { keyPath: table.keyPath });
        for (const spec of (indexed ? table.indexes : [])) store.createIndex(spec.name, spec.keyPath, { multiEntry: spec.multiEntry });
      }
    };
    const db = await ask(open);
    const started = performance.now();
    const tx = db.transaction(tables.map((table) => table.name), 'readwrite');
    tables.forEach((table, t) => { for (const row of rows[t]) tx.objectStore(table.name).add(row); });
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    ms.push(performance.now() - started);
    db.close();
    indexedDB.deleteDatabase(name);
  }
  return { ms, counts: rows.map((list) => list.length) };
}`;

/** Today's secondary indexes of a table, read from its Dexie schema string (`'key, *terms, [a+b]'`). */
function indexSpecs(stores: string): Array<{ name: string; keyPath: string | string[]; multiEntry: boolean }> {
  return stores
    .split(',')
    .map((part) => part.trim())
    .slice(1)
    .map((part) => {
      const name = part.replace(/^\*/, '');
      const compound = /^\[(.+)\]$/.exec(name);
      return { name, keyPath: compound ? compound[1]!.split('+') : name, multiEntry: part.startsWith('*') };
    });
}

const TODAYS_STORES: Record<string, string> = Object.assign({}, ...SCHEMA_VERSIONS.map((version) => version.stores));

/** Rows an import wrote to one table: all that table holds once the import is done, in a fresh profile. */
export interface FloorRows {
  table: string;
  count: number;
}

/** How many rows each table holds now: what an import into an empty database wrote. */
export function storedRowCounts(page: Page, tables: readonly string[]): Promise<FloorRows[]> {
  const source = `async ({ name, tables }) => {
    ${ASK_SOURCE}
    const db = await ask(indexedDB.open(name));
    const counts = [];
    for (const table of tables) counts.push({ table, count: await ask(db.transaction(table).objectStore(table).count()) });
    db.close();
    return counts.filter((row) => row.count > 0);
  }`;
  return page.evaluate(`(${source})(${JSON.stringify({ name: DB_NAME, tables })})`) as Promise<FloorRows[]>;
}

/**
 * The floors for the rows an import wrote, one per variant (`true`: with today's indexes of each
 * table), from one read of those rows.
 */
export async function floorsMs<V extends readonly boolean[]>(page: Page, rows: FloorRows[], variants: [...V]): Promise<{ [K in keyof V]: number }> {
  const tables = rows.map(({ table }) => {
    const [keyPath, ...indexes] = TODAYS_STORES[table]!.split(',').map((part) => part.trim());
    return { name: table, keyPath, indexes: indexSpecs([keyPath, ...indexes].join(',')) };
  });
  const args = JSON.stringify({ source: DB_NAME, tables, variants });
  const { ms, counts } = (await page.evaluate(`(${RAW_ADD_SOURCE})(${args})`)) as { ms: number[]; counts: number[] };
  rows.forEach((row, i) => {
    if (counts[i] !== row.count) throw new Error(`The floor read ${counts[i]} ${row.table} rows; the import wrote ${row.count}`);
  });
  return ms as { [K in keyof V]: number };
}

/** Checks that the import wrote what the generated data holds: `expected` rows of each table. */
export function expectRows(written: readonly FloorRows[], expected: Record<string, number>, what: string): void {
  for (const [table, count] of Object.entries(expected)) {
    const found = written.find((row) => row.table === table)?.count ?? 0;
    if (found !== count) throw new Error(`${what}: expected ${count} ${table} rows written, found ${found}`);
  }
}

/** The two floors of an import as figures: `${id}Floor` (no indexes) and `${id}IndexedFloor`. */
export function floorFigures(id: string, rows: readonly FloorRows[], plainMs: number, indexedMs: number): Figure[] {
  const what = rows.map((r) => `${r.count} ${r.table}`).join(' + ');
  return [
    {
      id: `${id}Floor`,
      label: `Floor: ${what} rows added, no indexes (info)`,
      value: round(plainMs / 1000, 2),
      unit: 's',
      target: null,
    },
    {
      id: `${id}IndexedFloor`,
      label: `Floor: the same rows added with today's indexes (info)`,
      value: round(indexedMs / 1000, 2),
      unit: 's',
      target: null,
    },
  ];
}

/** Whether a status line names this count, however the language groups its digits. */
/** A status line with its numbers written plainly, however the language groups their digits. */
export const plainNumbers = (status: string) => status.replace(/(\d)[\s,.\u00a0\u202f](?=\d{3})/g, '$1');
const says = (status: string, count: number) => plainNumbers(status).includes(String(count));

/** What the import's job-change check costs at this size, at its slowest: every role reworded, none new. */
function jobChangeCompareMs(people: BenchPerson[]): number {
  const pairs = people.map((p) => [`${p.position} at ${p.company}`, `${p.position.toUpperCase()} @ ${p.company} ✨`.replace(' @ ', ' at ')] as const);
  const runs = [0, 1, 2].map(() => {
    const started = performance.now();
    let changed = 0;
    for (const [before, now] of pairs) if (roleChange(before, now)) changed++;
    if (changed !== 0) throw new Error(`job changes: ${changed} reworded roles were taken for new ones`);
    return performance.now() - started;
  });
  return median(runs);
}

/** Connections.csv (timed: the import figure), then a backup adding follow-ups and interactions. */
export async function seedThroughImport(
  report: Report,
  page: Page,
  people: BenchPerson[],
  interactions: BenchInteraction[],
  dir: string,
  userDataDir: string,
): Promise<void> {
  const csv = join(dir, 'Connections.csv');
  writeFileSync(csv, connectionsCsv(people));
  const connections = await importThroughUi(page, csv, userDataDir);
  if (!says(connections.status, people.length)) {
    throw new Error(`Connections.csv: expected ${people.length} people imported, the page says "${connections.status}"`);
  }
  const connectionRows = await storedRowCounts(page, ['contacts']);
  expectRows(connectionRows, { contacts: people.length }, 'Connections.csv');
  const [connectionsFloor] = await floorsMs(page, connectionRows, [false]);
  report.add(
    {
      id: 'importConnections',
      label: `Import Connections.csv (${people.length} rows)`,
      value: round(connections.ms / 1000, 2),
      unit: 's',
      target: 5,
      note: `file chosen → summary shown${cpuNote(connections.cpu)}`,
    },
    {
      id: 'importConnectionsFloor',
      label: `Floor: ${people.length} rows added, no indexes (info)`,
      value: round(connectionsFloor / 1000, 2),
      unit: 's',
      target: null,
    },
    {
      id: 'importConnectionsLongTask',
      label: 'Import Connections.csv: longest main-thread task',
      value: round(connections.longestTask),
      unit: 'ms',
      target: 200,
    },
  );
  report.note(`Connections.csv (${round(statSync(csv).size / 2 ** 20)} MB): "${connections.status}"${cpuNote(connections.cpu)}; by step: ${connections.steps}.`);
  report.add({
    id: 'jobChangeCompare',
    label: `Job changes: comparing ${people.length} roles with the last file's (info; a share of the import)`,
    value: round(jobChangeCompareMs(people) / 1000, 3),
    unit: 's',
    target: null,
    note: 'the worst case: every role written differently, so every comparison reads both texts through (utils/people/roles.ts, in Node’s V8)',
  });

  const json = join(dir, 'backup.json');
  writeFileSync(json, backupJsonFor(people, interactions, Date.now() + 1));
  const backup = await importThroughUi(page, json, userDataDir);
  if (!says(backup.status, interactions.length)) {
    throw new Error(`Backup: expected ${interactions.length} interactions added, the page says "${backup.status}"`);
  }
  // Every person was written again (the backup's are newer), and every entry added.
  const backupRows = await storedRowCounts(page, ['contacts', 'interactions']);
  expectRows(backupRows, { contacts: people.length, interactions: interactions.length }, 'Backup');
  const [backupFloor, backupIndexedFloor] = await floorsMs(page, backupRows, [false, true]);
  report.add(
    {
      id: 'importBackup',
      label: `Restore a JSON backup (${people.length} + ${interactions.length})`,
      value: round(backup.ms / 1000, 2),
      unit: 's',
      target: 10,
      note: `file chosen → summary shown${cpuNote(backup.cpu)}`,
    },
    ...floorFigures('importBackup', backupRows, backupFloor, backupIndexedFloor),
    {
      id: 'importBackupLongTask',
      label: 'Restore: longest main-thread task',
      value: round(backup.longestTask),
      unit: 'ms',
      target: 200,
    },
  );
  report.note(`Backup (${round(statSync(json).size / 2 ** 20)} MB): "${backup.status}"${cpuNote(backup.cpu)}; by step: ${backup.steps}.`);
}

/**
 * Clicks "Export JSON backup" and times it until Chromium has written the whole file. Downloads
 * are followed over the DevTools protocol: the harness's second CDP client takes over where
 * Chromium saves them, so Playwright's own download paths do not hold the files.
 */
export async function measureExport(report: Report, ext: LaunchedExtension, page: Page, people: number, interactions: number, dir: string): Promise<void> {
  const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${ext.cdpPort}`);
  const runs: number[] = [];
  const cpu: number[] = [];
  let size = 0;
  try {
    const session = await cdp.newBrowserCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: dir, eventsEnabled: true });
    for (let i = 0; i < (people > 5_000 ? 3 : 5); i++) {
      const button = page.getByRole('button', { name: /JSON/ });
      await button.waitFor();
      let onProgress: (event: { guid: string; state: string }) => void = () => undefined;
      const done = new Promise<string>((resolveDone, reject) => {
        const timer = setTimeout(() => reject(new Error('The export never finished downloading')), 180_000);
        onProgress = (event) => {
          if (event.state === 'completed') {
            clearTimeout(timer);
            resolveDone(event.guid);
          } else if (event.state === 'canceled') reject(new Error('The export download was cancelled'));
        };
        session.on('Browser.downloadProgress', onProgress);
      });
      const cpuBefore = browserCpuSeconds(ext.userDataDir);
      const started = Date.now();
      await button.click();
      const file = join(dir, await done);
      runs.push(Date.now() - started);
      const cpuAfter = browserCpuSeconds(ext.userDataDir);
      if (cpuBefore != null && cpuAfter != null) cpu.push(cpuAfter - cpuBefore);
      session.off('Browser.downloadProgress', onProgress);
      size = statSync(file).size;
      if (i === 0) {
        const backup = JSON.parse(readFileSync(file, 'utf8')) as { contacts: unknown[]; interactions: unknown[] };
        if (backup.contacts.length !== people || backup.interactions.length !== interactions) {
          throw new Error(`The export holds ${backup.contacts.length} people and ${backup.interactions.length} interactions`);
        }
      }
      rmSync(file);
    }
  } finally {
    await cdp.close().catch(() => undefined);
  }
  report.add({
    id: 'exportJson',
    label: `Export everything as JSON (${people} + ${interactions})`,
    value: round(median(runs) / 1000, 2),
    unit: 's',
    target: 3,
    runs: runs.map((r) => round(r / 1000, 2)),
    note: `click → file written${cpuNote(cpu.length ? median(cpu) : null)}`,
  });
  report.note(
    `Export: ${round(size / 2 ** 20)} MB file; click → file written, median of ${runs.length} ` +
      `(${runs.map((r) => round(r / 1000, 2)).join(', ')} s; the first runs right after the import)${cpuNote(cpu.length ? median(cpu) : null)}.` +
      (size > MAX_IMPORT_BYTES ? " LARGER than the import's 50 MB limit: this backup cannot be imported back." : ''),
  );
}
