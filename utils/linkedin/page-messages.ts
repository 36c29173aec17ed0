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
  | { type: 'profileChanged'; profile: PageProfile | null }
  /**
   * Content script → background, once per visit of a profile page: whether its person could be
   * read, and when not, the page's structure without any text (`utils/linkedin/page-shape.ts`).
   */
  | { type: 'profileRead'; readable: boolean; shape?: string };

export function isPageMessage(message: unknown): message is PageMessage {
  const type = (message as { type?: unknown })?.type;
  return type === 'getProfile' || type === 'profileChanged' || type === 'profileRead';
}

/** The longest page structure a report keeps. */
export const PAGE_SHAPE_MAX = 30_000;

/**
 * A profile visit's reading, when this message is one from this extension's content script in a
 * tab's top frame (no page, frame or other extension can count visits); `undefined` otherwise.
 */
export function profileReadOf(message: unknown, sender: MessageSender, extensionId: string): { readable: boolean; shape?: string } | undefined {
  if (sender.id !== extensionId || sender.tab?.id === undefined || sender.frameId !== 0) return undefined;
  if (!isPageMessage(message) || message.type !== 'profileRead' || typeof message.readable !== 'boolean') return undefined;
  const shape = typeof message.shape === 'string' && !message.readable ? message.shape.slice(0, PAGE_SHAPE_MAX) : undefined;
  return { readable: message.readable, ...(shape ? { shape } : {}) };
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
