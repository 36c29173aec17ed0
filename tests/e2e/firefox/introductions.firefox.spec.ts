import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDaysToLocalDate, localToday, type LocalDate } from '../../../utils/core/dates';
import { DEFAULT_SETTINGS, newContact } from '../../../utils/core/schema';
import { backupJson, makeBackup } from '../../../utils/import-export/backup';
import { findNode, nodesWithin, visibleText, type NodeQuery } from './a11y';
import type { FirefoxWithExtension } from './firefox';
import { expect, SIDEBAR_TITLE, test } from './fixtures';

// An introduction asked of both first (double opt-in), carried through in Firefox, as
// introductions.spec.ts checks it in Chromium: asked from the options page (each message read back
// from the system clipboard), one yes there and the other in the sidebar, Introduce in the popup's
// plan, both timelines, and two weeks on the plan's question. Extension pages are read and pressed
// through Firefox's accessibility tree (see firefox.ts).

/** A day as the English interface writes it: "Dec 7, 2026". */
const shown = (day: LocalDate) =>
  new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(`${day}T12:00:00`));

/**
 * A backup of Kenji, who offers data engineering (and has a private note no message may carry),
 * and Amara, who looks for it. Imported on the options page, it is the quickest honest way to a
 * network with an introduction worth making.
 */
function backupOfAmaraAndKenji(): string {
  const contacts = [
    { ...newContact('kenji-tanaka'), name: 'Kenji Tanaka', offers: ['data engineering'], notes: 'Private: owes me a favour' },
    { ...newContact('amara-okafor'), name: 'Amara Okafor', needs: ['data engineering'] },
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'relnotes-ff-intro-')), 'relationship-notes-backup.json');
  writeFileSync(file, backupJson(makeBackup(contacts, [], DEFAULT_SETTINGS)));
  return file;
}

/** Opens the options page and imports Amara and Kenji, as a person picks the backup. */
async function importAmaraAndKenji(firefox: FirefoxWithExtension, importLabel: string, reason: string): Promise<void> {
  await firefox.openExtensionPage('options.html');
  await firefox.pickFileNext(backupOfAmaraAndKenji());
  await firefox.press({ role: 'pushbutton', name: importLabel, exact: false });
  await expect.poll(async () => visibleText(await firefox.tree()), { timeout: 15_000 }).toContain(reason);
}

/**
 * What a part of the selected tab (or of a frame) reads out, its texts run together as they are
 * laid out inline: "Amara", ": " and "Asked on …" are three leaves of one line.
 */
async function inline(firefox: FirefoxWithExtension, within: NodeQuery, frameTitle?: string): Promise<string> {
  return nodesWithin(await firefox.tree(frameTitle), within)
    .filter((node) => node.role === 'text leaf')
    .map((node) => node.name)
    .join('');
}

/** One person of the plan: what their item reads out, and its status (the answer given), if any. */
async function planRow(firefox: FirefoxWithExtension, name: string): Promise<{ text: string; status?: string }> {
  const row = nodesWithin(nodesWithin(await firefox.tree(), PLAN), { role: 'listitem', name });
  const status = findNode(row, { role: 'statusbar' });
  return { text: visibleText(row), status: status && visibleText(nodesWithin(row, { role: 'statusbar' })) };
}

/** A sidebar's timeline, on the selected tab, as one line of text. */
async function timeline(firefox: FirefoxWithExtension): Promise<string> {
  return visibleText(nodesWithin(await firefox.tree(SIDEBAR_TITLE), { role: 'list', name: 'Timeline' }));
}

/**
 * Two weeks pass. The harness cannot move Firefox's clock (see plan.firefox.spec.ts, which makes
 * the kept plan yesterday's for "Tomorrow"), so what is stored is made to read as it will then:
 * every timeline entry of `from` is moved to `to` (raw IndexedDB in the background page, where the
 * extension's database lives), and the plan kept for `from` becomes `to`'s. Answers how many moved.
 */
async function moveStoredDay(firefox: FirefoxWithExtension, from: LocalDate, to: LocalDate): Promise<number> {
  const moved = await firefox.inExtension(
    (was: string, now: string) =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open('relationship-notes');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const tx = db.transaction('interactions', 'readwrite');
          let count = 0;
          tx.objectStore('interactions').openCursor().onsuccess = (event) => {
            const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
            if (!cursor) return;
            const entry = cursor.value as { date: string };
            if (entry.date === was) {
              cursor.update({ ...entry, date: now });
              count++;
            }
            cursor.continue();
          };
          tx.oncomplete = () => {
            db.close();
            resolve(count);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    from,
    to,
  );
  const { plan } = (await firefox.extensionStorage(['plan'])) as { plan: { day: { date: string }; completed: string[] } };
  expect(plan.day.date).toBe(from);
  await firefox.setExtensionStorage({
    plan: { ...plan, day: { ...plan.day, date: to }, completed: plan.completed.map((day) => (day === from ? to : day)) },
  });
  return moved;
}

const INTRODUCTIONS = { role: 'region', name: 'Introductions' };
const SUGGESTED = { role: 'list', name: 'Suggested introductions' };
const IN_PROGRESS = { role: 'list', name: 'Introductions in progress' };
const PLAN = { role: 'region', name: 'Today’s plan' };
const ASK_AMARA = 'Ask Amara Okafor about an introduction to Kenji Tanaka';
const ASK_KENJI = 'Ask Kenji Tanaka about an introduction to Amara Okafor';

test('Firefox: a double opt-in introduction, carried through: ask each (the message on the clipboard), their yes, Introduce from the plan, on both timelines; two weeks on the plan asks how it went', async ({
  firefox,
}) => {
  const today = localToday();
  await importAmaraAndKenji(firefox, 'Import a file', 'Kenji offers data engineering; Amara is looking for data engineering');
  expect(await inline(firefox, INTRODUCTIONS)).toContain('No introductions in progress.');

  // On the network page: ask Amara first. The message is on the system clipboard, to paste.
  await firefox.press({ role: 'pushbutton', name: ASK_AMARA, within: SUGGESTED });
  await expect
    .poll(() => inline(firefox, INTRODUCTIONS))
    .toContain('The message is copied. Paste it into a LinkedIn message to Amara Okafor.');
  expect(await firefox.clipboardText()).toBe(
    'Hi Amara! You mentioned you are looking for data engineering. I know Kenji, who could help with that. Would you like me to introduce you? No pressure either way.',
  );
  // The pair left the suggestions for the list in progress, and the focus went with it.
  await expect.poll(() => inline(firefox, IN_PROGRESS)).toContain(`Amara: Asked on ${shown(today)}, waiting for an answer.`);
  expect(await firefox.find(SUGGESTED)).toBeUndefined();
  await expect.poll(async () => (await firefox.find({ role: 'pushbutton', name: 'Amara said yes', within: IN_PROGRESS }))?.focused).toBe(true);

  // Then Kenji: his own message, and nothing of the private note.
  await firefox.press({ role: 'pushbutton', name: ASK_KENJI, within: IN_PROGRESS });
  await expect
    .poll(() => inline(firefox, INTRODUCTIONS))
    .toContain('The message is copied. Paste it into a LinkedIn message to Kenji Tanaka.');
  const toKenji = await firefox.clipboardText();
  expect(toKenji).toBe(
    'Hi Kenji! I know Amara, who is looking for data engineering, and you know a lot about data engineering. Would you be open to an introduction? No pressure either way.',
  );
  expect(toKenji).not.toMatch(/favour|Private/);
  await expect.poll(() => inline(firefox, IN_PROGRESS)).toContain(`Kenji: Asked on ${shown(today)}, waiting for an answer.`);

  // Amara says yes (marked here); Kenji says yes (marked in the sidebar on his profile).
  await firefox.press({ role: 'pushbutton', name: 'Amara said yes', within: IN_PROGRESS });
  await expect.poll(() => inline(firefox, IN_PROGRESS)).toContain('Amara: Said yes');
  const kenji = await firefox.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => inline(firefox, INTRODUCTIONS, SIDEBAR_TITLE)).toContain('Amara: Said yes');
  await firefox.press({ role: 'pushbutton', name: 'Kenji said yes', within: INTRODUCTIONS }, SIDEBAR_TITLE);
  await expect
    .poll(() => inline(firefox, INTRODUCTIONS, SIDEBAR_TITLE))
    .toContain('Both said yes. Introduce copies the introduction to send to both.');

  // The popup's plan puts the ready pair first; Introduce copies the introduction and logs it on both.
  await firefox.openExtensionPage('popup.html');
  await expect
    .poll(async () => nodesWithin(await firefox.tree(), PLAN).find((node) => node.role === 'listitem')?.name)
    .toBe('Amara Okafor');
  const amaraRow = { role: 'listitem', name: 'Amara Okafor' };
  await expect.poll(async () => (await planRow(firefox, 'Amara Okafor')).text).toContain('Both said yes.');
  await firefox.press({ role: 'pushbutton', name: 'Introduce Amara Okafor and Kenji Tanaka', within: amaraRow });
  await expect
    .poll(() => inline(firefox, PLAN))
    .toContain('The introduction is copied. Paste it into a LinkedIn message to both of them.');
  expect(await firefox.clipboardText()).toBe(
    'Amara, meet Kenji! Amara is looking for data engineering, and Kenji knows a lot about data engineering. I thought you two should talk; I will let you take it from here.',
  );
  await expect.poll(async () => (await planRow(firefox, 'Amara Okafor')).status).toBe('Done');
  expect(await inline(firefox, amaraRow)).toContain(`Introduced on ${shown(today)}. Two weeks on, today’s plan asks how it went.`);

  // On both timelines: Kenji's sidebar follows live; Amara's opens on her profile.
  await kenji.bringToFront();
  await expect.poll(() => timeline(firefox)).toContain('Introduced to Amara Okafor (data engineering)');
  expect(await timeline(firefox)).toContain('Said yes to an introduction to Amara Okafor');
  expect(await timeline(firefox)).toContain('Asked whether they would like an introduction to Amara Okafor');
  const amara = await firefox.openLinkedIn('/in/amara-okafor/');
  await expect.poll(() => timeline(firefox)).toContain('Introduced to Kenji Tanaka (data engineering)');
  expect(await timeline(firefox)).toContain('Said yes to an introduction to Kenji Tanaka');
  expect(await timeline(firefox)).toContain('Asked whether they would like an introduction to Kenji Tanaka');

  // Two weeks on: the asks, the yeses and the introduction (both entries) were two weeks ago.
  const twoWeeksAgo = addDaysToLocalDate(today, -14);
  expect(await moveStoredDay(firefox, today, twoWeeksAgo)).toBe(6);
  await firefox.openExtensionPage('popup.html');
  const question = { role: 'grouping', name: 'How did the introduction of Amara Okafor and Kenji Tanaka go?', within: amaraRow };
  await expect.poll(async () => (await planRow(firefox, 'Amara Okafor')).text).toContain(
    `You introduced Amara Okafor and Kenji Tanaka on ${shown(twoWeeksAgo)}`,
  );
  // Firefox's accessibility tree follows the page a moment later: wait for the answers to be in it.
  await expect
    .poll(async () => nodesWithin(await firefox.tree(), question).flatMap((node) => (node.role === 'pushbutton' ? [node.name] : [])))
    .toEqual(['It helped them', 'They helped me in return', 'Nothing came of it']);
  await firefox.press({ role: 'pushbutton', name: 'It helped them', within: question });
  await expect.poll(async () => (await planRow(firefox, 'Amara Okafor')).status).toBe('Done');
  expect(await firefox.find(question)).toBeUndefined();

  // The answer is on both timelines (Amara's sidebar follows live), and nothing is in progress any more.
  await amara.bringToFront();
  await expect.poll(() => timeline(firefox)).toContain('Introduction to Kenji Tanaka: it helped');
  await kenji.bringToFront();
  await expect.poll(() => timeline(firefox)).toContain('Introduction to Amara Okafor: it helped');
  await firefox.openExtensionPage('options.html');
  await expect.poll(() => inline(firefox, INTRODUCTIONS)).toContain('No introductions in progress.');
});

test.describe('in Spanish', () => {
  test.use({ firefoxOptions: { locale: 'es-ES' } });
  test('Firefox in Spanish: preguntar primero a Amara copia el mensaje en español', async ({ firefox }) => {
    await importAmaraAndKenji(firefox, 'Importar un archivo', 'Kenji ofrece data engineering; Amara busca data engineering');
    await firefox.press({
      role: 'pushbutton',
      name: 'Preguntar a Amara Okafor por una presentación a Kenji Tanaka',
      within: { role: 'list', name: 'Presentaciones sugeridas' },
    });
    await expect
      .poll(() => inline(firefox, { role: 'region', name: 'Presentaciones' }))
      .toContain('Mensaje copiado. Pégalo en un mensaje de LinkedIn a Amara Okafor.');
    expect(await firefox.clipboardText()).toBe(
      '¡Hola, Amara! Me comentaste que buscas data engineering. Conozco a Kenji, que podría ayudarte con eso. ¿Quieres que os presente? Sin ningún compromiso.',
    );
    const progress = { role: 'list', name: 'Presentaciones en curso' };
    await expect.poll(async () => (await firefox.find({ role: 'pushbutton', name: 'Amara dijo que sí', within: progress }))?.focused).toBe(true);
  });
});
