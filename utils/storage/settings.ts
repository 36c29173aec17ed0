import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type LocalDate, type Settings } from '../core/schema';
import type { EventMode } from '../followups/event-mode';
import { SIDEBAR_COLLAPSED_KEY } from '../linkedin/sidebar-frame';
import type { OfferedText } from '../sync/crdt/merge';
import type { WebdavProblem } from '../sync/webdav';

export { DEFAULT_SETTINGS, type LanguageSetting, type Settings } from '../core/schema';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    // Version 2 adds the Rekindle setting; everything stored stays as it was.
    2: (stored: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...stored }),
  },
});

let settingsWrites: Promise<unknown> = Promise.resolve();

/**
 * Changes some settings and keeps the rest. Writes made in quick succession run one after
 * another, so a later change never reads a value an earlier one is about to replace.
 */
export function changeSettings(change: Partial<Settings>): Promise<Settings> {
  const write = settingsWrites.then(async () => {
    const next = { ...(await settingsItem.getValue()), ...change };
    await settingsItem.setValue(next);
    return next;
  });
  settingsWrites = write.catch(() => undefined);
  return write;
}

/** Whether the sidebar is folded to its tab, on every LinkedIn tab. */
export const sidebarCollapsedItem = storage.defineItem<boolean>(`local:${SIDEBAR_COLLAPSED_KEY}`, {
  fallback: false,
});

/** The local date of the last daily reminder shown, so a restart never shows it twice. */
export const lastReminderItem = storage.defineItem<LocalDate | null>('local:lastReminderDate', {
  fallback: null,
});

/** The WebDAV account sync writes to; null while sync is off. The passphrase is never stored. */
export interface SyncAccount {
  /** The folder URL the user gave. */
  url: string;
  username: string;
  /** The password or app password; the server needs it on every request. */
  password: string;
}

export const syncAccountItem = storage.defineItem<SyncAccount | null>('local:syncAccount', {
  fallback: null,
});

/** What can go wrong with sync: the server's problems, then those of the passphrase and setup. */
export type SyncProblemName =
  | WebdavProblem
  | 'wrong-passphrase'
  | 'tampered'
  | 'key-changed'
  | 'not-set-up'
  | 'permission'
  | 'unknown';

/** What the settings page shows about sync: written by the background after each run. */
export interface SyncStatus {
  startedAt: number | null;
  finishedAt: number | null;
  /** The last run that completed. */
  lastSyncAt: number | null;
  received: number;
  sent: number;
  bytesSent: number;
  damagedFiles: number;
  problem: SyncProblemName | null;
}

export const EMPTY_SYNC_STATUS: SyncStatus = {
  startedAt: null,
  finishedAt: null,
  lastSyncAt: null,
  received: 0,
  sent: 0,
  bytesSent: 0,
  damagedFiles: 0,
  problem: null,
};

export const syncStatusItem = storage.defineItem<SyncStatus>('local:syncStatus', {
  fallback: EMPTY_SYNC_STATUS,
});

/**
 * Texts that lost a concurrent edit on another device, by profile key: written by the background
 * after each sync, read by the sidebar (which cannot open the database).
 */
export const syncOffersItem = storage.defineItem<Record<string, OfferedText[]>>('local:syncOffers', {
  fallback: {},
});

/** The sidebar's answers to offered texts, for the background to apply: use the text, or keep mine. */
export interface SyncOfferAnswer {
  key: string;
  stamp: string;
  field: string;
  /** The offered text, to put in the field; absent to keep what the field holds. */
  use?: unknown;
}

export const syncOfferAnswersItem = storage.defineItem<SyncOfferAnswer[]>('local:syncOfferAnswers', {
  fallback: [],
});

/** Whether the sidebar's "More" section (the less-used fields) is open, remembered on every tab. */
export const sidebarMoreOpenItem = storage.defineItem<boolean>('local:sidebarMoreOpen', {
  fallback: false,
});

/** Whether the first-run guide is done with: dismissed, or the first person saved or imported. */
export const firstRunDoneItem = storage.defineItem<boolean>('local:firstRunDone', {
  fallback: false,
  version: 1,
});

/** "I'm at <event>", set from the popup; read by the background when a person is first saved. */
export const eventModeItem = storage.defineItem<EventMode | null>('local:eventMode', {
  fallback: null,
  version: 1,
});
