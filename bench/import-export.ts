// Import and export, through the options page as a user does them: the network is seeded by
// importing a generated Connections.csv (the import figure) and then a JSON backup, and the export
// is timed until Chromium has written the file.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { LaunchedExtension } from '../tests/e2e/launch';
import { browserCpuSeconds, cpuNote } from './cpu';
import { connectionsCsv, type BenchInteraction, type BenchPerson } from './data';
import { median, round, type Report } from './figures';
import { probeLength, waitForImport } from './probe';
import { backupJsonFor } from './seed';

// The import's own limit (utils/import-file.ts MAX_IMPORT_BYTES): a bigger backup cannot be restored.
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

async function importThroughUi(page: Page, file: string, userDataDir: string): Promise<{ ms: number; status: string; cpu: number | null }> {
  const from = await probeLength(page);
  const cpuBefore = browserCpuSeconds(userDataDir);
  await page.locator('input[type=file]').setInputFiles(file);
  const { chosen, done, status } = await waitForImport(page, from, basename(file));
  const cpuAfter = browserCpuSeconds(userDataDir);
  return { ms: done - chosen, status, cpu: cpuBefore != null && cpuAfter != null ? cpuAfter - cpuBefore : null };
}

/** Whether a status line names this count, however the language groups its digits. */
const says = (status: string, count: number) => status.replace(/(\d)[\s,.\u00a0\u202f](?=\d{3})/g, '$1').includes(String(count));

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
  report.add({
    id: 'importConnections',
    label: `Import Connections.csv (${people.length} rows)`,
    value: round(connections.ms / 1000, 2),
    unit: 's',
    target: 5,
    note: `file chosen → summary shown${cpuNote(connections.cpu)}`,
  });
  report.note(`Connections.csv (${round(statSync(csv).size / 2 ** 20)} MB): "${connections.status}"${cpuNote(connections.cpu)}.`);

  const json = join(dir, 'backup.json');
  writeFileSync(json, backupJsonFor(people, interactions, Date.now() + 1));
  const backup = await importThroughUi(page, json, userDataDir);
  if (!says(backup.status, interactions.length)) {
    throw new Error(`Backup: expected ${interactions.length} interactions added, the page says "${backup.status}"`);
  }
  report.add({
    id: 'importBackup',
    label: `Import JSON backup (${people.length} + ${interactions.length}) (info)`,
    value: round(backup.ms / 1000, 2),
    unit: 's',
    target: null,
    note: `file chosen → summary shown${cpuNote(backup.cpu)}`,
  });
  report.note(`Backup (${round(statSync(json).size / 2 ** 20)} MB): "${backup.status}"${cpuNote(backup.cpu)}.`);
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
