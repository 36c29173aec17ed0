// Memory at scale (issue 16): the background's heap after the seed import and the options page's
// heap with the whole network on it, each the live heap after a full garbage collection.
import { chromium, type CDPSession, type Page } from '@playwright/test';
import type { LaunchedExtension } from '../tests/support/launch';
import { round, type Report } from './figures';

interface HeapUsage {
  usedSize: number;
}

/**
 * Sends DevTools commands to a target Playwright has no session for (the extension's service
 * worker), through the browser's own session: attach, then relay messages to and from it.
 */
async function targetSession(browser: CDPSession, targetId: string) {
  const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  browser.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (reply.id == null) return;
    waiting.get(reply.id)?.(reply.error ? Promise.reject(new Error(reply.error.message)) : reply.result);
    waiting.delete(reply.id);
  });
  return {
    send<T>(method: string, params: object = {}): Promise<T> {
      const id = ++next;
      const answer = new Promise<T>((resolve) => waiting.set(id, resolve as (result: unknown) => void));
      void browser.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      return answer;
    },
    detach: () => browser.send('Target.detachFromTarget', { sessionId }),
  };
}

/** Live heap after a full collection, in MB. */
async function liveHeapMb(send: <T>(method: string) => Promise<T>): Promise<number> {
  await send('HeapProfiler.collectGarbage');
  const { usedSize } = await send<HeapUsage>('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/** The background service worker's live heap, in MB. */
export async function backgroundHeapMb(ext: LaunchedExtension): Promise<number> {
  const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${ext.cdpPort}`);
  try {
    const browser = await cdp.newBrowserCDPSession();
    const { targetInfos } = (await browser.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`));
    if (!worker) throw new Error('The background service worker is not running');
    const session = await targetSession(browser, worker.targetId);
    const mb = await liveHeapMb((method) => session.send(method));
    await session.detach();
    return mb;
  } finally {
    await cdp.close();
  }
}

/** A page's live heap, in MB. Extension pages share a renderer, so this is theirs together. */
export async function pageHeapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    return await liveHeapMb((method) => session.send(method as never) as never);
  } finally {
    await session.detach();
  }
}

/** Both heaps, once the network is in: the options page shows every person. */
export async function measureMemory(report: Report, ext: LaunchedExtension, people: number): Promise<void> {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  // "30,000 contacts", however the language groups digits.
  const count = new RegExp(`^${String(people).replace(/(\d)(?=(\d{3})+$)/g, '$1[,.\\s\u00a0\u202f]?')} contacts$`);
  await options.getByText(count).waitFor({ timeout: 60_000 });
  await options.waitForTimeout(1_000);
  // Wakes the service worker if it went idle: a port to it, which it ignores.
  await options.evaluate(() => chrome.runtime.connect({ name: 'bench:wake' }).disconnect());
  await options.waitForTimeout(500);
  const optionsMb = await pageHeapMb(options);
  const backgroundMb = await backgroundHeapMb(ext);
  await options.close();
  report.add(
    { id: 'backgroundHeap', label: `Background heap after importing ${people} people (live, after GC)`, value: round(backgroundMb), unit: 'MB', target: 60 },
    { id: 'optionsHeap', label: `Options page heap at ${people} people (live, after GC)`, value: round(optionsMb), unit: 'MB', target: 150 },
  );
}
