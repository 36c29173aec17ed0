// Sync at LinkedIn scale, in the extension's own service worker: the first sync of the whole
// network to an empty WebDAV folder (a private Apache mod_dav on 127.0.0.1), then syncs that each
// carry one change typed in the sidebar. Times come from the status the background writes.
import type { Page } from '@playwright/test';
import type { LaunchedExtension } from '../tests/support/launch';
import { removeWebdavServer, startWebdavServer, type WebdavServer } from '../tests/support/webdav-server';
import { fillSyncSetup, grantSiteAccess, syncStatus } from '../tests/support/sync-devices';
import type { SyncStatus } from '../utils/sync/state';
import { median, round, type Report } from './figures';
import { pollFor } from './poll';

export interface SyncBench {
  /** Records the first sync sent, as its status counts them. */
  firstSyncRecords: number;
  firstSyncMs: number;
  /** From the click on "Turn on sync" to the end of the first sync, key derivation included. */
  setupAndFirstSyncMs: number;
  oneChangeRuns: number[];
  bytesPerChange: number[];
  firstSyncBytes: number;
}

/** The status once a sync that started after `after` has finished; throws when it failed. */
async function finishedAfter(page: Page, after: number, timeoutMs: number): Promise<SyncStatus> {
  const finished = await pollFor(
    async () => {
      const current = await syncStatus(page);
      return current?.finishedAt && current.finishedAt > after && current.startedAt ? current : null;
    },
    'Sync did not finish in time',
    { timeout: timeoutMs, interval: 200 },
  );
  if (finished.problem) throw new Error(`Sync failed: ${finished.problem}`);
  return finished;
}

/**
 * Turns sync on in `options` with `server`'s empty folder, as a user does, and waits for the first
 * sync: its status, and when "Turn on sync" was clicked.
 */
export async function firstSyncTo(ext: LaunchedExtension, server: WebdavServer, options: Page): Promise<{ first: SyncStatus; clicked: number }> {
  await grantSiteAccess(ext, server.url);
  const clicked = await fillSyncSetup(options, { folder: server.url, username: server.username, password: server.password, passphrase: 'bench passphrase' });
  return { first: await finishedAfter(options, clicked, 10 * 60_000), clicked };
}

export async function measureSync(ext: LaunchedExtension, runs: number, log: (m: string) => void): Promise<SyncBench> {
  const server = await startWebdavServer();
  try {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const { first, clicked } = await firstSyncTo(ext, server, options);
    log(`first sync: ${first.sent} records, ${first.bytesSent} bytes`);
    const result: SyncBench = {
      firstSyncRecords: first.sent,
      firstSyncMs: first.finishedAt! - first.startedAt!,
      setupAndFirstSyncMs: first.finishedAt! - clicked,
      firstSyncBytes: first.bytesSent,
      oneChangeRuns: [],
      bytesPerChange: [],
    };

    const profile = await ext.context.newPage();
    await profile.goto('https://www.linkedin.com/in/kenji-tanaka/');
    // "How I can help" sits in the sidebar's first view; Notes is behind "More".
    const notes = profile.frameLocator('iframe[title="Relationship notes"]').getByLabel('How I can help', { exact: true });
    for (let run = 0; run < runs; run++) {
      await notes.fill(`Bench change ${run} at ${Date.now()}`);
      await profile.frameLocator('iframe[title="Relationship notes"]').getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      const before = (await syncStatus(options))?.finishedAt ?? 0;
      await options.getByRole('button', { name: 'Sync now' }).click();
      const done = await finishedAfter(options, before, 60_000);
      result.oneChangeRuns.push(done.finishedAt! - done.startedAt!);
      result.bytesPerChange.push(done.bytesSent);
    }
    await profile.close();
    await options.close();
    return result;
  } finally {
    await server.stop();
    removeWebdavServer(server);
  }
}

/**
 * The sync figures; `expected` is how many records the network holds (people and interactions):
 * the first sync must have sent every one, or the figure would time work it did not do.
 */
export function addSyncFigures(report: Report, sync: SyncBench, expected: number): void {
  if (sync.firstSyncRecords !== expected) {
    throw new Error(`The first sync sent ${sync.firstSyncRecords} records; the network holds ${expected}`);
  }
  report.add({
    id: 'syncFirst',
    label: `First sync to an empty WebDAV server (${sync.firstSyncRecords} records sent)`,
    value: round(sync.firstSyncMs / 1000),
    unit: 's',
    target: 30,
    note: `${round(sync.setupAndFirstSyncMs / 1000)} s from the click, key derivation (Argon2id) included; ${round(sync.firstSyncBytes / 1024 / 1024)} MB uploaded`,
  });
  report.addLatency('syncOneChange', 'A later sync carrying one change', sync.oneChangeRuns, 2000);
  report.add({ id: 'syncBytesPerChange', label: 'Bytes uploaded for one change', value: round(median(sync.bytesPerChange) / 1024, 2), unit: 'KB', target: null });
}
