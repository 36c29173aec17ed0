import { browser } from 'wxt/browser';
import { CHECK_ALARM } from '../core/alarms';
import { announcedProfile, type MessageSender, type PageMessage } from '../linkedin/page-messages';
import type { PageProfile } from '../linkedin/page-reader';
import { newContactDefaults } from '../people/new-contact-defaults';
import type { RelationshipDb } from '../storage/db';
import { foldDrafts } from './drafts';
import { draftKey, panelPortOf, SIDEBAR_PORT } from './port';
import { mirrorSidebarPlace, openPanelForShortcut } from './side-panel';
import { serveSidebarPort, type FrameTab } from './service';
import { sidebarCollapsedItem, sidebarPlaceItem } from './ui-state';

// Drafts older than this have no live frame left to confirm them.
const ORPHAN_DRAFT_MS = 2_000;

/**
 * The background's part of the sidebar: it serves every sidebar's port, framed or in the side panel
 * (reads, writes and pushes, `service.ts`), does for it what a framed page may not (its tab's
 * profile, the active tab a panel follows, opening tabs), folds the drafts a closed sidebar left,
 * answers the shortcut, and tells the browser where the notes live (`side-panel.ts`).
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
    followActiveTab: (windowId, listener) => {
      let active: number | undefined;
      const activate = (tabId: number) => {
        active = tabId;
        listener(tabId);
      };
      void browser.tabs
        .query({ active: true, windowId })
        .then(([tab]) => active === undefined && tab?.id !== undefined && activate(tab.id))
        .catch(() => undefined);
      const onActivated = (info: { tabId: number; windowId: number }) => info.windowId === windowId && activate(info.tabId);
      // A page that loads anew (leaving LinkedIn, say) has no content script left to say so.
      const onUpdated = (tabId: number, change: { status?: string }) => tabId === active && change.status === 'complete' && listener(tabId);
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
      return () => {
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
      };
    },
  };

  browser.runtime.onConnect.addListener((port) => {
    const panel = panelPortOf(port.name);
    if (!panel && !port.name.startsWith(SIDEBAR_PORT)) return;
    const instance = panel ? panel.instanceId : port.name.slice(SIDEBAR_PORT.length);
    serveSidebarPort(port, {
      db,
      // On the extension's own origin: Chrome's `getURL` of the web-accessible sidebar gives its
      // per-session URL (`use_dynamic_url`), while a port's sender says the page's real one.
      sidebarUrl: new URL('/sidebar.html', location.origin).href,
      panelUrl: new URL('/sidepanel.html', location.origin).href,
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
  // The shortcut opens (or focuses) the side panel, decided before any await (`side-panel.ts`);
  // in the in-page mode it shows or hides the frame instead.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-sidebar') return;
    void openPanelForShortcut(tab?.windowId).then(async (opened) => {
      if (opened || (await sidebarPlaceItem.getValue()) !== 'page') return;
      await sidebarCollapsedItem.setValue(!(await sidebarCollapsedItem.getValue()));
    });
  });
  void sidebarPlaceItem.getValue().then(mirrorSidebarPlace);
  sidebarPlaceItem.watch(mirrorSidebarPlace);
  void foldOrphanDrafts();
}
