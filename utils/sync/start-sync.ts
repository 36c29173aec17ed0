import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { ensureAlarm } from '../core/alarms';
import { saveUserFields } from '../people/contacts';
import { newContactDefaults } from '../people/new-contact-defaults';
import type { RelationshipDb } from '../storage/db';
import { isSyncRequest, type MessageSender } from './messages';
import { offersByPerson } from './offers';
import { answerOffers, runSync, SYNC_ALARM, SYNC_DEBOUNCE_MINUTES, SYNC_PERIOD_MINUTES, SYNC_SOON_ALARM } from './run';
import { originPattern } from './setup';
import { readSyncAccount } from './account';
import { syncAccountItem, syncOfferAnswersItem, syncOffersItem, syncStatusItem } from './state';

/**
 * The background's part of sync: a run on its alarm, soon after any change, and when an extension
 * page asks; the sidebar's answers to offered texts applied. Everything a run needs is read at each
 * run: the account and status from storage, the rest from the database.
 */
export function startSync(db: RelationshipDb): void {
  const refreshOffers = async () => syncOffersItem.setValue(await offersByPerson(db));
  const syncNow = async () => {
    const status = await runSync({
      db,
      account: await readSyncAccount(db),
      readStatus: () => syncStatusItem.getValue(),
      writeStatus: (status) => syncStatusItem.setValue(status),
      canReach: (url) => browser.permissions.contains({ origins: [originPattern(url)] }),
    });
    await refreshOffers();
    // Everything noted went out with this run: a sync still waiting for more changes has nothing to do.
    if (status && !status.problem && (await db.syncChanges.count()) === 0) await browser.alarms.clear(SYNC_SOON_ALARM);
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

  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => {
    if (!isSyncRequest(message, sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
    return syncNow().catch(() => null);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === SYNC_SOON_ALARM) void syncNow().catch(() => null);
  });
  syncOfferAnswersItem.watch(() => void applyOfferAnswers().catch(() => undefined));

  void ensureAlarm(browser.alarms, SYNC_ALARM, SYNC_PERIOD_MINUTES);
  void applyOfferAnswers().catch(() => undefined);
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
}
