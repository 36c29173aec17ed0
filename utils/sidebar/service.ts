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
  mergeContactInto,
  refreshFromPage,
  saveUserFields,
  snoozeFollowUp,
  type NewContactDefaults,
} from '../people/contacts';
import type { SidebarPush } from './protocol';
import type { PageProfile } from '../linkedin/page-reader';
import { profileUrlFromKey } from '../core/profile-key';
import { sidebarNetworkFeed } from './network-feed';
import { parseSidebarRequest, type SidebarRequest } from './protocol';
import { watchUpgrade } from '../storage/upgrade-progress';

/** The part of a runtime port the service uses. */
export interface SidebarPort {
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
}

export interface SidebarServiceDeps {
  db: RelationshipDb;
  /** The sidebar page's own URL: only a port from it is served. */
  sidebarUrl: string;
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
    case 'follow-up-done':
      return completeFollowUp(db, request.key, request.today);
    case 'snooze':
      return snoozeFollowUp(db, request.key, { days: request.days }, request.today);
  }
}

/**
 * Serves one sidebar frame: the frame cannot open IndexedDB (it is a third-party frame on
 * linkedin.com), so it subscribes to the person it shows and sends its edits here. It is told
 * which profile its own tab shows, from that tab's top frame, never from the page. Every change,
 * from any extension page, is pushed back while the port lives.
 */
export function serveSidebarPort(port: SidebarPort, deps: SidebarServiceDeps): void {
  const { db, tabs, onGone } = deps;
  const newContactDefaults = deps.newContactDefaults ?? (async () => ({}));
  const tabId = port.sender?.tab?.id;
  if (!port.sender?.url?.startsWith(deps.sidebarUrl) || tabId === undefined) {
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
  // An announcement that arrives while the first answer is on its way is the newer of the two.
  let announced = false;
  const stopWatching = tabs.watchProfile(tabId, (profile) => {
    announced = true;
    post({ type: 'profile', profile });
  });
  void tabs
    .profileOf(tabId)
    .catch(() => null)
    .then((profile) => announced || post({ type: 'profile', profile }));

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
      // The same person first saved under a member id: one contact from now on.
      if (memberId && memberId !== key) await mergeContactInto(db, memberId, key).catch(() => undefined);
      // Only a profile page changes what a contact says about the person.
      if (!kind || kind === 'profile') await refreshFromPage(db, key, page).catch(() => undefined);
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
    stopWatching();
    subscription?.unsubscribe();
    network.stop();
    stopUpgrade();
    onGone();
  });
}
