// The popup: opened → today's list drawn (a time the probe took in the page), and its live heap.
import type { Page } from '@playwright/test';
import type { LaunchedExtension } from '../tests/support/launch';
import { median, round, type Report } from './figures';
import { longestTask, timeOrigin, waitForState } from './probe';

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

/** Opens the popup `runs` times after a warm-up; checks it lists the `expectDue` people due. */
export async function measurePopup(report: Report, ext: LaunchedExtension, runs: number, expectDue: number): Promise<void> {
  const drawn: number[] = [];
  const planned: number[] = [];
  const planTasks: number[] = [];
  let items = 0;
  const heaps: number[] = [];
  const heapsBeforeGc: number[] = [];
  let dueShown = 0;
  let rowsDrawn = 0;
  for (let i = 0; i <= runs; i++) {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`, { waitUntil: 'commit' });
    const origin = await timeOrigin(page);
    const state = await waitForState(page, origin, { dueList: true }, "the popup's list");
    const plan = await waitForState(page, origin, { plan: true }, "today's plan");
    items = plan.plan ?? 0;
    if (i > 0) planned.push(plan.t - origin);
    rowsDrawn = state.due ?? 0;
    dueShown = await page.evaluate(() => Number(document.querySelector('.due-list > li')?.getAttribute('aria-setsize') ?? document.querySelectorAll('.due-list > li').length));
    if (i > 0) {
      drawn.push(state.t - origin);
      await page.waitForTimeout(300); // let the rest of the popup settle before weighing it
      // The plan's reads and drawing, its live checks after it drew included.
      planTasks.push(await longestTask(page, origin, plan.t + 300));
      const heap = await heapUsedMb(page);
      heaps.push(heap.live);
      heapsBeforeGc.push(heap.beforeGc);
    }
    await page.close();
  }
  report.addLatency('popupToList', `Popup opened → today's list drawn (${dueShown} due)`, drawn, 300);
  report.addLatency('popupToPlan', `Popup opened → today's plan drawn (${items} people)`, planned, null);
  report.addLatency('popupPlanLongTask', "Popup: longest main-thread task until today's plan is drawn and 300 ms after", planTasks, 200);
  if (expectDue > 0 && items === 0) throw new Error(`Today's plan is empty; ${expectDue} people are due`);
  report.add({
    id: 'popupHeap',
    label: 'Popup JS heap (live, after GC)',
    value: round(median(heaps)),
    unit: 'MB',
    target: 40,
    runs: heaps.map((h) => round(h)),
    note: `before GC: median ${round(median(heapsBeforeGc))} MB`,
  });
  if (expectDue > 0 && dueShown !== expectDue) throw new Error(`The popup lists ${dueShown} people due; ${expectDue} are`);
  report.note(
    `Popup: ${dueShown} due, ${rowsDrawn} rows drawn (virtual list). Heap before GC ${round(median(heapsBeforeGc))} MB (median), ` +
      `live after GC ${round(median(heaps))} MB.`,
  );
}
