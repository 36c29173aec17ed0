import { browser } from 'wxt/browser';
import { CHECK_ALARM } from '../core/alarms';
import { announcedProfile, type MessageSender, type PageMessage } from '../linkedin/page-messages';
import type { PageProfile } from '../linkedin/page-reader';
import { newContactDefaults } from '../people/new-contact-defaults';
import type { RelationshipDb } from '../storage/db';
import { foldDrafts } from './drafts';
import { draftKey, SIDEBAR_PORT } from './port';
import { serveSidebarPort, type FrameTab } from './service';
import { sidebarCollapsedItem } from './ui-state';

// Drafts older than this have no live frame left to confirm them.
const ORPHAN_DRAFT_MS = 2_000;

/**
 * The background's part of the sidebar: it serves every sidebar frame's port (reads, writes and
 * pushes, `service.ts`), does for a frame what a framed page may not (its tab's profile, opening
 * tabs), folds the drafts a closed frame left, and answers the show/hide shortcut.
 */
export function serveSidebars(db: RelationshipDb): void {
  const draftStore = {
    get: () => browser.storage.local.get(null),
    remove: (keys: string[]) => browser.storage.local.remove(keys),
  };
  const foldOrphanDrafts = () =>
    newContactDefaults()
      .then((defaults) => foldDrafts(db, draftStore, (_key, draft) => Date.now() - (draft.at ?? 0) > ORPHAN_DRAFT_MS, defaults))
      .catch(() => 0);

  // The sidebar's own tab, done here: a framed extension page has no `tabs` API in Firefox.
  const frameTab: FrameTab = {
    profileOf: async (tabId) => {
      const ask: PageMessage = { type: 'getProfile' };
      return ((await browser.tabs.sendMessage(tabId, ask, { frameId: 0 })) as PageProfile | null) ?? null;
    },
    watchProfile: (tabId, listener) => {
      const relay = (message: unknown, sender: MessageSender) => {
        const profile = announcedProfile(message, sender, tabId, browser.runtime.id);
        if (profile !== undefined) listener(profile);
      };
      browser.runtime.onMessage.addListener(relay);
      return () => browser.runtime.onMessage.removeListener(relay);
    },
    openTab: (url) => void browser.tabs.create({ url }),
  };

  browser.runtime.onConnect.addListener((port) => {
    if (!port.name.startsWith(SIDEBAR_PORT)) return;
    const instance = port.name.slice(SIDEBAR_PORT.length);
    serveSidebarPort(port, {
      db,
      sidebarUrl: browser.runtime.getURL('/sidebar.html'),
      tabs: frameTab,
      onGone: () => {
        void newContactDefaults()
          .then((defaults) => foldDrafts(db, draftStore, (key) => key.startsWith(draftKey(instance, '')), defaults))
          .catch(() => 0);
      },
      newContactDefaults,
    });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CHECK_ALARM) void foldOrphanDrafts();
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === 'toggle-sidebar') void sidebarCollapsedItem.getValue().then((v) => sidebarCollapsedItem.setValue(!v));
  });
  void foldOrphanDrafts();
}
