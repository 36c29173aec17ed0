// `npm run bench`: the extension at LinkedIn scale, in real Chromium with the built extension
// (EXTENSION_OUT_DIR picks the build, as for the e2e tests). Seeds the network through the
// options page's import (a generated Connections.csv, then a JSON backup with follow-ups and
// interactions), then measures. Prints a table and writes bench/results.json.
//
//   BENCH_CONTACTS  people in the network (default 30000; 5 interactions each)
//   BENCH_RUNS      runs per latency, at least 5 (default 7); medians are reported
//   BENCH_STRICT=1  exit non-zero when a target is missed (errors always do)
//   BENCH_RATIOS=1  exit non-zero when work regressed past its limit against its floor, or was not measured (figures.ts, RATIO_LIMITS)
//   BENCH_PROFILE_DIR  keep the browser profile there and reuse it when already seeded at this
//                   size (for working on one figure; import and export are then not measured)
//   BENCH_ONLY      comma list of: size, import, export, load, nav, popup, intro, search, archive, sync, upgrade, memory
//
// This file only runs the measurements, in this order, and writes the report; each lives in a
// module of its own: script-size, import-export, profile (load and navigation), popup, introductions, search,
// sync, archive.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXTENSION_PATH, launchWithExtension } from '../tests/support/launch';
import { localToday } from '../utils/core/dates';
import { measureArchiveImport } from './archive';
import { generateInteractions, generatePeople } from './data';
import { RATIO_LIMITS, Report, round } from './figures';
import { measureExport, seedThroughImport } from './import-export';
import { measureNetworkSuggestions, measurePopupBesideOptions, measureSidebarIntroductions } from './introductions';
import { measurePopup } from './popup';
import { PROBE_SOURCE } from './probe';
import { measureNavigation, measureProfileLoad } from './profile';
import { measureScriptSize } from './script-size';
import { measureSearch } from './search';
import { seedDirectly } from './seed';
import { addSyncFigures, measureSync } from './sync';
import { measureMemory } from './memory';
import { measureSchemaUpgrade } from './upgrade';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 30_000);
const INTERACTIONS_PER_CONTACT = 5;
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const RESULTS_FILE = resolve(import.meta.dirname, 'results.json');
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR ? resolve(process.env.BENCH_PROFILE_DIR) : null;
const ONLY = new Set((process.env.BENCH_ONLY ?? 'size,import,export,load,nav,popup,intro,search,archive,sync,upgrade,memory').split(',').map((s) => s.trim()));
// Bump when the generated data changes, so a kept profile (BENCH_PROFILE_DIR) is seeded again.
const DATA_VERSION = 3;

function log(message: string) {
  console.log(`[bench] ${message}`);
}

async function main() {
  const started = Date.now();
  const loadStart = loadavg();
  const today = localToday();
  const report = new Report();
  log(`${CONTACTS} contacts, ${CONTACTS * INTERACTIONS_PER_CONTACT} interactions, ${RUNS} runs per latency, extension at ${EXTENSION_PATH}`);
  const perFile = ONLY.has('size') ? measureScriptSize(report) : {};

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
        await seedThroughImport(report, options, people, interactions, work, ext.userDataDir);
        seededBy = "the options page's import (Connections.csv, then a JSON backup)";
      } else {
        await options.close();
        seededBy = await seedDirectly(ext, people, interactions);
        report.note('The options page has no import yet: the network was written straight into IndexedDB; import and export are not measured.');
      }
      log(`seeded through ${seededBy} in ${round((Date.now() - seedStart) / 1000)} s`);
      if (hasImport && ONLY.has('intro')) {
        await measurePopupBesideOptions(report, ext, RUNS, options, 'just after the import, beside its options page');
        log('popup after the import measured');
      }
      if (hasImport && ONLY.has('export')) {
        await measureExport(report, ext, options, CONTACTS, CONTACTS * INTERACTIONS_PER_CONTACT, work);
        log('export measured');
      }
      if (!options.isClosed()) await options.close();
      if (ONLY.has('memory')) {
        await measureMemory(report, ext, CONTACTS);
        log('memory measured');
      }
      if (marker) writeFileSync(marker, JSON.stringify({ contacts: CONTACTS, today, data: DATA_VERSION }));
    }
    if (ONLY.has('load') || ONLY.has('nav')) {
      const page = await measureProfileLoad(report, ext, RUNS);
      log('profile load measured');
      if (ONLY.has('nav')) {
        await measureNavigation(report, page, RUNS);
        log('in-page navigation measured');
      }
      await page.close();
    }
    if (ONLY.has('popup')) {
      await measurePopup(report, ext, RUNS, expectDue);
      log('popup measured');
    }
    if (ONLY.has('intro')) {
      await measureSidebarIntroductions(report, ext, RUNS);
      await measureNetworkSuggestions(report, ext, Math.min(RUNS, 5));
      await measurePopupBesideOptions(report, ext, RUNS);
      log('introductions measured');
    }
    if (ONLY.has('search')) {
      await measureSearch(report, ext, people);
      log('search measured');
    }
    if (ONLY.has('sync')) {
      addSyncFigures(report, await measureSync(ext, RUNS, log), CONTACTS * (1 + INTERACTIONS_PER_CONTACT));
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
    report.add(...archive.figures);
    report.note(...archive.notes);
    log('archive import measured');
  }

  // The schema upgrade from version 1, in a browser of its own.
  if (ONLY.has('upgrade')) {
    await measureSchemaUpgrade(CONTACTS, report);
    log('schema upgrade measured');
  }

  // A figure with a target that was to be measured and was not is reported as missing.
  for (const [id, label, target] of [
    ['importConnections', `Import Connections.csv (${CONTACTS} rows)`, 5],
    ['exportJson', `Export everything as JSON`, 3],
    ['archiveImport', `Import LinkedIn archive`, 15],
  ] as const) {
    const group = id === 'exportJson' ? 'export' : id === 'archiveImport' ? 'archive' : 'import';
    if (!report.has(id) && ONLY.has(group)) report.add({ id, label, value: null, unit: 's', target, note: 'not measured' });
  }
  report.note(`Machine: ${cpus().length} CPUs, load average ${loadStart.map((l) => round(l, 1)).join(' ')} at the start, ${loadavg().map((l) => round(l, 1)).join(' ')} at the end.`);
  const missed = report.missed();
  report.print();
  const results = {
    date: new Date().toISOString(),
    contacts: CONTACTS,
    interactions: CONTACTS * INTERACTIONS_PER_CONTACT,
    due: expectDue,
    runsPerLatency: RUNS,
    seededBy,
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadAverage: loadavg().map((l) => round(l, 2)) },
    durationSeconds: round((Date.now() - started) / 1000),
    figures: report.resultFigures(),
    ratios: report.ratios(),
    contentScriptFiles: perFile,
    notes: report.notes,
  };
  writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n');
  log(`wrote ${RESULTS_FILE} (${results.durationSeconds} s)`);
  if (process.env.BENCH_RATIOS === '1') {
    const regressed = results.ratios.filter((ratio) => !ratio.pass);
    if (regressed.length > 0) throw new Error(`Regressed against the floor: ${regressed.map((r) => `${r.figure} ${r.value} > ${r.limit}`).join(', ')}`);
    // A ratio left out (its part not run, or a figure gone) would pass unseen.
    const measured = new Set(results.ratios.map((ratio) => ratio.figure));
    const unmeasured = RATIO_LIMITS.filter(({ figure }) => !measured.has(figure));
    if (unmeasured.length > 0) throw new Error(`Not measured against the floor: ${unmeasured.map((r) => r.figure).join(', ')}`);
  }
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
