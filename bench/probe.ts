import type { Frame, Page } from '@playwright/test';
import { round } from './figures';
import { pollFor } from './poll';

/**
 * Runs at document start in every extension page (the sidebar frame, the popup, the options page)
 * and logs, with absolute timestamps (`timeOrigin + now`, comparable across processes), each
 * change of what the page shows and each input event. A MutationObserver callback runs right
 * after the DOM change, so a state's time is when it was committed, not polled for.
 *
 * Kept as a string: a transpiled function could reference helpers (`__name`) the page lacks.
 */
export const PROBE_SOURCE = `(() => {
  if (location.protocol !== 'chrome-extension:' || window.__probe) return;
  const log = [];
  const now = () => performance.timeOrigin + performance.now();
  const text = (el) => (el ? (el.textContent || '').replace(/\\s+/g, ' ').trim() : null);
  // Suggested introductions (sidebar or options page): how many are listed, 0 for "none", null before an answer.
  const introductions = () => {
    const section = document.querySelector('section.introductions');
    if (!section) return null;
    const list = section.querySelector('.intro-list');
    if (list) return list.querySelectorAll('li.intro').length;
    return section.querySelector('.empty') ? 0 : null;
  };
  let last = '';
  const snapshot = () => {
    const results = document.querySelector('section[aria-label] .results, section[aria-label] .empty');
    const state = {
      h1: text(document.querySelector('h1')),
      body: !!document.querySelector('.sidebar-body'),
      timeline: document.querySelectorAll('.sidebar-body li').length,
      due: document.querySelectorAll('.due-list > li').length,
      dueEmpty: !!document.querySelector('main.popup > p.empty'),
      plan: document.querySelectorAll('.plan-items > li').length,
      planEmpty: !!document.querySelector('.plan > p.empty'),
      results: results ? (results.matches('.empty') ? 0 : results.querySelectorAll('li').length) : null,
      resultsText: results ? text(results).slice(0, 80) : null,
      status: [...document.querySelectorAll('[role=status]')].map(text).filter(Boolean).join(' | '),
      alert: [...document.querySelectorAll('[role=alert]')].map(text).filter(Boolean).join(' | '),
      busy: !!document.querySelector('input[type=file]:disabled'),
      progress: text(document.querySelector('.import-progress')),
      intro: introductions(),
      network: document.querySelectorAll('.network-table tbody tr').length,
    };
    const key = JSON.stringify(state);
    if (key === last) return;
    last = key;
    log.push({ t: now(), kind: 'state', ...state });
  };
  window.__probe = { log, snapshot };
  const observer = new MutationObserver(snapshot);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  // Long tasks (50 ms and more) on the page's main thread, with absolute start times.
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) log.push({ t: performance.timeOrigin + entry.startTime, kind: 'longtask', duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  for (const type of ['input', 'change']) {
    document.addEventListener(type, (event) => {
      const target = event.target;
      log.push({ t: now(), kind: type, value: target && 'value' in target ? String(target.value).slice(0, 80) : '' });
    }, true);
  }
})();`;

export interface ProbeEntry {
  t: number;
  kind: 'state' | 'input' | 'change' | 'longtask';
  value?: string;
  /** A long task's length, in ms. */
  duration?: number;
  h1?: string | null;
  body?: boolean;
  timeline?: number;
  due?: number;
  dueEmpty?: boolean;
  plan?: number;
  planEmpty?: boolean;
  results?: number | null;
  resultsText?: string | null;
  status?: string;
  alert?: string;
  busy?: boolean;
  /** The import's progress line, while one shows. */
  progress?: string | null;
  /** Introductions listed: a count, 0 for "none", null before an answer. */
  intro?: number | null;
  /** Rows drawn in the options page's network list. */
  network?: number;
}

// ---------------------------------------------------------------------------------------------
// Reading the log. Each wait below asks the page for the entries it needs every few ms (Playwright's
// expect.poll) and returns them, so a time it reports is when the page changed, taken in the page,
// not when the benchmark looked. page.waitForFunction would check in the page too, but it installs
// Playwright's injected script in every page and frame it runs in (0.55 MB of heap and some 20 ms
// of work, measured here): the popup's heap figure and the sidebar's load times would include it.

/** An extension page's window, with the probe once it has run. */
export type ProbeWindow = { __probe?: { log: ProbeEntry[] } };

/** The page's time origin: an absolute time, as the probe's, that a page's `performance.now()` counts from. */
export const timeOrigin = (target: Page | Frame) => target.evaluate(() => performance.timeOrigin);

/** How many entries the probe has logged: a later wait reads from there. */
export async function probeLength(target: Page | Frame): Promise<number> {
  return target.evaluate(() => (window as unknown as ProbeWindow).__probe?.log.length ?? 0);
}

/** What a logged state shows. */
export type Showing =
  /** The sidebar shows this person; with `notes`, their notes too. */
  | { name: string; notes?: boolean }
  /** The sidebar shows a person, whoever it is. */
  | { anyone: true }
  /** The popup shows its list of people due, or that nobody is due. */
  | { dueList: true }
  /** The popup shows today's plan, or that it is empty. */
  | { plan: true }
  /** The popup shows no search results. */
  | { noResults: true }
  /** The sidebar or the options page answers with its introductions (a list, or none). */
  | { introductions: true }
  /** The options page draws rows of its network list. */
  | { networkRows: true };

/** The first state logged at or after `since` (an absolute time, as the probe's) that shows `showing`. */
export async function waitForState(target: Page | Frame, since: number, showing: Showing, what: string, timeout = 20_000): Promise<ProbeEntry> {
  const find = () =>
    target
      .evaluate(
        ({ since, showing }) =>
          (window as unknown as ProbeWindow).__probe?.log.find(
            (e) =>
              e.kind === 'state' &&
              e.t >= since &&
              ('name' in showing
                ? e.h1 === showing.name && (!showing.notes || e.body === true)
                : 'anyone' in showing
                  ? e.h1 != null
                  : 'dueList' in showing
                    ? (e.due ?? 0) > 0 || e.dueEmpty === true
                    : 'plan' in showing
                    ? (e.plan ?? 0) > 0 || e.planEmpty === true
                    : 'introductions' in showing
                      ? e.intro != null
                      : 'networkRows' in showing
                        ? (e.network ?? 0) > 0
                        : e.results === null),
          ),
        { since, showing },
      )
      // The frame may be between documents, or its probe not yet running.
      .catch(() => undefined);
  return pollFor(find, `Timed out waiting for ${what}`, { timeout, interval: 20 });
}

/**
 * An import through the options page's file input, once it is over: the file chosen (the input's
 * `change`), the input then disabled while the import runs, and enabled again with the summary.
 * Reads the log from entry `from` on, every `interval` ms (each look is a task in the importing
 * page, so a caller keeps the pace its figures were taken at); throws when the page shows an error.
 */
export async function waitForImport(page: Page, from: number, what: string, interval = 50): Promise<{ chosen: number; done: number; status: string }> {
  const find = () =>
    page.evaluate((from) => {
      const entries = (window as unknown as ProbeWindow).__probe?.log.slice(from) ?? [];
      const change = entries.find((e) => e.kind === 'change');
      const started = change && entries.find((e) => e.kind === 'state' && e.t >= change.t && e.busy);
      const done = started && entries.find((e) => e.kind === 'state' && e.t > started.t && !e.busy);
      return change && done ? { chosen: change.t, done: done.t, status: done.status ?? '', alert: done.alert ?? '' } : null;
    }, from);
  const { alert, ...result } = await pollFor(find, `Timed out importing ${what}`, { timeout: 10 * 60_000, interval });
  if (alert) throw new Error(`Importing ${what} failed: ${alert}`);
  return result;
}

/** The longest main-thread task (over 50 ms, as the browser counts them) that began between `from` and `to`; 0 when none did. */
export async function longestTask(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ({ from, to }) =>
      Math.max(
        0,
        ...((window as unknown as ProbeWindow).__probe?.log ?? [])
          .filter((e) => e.kind === 'longtask' && e.t >= from && e.t <= to)
          .map((e) => e.duration ?? 0),
      ),
    { from, to },
  );
}

/** Each change of the import's progress line between `from` and `to`: when, and its step (the text before any count). */
export async function importProgress(page: Page, from: number, to: number): Promise<Array<[number, string]>> {
  const lines = await page.evaluate(
    ({ from, to }) =>
      ((window as unknown as ProbeWindow).__probe?.log ?? [])
        .filter((e) => e.kind === 'state' && e.t >= from && e.t <= to)
        .map((e): [number, string] => [e.t, e.progress ?? '']),
    { from, to },
  );
  const changes: Array<[number, string]> = [];
  let last = '';
  for (const [t, line] of lines) {
    if (line && line !== last) changes.push([t, line]);
    last = line;
  }
  return changes;
}

/** Seconds from the first progress line of each step to the first line of the next (the last step ends at `end`). */
export function stepTimes(progress: Array<[number, string]>, end: number): string {
  const firsts: Array<[string, number]> = [];
  for (const [t, line] of progress) {
    const step = line.split(':')[0]!.replace(/…$/, '');
    if (firsts[firsts.length - 1]?.[0] !== step) firsts.push([step, t]);
  }
  return firsts.map(([step, t], i) => `${step} ${round(((firsts[i + 1]?.[1] ?? end) - t) / 1000)} s`).join(', ');
}
