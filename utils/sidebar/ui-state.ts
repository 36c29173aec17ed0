import { storage } from 'wxt/utils/storage';
import { DEFAULT_SIDEBAR_PLACE, SIDEBAR_COLLAPSED_KEY, SIDEBAR_PLACE_KEY, type SidebarPlace } from '../linkedin/sidebar-frame';

/** Whether the sidebar is folded to its tab, on every LinkedIn tab. */
export const sidebarCollapsedItem = storage.defineItem<boolean>(`local:${SIDEBAR_COLLAPSED_KEY}`, {
  fallback: false,
});

/** Whether the sidebar's "More" section (the less-used fields) is open, remembered on every tab. */
export const sidebarMoreOpenItem = storage.defineItem<boolean>('local:sidebarMoreOpen', {
  fallback: false,
});

/** Where the notes show: in a frame on LinkedIn's page or in the browser's side panel (`sidebar-frame.ts`). */
export const sidebarPlaceItem = storage.defineItem<SidebarPlace>(`local:${SIDEBAR_PLACE_KEY}`, {
  fallback: DEFAULT_SIDEBAR_PLACE,
});
