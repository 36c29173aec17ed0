import { liveQuery, type Subscription } from 'dexie';
import type { RelationshipDb } from './db';
import {
  deleteInteraction,
  editInteraction,
  logInteraction,
  logIntroduction,
  mergeContactInto,
  refreshFromPage,
  saveUserFields,
  timeline,
  type NewContactDefaults,
} from './contacts';
import type { SidebarPush } from './messages';
import { sidebarNetworkFeed } from './sidebar-network';
import { parseSidebarRequest, type ValidSidebarRequest } from './validate';

/** The part of a runtime port the service uses. */
export interface SidebarPort {
  sender?: { url?: string; tab?: { id?: number } };
  postMessage(message: SidebarPush): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } })?.name;
  const inner = (error as { inner?: { name?: string } })?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

async function apply(
  db: RelationshipDb,
  request: Exclude<ValidSidebarRequest, { type: 'subscribe' }>,
  newContactDefaults: () => Promise<NewContactDefaults>,
) {
  switch (request.type) {
    case 'save':
      return saveUserFields(db, request.key, request.fields, request.page, await newContactDefaults());
    case 'log':
      return logInteraction(db, { ...request.interaction, contactKey: request.key }, request.page, await newContactDefaults());
    case 'edit-interaction':
      return editInteraction(db, request.id, request.changes);
    case 'delete-interaction':
      return deleteInteraction(db, request.id);
    case 'introduce':
      return logIntroduction(db, request);
  }
}

/**
 * Serves one sidebar frame: the frame cannot open IndexedDB (it is a third-party frame on
 * linkedin.com), so it subscribes to the person it shows and sends its edits here. Every change,
 * from any extension page, is pushed back while the port lives.
 */
export function serveSidebarPort(
  port: SidebarPort,
  db: RelationshipDb,
  sidebarUrl: string,
  onGone: () => void,
  /** What a person gets when the sidebar creates them (the default "keep in touch every"). */
  newContactDefaults: () => Promise<NewContactDefaults> = async () => ({}),
): void {
  if (!port.sender?.url?.startsWith(sidebarUrl)) {
    port.disconnect();
    return;
  }
  let subscription: Subscription | undefined;
  const network = sidebarNetworkFeed(db, (message) => port.postMessage(message));
  port.postMessage({ type: 'hello', tabId: port.sender.tab?.id ?? null });

  port.onMessage.addListener(async (raw) => {
    const request = parseSidebarRequest(raw);
    if (!request) {
      const seq = (raw as { seq?: unknown })?.seq;
      if (typeof seq === 'number') port.postMessage({ type: 'failed', seq, reason: 'invalid' });
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
        next: (state) => port.postMessage({ type: 'state', key, ...state }),
        error: () => undefined,
      });
      network.show(key);
      return;
    }
    try {
      await apply(db, request, newContactDefaults);
      port.postMessage({ type: 'ack', seq: request.seq });
    } catch (error) {
      port.postMessage({ type: 'failed', seq: request.seq, reason: isQuotaError(error) ? 'storage-full' : 'unknown' });
    }
  });

  port.onDisconnect.addListener(() => {
    subscription?.unsubscribe();
    network.stop();
    onGone();
  });
}
