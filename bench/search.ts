// Search in the popup: from the query typed (the input event) to the results drawn, both as the
// probe logged them in the page.
import type { Page } from '@playwright/test';
import type { LaunchedExtension } from '../tests/support/launch';
import { searchQueries, type BenchPerson } from './data';
import type { Report } from './figures';
import { pollFor } from './poll';
import { probeLength, waitForState, type ProbeWindow } from './probe';

/** The results for `query`: the first results drawn after its input event, logged from entry `from` on. */
async function waitForResults(page: Page, from: number, query: string): Promise<{ ms: number; results: number | null | undefined }> {
  const find = () =>
    page.evaluate(
      ({ from, query }) => {
        const entries = (window as unknown as ProbeWindow).__probe?.log.slice(from) ?? [];
        const typed = entries.find((e) => e.kind === 'input' && e.value === query);
        const shown = typed && entries.find((e) => e.kind === 'state' && e.t >= typed.t && e.results != null);
        return typed && shown ? { ms: shown.t - typed.t, results: shown.results } : null;
      },
      { from, query },
    );
  return pollFor(find, `Timed out waiting for results of "${query}"`, { timeout: 20_000, interval: 10 });
}

/** Types each of the network's search queries into the popup's search box, after a warm-up query. */
export async function measureSearch(report: Report, ext: LaunchedExtension, people: BenchPerson[]): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await waitForState(page, 0, { dueList: true }, "the popup's list");
  const input = page.getByRole('searchbox');
  const latencies: number[] = [];
  const counts: string[] = [];
  const queries = searchQueries(people);
  let shown = false;
  for (const query of ['warm', ...queries]) {
    await input.fill('');
    const cleared = (await page.evaluate(() => performance.timeOrigin + performance.now())) - 1;
    // Only results shown can clear; an empty box from the start has nothing to wait for.
    if (shown) await waitForState(page, cleared, { noResults: true }, 'the search to clear', 5_000).catch(() => undefined);
    await page.waitForTimeout(50);
    const from = await probeLength(page);
    await input.fill(query);
    const { ms, results } = await waitForResults(page, from, query);
    shown = true;
    if (query !== 'warm') {
      latencies.push(ms);
      counts.push(`"${query}": ${results}`);
    }
  }
  await page.close();
  report.addLatency('search', `Search typed → results (${latencies.length} queries)`, latencies, 150);
  report.note(`Search results shown (limit 20): ${counts.join(', ')}.`);
}
