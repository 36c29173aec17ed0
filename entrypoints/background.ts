import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { i18n } from '#i18n';
import { getDb } from '@/utils/storage/db';
import { localToday } from '@/utils/core/dates';
import { foldDrafts } from '@/utils/sidebar/drafts';
import { eventContactDefaults } from '@/utils/followups/event-mode';
import { announcedProfile, profileReadOf, type MessageSender, type PageMessage } from '@/utils/linkedin/page-messages';
import { draftKey, SIDEBAR_PORT } from '@/utils/sidebar/port';
import { isSyncRequest } from '@/utils/sync/messages';
import { countProfileRead, profileReadsItem } from '@/utils/linkedin/profile-reads';
import type { PageProfile } from '@/utils/linkedin/page-reader';
import { dueContacts, dueCount } from '@/utils/followups/due';
import {
  badgeText,
  CHECK_ALARM,
  CHECK_PERIOD_MINUTES,
  DAILY_ALARM,
  namesPreview,
  nextReminderAt,
  shouldRemind,
} from '@/utils/followups/reminders';
import { eventModeItem } from '@/utils/followups/event-mode';
import { lastReminderItem } from '@/utils/followups/reminders';
import { settingsItem } from '@/utils/storage/settings';
import { sidebarCollapsedItem } from '@/utils/sidebar/ui-state';
import { syncAccountItem, syncOfferAnswersItem, syncOffersItem, syncStatusItem } from '@/utils/sync/state';
import { serveSidebarPort, type FrameTab } from '@/utils/sidebar/service';
import { runStemsBackfill } from '@/utils/storage/stems-backfill';
import { STEMS_BACKFILL } from '@/utils/storage/index-terms';
import { saveUserFields } from '@/utils/people/contacts';
import { offersByPerson } from '@/utils/sync/offers';
import { answerOffers, runSync, SYNC_ALARM, SYNC_DEBOUNCE_MINUTES, SYNC_PERIOD_MINUTES, SYNC_SOON_ALARM } from '@/utils/sync/run';
import { originPattern } from '@/utils/sync/setup';

const REMINDER_NOTIFICATION = 'daily-reminder';
// Drafts older than this have no live frame left to confirm them.
const ORPHAN_DRAFT_MS = 2_000;

export default defineBackground(() => {
  const db = getDb();
  const draftStore = {
    get: () => browser.storage.local.get(null),
    remove: (keys: string[]) => browser.storage.local.remove(keys),
  };
  // Read at each use: the worker keeps no state, and the setting may have changed since.
  const newContactDefaults = async () => ({
    cadenceDays: (await settingsItem.getValue()).defaultCadenceDays,
    ...eventContactDefaults(await eventModeItem.getValue(), localToday()),
  });
  const foldOrphanDrafts = () =>
    newContactDefaults()
      .then((defaults) =>
        foldDrafts(db, draftStore, (_key, draft) => Date.now() - (draft.at ?? 0) > ORPHAN_DRAFT_MS, defaults),
      )
      .catch(() => 0);

  // Everything sync needs is read at each run: account and status from storage, the rest from the database.
  const refreshOffers = async () => syncOffersItem.setValue(await offersByPerson(db));
  const syncNow = async () => {
    const status = await runSync({
      db,
      account: await syncAccountItem.getValue(),
      readStatus: () => syncStatusItem.getValue(),
      writeStatus: (status) => syncStatusItem.setValue(status),
      canReach: (url) => browser.permissions.contains({ origins: [originPattern(url)] }),
    });
    await refreshOffers();
    return status;
  };
  const applyOfferAnswers = async () => {
    const answers = await syncOfferAnswersItem.getValue();
    if (answers.length === 0) return;
    await answerOffers(db, answers, async (key, fields) => saveUserFields(db, key, fields, {}, await newContactDefaults()));
    // Answers that arrived meanwhile stay for the next call.
    const left = (await syncOfferAnswersItem.getValue()).filter((a) => !answers.some((b) => b.stamp === a.stamp && b.key === a.key));
    await syncOfferAnswersItem.setValue(left);
    await refreshOffers();
    await browser.alarms.create(SYNC_SOON_ALARM, { delayInMinutes: SYNC_DEBOUNCE_MINUTES });
  };

  async function ensureAlarms(recreateDaily = false) {
    if (!(await browser.alarms.get(SYNC_ALARM))) {
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
    }
    if (!(await browser.alarms.get(CHECK_ALARM))) {
      await browser.alarms.create(CHECK_ALARM, { periodInMinutes: CHECK_PERIOD_MINUTES });
    }
    if (recreateDaily || !(await browser.alarms.get(DAILY_ALARM))) {
      const { reminderTime } = await settingsItem.getValue();
      await browser.alarms.create(DAILY_ALARM, {
        when: nextReminderAt(new Date(), reminderTime),
        periodInMinutes: 24 * 60,
      });
    }
  }

  // Startup, the alarm and a settings change can all ask at once: the lock lets one of them read
  // and mark today's reminder at a time, so it is shown once.
  const remindIfDue = () => navigator.locks.request(DAILY_ALARM, remindIfDueNow);

  async function remindIfDueNow() {
    const now = new Date();
    const today = localToday(now);
    const [settings, lastReminderDate, due] = await Promise.all([
      settingsItem.getValue(),
      lastReminderItem.getValue(),
      dueContacts(db, today),
    ]);
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

  // The sidebar's own tab, done here: a framed extension page has no `tabs` API in Firefox.
  const frameTab: FrameTab = {
    profileOf: async (tabId) => {
      const ask: PageMessage = { type: 'getProfile' };
      return ((await browser.tabs.sendMessage(tabId, ask, { frameId: 0 })) as PageProfile | null) ?? null;
    },
    watchProfile: (tabId, listener) => {
      const relay = (message: unknown, sender: MessageSender) => {
        const profile = announcedProfile(message, sender, tabId, browser.runtime.id);
        if (profile !== undefined) listener(profile);
      };
      browser.runtime.onMessage.addListener(relay);
      return () => browser.runtime.onMessage.removeListener(relay);
    },
    openTab: (url) => void browser.tabs.create({ url }),
  };
  const refreshBadge = async () => showDueCount(await dueCount(db, localToday()));
  // After a schema upgrade: resumes from the marker row at every start, so a worker stopped or a
  // browser closed midway loses nothing. The lock lets one run at a time.
  const backfillStems = () => navigator.locks.request(STEMS_BACKFILL, () => runStemsBackfill(db)).catch(() => undefined);

  // Listeners first, synchronously: the worker may have been woken by any of these events.
  browser.runtime.onConnect.addListener((port) => {
    if (!port.name.startsWith(SIDEBAR_PORT)) return;
    const instance = port.name.slice(SIDEBAR_PORT.length);
    serveSidebarPort(port, {
      db,
      sidebarUrl: browser.runtime.getURL('/sidebar.html'),
      tabs: frameTab,
      onGone: () => {
        void newContactDefaults()
          .then((defaults) => foldDrafts(db, draftStore, (key) => key.startsWith(draftKey(instance, '')), defaults))
          .catch(() => 0);
      },
      newContactDefaults,
    });
  });
  browser.runtime.onInstalled.addListener(() => void ensureAlarms(true).then(remindIfDue));
  browser.runtime.onStartup.addListener(() => void ensureAlarms().then(remindIfDue));
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => {
    const read = profileReadOf(message, sender, browser.runtime.id);
    // Several tabs may report at once: one read-and-write at a time.
    if (read) {
      void navigator.locks
        .request('profile-reads', async () => profileReadsItem.setValue(countProfileRead(await profileReadsItem.getValue(), read, localToday())))
        .catch(() => undefined);
    }
    if (!isSyncRequest(message, sender, browser.runtime.id)) return undefined;
    return syncNow().catch(() => null);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === SYNC_SOON_ALARM) void syncNow().catch(() => null);
    if (alarm.name !== CHECK_ALARM && alarm.name !== DAILY_ALARM) return;
    void backfillStems();
    void foldOrphanDrafts();
    void refreshBadge();
    void remindIfDue();
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id !== REMINDER_NOTIFICATION) return;
    void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    void browser.notifications.clear(id);
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === 'toggle-sidebar') void sidebarCollapsedItem.getValue().then((v) => sidebarCollapsedItem.setValue(!v));
  });
  syncOfferAnswersItem.watch(() => void applyOfferAnswers().catch(() => undefined));
  settingsItem.watch((next, previous) => {
    if (next.reminderTime !== previous?.reminderTime) void ensureAlarms(true);
    void remindIfDue();
  });

  void ensureAlarms();
  void backfillStems();
  void foldOrphanDrafts();
  void applyOfferAnswers().catch(() => undefined);
  // The badge follows every follow-up set, done or snoozed, from any extension page.
  liveQuery(() => dueCount(db, localToday())).subscribe({
    next: (count) => void showDueCount(count),
    error: () => undefined,
  });
  void remindIfDue();
  // A change anywhere waits for more, then syncs: each new change moves the alarm on.
  liveQuery(() => db.syncChanges.count()).subscribe({
    next: (count) => {
      if (count === 0) return;
      void syncAccountItem.getValue().then((account) => {
        if (account) void browser.alarms.create(SYNC_SOON_ALARM, { delayInMinutes: SYNC_DEBOUNCE_MINUTES });
      });
    },
    error: () => undefined,
  });
});
