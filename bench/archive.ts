// The LinkedIn archive import at scale (issue 14): a generated archive ZIP with 30,000
// connections, 150,000 messages in 20,000 conversations and 5,000 invitations (scaled down with
// the network for bench:ci), imported through the options page into a fresh profile, then again.
// Called from bench/run.ts; `tsx bench/archive.ts` runs it alone (BENCH_CONTACTS scales it too).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { launchWithExtension, type LaunchedExtension } from '../tests/support/launch';
import { localToday } from '../utils/core/dates';
import { DB_NAME } from '../utils/storage/db';
import { connectionsCsv, generatePeople, random, type BenchPerson } from './data';
import { ASK_SOURCE, floorFigures, floorsMs, plainNumbers, storedRowCounts, type FloorRows } from './import-export';
import { median, round, type Figure } from './figures';
import { importProgress, longestTask, PROBE_SOURCE, probeLength, stepTimes, waitForImport } from './probe';
import { firstSyncTo } from './sync';
import { removeWebdavServer, startWebdavServer } from '../tests/support/webdav-server';

/** The issue's archive, for a network of 30,000. */
export const FULL_ARCHIVE = { connections: 30_000, messages: 150_000, conversations: 20_000, invitations: 5_000 };

const OWNER = { first: 'Bench', last: 'Owner', url: 'https://www.linkedin.com/in/bench-owner' };



const cell = (value: string) => `"${value.replace(/"/g, '""')}"`;
const pad = (n: number) => String(n).padStart(2, '0');
const utc = (t: number) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
};

/** The archive's files for `people` (the connections), with messages and invitations scaled to them. */
export function generateArchive(people: BenchPerson[]): { files: Record<string, string>; counts: typeof FULL_ARCHIVE } {
  const scale = people.length / FULL_ARCHIVE.connections;
  const counts = {
    connections: people.length,
    messages: Math.round(FULL_ARCHIVE.messages * scale),
    conversations: Math.max(1, Math.round(FULL_ARCHIVE.conversations * scale)),
    invitations: Math.round(FULL_ARCHIVE.invitations * scale),
  };
  const rnd = random(14);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  // A fifth of the people written to are not connections; some rows name people by member id.
  const strangers = Array.from({ length: Math.max(1, Math.round(counts.conversations / 5)) }, (_, i) => ({
    name: `Stranger ${i}`,
    url: `https://www.linkedin.com/in/stranger-${i.toString(36)}`,
  }));
  const partner = () => {
    if (rnd() < 0.2) return pick(strangers);
    const person = pick(people);
    const url = rnd() < 0.05 ? `https://www.linkedin.com/in/ACoAA${person.slug.replace(/[^A-Za-z0-9]/g, '').slice(0, 20)}X` : person.url;
    return { name: `${person.first} ${person.last}`, url };
  };
  const owner = { name: `${OWNER.first} ${OWNER.last}`, url: OWNER.url };
  const now = Date.now();
  const lines = [
    'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT',
  ];
  const perConversation = Array.from({ length: counts.conversations }, () => 1);
  for (let left = counts.messages - counts.conversations; left > 0; left--) perConversation[Math.floor(rnd() * rnd() * counts.conversations)]!++;
  perConversation.forEach((size, c) => {
    const others = rnd() < 0.1 ? [partner(), partner(), partner()] : [partner()];
    let time = now - Math.floor(rnd() * 6 * 365 * 86_400_000);
    for (let m = 0; m < size; m++) {
      time += Math.floor(rnd() * 3 * 86_400_000);
      const fromOwner = rnd() < 0.5;
      const from = fromOwner ? owner : pick(others);
      const to = fromOwner ? others : [owner, ...others.filter((o) => o !== from)];
      lines.push(
        [
          `2-${c.toString(36)}`,
          '',
          from.name,
          from.url,
          to.map((p) => p.name).join(', '),
          to.map((p) => p.url).join(';'),
          utc(Math.min(time, now)),
          '',
          `Message ${m} about ${pick(['hiring', 'a talk', 'the new role', 'coffee', 'an intro'])}, with a few more words to read.`,
          fromOwner ? 'SENT' : 'INBOX',
          '',
          rnd() < 0.02 ? 'Yes' : 'No',
          'No',
        ]
          .map(cell)
          .join(','),
      );
    }
  });
  const invitations = ['From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl'];
  for (let i = 0; i < counts.invitations; i++) {
    const person = pick(people);
    const name = `${person.first} ${person.last}`;
    const d = new Date(now - Math.floor(rnd() * 8 * 365 * 86_400_000));
    const sentAt = `${d.getMonth() + 1}/${d.getDate()}/${String(d.getFullYear()).slice(2)}, ${(d.getHours() % 12) + 1}:${pad(d.getMinutes())} ${d.getHours() < 12 ? 'AM' : 'PM'}`;
    const outgoing = rnd() < 0.5;
    invitations.push(
      [outgoing ? owner.name : name, outgoing ? name : owner.name, sentAt, rnd() < 0.3 ? `Hi ${person.first}, let us connect` : '', outgoing ? 'OUTGOING' : 'INCOMING', outgoing ? owner.url : person.url, outgoing ? person.url : owner.url]
        .map(cell)
        .join(','),
    );
  }
  return {
    files: {
      'Connections.csv': connectionsCsv(people),
      'messages.csv': lines.join('\n') + '\n',
      'Invitations.csv': invitations.join('\n') + '\n',
      'Profile.csv': `First Name,Last Name,Headline\n${OWNER.first},${OWNER.last},Bench\n`,
    },
    counts,
  };
}

/**
 * The popup's Rekindle list over the imported history, opened `runs` times after a warm-up: from
 * the popup's navigation to the list (or its empty line) shown, as the page's own clock says.
 */
async function rekindleInPopup(ext: LaunchedExtension, runs: number): Promise<{ ms: number[]; ties: number }> {
  const ms: number[] = [];
  let ties = 0;
  for (let i = 0; i <= runs; i++) {
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`, { waitUntil: 'commit' });
    const section = popup.getByRole('region', { name: 'Rekindle' });
    await section.getByRole('list').or(section.getByText('No dormant ties', { exact: false })).first().waitFor({ timeout: 60_000 });
    if (i > 0) ms.push(await popup.evaluate(() => performance.now()));
    ties = await section.getByRole('listitem').count();
    await popup.close();
  }
  return { ms, ties };
}

async function importOnce(page: Page, file: string): Promise<{ ms: number; status: string; gaps: number[]; longest: number; steps: string }> {
  const from = await probeLength(page);
  await page.locator('input[type=file]').setInputFiles(file);
  const { chosen, done, status } = await waitForImport(page, from, 'the archive', 100);
  const during = await importProgress(page, chosen, done);
  const marks = [chosen, ...during.map(([t]) => t), done];
  const gaps = marks.slice(1).map((t, i) => t - marks[i]!);
  return { ms: done - chosen, status, gaps, longest: await longestTask(page, chosen, done), steps: stepTimes(during, done) };
}

/** The entries held in people's rows of imported entries. */
function storedEntryCount(page: Page): Promise<number> {
  const source = `async (name) => {
    ${ASK_SOURCE}
    const db = await ask(indexedDB.open(name));
    const rows = await ask(db.transaction('archiveEntries').objectStore('archiveEntries').getAll());
    db.close();
    return rows.reduce((sum, row) => sum + Object.keys(row.entries).length, 0);
  }`;
  return page.evaluate(`(${source})(${JSON.stringify(DB_NAME)})`) as Promise<number>;
}

/**
 * The first import's summary against what it wrote and what the archive holds: the people it says
 * it made are the people stored, every generated connection among them, and the entries it says
 * it added are the entries stored.
 */
function checkArchiveCounts(status: string, written: readonly FloorRows[], people: BenchPerson[], entries: number): void {
  const stored = written.find((row) => row.table === 'contacts')?.count ?? 0;
  const plain = plainNumbers(status);
  const made = Number(/Imported (\d+) people: \1 new/.exec(plain)?.[1]);
  const added = Number(/(\d+) timeline entries added/.exec(plain)?.[1]);
  if (made !== stored || stored < people.length) throw new Error(`Archive import says "${status}"; ${stored} people are stored, ${people.length} connections generated`);
  if (added !== entries) throw new Error(`Archive import says "${status}"; ${entries} entries are stored`);
}

/** Imports the generated archive into a fresh profile through the options page, then again. */
export async function measureArchiveImport(people: BenchPerson[]): Promise<{ figures: Figure[]; notes: string[] }> {
  const { files, counts } = generateArchive(people);
  const work = mkdtempSync(join(tmpdir(), 'relnotes-archive-'));
  const zipPath = join(work, 'Basic_LinkedInDataExport.zip');
  writeFileSync(zipPath, zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), { level: 6 }));
  const ext = await launchWithExtension({});
  try {
    await ext.context.addInitScript({ content: PROBE_SOURCE });
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await page.locator('input[type=file]').waitFor({ state: 'attached' });
    const first = await importOnce(page, zipPath);
    const written = await storedRowCounts(page, ['contacts', 'interactions', 'archiveEntries']);
    checkArchiveCounts(first.status, written, people, await storedEntryCount(page));
    const [floor, indexedFloor] = await floorsMs(page, written, [false, true]);
    const rekindle = await rekindleInPopup(ext, 5);
    const again = await importOnce(page, zipPath);
    if (!again.status.includes('Nothing new')) throw new Error(`Re-import added something: "${again.status}"`);
    // The imported history then goes to the user's own server, as a user turning sync on sends it.
    const server = await startWebdavServer();
    const sync = await firstSyncTo(ext, server, page).finally(async () => {
      await server.stop();
      removeWebdavServer(server);
    });
    const what = `${counts.connections} connections, ${counts.messages} messages in ${counts.conversations} conversations, ${counts.invitations} invitations`;
    return {
      figures: [
        { id: 'archiveImport', label: `Import LinkedIn archive (${what})`, value: round(first.ms / 1000, 2), unit: 's', target: 15, note: 'file chosen → summary shown' },
        ...floorFigures('archiveImport', written, floor, indexedFloor),
        { id: 'archiveProgressGap', label: 'Archive import: longest wait between progress updates', value: round(Math.max(...first.gaps)), unit: 'ms', target: 500 },
        { id: 'archiveLongestTask', label: 'Archive import: longest main-thread task (info)', value: round(first.longest), unit: 'ms', target: null },
        {
          id: 'archiveRekindle',
          label: `Popup opened → Rekindle shown over the imported history (${rekindle.ties} listed) (info)`,
          value: round(median(rekindle.ms)),
          unit: 'ms',
          target: null,
          runs: rekindle.ms.map((t) => round(t)),
        },
        {
          id: 'archiveFirstSync',
          label: `First sync after the archive import (${sync.first.sent} records) (info)`,
          value: round((sync.first.finishedAt! - sync.first.startedAt!) / 1000, 2),
          unit: 's',
          target: null,
          note: `${round(sync.first.bytesSent / 2 ** 20)} MB uploaded; ${round((sync.first.finishedAt! - sync.clicked) / 1000, 2)} s from the click`,
        },
        { id: 'archiveReimport', label: 'Re-import the same archive (adds nothing)', value: round(again.ms / 1000, 2), unit: 's', target: 10 },
      ],
      notes: [
        `Archive ZIP ${round(statSync(zipPath).size / 2 ** 20)} MB (messages.csv ${round(files['messages.csv']!.length / 2 ** 20)} MB): "${first.status}"; again: "${again.status}"; longest task on re-import ${round(again.longest)} ms, longest progress gap ${round(Math.max(...again.gaps))} ms.`,
        `Archive import by step: ${first.steps}. Re-import by step: ${again.steps}.`,
        `First sync after the archive import: ${sync.first.sent} records, ${round(sync.first.bytesSent / 2 ** 20)} MB uploaded, ${round((sync.first.finishedAt! - sync.clicked) / 1000, 2)} s from the click.`,
      ],
    };
  } finally {
    await ext.close();
    rmSync(work, { recursive: true, force: true });
    rmSync(ext.userDataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const people = generatePeople(Number(process.env.BENCH_CONTACTS ?? 30_000), localToday());
  measureArchiveImport(people)
    .then(({ figures, notes }) => {
      for (const f of figures) console.log(`${f.label}: ${f.value} ${f.unit}${f.target == null ? '' : ` (target ≤ ${f.target} ${f.unit})`}`);
      for (const note of notes) console.log(`- ${note}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
