// `npm run bench`: the extension at LinkedIn scale, in real Chromium with the built extension
// (EXTENSION_OUT_DIR picks the build, as for the e2e tests). Seeds the network through the
// options page's import (a generated Connections.csv, then a JSON backup with follow-ups and
// interactions), then measures. Prints a table and writes bench/results.json.
//
//   BENCH_CONTACTS  people in the network (default 30000; 5 interactions each)
//   BENCH_RUNS      runs per latency, at least 5 (default 7); medians are reported
//   BENCH_STRICT=1  exit non-zero when a target is missed (errors always do)
//   BENCH_PROFILE_DIR  keep the browser profile there and reuse it when already seeded at this
//                   size (for working on one figure; import and export are then not measured)
//   BENCH_ONLY      comma list of: size, import, export, load, nav, popup, search, archive, sync
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Frame, type Page } from '@playwright/test';
import { EXTENSION_PATH, launchWithExtension, type LaunchedExtension } from '../tests/e2e/launch';
import { localToday } from '../utils/dates';
import { connectionsCsv, FIXTURE_PEOPLE, generateInteractions, generatePeople, searchQueries, type BenchInteraction, type BenchPerson } from './data';
import { measureArchiveImport } from './archive';
import { PROBE_SOURCE, type ProbeEntry } from './probe';
import { backupJsonFor, seedDirectly } from './seed';
import { measureSync } from './sync';
import { measureSchemaUpgrade } from './upgrade';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 30_000);
const INTERACTIONS_PER_CONTACT = 5;
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const RESULTS_FILE = resolve(import.meta.dirname, 'results.json');
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR ? resolve(process.env.BENCH_PROFILE_DIR) : null;
const ONLY = new Set((process.env.BENCH_ONLY ?? 'size,import,export,load,nav,popup,search,archive,sync').split(',').map((s) => s.trim()));
// The import's own limit (utils/import-file.ts MAX_IMPORT_BYTES): a bigger backup cannot be restored.
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
// Bump when the generated data changes, so a kept profile (BENCH_PROFILE_DIR) is seeded again.
const DATA_VERSION = 2;

interface Figure {
  id: string;
  label: string;
  value: number | null;
  unit: 'KB' | 'ms' | 'MB' | 's';
  /** The target, or null for a figure reported for information. */
  target: number | null;
  runs?: number[];
  note?: string;
}

const figures: Figure[] = [];
const notes: string[] = [];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function addLatency(id: string, label: string, runs: number[], target: number | null, note?: string) {
  figures.push({ id, label, value: round(median(runs)), unit: 'ms', target, runs: runs.map((r) => round(r)), note });
}

function log(message: string) {
  console.log(`[bench] ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Script bytes: everything the manifest injects into LinkedIn pages.

function scriptBytes() {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_PATH, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  };
  const files = (manifest.content_scripts ?? []).flatMap((entry) => [...(entry.js ?? []), ...(entry.css ?? [])]);
  let raw = 0;
  let gzip = 0;
  const perFile: Record<string, { raw: number; gzip: number }> = {};
  for (const file of new Set(files)) {
    const bytes = readFileSync(join(EXTENSION_PATH, file));
    const zipped = gzipSync(bytes, { level: 9 }).length;
    perFile[file] = { raw: bytes.length, gzip: zipped };
    raw += bytes.length;
    gzip += zipped;
  }
  figures.push({ id: 'contentScriptRaw', label: 'Content scripts, raw', value: round(raw / 1024, 2), unit: 'KB', target: null });
  figures.push({ id: 'contentScriptGzip', label: 'Content scripts, gzip', value: round(gzip / 1024, 2), unit: 'KB', target: 6 });

  // For information: what the sidebar frame loads (an extension page, not LinkedIn's page).
  const html = readFileSync(join(EXTENSION_PATH, 'sidebar.html'), 'utf8');
  const frameFiles = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!.replace(/^\//, ''));
  let frameRaw = 0;
  let frameGzip = 0;
  for (const file of new Set(frameFiles)) {
    const bytes = readFileSync(join(EXTENSION_PATH, file));
    frameRaw += bytes.length;
    frameGzip += gzipSync(bytes, { level: 9 }).length;
  }
  figures.push({
    id: 'sidebarFrameGzip',
    label: 'Sidebar frame JS, gzip (info)',
    value: round(frameGzip / 1024, 1),
    unit: 'KB',
    target: null,
    note: `${round(frameRaw / 1024, 1)} KB raw, ${frameFiles.length} files; loads in the extension frame, not LinkedIn's page`,
  });
  return perFile;
}

// ---------------------------------------------------------------------------------------------
// Helpers on pages and frames.

async function probeLog(target: Page | Frame): Promise<ProbeEntry[]> {
  return target.evaluate(() => (window as unknown as { __probe?: { log: ProbeEntry[] } }).__probe?.log ?? []);
}

/** The first logged state after `since` that satisfies `match`, waiting for it up to `timeout`. */
async function waitForState(
  target: Page | Frame,
  since: number,
  match: (entry: ProbeEntry) => boolean,
  what: string,
  timeout = 20_000,
): Promise<ProbeEntry> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await probeLog(target).catch(() => [])).find((e) => e.kind === 'state' && e.t >= since && match(e));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function sidebarFrame(page: Page, timeout = 20_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar.html') && !f.isDetached());
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('The sidebar frame never appeared');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const timeOrigin = (target: Page | Frame) => target.evaluate(() => performance.timeOrigin);
// What each fixture page shows as the person's name.
const FIXTURE_NAMES: Record<string, string> = { 'amara-okafor': 'Amara Okafor', 'kenji-tanaka': 'Kenji Tanaka', 'zhang-wei': '张伟' };

// ---------------------------------------------------------------------------------------------
// Measurements.

async function measureProfileLoad(ext: LaunchedExtension): Promise<Page> {
  const page = await ext.context.newPage();
  const toName: number[] = [];
  const toNotes: number[] = [];
  const frameStarted: number[] = [];
  const frameDrawn: number[] = [];
  const frameScripts: number[] = [];
  // One cold run first (worker, database and caches warm up), reported apart.
  let cold: { name: number; notes: number } | null = null;
  for (let i = 0; i <= RUNS; i++) {
    const person = FIXTURE_PEOPLE[i % FIXTURE_PEOPLE.length]!;
    const name = FIXTURE_NAMES[person.slug]!;
    await page.goto(`https://www.linkedin.com/in/${person.slug}/`, { waitUntil: 'commit' });
    const origin = await timeOrigin(page);
    const frame = await sidebarFrame(page);
    const named = await waitForState(frame, origin, (e) => e.h1 === name, `the sidebar to show ${name}`);
    const ready = await waitForState(frame, origin, (e) => e.h1 === name && e.body === true, `${name}'s notes`);
    if (i === 0) {
      cold = { name: named.t - origin, notes: ready.t - origin };
      continue;
    }
    toName.push(named.t - origin);
    toNotes.push(ready.t - origin);
    const frameOrigin = await timeOrigin(frame);
    frameStarted.push(frameOrigin - origin);
    // Module scripts have run by DOMContentLoaded: the frame's bundle is loaded and evaluated.
    const dcl = await frame.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart);
    frameScripts.push(frameOrigin + dcl - origin);
    frameDrawn.push((await waitForState(frame, origin, (e) => e.h1 != null, 'the sidebar to draw')).t - origin);
  }
  addLatency('profileLoadToSidebar', 'Profile load → sidebar shows the person', toName, 300);
  addLatency('profileLoadToNotes', 'Profile load → sidebar shows their notes (info)', toNotes, null);
  notes.push(
    `Profile load, medians: the content script starts the sidebar frame's navigation at ${round(median(frameStarted))} ms, ` +
      `its scripts have run at ${round(median(frameScripts))} ms, it first draws at ${round(median(frameDrawn))} ms, ` +
      `the name shows at ${round(median(toName))} ms. ` +
      `First (cold) run, not in the median: name ${round(cold!.name)} ms, notes ${round(cold!.notes)} ms.`,
  );
  return page;
}

async function measureNavigation(page: Page): Promise<void> {
  // Links outside <main>, which the fixture swaps on each in-page navigation.
  await page.evaluate((slugs) => {
    const nav = document.createElement('nav');
    nav.id = 'bench-nav';
    for (const slug of slugs) {
      const a = document.createElement('a');
      a.href = `/in/${slug}/`;
      a.dataset.spa = '';
      a.dataset.slug = slug;
      a.textContent = slug;
      nav.append(a);
    }
    document.body.append(nav);
  }, FIXTURE_PEOPLE.map((p) => p.slug));
  const origin = await timeOrigin(page);
  const current = (await page.evaluate(() => location.pathname)).split('/')[2];
  let index = FIXTURE_PEOPLE.findIndex((p) => p.slug === current);
  const pastRender: number[] = [];
  const pastClick: number[] = [];
  const notesPastRender: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    index = (index + 1) % FIXTURE_PEOPLE.length;
    const person = FIXTURE_PEOPLE[index]!;
    const name = FIXTURE_NAMES[person.slug]!;
    const frame = await sidebarFrame(page);
    const clickedAt = await page.evaluate((slug) => {
      document.querySelector<HTMLAnchorElement>(`#bench-nav a[data-slug="${slug}"]`)!.click();
      return performance.timeOrigin + performance.now();
    }, person.slug);
    const named = await waitForState(frame, clickedAt, (e) => e.h1 === name, `the sidebar to follow to ${name}`);
    const ready = await waitForState(frame, clickedAt, (e) => e.h1 === name && e.body === true, `${name}'s notes`);
    const renderedAt = await page.evaluate(() => (window as unknown as { __fixtureRenderedAt?: number }).__fixtureRenderedAt ?? 0);
    const rendered = origin + renderedAt;
    if (rendered < clickedAt) throw new Error('The fixture page did not render the new profile');
    if (i === 0) continue; // warm-up
    pastRender.push(named.t - rendered);
    pastClick.push(named.t - clickedAt);
    notesPastRender.push(ready.t - rendered);
  }
  addLatency('navigationToSidebar', 'In-page navigation → sidebar shows new person, past page render', pastRender, 200);
  addLatency('navigationFromClick', 'In-page navigation, from the click (info; page renders ~120 ms in)', pastClick, null);
  addLatency('navigationToNotes', 'In-page navigation → new person’s notes, past page render (info)', notesPastRender, null);
}

/** Bytes of live JavaScript objects: the heap after a full collection. Extension pages share a
 * renderer process, so garbage other pages left behind (an import) is collected first. */
async function heapUsedMb(page: Page): Promise<{ live: number; beforeGc: number }> {
  const session = await page.context().newCDPSession(page);
  const before = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  await session.send('HeapProfiler.collectGarbage');
  const after = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  await session.detach();
  return { live: after.usedSize / 2 ** 20, beforeGc: before.usedSize / 2 ** 20 };
}

async function measurePopup(ext: LaunchedExtension, expectDue: number): Promise<void> {
  const drawn: number[] = [];
  const heaps: number[] = [];
  const heapsBeforeGc: number[] = [];
  let dueShown = 0;
  let rowsDrawn = 0;
  for (let i = 0; i <= RUNS; i++) {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`, { waitUntil: 'commit' });
    const origin = await timeOrigin(page);
    const state = await waitForState(page, origin, (e) => (e.due ?? 0) > 0 || e.dueEmpty === true, "the popup's list");
    rowsDrawn = state.due ?? 0;
    dueShown = await page.evaluate(() => Number(document.querySelector('.due-list > li')?.getAttribute('aria-setsize') ?? document.querySelectorAll('.due-list > li').length));
    if (i > 0) {
      drawn.push(state.t - origin);
      await page.waitForTimeout(300); // let the rest of the popup settle before weighing it
      const heap = await heapUsedMb(page);
      heaps.push(heap.live);
      heapsBeforeGc.push(heap.beforeGc);
    }
    await page.close();
  }
  addLatency('popupToList', `Popup opened → today's list drawn (${dueShown} due)`, drawn, 300);
  figures.push({
    id: 'popupHeap',
    label: 'Popup JS heap (live, after GC)',
    value: round(median(heaps)),
    unit: 'MB',
    target: 40,
    runs: heaps.map((h) => round(h)),
    note: `before GC: median ${round(median(heapsBeforeGc))} MB`,
  });
  if (expectDue > 0 && dueShown !== expectDue) throw new Error(`The popup lists ${dueShown} people due; ${expectDue} are`);
  notes.push(
    `Popup: ${dueShown} due, ${rowsDrawn} rows drawn (virtual list). Heap before GC ${round(median(heapsBeforeGc))} MB (median), ` +
      `live after GC ${round(median(heaps))} MB.`,
  );
}

async function measureSearch(ext: LaunchedExtension, people: BenchPerson[]): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await waitForState(page, 0, (e) => (e.due ?? 0) > 0 || e.dueEmpty === true, "the popup's list");
  const input = page.getByRole('searchbox');
  const latencies: number[] = [];
  const counts: string[] = [];
  const queries = searchQueries(people);
  for (const query of ['warm', ...queries]) {
    await input.fill('');
    const cleared = (await page.evaluate(() => performance.timeOrigin + performance.now())) - 1;
    await waitForState(page, cleared, (e) => e.results === null, 'the search to clear').catch(() => undefined);
    await page.waitForTimeout(50);
    const before = (await probeLog(page)).length;
    await input.fill(query);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const entries = (await probeLog(page)).slice(before);
      const typed = entries.find((e) => e.kind === 'input' && e.value === query);
      const shown = typed && entries.find((e) => e.kind === 'state' && e.t >= typed.t && e.results != null);
      if (typed && shown) {
        if (query !== 'warm') {
          latencies.push(shown.t - typed.t);
          counts.push(`"${query}": ${shown.results}`);
        }
        break;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for results of "${query}"`);
      await page.waitForTimeout(10);
    }
  }
  await page.close();
  addLatency('search', `Search typed → results (${latencies.length} queries)`, latencies, 150);
  notes.push(`Search results shown (limit 20): ${counts.join(', ')}.`);
}

// ---------------------------------------------------------------------------------------------
// CPU time of the browser under test. On a machine shared with other work, wall-clock times of
// long operations mostly measure the queue for the CPU; the CPU seconds the browser's processes
// spent say what the operation costs. Linux only (/proc); null elsewhere.

function browserCpuSeconds(userDataDir: string): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const parents = new Map<number, number>();
  const times = new Map<number, number>();
  const roots: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(pid, Number(fields[1]));
      times.set(pid, Number(fields[11]) + Number(fields[12]));
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${userDataDir}`)) roots.push(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  if (tree.size === 0) return null;
  let ticks = 0;
  for (const pid of tree) ticks += times.get(pid) ?? 0;
  return ticks / 100; // USER_HZ
}

const cpuNote = (seconds: number | null) => (seconds == null ? '' : `; browser CPU time ${round(seconds, 1)} s`);

// ---------------------------------------------------------------------------------------------
// Import and export, through the options page as a user does them.

async function importThroughUi(page: Page, file: string, userDataDir: string): Promise<{ ms: number; status: string; cpu: number | null }> {
  const before = (await probeLog(page)).length;
  const cpuBefore = browserCpuSeconds(userDataDir);
  await page.locator('input[type=file]').setInputFiles(file);
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const entries = (await probeLog(page)).slice(before);
    const change = entries.find((e) => e.kind === 'change');
    const started = change && entries.find((e) => e.kind === 'state' && e.t >= change.t && e.busy);
    const done = started && entries.find((e) => e.kind === 'state' && e.t > started.t && !e.busy);
    if (change && done) {
      if (done.alert) throw new Error(`Importing ${basename(file)} failed: ${done.alert}`);
      const cpuAfter = browserCpuSeconds(userDataDir);
      return { ms: done.t - change.t, status: done.status ?? '', cpu: cpuBefore != null && cpuAfter != null ? cpuAfter - cpuBefore : null };
    }
    if (Date.now() > deadline) throw new Error(`Timed out importing ${basename(file)}`);
    await page.waitForTimeout(50);
  }
}

/** Whether a status line names this count, however the language groups its digits. */
const says = (status: string, count: number) => status.replace(/(\d)[\s,.\u00a0\u202f](?=\d{3})/g, '$1').includes(String(count));

/** Connections.csv (timed: the import figure), then a backup adding follow-ups and interactions. */
async function seedThroughImport(page: Page, people: BenchPerson[], interactions: BenchInteraction[], dir: string, userDataDir: string) {
  const csv = join(dir, 'Connections.csv');
  writeFileSync(csv, connectionsCsv(people));
  const connections = await importThroughUi(page, csv, userDataDir);
  if (!says(connections.status, people.length)) {
    throw new Error(`Connections.csv: expected ${people.length} people imported, the page says "${connections.status}"`);
  }
  figures.push({
    id: 'importConnections',
    label: `Import Connections.csv (${people.length} rows)`,
    value: round(connections.ms / 1000, 2),
    unit: 's',
    target: 5,
    note: `file chosen → summary shown${cpuNote(connections.cpu)}`,
  });
  notes.push(`Connections.csv (${round(statSync(csv).size / 2 ** 20)} MB): "${connections.status}"${cpuNote(connections.cpu)}.`);

  const json = join(dir, 'backup.json');
  writeFileSync(json, backupJsonFor(people, interactions, Date.now() + 1));
  const backup = await importThroughUi(page, json, userDataDir);
  if (!says(backup.status, interactions.length)) {
    throw new Error(`Backup: expected ${interactions.length} interactions added, the page says "${backup.status}"`);
  }
  figures.push({
    id: 'importBackup',
    label: `Import JSON backup (${people.length} + ${interactions.length}) (info)`,
    value: round(backup.ms / 1000, 2),
    unit: 's',
    target: null,
    note: `file chosen → summary shown${cpuNote(backup.cpu)}`,
  });
  notes.push(`Backup (${round(statSync(json).size / 2 ** 20)} MB): "${backup.status}"${cpuNote(backup.cpu)}.`);
}

/**
 * Clicks "Export JSON backup" and times it until Chromium has written the whole file. Downloads
 * are followed over the DevTools protocol: the harness's second CDP client takes over where
 * Chromium saves them, so Playwright's own download paths do not hold the files.
 */
async function measureExport(ext: LaunchedExtension, page: Page, people: number, interactions: number, dir: string): Promise<void> {
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
  figures.push({
    id: 'exportJson',
    label: `Export everything as JSON (${people} + ${interactions})`,
    value: round(median(runs) / 1000, 2),
    unit: 's',
    target: 3,
    runs: runs.map((r) => round(r / 1000, 2)),
    note: `click → file written${cpuNote(cpu.length ? median(cpu) : null)}`,
  });
  notes.push(
    `Export: ${round(size / 2 ** 20)} MB file; click → file written, median of ${runs.length} ` +
      `(${runs.map((r) => round(r / 1000, 2)).join(', ')} s; the first runs right after the import)${cpuNote(cpu.length ? median(cpu) : null)}.` +
      (size > MAX_IMPORT_BYTES ? " LARGER than the import's 50 MB limit: this backup cannot be imported back." : ''),
  );
}

// ---------------------------------------------------------------------------------------------

function printTable() {
  const rows = figures.map((f) => {
    const value = f.value == null ? 'n/a' : `${f.value} ${f.unit}`;
    const target = f.target == null ? '' : `≤ ${f.target} ${f.unit}`;
    const result = f.target == null || f.value == null ? (f.value == null ? 'MISSING' : '') : f.value <= f.target ? 'pass' : 'FAIL';
    return [f.label, value, target, result];
  });
  const header = ['Figure', 'Value', 'Target', 'Result'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ');
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
  console.log('');
  for (const note of notes) console.log(`- ${note}`);
}

async function main() {
  const started = Date.now();
  const loadStart = loadavg();
  const today = localToday();
  log(`${CONTACTS} contacts, ${CONTACTS * INTERACTIONS_PER_CONTACT} interactions, ${RUNS} runs per latency, extension at ${EXTENSION_PATH}`);
  const perFile = ONLY.has('size') ? scriptBytes() : {};

  const people = generatePeople(CONTACTS, today);
  const interactions = generateInteractions(people, INTERACTIONS_PER_CONTACT, today);
  const expectDue = people.filter((p) => p.nextFollowUp && p.nextFollowUp <= today).length;

  const marker = PROFILE_DIR && join(PROFILE_DIR, 'bench-seeded.json');
  const reuse = !!marker && existsSync(marker) && readFileSync(marker, 'utf8') === JSON.stringify({ contacts: CONTACTS, today, data: DATA_VERSION });
  if (PROFILE_DIR && !reuse) {
    rmSync(PROFILE_DIR, { recursive: true, force: true });
    mkdirSync(PROFILE_DIR, { recursive: true });
  }
  const work = mkdtempSync(join(tmpdir(), 'relnotes-bench-'));
  const ext = await launchWithExtension(PROFILE_DIR ? { userDataDir: PROFILE_DIR } : {});
  let seededBy = reuse ? 'a profile seeded by an earlier run' : '';
  try {
    await ext.context.addInitScript({ content: PROBE_SOURCE });
    if (!reuse) {
      const options = await ext.context.newPage();
      await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
      const hasImport = await options
        .locator('input[type=file]')
        .waitFor({ state: 'attached', timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      const seedStart = Date.now();
      if (hasImport) {
        await seedThroughImport(options, people, interactions, work, ext.userDataDir);
        seededBy = "the options page's import (Connections.csv, then a JSON backup)";
      } else {
        await options.close();
        seededBy = await seedDirectly(ext, people, interactions);
        notes.push('The options page has no import yet: the network was written straight into IndexedDB; import and export are not measured.');
      }
      log(`seeded through ${seededBy} in ${round((Date.now() - seedStart) / 1000)} s`);
      if (hasImport && ONLY.has('export')) {
        await measureExport(ext, options, CONTACTS, CONTACTS * INTERACTIONS_PER_CONTACT, work);
        log('export measured');
      }
      if (!options.isClosed()) await options.close();
      if (marker) writeFileSync(marker, JSON.stringify({ contacts: CONTACTS, today, data: DATA_VERSION }));
    }
    if (ONLY.has('load') || ONLY.has('nav')) {
      const page = await measureProfileLoad(ext);
      log('profile load measured');
      if (ONLY.has('nav')) {
        await measureNavigation(page);
        log('in-page navigation measured');
      }
      await page.close();
    }
    if (ONLY.has('popup')) {
      await measurePopup(ext, expectDue);
      log('popup measured');
    }
    if (ONLY.has('search')) {
      await measureSearch(ext, people);
      log('search measured');
    }
    if (ONLY.has('sync')) {
      const sync = await measureSync(ext, RUNS, log);
      const total = CONTACTS * (1 + INTERACTIONS_PER_CONTACT);
      figures.push({
        id: 'syncFirst',
        label: `First sync to an empty WebDAV server (${total} records)`,
        value: round(sync.firstSyncMs / 1000),
        unit: 's',
        target: 30,
        note: `${round(sync.setupAndFirstSyncMs / 1000)} s from the click, PBKDF2 included; ${round(sync.firstSyncBytes / 1024 / 1024)} MB uploaded`,
      });
      addLatency('syncOneChange', 'A later sync carrying one change', sync.oneChangeRuns, 2000);
      figures.push({ id: 'syncBytesPerChange', label: 'Bytes uploaded for one change', value: round(median(sync.bytesPerChange) / 1024, 2), unit: 'KB', target: null });
      log('sync measured');
    }
  } finally {
    await ext.close();
    rmSync(work, { recursive: true, force: true });
    // A throwaway profile holds the whole network (100+ MB at full size).
    if (!PROFILE_DIR) rmSync(ext.userDataDir, { recursive: true, force: true });
  }
  // In a browser of its own, once the network's one is closed: the archive goes into a fresh profile.
  if (ONLY.has('archive')) {
    const archive = await measureArchiveImport(people);
    figures.push(...archive.figures);
    notes.push(...archive.notes);
    log('archive import measured');
  }

  // The schema upgrade from version 1 (bench/upgrade.ts), in a browser of its own; BENCH_ONLY=upgrade alone.
  if (!process.env.BENCH_ONLY || ONLY.has('upgrade')) await measureSchemaUpgrade(CONTACTS, { figures, notes });

  for (const [id, label, target] of [
    ['importConnections', `Import Connections.csv (${CONTACTS} rows)`, 5],
    ['exportJson', `Export everything as JSON`, 3],
    ['archiveImport', `Import LinkedIn archive`, 15],
  ] as const) {
    const group = id === 'exportJson' ? 'export' : id === 'archiveImport' ? 'archive' : 'import';
    if (!figures.some((f) => f.id === id) && ONLY.has(group)) {
      figures.push({ id, label, value: null, unit: 's', target, note: 'not measured' });
    }
  }
  notes.push(`Machine: ${cpus().length} CPUs, load average ${loadStart.map((l) => round(l, 1)).join(' ')} at the start, ${loadavg().map((l) => round(l, 1)).join(' ')} at the end.`);
  const missed = figures.filter((f) => f.target != null && (f.value == null || f.value > f.target));
  printTable();
  const results = {
    date: new Date().toISOString(),
    contacts: CONTACTS,
    interactions: CONTACTS * INTERACTIONS_PER_CONTACT,
    due: expectDue,
    runsPerLatency: RUNS,
    seededBy,
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadAverage: loadavg().map((l) => round(l, 2)) },
    durationSeconds: round((Date.now() - started) / 1000),
    figures: figures.map((f) => ({
      ...f,
      pass: f.target == null || f.value == null ? null : f.value <= f.target,
    })),
    contentScriptFiles: perFile,
    notes,
  };
  writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n');
  log(`wrote ${RESULTS_FILE} (${results.durationSeconds} s)`);
  if (missed.length > 0) {
    const list = missed.map((f) => f.id).join(', ');
    if (process.env.BENCH_STRICT === '1') throw new Error(`Missed targets: ${list}`);
    log(`missed targets (reported, not failing the run): ${list}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
