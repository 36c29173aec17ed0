/** Sync's account and what the last run found: written by the background, read by every page. */
import { storage } from 'wxt/utils/storage';
import type { OfferedText } from './crdt/merge';
import type { WebdavProblem } from './webdav';

/** The WebDAV account sync writes to; null while sync is off. The passphrase is never stored. */
export interface SyncAccount {
  /** The folder URL the user gave. */
  url: string;
  username: string;
  /** The password or app password; the server needs it on every request. */
  password: string;
}

/**
 * Where sync writes, as every page may read it: no password. `storage.local` is open to the
 * content script inside LinkedIn's page; the password lives in the database (`setup.ts`).
 */
export type SyncAccountShown = Omit<SyncAccount, 'password'>;

export const syncAccountItem = storage.defineItem<SyncAccountShown | null>('local:syncAccount', {
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
  | 'weak-passphrase'
  | 'unknown';

/**
 * What went wrong with another browser's files in the last run, for the settings page to name it.
 * Only a browser with something to say is listed.
 */
export interface PeerProblem {
  /** The browser's name as its files give it; null while none of them opened. */
  name: string | null;
  /** Its files that did not open (cut short, altered or planted), left alone. */
  damaged: number;
  /** Files its history needs that the server does not have: its later changes wait for them. */
  missing: number;
  /** The server shows only files older than what this browser already read from it. */
  behind: boolean;
  /** Its changes that would not pass a backup's schema, ignored. */
  ignored: number;
}

/** What the settings page shows about sync: written by the background after each run. */
export interface SyncStatus {
  startedAt: number | null;
  finishedAt: number | null;
  /** The last run that completed. */
  lastSyncAt: number | null;
  received: number;
  sent: number;
  bytesSent: number;
  /** Other browsers whose files had a problem (absent in statuses written before). */
  peers?: PeerProblem[];
  /** This browser's own files were missing or cut short on the server, and it wrote them again whole. */
  repaired?: boolean;
  problem: SyncProblemName | null;
}

export const EMPTY_SYNC_STATUS: SyncStatus = {
  startedAt: null,
  finishedAt: null,
  lastSyncAt: null,
  received: 0,
  sent: 0,
  bytesSent: 0,
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
