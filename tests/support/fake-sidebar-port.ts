import * as v from 'valibot';
import type { RelationshipDb } from '@/utils/storage/db';
import type { SidebarPush } from '@/utils/sidebar/protocol';
import type { PageProfile } from '@/utils/linkedin/page-reader';
import type { FrameTab, SidebarPort, SidebarServiceDeps } from '@/utils/sidebar/service';
import { sidebarPushSchema } from '@/utils/sidebar/protocol';
import { panelPortName } from '@/utils/sidebar/port';

export const SIDEBAR_URL = 'chrome-extension://abcdefghijklmnop/sidebar.html';
export const PANEL_URL = 'chrome-extension://abcdefghijklmnop/sidepanel.html';

/** A runtime port as the background sees it, driven by the test. */
export class FakeSidebarPort implements SidebarPort {
  received: SidebarPush[] = [];
  name?: string;
  disconnected = false;
  private messageListeners: Array<(message: unknown) => unknown> = [];
  private disconnectListeners: Array<() => void> = [];
  constructor(public sender?: SidebarPort['sender']) {}
  private closed = false;
  postMessage(message: SidebarPush) {
    // As a real port does once its other end is gone.
    if (this.closed) throw new Error('Attempt to postMessage on disconnected port');
    // Every push the background makes holds what the protocol says it holds.
    const checked = v.safeParse(sidebarPushSchema, message);
    if (!checked.success) throw new Error(`push out of contract at ${v.getDotPath(checked.issues[0])}: ${checked.issues[0].message}`);
    this.received.push(structuredClone(message));
  }
  disconnect() {
    this.disconnected = true;
  }
  onMessage = { addListener: (listener: (message: unknown) => unknown) => void this.messageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };
  get listening() {
    return this.messageListeners.length > 0;
  }
  async send(message: unknown) {
    await Promise.all(this.messageListeners.map((listener) => listener(message)));
  }
  close() {
    this.closed = true;
    this.disconnectListeners.forEach((listener) => listener());
  }
  of<T extends SidebarPush['type']>(type: T) {
    return this.received.filter((m): m is Extract<SidebarPush, { type: T }> => m.type === type);
  }
}

export function sidebarPort(tabId = 7) {
  return new FakeSidebarPort({ url: `${SIDEBAR_URL}?frame=1`, tab: { id: tabId } });
}

/** The frame's tab as the background sees it: what its top frame shows, driven by the test. */
export class FakeFrameTab implements FrameTab {
  opened: string[] = [];
  private readonly shown = new Map<number, PageProfile | null>();
  private readonly watchers = new Set<{ tabId: number; listener: (profile: PageProfile | null) => void }>();
  /** How long the top frame takes to answer `getProfile`. */
  answerDelayMs = 0;
  /** How many `getProfile` answers have been given. */
  answered = 0;
  async profileOf(tabId: number) {
    const profile = this.shown.get(tabId) ?? null;
    if (this.answerDelayMs) await new Promise((resolve) => setTimeout(resolve, this.answerDelayMs));
    this.answered++;
    return profile;
  }
  watchProfile(tabId: number, listener: (profile: PageProfile | null) => void) {
    const watcher = { tabId, listener };
    this.watchers.add(watcher);
    return () => void this.watchers.delete(watcher);
  }
  openTab(url: string) {
    this.opened.push(url);
  }
  private readonly followers = new Set<{ windowId: number; listener: (tabId: number) => void }>();
  /** Each window's active tab. */
  private readonly active = new Map<number, number>();
  followActiveTab(windowId: number, listener: (tabId: number) => void) {
    const follower = { windowId, listener };
    this.followers.add(follower);
    const tabId = this.active.get(windowId);
    if (tabId !== undefined) listener(tabId);
    return () => void this.followers.delete(follower);
  }
  /** Another tab becomes the active one of its window (or the active tab loads a page again). */
  activate(windowId: number, tabId: number) {
    this.active.set(windowId, tabId);
    for (const f of this.followers) if (f.windowId === windowId) f.listener(tabId);
  }
  get following() {
    return this.followers.size;
  }
  get watching() {
    return this.watchers.size;
  }
  /** The tab's page shows `profile` (the content script announces it). */
  show(tabId: number, profile: PageProfile | null, { announce = true } = {}) {
    this.shown.set(tabId, profile);
    if (announce) for (const w of this.watchers) if (w.tabId === tabId) w.listener(profile);
  }
}

export function serviceDeps(db: RelationshipDb, overrides: Partial<SidebarServiceDeps> = {}): SidebarServiceDeps {
  return { db, sidebarUrl: SIDEBAR_URL, panelUrl: PANEL_URL, tabs: new FakeFrameTab(), onGone: () => undefined, ...overrides };
}

/** A side panel's port: its page, in no tab, named for the window it follows. */
export function panelPort(windowId = 3) {
  const port = new FakeSidebarPort({ url: PANEL_URL });
  port.name = panelPortName(windowId, 'panel-1');
  return port;
}
