import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sidebarPlaceOf } from '@/utils/linkedin/sidebar-frame';
import { mirrorSidebarPlace, openPanelForShortcut, setSidebarPlace } from '@/utils/sidebar/side-panel';
import { sidebarPlaceItem } from '@/utils/sidebar/ui-state';

describe('the place of the notes', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  it('is in the page unless the user chose the panel; anything else stored reads as the default', async () => {
    expect(await sidebarPlaceItem.getValue()).toBe('page');
    expect(sidebarPlaceOf('panel')).toBe('panel');
    for (const stored of ['page', undefined, null, 'PANEL', 1, {}]) expect(sidebarPlaceOf(stored)).toBe('page');
    await setSidebarPlace('panel');
    expect(await fakeBrowser.storage.local.get('sidebarPlace')).toEqual({ sidebarPlace: 'panel' });
  });

  describe('in Chrome', () => {
    let enabled: boolean | undefined;
    const open = vi.fn();
    beforeEach(() => {
      enabled = undefined;
      open.mockReset().mockImplementation(async () => {
        if (!enabled) throw new Error('No active side panel for windowId: 3');
      });
      vi.stubGlobal('chrome', {
        sidePanel: {
          setOptions: async (options: { enabled: boolean }) => void (enabled = options.enabled),
          open,
        },
      });
    });

    it('enables the panel only while the notes live there, so the shortcut’s open() fails at once in the page mode', async () => {
      mirrorSidebarPlace('page');
      expect(await openPanelForShortcut(3)).toBe(false);
      mirrorSidebarPlace('panel');
      expect(await openPanelForShortcut(3)).toBe(true);
      expect(open).toHaveBeenLastCalledWith({ windowId: 3 });
    });

    it('calls open() in the same turn as the key press, before anything is awaited', () => {
      mirrorSidebarPlace('panel');
      void openPanelForShortcut(3);
      expect(open).toHaveBeenCalledTimes(1);
    });

    it('opens nothing without a window', async () => {
      mirrorSidebarPlace('panel');
      expect(await openPanelForShortcut(undefined)).toBe(false);
      expect(open).not.toHaveBeenCalled();
    });
  });

  describe('in Firefox', () => {
    const open = vi.fn(async () => undefined);
    beforeEach(() => {
      open.mockClear();
      vi.stubGlobal('chrome', undefined);
      // The background page's own storage, which only Firefox's background (a page) has.
      const stored = new Map<string, string>();
      vi.stubGlobal('localStorage', { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => stored.set(key, value) });
      (fakeBrowser as unknown as { sidebarAction: unknown }).sidebarAction = { open };
    });
    afterEach(() => delete (fakeBrowser as unknown as { sidebarAction?: unknown }).sidebarAction);

    it('reads the choice from the background page’s own copy, without waiting, and opens the sidebar only in panel mode', async () => {
      expect(await openPanelForShortcut(3)).toBe(false);
      mirrorSidebarPlace('panel');
      const opening = openPanelForShortcut(3);
      expect(open).toHaveBeenCalledTimes(1);
      expect(await opening).toBe(true);
      mirrorSidebarPlace('page');
      expect(await openPanelForShortcut(3)).toBe(false);
      expect(open).toHaveBeenCalledTimes(1);
    });
  });
});
