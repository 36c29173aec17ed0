import { storage } from 'wxt/utils/storage';
import { SIDEBAR_COLLAPSED_KEY } from '../linkedin/sidebar-frame';

/** Whether the sidebar is folded to its tab, on every LinkedIn tab. */
export const sidebarCollapsedItem = storage.defineItem<boolean>(`local:${SIDEBAR_COLLAPSED_KEY}`, {
  fallback: false,
});

/** Whether the sidebar's "More" section (the less-used fields) is open, remembered on every tab. */
export const sidebarMoreOpenItem = storage.defineItem<boolean>('local:sidebarMoreOpen', {
  fallback: false,
});
