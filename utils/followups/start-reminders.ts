import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { CHECK_ALARM, ensureHeartbeat } from '../core/alarms';
import { localToday } from '../core/dates';
import type { RelationshipDb } from '../storage/db';
import { settingsItem } from '../storage/settings';
import { dueContacts, dueCount } from './due';
import { badgeText, DAILY_ALARM, lastReminderItem, namesPreview, nextReminderAt, shouldRemind } from './reminders';

const REMINDER_NOTIFICATION = 'daily-reminder';

/**
 * The background's part of follow-ups: the badge counts who is due, and the daily reminder names
 * them once a day at the chosen time; clicking it opens today's list. Listeners are registered
 * synchronously, the alarms re-ensured at every start.
 */
export function startReminders(db: RelationshipDb): void {
  async function ensureAlarms(recreateDaily = false) {
    await ensureHeartbeat(browser.alarms);
    if (recreateDaily || !(await browser.alarms.get(DAILY_ALARM))) {
      const { reminderTime } = await settingsItem.getValue();
      await browser.alarms.create(DAILY_ALARM, { when: nextReminderAt(new Date(), reminderTime), periodInMinutes: 24 * 60 });
    }
  }

  // Startup, the alarm and a settings change can all ask at once: the lock lets one of them read
  // and mark today's reminder at a time, so it is shown once.
  const remindIfDue = () => navigator.locks.request(DAILY_ALARM, remindIfDueNow);
  async function remindIfDueNow() {
    const now = new Date();
    const today = localToday(now);
    const [settings, lastReminderDate, due] = await Promise.all([settingsItem.getValue(), lastReminderItem.getValue(), dueContacts(db, today)]);
    if (!shouldRemind({ now, settings, lastReminderDate, dueCount: due.length })) return;
    await lastReminderItem.setValue(today);
    await browser.notifications.create(REMINDER_NOTIFICATION, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: i18n.t('reminder.title', due.length, [String(due.length)]),
      message: namesPreview(due.map((contact) => contact.name || contact.key)),
    });
  }
  const showDueCount = (count: number) => browser.action.setBadgeText({ text: badgeText(count) });
  const refreshBadge = async () => showDueCount(await dueCount(db, localToday()));

  browser.runtime.onInstalled.addListener(() => void ensureAlarms(true).then(remindIfDue));
  browser.runtime.onStartup.addListener(() => void ensureAlarms().then(remindIfDue));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== CHECK_ALARM && alarm.name !== DAILY_ALARM) return;
    void refreshBadge();
    void remindIfDue();
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id !== REMINDER_NOTIFICATION) return;
    void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    void browser.notifications.clear(id);
  });
  settingsItem.watch((next, previous) => {
    if (next.reminderTime !== previous?.reminderTime) void ensureAlarms(true);
    void remindIfDue();
  });

  void ensureAlarms();
  // The badge follows every follow-up set, done or snoozed, from any extension page.
  liveQuery(() => dueCount(db, localToday())).subscribe({ next: (count) => void showDueCount(count), error: () => undefined });
  void remindIfDue();
}
