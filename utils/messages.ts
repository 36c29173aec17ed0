import type { Contact, Interaction } from './db';
import type { IntroductionSuggestion } from './introductions';
import type { PageProfile } from './page-reader';

/**
 * One-off messages between the content script and the sidebar frame, typed once for both ends.
 * The content script answers only with what the page itself shows: it never sees notes.
 */
export type PageMessage =
  /** Sidebar → its tab's top frame: which profile is on screen? Answered with `PageProfile | null`. */
  | { type: 'getProfile' }
  /** Content script → extension pages, on in-page navigation. */
  | { type: 'profileChanged'; profile: PageProfile | null };

export function isPageMessage(message: unknown): message is PageMessage {
  const type = (message as { type?: unknown })?.type;
  return type === 'getProfile' || type === 'profileChanged';
}

/**
 * Whether the content script answers this message: only `getProfile`, and only from this
 * extension's own pages (no other extension or page can ask what is on screen).
 */
export function isProfileQuery(message: unknown, sender: { id?: string }, extensionId: string): boolean {
  return sender.id === extensionId && isPageMessage(message) && message.type === 'getProfile';
}

export const SIDEBAR_PORT = 'sidebar:';

/** The sidebar's long-lived port to the background: it reads and writes only through it. */
export type SidebarRequest =
  | { type: 'subscribe'; profile: PageProfile }
  | { type: 'save'; seq: number; key: string; fields: Record<string, unknown>; page: Partial<PageProfile> }
  | {
      type: 'log';
      seq: number;
      key: string;
      interaction: { id: string; kind: string; date: string; text: string };
      page: Partial<PageProfile>;
    }
  | { type: 'edit-interaction'; seq: number; id: string; changes: { kind?: string; date?: string; text?: string } }
  | { type: 'delete-interaction'; seq: number; id: string }
  /** Records an introduction on both people's timelines. */
  | { type: 'introduce'; seq: number; id: string; date: string; people: [IntroducedPerson, IntroducedPerson] };

export interface IntroducedPerson {
  key: string;
  /** What that person's timeline says. */
  text: string;
}

export type SidebarPush =
  | { type: 'hello'; tabId: number | null }
  | { type: 'state'; key: string; contact: Contact | null; interactions: Interaction[] }
  /** Introductions worth making for the person on screen, best first. */
  | { type: 'introductions'; key: string; introductions: IntroductionSuggestion[] }
  /** Every "where we met" in use, for suggestions. */
  | { type: 'places'; places: string[] }
  | { type: 'ack'; seq: number }
  | { type: 'failed'; seq: number; reason: 'invalid' | 'storage-full' | 'unknown' };

/** Unsent sidebar edits, handed to `storage.local` at once so nothing typed is lost. */
export interface Draft {
  key: string;
  fields: Record<string, unknown>;
  page: Partial<PageProfile>;
  at: number;
}
export const DRAFT_PREFIX = 'draft:';

/** Extension pages → background: sync now. Answered with the `SyncStatus` written, or null if skipped. */
export type SyncMessage = { type: 'sync-now' };

export function isSyncMessage(message: unknown): message is SyncMessage {
  return (message as { type?: unknown })?.type === 'sync-now';
}
