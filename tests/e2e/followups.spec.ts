/// <reference types="chrome" />
import type { Page, Worker } from '@playwright/test';
import { launchWithExtension, type LaunchedExtension } from '../support/launch';
import { expect, openExtensionPage, openLinkedIn, sidebar, test } from './fixtures';
import { stopServiceWorker } from '../support/launch';

const localDate = (offsetDays = 0) => {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function serviceWorker(ext: LaunchedExtension): Promise<Worker> {
  const url = `chrome-extension://${ext.extensionId}/background.js`;
  return ext.context.serviceWorkers().find((w) => w.url() === url) ?? ext.context.waitForEvent('serviceworker');
}

const badge = async (ext: LaunchedExtension) => (await serviceWorker(ext)).evaluate(() => chrome.action.getBadgeText({}));
const notifications = (page: Page) => page.evaluate(() => chrome.notifications.getAll().then(Object.keys));

async function kenjiDueToday(ext: LaunchedExtension) {
  const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
  const notes = sidebar(page);
  await notes.getByLabel('How I can help').fill('Introduce him to a data lead candidate');
  await notes.getByRole('textbox', { name: 'Looking for' }).fill('a data lead');
  await notes.getByRole('textbox', { name: 'Looking for' }).press('Enter');
  await notes.getByLabel('Keep in touch every').selectOption({ label: 'Month' });
  await notes.getByLabel('Next follow-up').fill(localDate());
  await expect(notes.getByRole('status')).toHaveText('Saved');
  return page;
}

test('a follow-up set today shows in the popup and on the badge; Done logs it and moves it by the cadence', async ({ ext }) => {
  const profile = await kenjiDueToday(ext);
  await expect.poll(() => badge(ext)).toBe('1');

  const popup = await openExtensionPage(ext, 'popup.html');
  await expect(popup.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  const row = dueList(popup).getByRole('listitem', { name: 'Kenji Tanaka' });
  await expect(row).toContainText('due today');
  await expect(row).toContainText('You can help: Introduce him to a data lead candidate');
  await expect(row).toContainText('Looking for: a data lead');
  await expect(row.getByRole('link', { name: 'Open profile' })).toHaveAttribute('href', 'https://www.linkedin.com/in/kenji-tanaka/');
  await row.getByLabel('Log contact with Kenji Tanaka as').selectOption({ label: 'Call' });
  await row.getByRole('button', { name: 'Done' }).click();

  await expect(popup.getByText('Nobody to contact today.', { exact: false })).toBeVisible();
  await expect.poll(() => badge(ext)).toBe('');
  const comingUp = popup.getByRole('region', { name: 'Coming up' });
  await expect(comingUp).toContainText('Nothing in the next 7 days.');

  const notes = sidebar(profile);
  await expect(notes.getByRole('list', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(1);
  await expect(notes.getByRole('list', { name: 'Timeline' })).toContainText('Call');
  await expect(notes.getByLabel('Next follow-up')).toHaveValue(localDate(30));
});

test('“Open profile” in the popup opens Kenji’s LinkedIn profile in a new tab, with his notes beside it', async ({ ext }) => {
  const profile = await kenjiDueToday(ext);
  await profile.close();
  const popup = await openExtensionPage(ext, 'popup.html');
  const row = dueList(popup).getByRole('listitem', { name: 'Kenji Tanaka' });
  const [opened] = await Promise.all([ext.context.waitForEvent('page'), row.getByRole('link', { name: 'Open profile' }).click()]);
  await expect(opened).toHaveURL('https://www.linkedin.com/in/kenji-tanaka/');
  await expect(sidebar(opened).getByLabel('How I can help')).toHaveValue('Introduce him to a data lead candidate');
  // The popup stays the list it was: the profile did not open inside it.
  await expect(popup).toHaveURL(/popup\.html$/);
});

test('snooze moves a person to Coming up, and search finds people by their notes', async ({ ext }) => {
  await kenjiDueToday(ext);
  const popup = await openExtensionPage(ext, 'popup.html');
  const row = dueList(popup).getByRole('listitem', { name: 'Kenji Tanaka' });
  await row.getByRole('button', { name: 'Snooze' }).click();
  await row.getByRole('button', { name: '1 week' }).click();
  await expect(popup.getByText('Nobody to contact today.', { exact: false })).toBeVisible();
  await expect(popup.getByRole('region', { name: 'Coming up' }).getByRole('link', { name: 'Kenji Tanaka' })).toBeVisible();

  await popup.getByRole('searchbox', { name: 'Search contacts' }).fill('data lead');
  await expect(popup.getByRole('region', { name: 'Search results' }).getByRole('link', { name: 'Kenji Tanaka' })).toBeVisible();
  await popup.getByRole('searchbox', { name: 'Search contacts' }).fill('zzz');
  await expect(popup.getByText('No one matches “zzz”.')).toBeVisible();
});

test('the daily reminder fires after the worker was stopped, only once a day, and a follow-up survives a browser restart', async ({ ext }) => {
  await kenjiDueToday(ext);
  const popup = await openExtensionPage(ext, 'popup.html');
  const setReminderTime = (time: string) =>
    popup.evaluate(
      (reminderTime) =>
        chrome.storage.local.set({ settings: { defaultCadenceDays: null, reminderTime, notificationsEnabled: true, language: 'auto' } }),
      time,
    );

  await stopServiceWorker(ext);
  await setReminderTime('00:00');
  await expect.poll(() => notifications(popup)).toEqual(['daily-reminder']);
  expect(await popup.evaluate(() => chrome.storage.local.get('lastReminderDate'))).toEqual({ lastReminderDate: localDate() });

  await popup.evaluate(() => chrome.notifications.clear('daily-reminder'));
  await stopServiceWorker(ext);
  await setReminderTime('00:01');
  // The worker ran on the change: it set the daily alarm for 00:01, and released the reminder's lock
  // (a Web Lock the popup shares with it) once it had decided.
  await expect
    .poll(() => popup.evaluate(async () => new Date((await chrome.alarms.get('daily-reminder'))!.scheduledTime).getMinutes()))
    .toBe(1);
  await popup.evaluate(() => navigator.locks.request('daily-reminder', () => undefined));
  expect(await notifications(popup)).toEqual([]);

  // A reminder missed while the browser was closed comes at the next start that day.
  await popup.evaluate(() => chrome.storage.local.remove('lastReminderDate'));
  const { userDataDir } = ext;
  await ext.close();
  const again = await launchWithExtension({ userDataDir });
  try {
    const reopened = await openExtensionPage(again, 'popup.html');
    await expect(dueList(reopened).getByText('Kenji Tanaka', { exact: true })).toBeVisible();
    await expect.poll(() => notifications(reopened)).toEqual(['daily-reminder']);
  } finally {
    await again.close();
  }
});

test('the daily reminder comes when its alarm rings at the time chosen in Settings, and only then', async ({ ext }) => {
  // A whole minute at least `seconds` away, in the browser's local time, and how Settings writes it.
  const minuteAhead = (seconds: number) => new Date(Math.ceil((Date.now() + seconds * 1_000) / 60_000) * 60_000);
  const hhmm = (at: Date) => `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  // Both times chosen below fall on today: a time past midnight would count as passed already today.
  const untilTomorrow = minuteAhead(90).getDate() === new Date().getDate() ? 0 : new Date().setHours(24, 0, 1, 0) - Date.now();
  test.setTimeout(120_000 + untilTomorrow);
  await new Promise((resolve) => setTimeout(resolve, untilTomorrow));

  const options = await openExtensionPage(ext, 'options.html');
  const chooseTime = async (at: Date) => {
    await options.getByLabel('Daily reminder time').fill(hhmm(at));
    await expect(options.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
    await expect
      .poll(() => options.evaluate(async () => (await chrome.alarms.get('daily-reminder'))?.scheduledTime))
      .toBe(at.getTime());
  };
  // A time still to come while Kenji is made due, so that nothing reminds before the time chosen next.
  await chooseTime(minuteAhead(90));
  await kenjiDueToday(ext);
  const popup = await openExtensionPage(ext, 'popup.html');
  expect(await notifications(popup)).toEqual([]);

  // The reminder time moved to the next whole minute: the worker set its alarm for then, and decided
  // on the change (it releases the reminder's lock, which the popup shares, once it has) to wait.
  const at = minuteAhead(8);
  await chooseTime(at);
  await popup.evaluate(() => navigator.locks.request('daily-reminder', () => undefined));
  expect(await notifications(popup)).toEqual([]);
  expect(Date.now(), 'no reminder was looked for before the time chosen').toBeLessThan(at.getTime());

  await expect.poll(() => notifications(popup), { timeout: 80_000, intervals: [500] }).toEqual(['daily-reminder']);
  expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
  expect(await popup.evaluate(() => chrome.storage.local.get('lastReminderDate'))).toEqual({ lastReminderDate: localDate() });
});

test.describe('in Spanish', () => {
  test.use({ browserLocale: 'es-ES' });
  test('the popup speaks Spanish', async ({ ext }) => {
    const popup = await openExtensionPage(ext, 'popup.html');
    await expect(popup.getByRole('heading', { name: 'Hoy' })).toBeVisible();
    await popup.getByRole('region', { name: 'Empieza aquí' }).getByRole('button', { name: 'Entendido' }).click();
    await expect(popup.getByText('Nadie a quien contactar hoy.', { exact: false })).toBeVisible();
    await expect(popup.getByRole('searchbox', { name: 'Buscar contactos' })).toBeVisible();
  });
});

/** The popup's list of everyone due (today's plan above it names some of them too). */
function dueList(popup: Page) {
  return popup.getByRole('list', { name: 'Today', exact: true });
}
