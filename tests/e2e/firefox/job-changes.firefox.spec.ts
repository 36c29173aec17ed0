import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../../support/launch';
import { nodesWithin, visibleText } from './a11y';
import type { FirefoxWithExtension } from './firefox';
import { expect, SIDEBAR_TITLE, sidebarValue, test, writeNote } from './fixtures';

// Job changes (issue 28) in Firefox: a new headline on a visit, and a newer Connections.csv, put a
// “New role” on the person's timeline. The in-page sidebar and the options page are read through
// Firefox's accessibility tree (see sidebar.firefox.spec.ts), files picked as import-export does.

const CONNECTIONS = readFileSync(join(FIXTURES, 'Connections.csv'), 'utf8');
/** The same export a few months on: Amara moved on; Lucía's role is only written differently. */
const NEWER = CONNECTIONS.replace('Lagos Growth Studio,"Founder, CEO"', 'Kaduna Ventures,Managing Partner').replace(
  '"Fernández, Ruiz & Asociados",Socia',
  '"Fernández, Ruiz & Asociados",socia',
);
const KENJI_URL = 'https://www.linkedin.com/in/kenji-tanaka/';
const KENJI_NOTE = 'Knows the Osaka data scene.';

/** Each export on disk, as a person picks it: both are named as LinkedIn names them. */
let exports: { first: string; newer: string };
let scratch = '';
test.beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'relnotes-job-changes-'));
  exports = { first: join(scratch, 'first', 'Connections.csv'), newer: join(scratch, 'newer', 'Connections.csv') };
  for (const [path, text] of [
    [exports.first, CONNECTIONS],
    [exports.newer, NEWER],
  ] as const) {
    mkdirSync(join(path, '..'));
    writeFileSync(path, text);
  }
});
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The entries of a sidebar's timeline list, each read out as one line, top to bottom. */
async function timeline(firefox: FirefoxWithExtension, list: string, frameTitle: string): Promise<string[]> {
  const nodes = nodesWithin(await firefox.tree(frameTitle), { role: 'list', name: list });
  const items = nodes.filter((node) => node.role === 'listitem');
  const top = Math.min(...items.map((node) => node.depth));
  return items
    .filter((node) => node.depth === top)
    .map((item) => {
      const start = nodes.indexOf(item) + 1;
      const end = nodes.findIndex((node, i) => i >= start && node.depth <= item.depth);
      return visibleText(nodes.slice(start, end === -1 ? undefined : end));
    });
}

/** A timeline entry as it reads out: its kind, the day it was seen, then what changed. */
function entry(kind: string, text: string): RegExp {
  const literal = (words: string) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${literal(kind)} \\S.* ${literal(text)} `);
}

/**
 * What the selected tab (the options page) reads out, once it reads out `shown`. A check that
 * something is absent reads this same moment, never a later reading of a page in between.
 */
async function pageTextShowing(firefox: FirefoxWithExtension, shown: string): Promise<string> {
  let text = '';
  await expect.poll(async () => (text = visibleText(await firefox.tree()))).toContain(shown);
  return text;
}

test('Firefox: a new headline on Kenji’s next visit is a “New role” on his timeline; a newer Connections.csv says who changed jobs', async ({
  firefox,
}) => {
  await (await writeNote(firefox, '/in/kenji-tanaka/', KENJI_NOTE)).close();

  // Kenji's next visit: his page now says he leads the data team (the rest of LinkedIn from the fixtures).
  const kenji = readFileSync(join(FIXTURES, 'in', 'kenji-tanaka.html'), 'utf8').replaceAll(
    'Data Engineer at Kaizen Analytics',
    'Head of Data at Kaizen Analytics',
  );
  const page = await firefox.newLinkedInTab((url) => (url === KENJI_URL ? kenji : null));
  await page.goto(KENJI_URL);
  const newRole = entry('New role', 'Data Engineer at Kaizen Analytics → Head of Data at Kaizen Analytics');
  await expect.poll(() => timeline(firefox, 'Timeline', SIDEBAR_TITLE)).toEqual([expect.stringMatching(newRole)]);

  // Seen again, the same role adds nothing. The sidebar gets Kenji (his note) only once the visit
  // has been compared with what was seen before, so a second entry would be in its first timeline.
  await page.reload();
  await expect.poll(() => firefox.find({ role: 'heading', name: 'Kenji Tanaka' }, SIDEBAR_TITLE)).toBeDefined();
  await expect.poll(() => sidebarValue(firefox, { role: 'entry', name: 'Notes' })).toBe(KENJI_NOTE);
  await expect.poll(() => timeline(firefox, 'Timeline', SIDEBAR_TITLE)).toEqual([expect.stringMatching(newRole)]);

  await firefox.openExtensionPage('options.html');
  await firefox.pickFileNext(exports.first);
  await firefox.press({ role: 'pushbutton', name: 'Import a file', exact: false });
  // A first import is every role's first reading: nobody changed jobs.
  expect(await pageTextShowing(firefox, 'Imported 7 people: 6 new, 1 updated.')).not.toContain('changed jobs since your last import');
  await firefox.pickFileNext(exports.newer);
  await firefox.press({ role: 'pushbutton', name: 'Import a file', exact: false });
  await pageTextShowing(firefox, '1 person changed jobs since your last import.');
});

test.describe('in Spanish', () => {
  test.use({ firefoxOptions: { locale: 'es-ES' } });
  test('Firefox in Spanish: a newer Connections.csv says who changed jobs, and Amara’s timeline calls it “Nuevo puesto”', async ({ firefox }) => {
    await firefox.openExtensionPage('options.html');
    await firefox.pickFileNext(exports.first);
    await firefox.press({ role: 'pushbutton', name: 'Importar un archivo', exact: false });
    expect(await pageTextShowing(firefox, '7 personas importadas (nuevas: 7, actualizadas: 0).')).not.toContain('de trabajo desde tu última importación');
    await firefox.pickFileNext(exports.newer);
    await firefox.press({ role: 'pushbutton', name: 'Importar un archivo', exact: false });
    await pageTextShowing(firefox, '1 persona cambió de trabajo desde tu última importación.');

    await firefox.openLinkedIn('/in/amara-okafor/');
    await expect
      .poll(() => timeline(firefox, 'Historial', 'Notas de relaciones'))
      .toEqual([expect.stringMatching(entry('Nuevo puesto', 'Founder, CEO at Lagos Growth Studio → Managing Partner at Kaduna Ventures'))]);
  });
});
