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
