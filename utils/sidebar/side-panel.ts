import { browser } from 'wxt/browser';
import { SIDEBAR_PLACE_KEY, sidebarPlaceOf, type SidebarPlace } from '../linkedin/sidebar-frame';
import { sidebarPlaceItem } from './ui-state';

/** The browsers' side panel APIs, where they exist: Chrome's `sidePanel`, Firefox's `sidebarAction`. */
interface PanelApis {
  sidePanel?: {
    open(options: { windowId: number }): Promise<void>;
    setOptions(options: { enabled: boolean }): Promise<void>;
  };
  sidebarAction?: { open(): Promise<void> };
}
const chromePanel = () => (globalThis as { chrome?: PanelApis }).chrome?.sidePanel;
const firefoxPanel = () => (browser as unknown as PanelApis).sidebarAction;

/** Whether this browser can show the notes in its side panel. */
export function hasSidePanel(): boolean {
  return !!(chromePanel() ?? firefoxPanel());
}

/**
 * Opens the side panel. Call it in the click or key handler itself, before any `await`: both
 * browsers open a panel only during a user action, and an awaited promise ends it.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const chromeApi = chromePanel();
  if (chromeApi) {
    if (windowId === undefined) return Promise.reject(new Error('no window'));
    // Enabled first, in order: the browser handles both calls in turn, within the same user action.
    void chromeApi.setOptions({ enabled: true }).catch(() => undefined);
    return chromeApi.open({ windowId });
  }
  return firefoxPanel()?.open() ?? Promise.reject(new Error('no side panel'));
}

/**
 * What the shortcut's handler must know without waiting (a user action ends at the first
 * `await`): Chrome's side panel is enabled only while the notes live there, so opening it fails
 * at once otherwise; Firefox's background page keeps a copy of the choice in its `localStorage`.
 */
export function mirrorSidebarPlace(place: SidebarPlace): void {
  void chromePanel()?.setOptions({ enabled: place === 'panel' }).catch(() => undefined);
  try {
    globalThis.localStorage?.setItem(SIDEBAR_PLACE_KEY, place);
  } catch {
    // A page without localStorage (Chrome's service worker) relies on the panel's enabled state.
  }
}

/** Where the notes go from now on, said to the browser at once. */
export async function setSidebarPlace(place: SidebarPlace): Promise<void> {
  mirrorSidebarPlace(place);
  await sidebarPlaceItem.setValue(place);
}

/**
 * The shortcut in side panel mode, decided without waiting: opens (or focuses) the panel and
 * resolves `true`; resolves `false` when the notes live in the page, or no panel could open.
 */
export function openPanelForShortcut(windowId: number | undefined): Promise<boolean> {
  const chromeApi = chromePanel();
  if (chromeApi) {
    if (windowId === undefined) return Promise.resolve(false);
    return chromeApi.open({ windowId }).then(
      () => true,
      () => false,
    );
  }
  const firefoxApi = firefoxPanel();
  let mirrored: string | null = null;
  try {
    mirrored = globalThis.localStorage?.getItem(SIDEBAR_PLACE_KEY) ?? null;
  } catch {
    mirrored = null;
  }
  if (!firefoxApi || sidebarPlaceOf(mirrored) !== 'panel') return Promise.resolve(false);
  return firefoxApi.open().then(
    () => true,
    () => false,
  );
}
