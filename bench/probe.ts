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
  let last = '';
  const snapshot = () => {
    const results = document.querySelector('section[aria-label] .results, section[aria-label] .empty');
    const state = {
      h1: text(document.querySelector('h1')),
      body: !!document.querySelector('.sidebar-body'),
      timeline: document.querySelectorAll('.sidebar-body li').length,
      due: document.querySelectorAll('.due-list > li').length,
      dueEmpty: !!document.querySelector('main.popup > p.empty'),
      results: results ? (results.matches('.empty') ? 0 : results.querySelectorAll('li').length) : null,
      resultsText: results ? text(results).slice(0, 80) : null,
      status: [...document.querySelectorAll('[role=status]')].map(text).filter(Boolean).join(' | '),
      alert: [...document.querySelectorAll('[role=alert]')].map(text).filter(Boolean).join(' | '),
      busy: !!document.querySelector('input[type=file]:disabled'),
    };
    const key = JSON.stringify(state);
    if (key === last) return;
    last = key;
    log.push({ t: now(), kind: 'state', ...state });
  };
  window.__probe = { log, snapshot };
  const observer = new MutationObserver(snapshot);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  for (const type of ['input', 'change']) {
    document.addEventListener(type, (event) => {
      const target = event.target;
      log.push({ t: now(), kind: type, value: target && 'value' in target ? String(target.value).slice(0, 80) : '' });
    }, true);
  }
})();`;

export interface ProbeEntry {
  t: number;
  kind: 'state' | 'input' | 'change';
  value?: string;
  h1?: string | null;
  body?: boolean;
  timeline?: number;
  due?: number;
  dueEmpty?: boolean;
  results?: number | null;
  resultsText?: string | null;
  status?: string;
  alert?: string;
  busy?: boolean;
}
