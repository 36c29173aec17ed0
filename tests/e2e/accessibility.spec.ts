import { SHELL_WAIT_MS } from '../../utils/linkedin/page-timing';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { localToday } from '../../utils/core/dates';
import { closeAllPages, freshStart, sharedExtensionFor } from '../support/shared-extension';
import { expect, openExtensionPage, openLinkedIn, setStorage, test } from './fixtures';

/** Serious and critical axe violations, in a form that reads well in a failed assertion. */
async function seriousViolations(builder: AxeBuilder) {
  const { violations, passes } = await builder.analyze();
  // Something was checked: an empty result from a frame axe never reached would prove nothing.
  expect(passes.flatMap((rule) => rule.nodes).length).toBeGreaterThan(10);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

const LANGUAGES = [
  {
    locale: 'en-US',
    frameTitle: 'Relationship notes',
    notes: 'Notes',
    nextFollowUp: 'Next follow-up',
    whereWeMet: 'Where we met',
    popupHeading: 'Today',
    optionsHeading: 'Relationship Notes',
    saved: 'Saved',
    imAt: 'I’m at',
    start: 'Start',
    howICanHelp: 'How I can help',
    eventOver: 'The event is over',
    more: 'More',
  },
  {
    locale: 'es-ES',
    frameTitle: 'Notas de relaciones',
    notes: 'Notas',
    nextFollowUp: 'Próximo seguimiento',
    whereWeMet: 'Dónde nos conocimos',
    popupHeading: 'Hoy',
    optionsHeading: 'Notas de Relaciones',
    saved: 'Guardado',
    imAt: 'Estoy en',
    start: 'Empezar',
    howICanHelp: 'Cómo puedo ayudar',
    eventOver: 'El evento ha terminado',
    more: 'Más',
  },
] as const;

for (const [lang, colorScheme] of LANGUAGES.flatMap((l) => (['light', 'dark'] as const).map((c) => [l, c] as const))) {
  test.describe(`in ${lang.locale}, ${colorScheme}`, () => {
    // One browser for the block; each test gets a new install of the extension in it.
    const shared = sharedExtensionFor(test, { locale: lang.locale, colorScheme });
    test.use({
      ext: async ({ moreOpen }, use) => {
        const ext = shared();
        await freshStart(ext);
        if (moreOpen) await setStorage(ext, { sidebarMoreOpen: true });
        await use(ext);
        await closeAllPages(ext);
      },
    });

    /** Kenji with notes and a follow-up due today, so every view has something to show. */
    async function kenjiDueToday(page: Page) {
      const notes = page.frameLocator(`iframe[title="${lang.frameTitle}"]`);
      await notes.getByLabel(lang.notes, { exact: true }).fill('Met at PyData Osaka; wants to hire a data lead.');
      await notes.getByLabel(lang.whereWeMet, { exact: true }).fill('PyData Osaka');
      await notes.getByLabel(lang.nextFollowUp, { exact: true }).fill(localToday());
      await expect(notes.getByRole('status')).toHaveText(lang.saved);
      return notes;
    }

    test('the sidebar on a profile has no serious accessibility problem', async ({ ext }) => {
      const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
      const notes = await kenjiDueToday(page);
      await expect(notes.getByRole('heading', { level: 1, name: 'Kenji Tanaka' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      const frame = page.frames().find((f) => f.url().endsWith('/sidebar.html'))!;
      await expect.poll(() => frame.evaluate(() => document.documentElement.lang)).toBe(lang.locale.slice(0, 2));

      const builder = new AxeBuilder({ page }).include([`iframe[title="${lang.frameTitle}"]`, 'html']);
      expect(await seriousViolations(builder)).toEqual([]);
    });

    test('the sidebar asking for a name on a page without one has no serious accessibility problem', async ({ ext }) => {
      const page = await openLinkedIn(ext, '/in/broken-page/');
      const notes = page.frameLocator(`iframe[title="${lang.frameTitle}"]`);
      await expect(notes.getByRole('textbox').first()).toBeVisible({ timeout: SHELL_WAIT_MS + 6_000 });
      const builder = new AxeBuilder({ page }).include([`iframe[title="${lang.frameTitle}"]`, 'html']);
      expect(await seriousViolations(builder)).toEqual([]);
    });

    test('the popup has no serious accessibility problem, empty or with someone due', async ({ ext }) => {
      const empty = await openExtensionPage(ext, 'popup.html');
      await expect(empty.getByRole('heading', { level: 1, name: lang.popupHeading })).toBeVisible();
      await expect(empty.locator('html')).toHaveAttribute('lang', lang.locale.slice(0, 2));
      expect(await seriousViolations(new AxeBuilder({ page: empty }))).toEqual([]);

      await kenjiDueToday(await openLinkedIn(ext, '/in/kenji-tanaka/'));
      const popup = await openExtensionPage(ext, 'popup.html');
      await expect(popup.getByRole('list', { name: lang.popupHeading, exact: true }).getByRole('listitem', { name: 'Kenji Tanaka' })).toBeVisible();
      expect(await seriousViolations(new AxeBuilder({ page: popup }))).toEqual([]);
    });

    test('the options page has no serious accessibility problem', async ({ ext }) => {
      await kenjiDueToday(await openLinkedIn(ext, '/in/kenji-tanaka/'));
      const options = await openExtensionPage(ext, 'options.html');
      await expect(options.getByRole('link', { name: 'Kenji Tanaka' }).first()).toBeVisible();
      await expect(options.locator('html')).toHaveAttribute('lang', lang.locale.slice(0, 2));
      await expect(options).toHaveTitle(lang.optionsHeading);
      expect(await seriousViolations(new AxeBuilder({ page: options }))).toEqual([]);
    });

    test.describe('on a first look', () => {
      test.use({ moreOpen: false });
      test('event mode in the popup, the sidebar it shapes and the review have no serious accessibility problem', async ({ ext }) => {
        const popup = await openExtensionPage(ext, 'popup.html');
        await popup.getByRole('textbox', { name: lang.imAt }).fill('PyData Osaka');
        await popup.getByRole('button', { name: lang.start, exact: true }).click();
        await expect(popup.getByText('PyData Osaka', { exact: false })).toBeVisible();
        expect(await seriousViolations(new AxeBuilder({ page: popup }))).toEqual([]);

        const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
        const notes = page.frameLocator(`iframe[title="${lang.frameTitle}"]`);
        await expect(notes.getByRole('button', { name: lang.more })).toHaveAttribute('aria-expanded', 'false');
        await expect(notes.getByText('PyData Osaka', { exact: false })).toBeVisible();
        const builder = new AxeBuilder({ page }).include([`iframe[title="${lang.frameTitle}"]`, 'html']);
        expect(await seriousViolations(builder)).toEqual([]);
        await notes.getByLabel(lang.howICanHelp).fill('Introduce him to a data lead');
        await expect(notes.getByRole('status')).toHaveText(lang.saved);

        const review = await openExtensionPage(ext, 'popup.html');
        await review.getByRole('button', { name: lang.eventOver }).click();
        await expect(review.getByRole('button', { name: /Kenji Tanaka/ })).toHaveAttribute('aria-pressed', 'false');
        expect(await seriousViolations(new AxeBuilder({ page: review }))).toEqual([]);
      });
    });
  });
}
