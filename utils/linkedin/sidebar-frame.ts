/** Storage key (in `storage.local`) of whether the sidebar is folded to its tab, on every tab. */
export const SIDEBAR_COLLAPSED_KEY = 'sidebarCollapsed';

export const SIDEBAR_WIDTH = 360;
export const COLLAPSED_WIDTH = 40;
const TOP_OFFSET = 56;

/** Inline styles for the sidebar frame on LinkedIn's page: fixed at the right edge. */
export function sidebarFrameStyle(collapsed: boolean): Partial<CSSStyleDeclaration> {
  return {
    position: 'fixed',
    top: `${TOP_OFFSET}px`,
    right: '0',
    width: `${collapsed ? COLLAPSED_WIDTH : SIDEBAR_WIDTH}px`,
    height: collapsed ? '132px' : `calc(100vh - ${TOP_OFFSET}px)`,
    border: '0',
    borderRadius: collapsed ? '8px 0 0 8px' : '0',
    boxShadow: '0 0 12px rgba(0, 0, 0, 0.18)',
    zIndex: '2147483000',
  };
}

/**
 * Storage key (in `storage.local`) of where the notes show: in a frame on LinkedIn's page
 * (`page`, the default) or in the browser's side panel (`panel`), where the page holds nothing of
 * the extension. Per browser, not synced: each browser's panel and LinkedIn's page differ.
 */
export const SIDEBAR_PLACE_KEY = 'sidebarPlace';
export const SIDEBAR_PLACES = ['page', 'panel'] as const;
export type SidebarPlace = (typeof SIDEBAR_PLACES)[number];
export const DEFAULT_SIDEBAR_PLACE: SidebarPlace = 'page';

/** The stored place, or the default for anything else. */
export function sidebarPlaceOf(value: unknown): SidebarPlace {
  return value === 'panel' ? 'panel' : DEFAULT_SIDEBAR_PLACE;
}
