import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { FIXTURES } from '../../support/launch';
import { addDaysToLocalDate, localToday } from '../../../utils/core/dates';
import { findNode, nodesWithin, visibleText, type A11yNode, type NodeQuery } from './a11y';
import type { FirefoxWithExtension } from './firefox';
import { expect, SIDEBAR_TITLE, sidebarText, test, typeInSidebar } from './fixtures';

// Today's plan (issue 28, part 1) in Firefox, as plan.spec.ts checks it in Chromium: the popup is
// opened as a tab and read, and pressed, through Firefox's accessibility tree (see
// followups.firefox.spec.ts); the in-page sidebar the same way (sidebar.firefox.spec.ts).

const KENJI_URL = 'https://www.linkedin.com/in/kenji-tanaka/';
const NEW_ROLE = 'Head of Data at Kaizen Analytics';
const PLAN = { role: 'region', name: 'Today’s plan' };

/** The sidebar's follow-up date, in its language: the frame it is in, its label, the button it waits behind, its spin buttons. */
interface DateField {
  frame: string;
  label: string;
  more: string;
  /** Names of the day, month and year spin buttons, in this order. */
  parts: [day: string, month: string, year: string];
  dayFirst: boolean;
}
const NEXT_FOLLOW_UP: DateField = { frame: SIDEBAR_TITLE, label: 'Next follow-up', more: 'More', parts: ['Day', 'Month', 'Year'], dayFirst: false };
const PROXIMO_SEGUIMIENTO: DateField = { frame: 'Notas de relaciones', label: 'Próximo seguimiento', more: 'Más', parts: ['Día', 'Mes', 'Año'], dayFirst: true };

/**
 * Types today into the sidebar's follow-up date as a person does (Firefox's date field is three spin
 * buttons, the focus moving on as each is filled), and waits until the field reads today.
 */
async function followUpToday(firefox: FirefoxWithExtension, page: Page, field: DateField): Promise<void> {
  const now = new Date();
  const [dd, mm, yyyy] = [now.getDate(), now.getMonth() + 1, now.getFullYear()].map((n) => String(n).padStart(2, '0')) as [string, string, string];
  const editor = { role: 'date editor', name: field.label };
  const spin = (name: string) => ({ role: 'spinbutton', name, within: editor });
  // On a first run the less-used fields, this one among them, wait behind "More".
  await firefox.press({ role: 'pushbutton', name: field.more }, field.frame);
  const first = spin(field.dayFirst ? field.parts[0] : field.parts[1]);
  await firefox.focus(first, field.frame);
  await expect.poll(async () => (await firefox.find(first, field.frame))?.focused).toBe(true);
  await page.keyboard.type((field.dayFirst ? dd + mm : mm + dd) + yyyy);
  const read = async () => {
    const tree = await firefox.tree(field.frame);
    return field.parts.map((name) => findNode(tree, spin(name))?.value);
  };
  await expect.poll(read).toEqual([dd, mm, yyyy]);
}

/** Types a phrase into a sidebar chip field ("What they offer", "Looking for") and presses Enter, as a person adds it. */
async function addPhrase(firefox: FirefoxWithExtension, page: Page, label: string, phrase: string): Promise<void> {
  await typeInSidebar(firefox, page, { role: 'entry', name: label }, phrase);
  await page.keyboard.press('Enter');
  // A chip in the field's list, named after it, and the field emptied for the next one.
  await expect
    .poll(async () => visibleText(nodesWithin(await firefox.tree(SIDEBAR_TITLE), { role: 'list', name: label })))
    .toContain(phrase);
  await expect.poll(async () => (await firefox.find({ role: 'entry', name: label }, SIDEBAR_TITLE))?.value).toBe('');
  await expect.poll(() => sidebarText(firefox)).toContain('Saved');
}

/** A tab where Kenji's page says his headline is `headline` (the rest of LinkedIn from the fixtures), opened on him. */
async function visitKenjiAs(firefox: FirefoxWithExtension, headline: string): Promise<Page> {
  const kenji = readFileSync(join(FIXTURES, 'in', 'kenji-tanaka.html'), 'utf8').replaceAll('Data Engineer at Kaizen Analytics', headline);
  const page = await firefox.newLinkedInTab((url) => (url === KENJI_URL ? kenji : null));
  await page.goto(KENJI_URL);
  return page;
}

/** The selected tab's tree, or the part inside the first node that matches. */
async function treeOf(firefox: FirefoxWithExtension, within?: NodeQuery): Promise<A11yNode[]> {
  const tree = await firefox.tree();
  return within ? nodesWithin(tree, within) : tree;
}

/**
 * What a part of the popup reads out, its texts run together as they are laid out inline
 * ("This week" and ":" are two leaves of one line): for a line's exact wording.
 */
async function inline(firefox: FirefoxWithExtension, within: NodeQuery): Promise<string> {
  return (await treeOf(firefox, within))
    .filter((node) => node.role === 'text leaf')
    .map((node) => node.name)
    .join('');
}

/** The plan's people, top to bottom, by the names their list items have. */
async function planPeople(firefox: FirefoxWithExtension, plan: NodeQuery = PLAN): Promise<string[]> {
  return (await treeOf(firefox, plan)).filter((node) => node.role === 'listitem').map((node) => node.name);
}

/** One person of the plan: what their item reads out, and its status (the answer given), if any. */
async function planRow(firefox: FirefoxWithExtension, name: string, plan: NodeQuery = PLAN): Promise<{ text: string; status?: string }> {
  const row = nodesWithin(await treeOf(firefox, plan), { role: 'listitem', name });
  const status = findNode(row, { role: 'statusbar' });
  return { text: visibleText(row), status: status && visibleText(nodesWithin(row, { role: 'statusbar' })) };
}

/** Closes the selected tab, as a popup closes when the person clicks elsewhere. */
async function closeSelectedTab(firefox: FirefoxWithExtension): Promise<void> {
  await firefox.inChrome(() => {
    const { gBrowser } = globalThis as unknown as { gBrowser: { selectedTab: unknown; removeTab(tab: unknown): void } };
    gBrowser.removeTab(gBrowser.selectedTab);
  });
}

test('Firefox: today’s plan names a follow-up due, a job change and an introduction, each with its reason and a way to give first; Done logs it, Tomorrow brings it back the next day', async ({
  firefox,
}) => {
  const today = localToday();
  // Priya is due today.
  const priya = await firefox.openLinkedIn('/in/priya-raman/');
  await expect.poll(() => sidebarText(firefox)).toContain('Priya Raman');
  await followUpToday(firefox, priya, NEXT_FOLLOW_UP);
  await expect.poll(() => sidebarText(firefox)).toContain('Saved');
  // Kenji offers data engineering; Amara looks for it.
  const kenji = await firefox.openLinkedIn('/in/kenji-tanaka/');
  await expect.poll(() => sidebarText(firefox)).toContain('Kenji Tanaka');
  await addPhrase(firefox, kenji, 'What they offer', 'data engineering');
  const amara = await firefox.openLinkedIn('/in/amara-okafor/');
  await expect.poll(() => sidebarText(firefox)).toContain('Amara Okafor');
  await addPhrase(firefox, amara, 'Looking for', 'data engineering');
  // Kenji's next visit shows a new role.
  await visitKenjiAs(firefox, NEW_ROLE);
  await expect.poll(async () => visibleText(nodesWithin(await firefox.tree(SIDEBAR_TITLE), { role: 'list', name: 'Timeline' }))).toContain('New role');

  await firefox.openExtensionPage('popup.html');
  await expect.poll(() => planPeople(firefox)).toHaveLength(3);
  expect((await planRow(firefox, 'Priya Raman')).text).toContain('Follow-up due today');
  const kenjiRow = (await planRow(firefox, 'Kenji Tanaka')).text;
  expect(kenjiRow).toContain(`New role: ${NEW_ROLE}`);
  expect(kenjiRow).toContain('Give first: congratulate Kenji on the new role.');
  const amaraRow = (await planRow(firefox, 'Amara Okafor')).text;
  expect(amaraRow).toContain('Kenji offers data engineering; Amara is looking for data engineering');
  expect(amaraRow).toContain('Give first: introduce Amara to Kenji Tanaka.');
  expect(await inline(firefox, PLAN)).toContain('0 of 3 answered');
  // Nothing dropped out of the due list: Priya is there too.
  expect(visibleText(await treeOf(firefox, { role: 'list', name: 'Today' }))).toContain('Priya Raman');

  // The plan's rows come before the due list's, so each press is the plan row's own button.
  await firefox.press({ role: 'pushbutton', name: 'Done', within: { role: 'listitem', name: 'Kenji Tanaka' } });
  await expect.poll(async () => (await planRow(firefox, 'Kenji Tanaka')).status).toBe('Done');
  // An introduction is carried through by its own steps: asking Amara is today's Done for her.
  const amaraItem = { role: 'listitem', name: 'Amara Okafor' };
  expect(await firefox.find({ role: 'pushbutton', name: 'Done', within: amaraItem })).toBeUndefined();
  await firefox.press({ role: 'pushbutton', name: 'Ask Amara Okafor about an introduction to Kenji Tanaka', within: amaraItem });
  await expect.poll(async () => (await planRow(firefox, 'Amara Okafor')).status).toBe('Done');
  await firefox.press({ role: 'pushbutton', name: 'Tomorrow', within: { role: 'listitem', name: 'Priya Raman' } });
  await expect.poll(async () => (await planRow(firefox, 'Priya Raman')).status).toBe('Back tomorrow');
  await expect.poll(() => inline(firefox, PLAN)).toContain('3 of 3 answered');
  // Asking is a contact made; the giving is the introduction, still to come.
  await expect.poll(() => inline(firefox, PLAN)).toContain('This week: 2 people reached · no giving logged yet · 1 day of the plan done');

  // Closed and opened again: the same plan, answers and all.
  await closeSelectedTab(firefox);
  await firefox.openExtensionPage('popup.html');
  await expect.poll(async () => (await planRow(firefox, 'Kenji Tanaka')).status).toBe('Done');
  expect(await planPeople(firefox)).toEqual(['Priya Raman', 'Kenji Tanaka', 'Amara Okafor']);
  expect((await planRow(firefox, 'Priya Raman')).status).toBe('Back tomorrow');
  expect(await inline(firefox, PLAN)).toContain('3 of 3 answered');
  await closeSelectedTab(firefox);

  // Kenji's timeline has the congratulation (his page still shows the new role).
  await visitKenjiAs(firefox, NEW_ROLE);
  const timeline = async () => visibleText(nodesWithin(await firefox.tree(SIDEBAR_TITLE), { role: 'list', name: 'Timeline' }));
  await expect.poll(timeline).toContain('Congratulated them on the new role');

  // The next day. This stands in for a day passing: the harness cannot move Firefox's clock, so the
  // plan kept in storage.local is made yesterday's (its day's date, and nothing else), as it will
  // read tomorrow. Opened then, the popup makes a new plan: Priya, moved to tomorrow, first.
  const { plan } = (await firefox.extensionStorage(['plan'])) as { plan: { day: { date: string } } };
  expect(plan.day.date).toBe(today);
  await firefox.setExtensionStorage({ plan: { ...plan, day: { ...plan.day, date: addDaysToLocalDate(today, -1) } } });
  await firefox.openExtensionPage('popup.html');
  await expect.poll(async () => (await planPeople(firefox))[0]).toBe('Priya Raman');
  await expect.poll(() => inline(firefox, PLAN)).toMatch(/\b0 of \d+ answered/);
  expect((await planRow(firefox, 'Priya Raman')).status).toBeUndefined();
  // …and it is kept as today's.
  await expect.poll(async () => ((await firefox.extensionStorage(['plan'])) as { plan: { day: { date: string } } }).plan.day.date).toBe(today);
});

test.describe('in Spanish', () => {
  test.use({ firefoxOptions: { locale: 'es-ES' } });
  test('Firefox in Spanish: el plan de hoy dice por qué y cómo dar primero, y “Hecho” lo registra', async ({ firefox }) => {
    const SIDEBAR = PROXIMO_SEGUIMIENTO.frame;
    const page = await firefox.openLinkedIn('/in/priya-raman/');
    await expect.poll(async () => visibleText(await firefox.tree(SIDEBAR))).toContain('Priya Raman');
    // Spanish dates read day first.
    await followUpToday(firefox, page, PROXIMO_SEGUIMIENTO);
    await expect.poll(async () => visibleText(await firefox.tree(SIDEBAR))).toContain('Guardado');

    await firefox.openExtensionPage('popup.html');
    const plan = { role: 'region', name: 'El plan de hoy' };
    await expect.poll(() => planPeople(firefox, plan)).toEqual(['Priya Raman']);
    const row = (await planRow(firefox, 'Priya Raman', plan)).text;
    expect(row).toContain('Seguimiento para hoy');
    expect(row).toContain('Da primero: pregunta qué le ayudaría ahora mismo.');
    await firefox.press({ role: 'pushbutton', name: 'Hecho', within: { role: 'listitem', name: 'Priya Raman' } });
    await expect.poll(async () => (await planRow(firefox, 'Priya Raman', plan)).status).toBe('Hecho');
    await expect.poll(() => inline(firefox, plan)).toContain('Esta semana: 1 persona contactada');
  });
});
