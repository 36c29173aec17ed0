// Introductions at scale (issue 16): the sidebar's introductions once the notes show, the options
// page's network-wide suggestions (their time to show, and the longest main-thread task while they
// are computed), and the popup opened beside the options page. Each with a floor from the same run.
import type { Page } from '@playwright/test';
import type { LaunchedExtension } from '../tests/support/launch';
import { DB_NAME } from '../utils/storage/db';
import { phrasesStems } from '../utils/core/stemming';
import { FIXTURE_PEOPLE } from './data';
import { round, type Report } from './figures';
import { timeOrigin, waitForState, type ProbeEntry, type ProbeWindow } from './probe';
import { sidebarFrame } from './profile';

// The fixture person with notes to match (bench/seed.ts gives her a popular need and offer).
const AMARA = FIXTURE_PEOPLE[0]!;
const AMARA_NAME = `${AMARA.first} ${AMARA.last}`;

/** Profile load → notes → introductions, `runs` times after a warm-up; the median gap is the figure. */
export async function measureSidebarIntroductions(report: Report, ext: LaunchedExtension, runs: number): Promise<void> {
  const page = await ext.context.newPage();
  const afterNotes: number[] = [];
  const afterLoad: number[] = [];
  let shown = 0;
  try {
    for (let i = 0; i <= runs; i++) {
      await page.goto(`https://www.linkedin.com/in/${AMARA.slug}/`, { waitUntil: 'commit' });
      const origin = await timeOrigin(page);
      const frame = await sidebarFrame(page);
      const notes = await waitForState(frame, origin, { name: AMARA_NAME, notes: true }, `${AMARA_NAME}'s notes`);
      const intro = await waitForState(frame, origin, { introductions: true }, `${AMARA_NAME}'s introductions`, 60_000);
      shown = intro.intro ?? 0;
      if (i === 0) continue; // warm-up
      afterNotes.push(Math.max(0, intro.t - notes.t));
      afterLoad.push(intro.t - origin);
    }
  } finally {
    await page.close();
  }
  const keys = await candidateKeysFloor(ext, runs);
  report.addLatency('sidebarIntroductions', `Sidebar: introductions after the notes show (${shown} listed)`, afterNotes, 300);
  report.addLatency('sidebarIntroductionsFromLoad', 'Sidebar: profile load → introductions (info)', afterLoad, null);
  report.addLatency('introCandidateKeys', 'Floor: reading the candidates’ keys alone (index getAllKeys, per term)', keys.runs, null, `${keys.candidates} candidates`);
  if (shown === 0) report.note(`The sidebar listed no introductions for ${AMARA_NAME}: the figure measures an empty answer.`);
}

/**
 * The floor under the sidebar's query: in the background worker, the keys of everyone whose offers
 * share a stem with Amara's needs, or whose needs share one with her offers, through the indexes,
 * and nothing else (no records read, nothing ranked).
 */
async function candidateKeysFloor(ext: LaunchedExtension, runs: number): Promise<{ runs: number[]; candidates: number }> {
  const worker = ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`));
  if (!worker) throw new Error('No background worker to measure in');
  // What bench/seed.ts gives Amara, stemmed as the extension does.
  const needTerms = phrasesStems(['design feedback']);
  const offerTerms = phrasesStems(['seed funding advice']);
  const times: number[] = [];
  let candidates = 0;
  for (let i = 0; i <= runs; i++) {
    const args = JSON.stringify({ name: DB_NAME, needTerms, offerTerms });
    const result = (await worker.evaluate(`(${READ_CANDIDATE_KEYS})(${args})`)) as { ms: number; candidates: number };
    candidates = result.candidates;
    if (i > 0) times.push(result.ms);
  }
  return { runs: times, candidates };
}

// A string, as the probe: a transpiled function could reference helpers (`__name`) the worker lacks.
const READ_CANDIDATE_KEYS = `async ({ name, needTerms, offerTerms }) => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const start = performance.now();
  const store = db.transaction('contacts', 'readonly').objectStore('contacts');
  const read = (index, term) => new Promise((resolve, reject) => {
    const request = store.index(index).getAllKeys(IDBKeyRange.only(term));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const lists = await Promise.all([
    ...needTerms.map((term) => read('offerTerms', term)),
    ...offerTerms.map((term) => read('needTerms', term)),
  ]);
  const ms = performance.now() - start;
  db.close();
  return { ms, candidates: new Set(lists.flat().map(String)).size };
}`;

const entries = (page: Page) => page.evaluate(() => (window as unknown as ProbeWindow).__probe?.log ?? []);

/** The long tasks logged that started in [from, to]: their lengths, in ms. */
const longTasks = (log: ProbeEntry[], from: number, to: number) =>
  log.filter((e) => e.kind === 'longtask' && e.t >= from && e.t <= to).map((e) => e.duration ?? 0);
/** The longest long task in [from, to], in ms; 0 when there was none. */
const longestTask = (log: ProbeEntry[], from: number, to: number) => Math.max(0, ...longTasks(log, from, to));

/**
 * Opens the options page `runs` times: its network-wide suggestions' time to show, and the longest
 * main-thread task from the page's start until they show. The floor is the longest task until the
 * network list (which reads every contact on the page's thread) has drawn its rows.
 */
export async function measureNetworkSuggestions(report: Report, ext: LaunchedExtension, runs: number): Promise<void> {
  const shownAt: number[] = [];
  const longest: number[] = [];
  const longestToList: number[] = [];
  const longestPastList: number[] = [];
  const blocked: number[] = [];
  const listFirst: boolean[] = [];
  let listed = 0;
  for (let i = 0; i <= runs; i++) {
    const page = await ext.context.newPage();
    try {
      await page.goto(`chrome-extension://${ext.extensionId}/options.html`, { waitUntil: 'commit' });
      const origin = await timeOrigin(page);
      const shown = await waitForState(page, origin, { introductions: true }, 'the network-wide suggestions', 120_000);
      const list = await waitForState(page, origin, { networkRows: true }, 'the network list', 120_000);
      // A long task is logged once it has ended: let one that was running end.
      await page.waitForTimeout(200);
      const log = await entries(page);
      listed = shown.intro ?? 0;
      if (i === 0) continue; // warm-up
      shownAt.push(shown.t - origin);
      longest.push(longestTask(log, origin, shown.t));
      longestToList.push(longestTask(log, origin, list.t));
      // Once the list has drawn, what remains on the page's thread until the suggestions show is theirs.
      longestPastList.push(list.t <= shown.t ? longestTask(log, list.t, shown.t) : 0);
      blocked.push(longTasks(log, origin, shown.t).reduce((sum, d) => sum + d, 0));
      listFirst.push(list.t <= shown.t);
    } finally {
      await page.close();
    }
  }
  report.addLatency('suggestionsShown', `Options page: network-wide suggestions shown (${listed} listed) (info)`, shownAt, null);
  report.addLatency('suggestionsLongestTask', 'Options page: longest main-thread task while the suggestions compute, past the list', longestPastList, 200);
  report.addLatency('suggestionsLongestTaskFromStart', 'Options page: longest main-thread task from the start until the suggestions show (info)', longest, null);
  report.addLatency('suggestionsBlocked', 'Options page: main thread in long tasks until the suggestions show (info)', blocked, null);
  report.addLatency('networkListLongestTask', 'Floor: longest main-thread task until the network list draws (info)', longestToList, null);
  report.note(
    `Options page: the network list drew before the suggestions in ${listFirst.filter(Boolean).length} of ${listFirst.length} runs; ` +
      'it reads every contact on the page\'s thread, so its longest task is the floor under the suggestions\' window.',
  );
}

/**
 * The popup opened `runs` times while an options page is open: `options` when given (the one that
 * just imported the network, still busy with it), else a fresh one, loaded first (its list and suggestions shown). The floor is the popup's bare page
 * load: its HTML received, before any script ran (Navigation Timing `responseEnd`).
 */
export async function measurePopupBesideOptions(
  report: Report,
  ext: LaunchedExtension,
  runs: number,
  options?: Page,
  condition = 'options page open',
): Promise<void> {
  const own = !options;
  const beside = options ?? (await ext.context.newPage());
  try {
    if (own) {
      await beside.goto(`chrome-extension://${ext.extensionId}/options.html`, { waitUntil: 'commit' });
      const origin = await timeOrigin(beside);
      await waitForState(beside, origin, { networkRows: true }, 'the network list', 120_000);
      await waitForState(beside, origin, { introductions: true }, 'the suggestions', 120_000);
    }
    const drawn: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const page = await ext.context.newPage();
      await page.goto(`chrome-extension://${ext.extensionId}/popup.html`, { waitUntil: 'commit' });
      const origin = await timeOrigin(page);
      const state = await waitForState(page, origin, { dueList: true }, "the popup's list");
      const plan = await waitForState(page, origin, { plan: true }, "today's plan");
      const responseEnd = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd);
      await page.close();
      if (i === 0 && !own) {
        // The first popup right after the import: its plan was made by then (the background, or this popup).
        report.add(
          { id: 'popupFirstAfterImport', label: "First popup after the import → today's list drawn (info)", value: round(state.t - origin), unit: 'ms', target: null },
          { id: 'popupFirstAfterImportPlan', label: `First popup after the import → today's plan drawn (${plan.plan ?? 0} people)`, value: round(plan.t - origin), unit: 'ms', target: null },
        );
      }
      if (i === 0) continue;
      drawn.push(state.t - origin);
      bare.push(responseEnd);
    }
    const id = own ? 'popupBesideOptions' : 'popupAfterImport';
    report.addLatency(id, `Popup opened → today's list drawn, ${condition}`, drawn, 300);
    report.addLatency(`${id}Floor`, "Floor: the popup's bare page load (HTML received, no script yet)", bare, null);
  } finally {
    if (own) await beside.close();
  }
}
