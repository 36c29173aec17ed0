import { liveQuery, type Subscription } from 'dexie';
import { timeline } from '../people/timeline';
import { isQuotaError, type RelationshipDb } from '../storage/db';
import {
  completeFollowUp,
  deleteContact,
  deleteInteraction,
  editInteraction,
  logInteraction,
  logIntroduction,
  refreshFromPage,
  saveUserFields,
  snoozeFollowUp,
  type NewContactDefaults,
} from '../people/contacts';
import { mergeContactInto, mergeOffer } from '../people/merge';
import type { SidebarPush } from './protocol';
import type { PageProfile } from '../linkedin/page-reader';
import { profileUrlFromKey } from '../core/profile-key';
import { sidebarNetworkFeed } from './network-feed';
import { parseSidebarRequest, type SidebarRequest } from './protocol';
import { watchUpgrade } from '../storage/upgrade-progress';
import { panelPortOf } from './port';

/** The part of a runtime port the service uses. */
export interface SidebarPort {
  /** Which window a side panel follows (`panelPortOf`); a frame's port names only its instance. */
  name?: string;
  sender?: { url?: string; tab?: { id?: number } };
  postMessage(message: SidebarPush): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * What the background does for a frame about the frame's own tab. A framed extension page gets
 * no `tabs` API in Firefox, so these are done here, for every browser alike.
 */
export interface FrameTab {
  /** Asks the tab's top frame which profile is on screen. */
  profileOf(tabId: number): Promise<PageProfile | null>;
  /** Follows what the tab's top frame announces; returns the function that stops following. */
  watchProfile(tabId: number, listener: (profile: PageProfile | null) => void): () => void;
  openTab(url: string): void;
  /**
   * Follows a window's active tab for a side panel: calls `listener` with it now, whenever another
   * tab becomes active, and whenever the active tab loads a page. Returns the function that stops.
   */
  followActiveTab(windowId: number, listener: (tabId: number) => void): () => void;
}

export interface SidebarServiceDeps {
  db: RelationshipDb;
  /** The sidebar page's own URL: only a port from it, in a tab, is served as a frame. */
  sidebarUrl: string;
  /** The side panel page's URL: a port from it, in no tab, follows its window's active tab. */
  panelUrl?: string;
  tabs: FrameTab;
  /** Called once the frame is gone (closed, navigated, or the worker stopped). */
  onGone(): void;
  /** What a person gets when the sidebar creates them (the default "keep in touch every"). */
  newContactDefaults?: () => Promise<NewContactDefaults>;
  /** Where to learn the database's version on disk (`indexedDB`). */
  idb?: Pick<IDBFactory, 'databases'>;
}

async function apply(
  db: RelationshipDb,
  request: Exclude<SidebarRequest, { type: 'subscribe' | 'open-profile' }>,
  newContactDefaults: () => Promise<NewContactDefaults>,
) {
  switch (request.type) {
    case 'save':
      return saveUserFields(db, request.key, request.fields, request.page, await newContactDefaults());
    case 'log':
      return logInteraction(db, { ...request.interaction, contactKey: request.key }, request.page, await newContactDefaults());
    case 'edit-interaction':
      return editInteraction(db, request.key, request.id, request.changes);
    case 'delete-interaction':
      return deleteInteraction(db, request.key, request.id);
    case 'introduce':
      return logIntroduction(db, request);
    case 'delete-person':
      return deleteContact(db, request.key);
    case 'merge':
      return mergeContactInto(db, request.from, request.into);
    case 'follow-up-done':
      return completeFollowUp(db, request.key, request.today);
    case 'snooze':
      return snoozeFollowUp(db, request.key, { days: request.days }, request.today);
  }
}

/** Which tab's profile a port is told: a frame's own tab, or a side panel's window's active tab. */
function followedBy(port: SidebarPort, deps: SidebarServiceDeps): { tabId: number } | { windowId: number } | null {
  const { url, tab } = port.sender ?? {};
  if (!url) return null;
  const panel = port.name ? panelPortOf(port.name) : null;
  if (panel) return deps.panelUrl && url.startsWith(deps.panelUrl) && tab === undefined ? { windowId: panel.windowId } : null;
  return url.startsWith(deps.sidebarUrl) && tab?.id !== undefined ? { tabId: tab.id } : null;
}

/**
 * Serves one sidebar, framed in LinkedIn's page or in the browser's side panel: it subscribes to
 * the person it shows and sends its edits here (a frame cannot open IndexedDB: it is a third-party
 * frame on linkedin.com). It is told which profile its tab shows, from that tab's top frame, never
 * from the page; a side panel is told about its window's active tab. Every change, from any
 * extension page, is pushed back while the port lives.
 */
export function serveSidebarPort(port: SidebarPort, deps: SidebarServiceDeps): void {
  const { db, tabs, onGone } = deps;
  const newContactDefaults = deps.newContactDefaults ?? (async () => ({}));
  const followed = followedBy(port, deps);
  if (!followed) {
    port.disconnect();
    return;
  }
  let subscription: Subscription | undefined;
  let gone = false;
  // Answers and pushes can still be under way when the frame goes (a tab closed mid-save).
  const post = (message: SidebarPush) => {
    if (gone) return;
    try {
      port.postMessage(message);
    } catch {
      // Disconnected between the check and the send; the disconnect handler cleans up.
    }
  };
  const network = sidebarNetworkFeed(db, post);
  // Said only while an update of the notes is under way, and once more when it is over.
  let upgrading = false;
  const stopUpgrade = watchUpgrade(db, deps.idb ?? indexedDB, (progress) => {
    if (!progress && !upgrading) return;
    upgrading = progress !== null;
    post({ type: 'upgrade', progress });
  });
  let stopWatching = () => {};
  const follow = (tabId: number) => {
    stopWatching();
    // An announcement that arrives while the first answer is on its way is the newer of the two.
    let announced = false;
    let live = true;
    const stop = tabs.watchProfile(tabId, (profile) => {
      announced = true;
      post({ type: 'profile', profile });
    });
    stopWatching = () => {
      live = false;
      stop();
    };
    void tabs
      .profileOf(tabId)
      .catch(() => null)
      .then((profile) => live && !announced && post({ type: 'profile', profile }));
  };
  const stopFollowing = 'tabId' in followed ? (follow(followed.tabId), () => undefined) : tabs.followActiveTab(followed.windowId, follow);

  port.onMessage.addListener(async (raw) => {
    const request = parseSidebarRequest(raw);
    if (!request) {
      const seq = (raw as { seq?: unknown })?.seq;
      if (typeof seq === 'number') post({ type: 'failed', seq, reason: 'invalid' });
      return;
    }
    if (request.type === 'subscribe') {
      subscription?.unsubscribe();
      const { key, kind, memberId, ...page } = request.profile;
      // Only a profile page changes what a contact says about the person, and never whose notes
      // these are: another person's name, or notes under a member id, wait for the user.
      if (!kind || kind === 'profile') {
        const refresh = await refreshFromPage(db, key, page).catch(() => ({ otherName: undefined }));
        if (refresh.otherName) post({ type: 'name-change', key, name: refresh.otherName });
      }
      const offer = memberId ? await mergeOffer(db, memberId, key).catch(() => null) : null;
      if (offer) post({ type: 'merge-offer', key, from: offer });
      subscription = liveQuery(async () => ({
        contact: (await db.contacts.get(key)) ?? null,
        interactions: await timeline(db, key),
      })).subscribe({
        next: (state) => post({ type: 'state', key, ...state }),
        error: () => undefined,
      });
      network.show(key);
      return;
    }
    if (request.type === 'open-profile') {
      tabs.openTab(profileUrlFromKey(request.key));
      return;
    }
    try {
      await apply(db, request, newContactDefaults);
      post({ type: 'ack', seq: request.seq });
    } catch (error) {
      post({ type: 'failed', seq: request.seq, reason: isQuotaError(error) ? 'storage-full' : 'unknown' });
    }
  });

  port.onDisconnect.addListener(() => {
    gone = true;
    stopFollowing();
    stopWatching();
    subscription?.unsubscribe();
    network.stop();
    stopUpgrade();
    onGone();
  });
}
