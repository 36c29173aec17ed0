// The sidebar on LinkedIn profiles: from a profile load, and from an in-page (single-page app)
// navigation, to the sidebar showing the person and their notes. Times are the probe's, taken in
// the pages when the sidebar committed each state.
import type { Frame, Page } from '@playwright/test';
import type { LaunchedExtension } from '../tests/support/launch';
import { FIXTURE_PEOPLE } from './data';
import { median, round, type Report } from './figures';
import { timeOrigin, waitForState } from './probe';

// What each fixture page shows as the person's name.
const FIXTURE_NAMES: Record<string, string> = { 'amara-okafor': 'Amara Okafor', 'kenji-tanaka': 'Kenji Tanaka', 'zhang-wei': '张伟' };

const isSidebar = (frame: Frame) => frame.url().endsWith('/sidebar.html') && !frame.isDetached();

/** The page's sidebar frame, once it has navigated to the sidebar. */
export async function sidebarFrame(page: Page, timeout = 20_000): Promise<Frame> {
  return (
    page.frames().find(isSidebar) ??
    page.waitForEvent('framenavigated', { predicate: isSidebar, timeout }).catch(() => {
      throw new Error('The sidebar frame never appeared');
    })
  );
}

/** Opens each fixture profile in turn; returns the page, left on the last profile. */
export async function measureProfileLoad(report: Report, ext: LaunchedExtension, runs: number): Promise<Page> {
  const page = await ext.context.newPage();
  const toName: number[] = [];
  const toNotes: number[] = [];
  const frameStarted: number[] = [];
  const frameDrawn: number[] = [];
  const frameScripts: number[] = [];
  // One cold run first (worker, database and caches warm up), reported apart.
  let cold: { name: number; notes: number } | null = null;
  for (let i = 0; i <= runs; i++) {
    const person = FIXTURE_PEOPLE[i % FIXTURE_PEOPLE.length]!;
    const name = FIXTURE_NAMES[person.slug]!;
    await page.goto(`https://www.linkedin.com/in/${person.slug}/`, { waitUntil: 'commit' });
    const origin = await timeOrigin(page);
    const frame = await sidebarFrame(page);
    const named = await waitForState(frame, origin, { name }, `the sidebar to show ${name}`);
    const ready = await waitForState(frame, origin, { name, notes: true }, `${name}'s notes`);
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
    frameDrawn.push((await waitForState(frame, origin, { anyone: true }, 'the sidebar to draw')).t - origin);
  }
  report.addLatency('profileLoadToSidebar', 'Profile load → sidebar shows the person', toName, 300);
  report.addLatency('profileLoadToNotes', 'Profile load → sidebar shows their notes (info)', toNotes, null);
  report.note(
    `Profile load, medians: the content script starts the sidebar frame's navigation at ${round(median(frameStarted))} ms, ` +
      `its scripts have run at ${round(median(frameScripts))} ms, it first draws at ${round(median(frameDrawn))} ms, ` +
      `the name shows at ${round(median(toName))} ms. ` +
      `First (cold) run, not in the median: name ${round(cold!.name)} ms, notes ${round(cold!.notes)} ms.`,
  );
  return page;
}

/** From a profile `page`, follows in-page links to the other fixture profiles in turn. */
export async function measureNavigation(report: Report, page: Page, runs: number): Promise<void> {
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
  for (let i = 0; i <= runs; i++) {
    index = (index + 1) % FIXTURE_PEOPLE.length;
    const person = FIXTURE_PEOPLE[index]!;
    const name = FIXTURE_NAMES[person.slug]!;
    const frame = await sidebarFrame(page);
    const clickedAt = await page.evaluate((slug) => {
      document.querySelector<HTMLAnchorElement>(`#bench-nav a[data-slug="${slug}"]`)!.click();
      return performance.timeOrigin + performance.now();
    }, person.slug);
    const named = await waitForState(frame, clickedAt, { name }, `the sidebar to follow to ${name}`);
    const ready = await waitForState(frame, clickedAt, { name, notes: true }, `${name}'s notes`);
    const renderedAt = await page.evaluate(() => (window as unknown as { __fixtureRenderedAt?: number }).__fixtureRenderedAt ?? 0);
    const rendered = origin + renderedAt;
    if (rendered < clickedAt) throw new Error('The fixture page did not render the new profile');
    if (i === 0) continue; // warm-up
    pastRender.push(named.t - rendered);
    pastClick.push(named.t - clickedAt);
    notesPastRender.push(ready.t - rendered);
  }
  report.addLatency('navigationToSidebar', 'In-page navigation → sidebar shows new person, past page render', pastRender, 200);
  report.addLatency('navigationFromClick', 'In-page navigation, from the click (info; page renders ~120 ms in)', pastClick, null);
  report.addLatency('navigationToNotes', 'In-page navigation → new person’s notes, past page render (info)', notesPastRender, null);
}
