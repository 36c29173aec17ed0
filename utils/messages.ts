import type { Contact, Interaction } from './db';
import type { IntroductionSuggestion } from './introductions';
import type { PageProfile } from './page-reader';

/**
 * One-off messages between the content script and the background, typed once for both ends.
 * The content script answers only with what the page itself shows: it never sees notes.
 */
export type PageMessage =
  /** Background → a tab's top frame: which profile is on screen? Answered with `PageProfile | null`. */
  | { type: 'getProfile' }
  /**
   * Content script → background, on load and in-page navigation; relayed to that tab's sidebar.
   * `profile.kind` says what the page at a `/in/` URL is (only a `profile` page changes a contact);
   * `profile.memberId` is set when a member-id URL showed the person's vanity key, which `key` then
   * holds (the background merges the member-id contact into it).
   */
  | { type: 'profileChanged'; profile: PageProfile | null };

export function isPageMessage(message: unknown): message is PageMessage {
  const type = (message as { type?: unknown })?.type;
  return type === 'getProfile' || type === 'profileChanged';
}

/**
 * Whether the content script answers this message: only `getProfile`, and only from this
 * extension (no other extension or page can ask what is on screen).
 */
export function isProfileQuery(message: unknown, sender: { id?: string }, extensionId: string): boolean {
  return sender.id === extensionId && isPageMessage(message) && message.type === 'getProfile';
}

/** A message sender as the runtime describes it. */
export interface MessageSender {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * The profile a tab's top frame announces, when this message is such an announcement from this
 * extension's content script in that tab; `undefined` otherwise (other tabs, subframes, other
 * extensions and other messages are ignored).
 */
export function announcedProfile(
  message: unknown,
  sender: MessageSender,
  tabId: number,
  extensionId: string,
): PageProfile | null | undefined {
  if (sender.id !== extensionId || sender.tab?.id !== tabId || sender.frameId !== 0) return undefined;
  return isPageMessage(message) && message.type === 'profileChanged' ? message.profile : undefined;
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
  | { type: 'introduce'; seq: number; id: string; date: string; people: [IntroducedPerson, IntroducedPerson] }
  /** The follow-up is done: the next one comes from the cadence, or none. */
  | { type: 'follow-up-done'; seq: number; key: string; today: string }
  /** Moves the follow-up to `days` after today. */
  | { type: 'snooze'; seq: number; key: string; days: number; today: string }
  /** Opens someone's profile in a new tab: a framed page may not open tabs itself (Firefox). */
  | { type: 'open-profile'; key: string };

export interface IntroducedPerson {
  key: string;
  /** What that person's timeline says. */
  text: string;
}

export type SidebarPush =
  /** Which profile the frame's own tab shows, from its top frame: at connect and on every change. */
  | { type: 'profile'; profile: PageProfile | null }
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
