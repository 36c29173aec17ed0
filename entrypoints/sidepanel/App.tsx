import { useCallback } from 'react';
import { SidebarApp } from '@/components/sidebar/SidebarApp';
import { Today } from '@/components/pages/Today';
import { panelPortName } from '@/utils/sidebar/port';

/**
 * The notes in the browser's side panel, beside LinkedIn's page and outside it: the person of the
 * window's active tab, or today's list while that tab shows nobody.
 */
export function App({ windowId }: { windowId: number }) {
  const portName = useCallback((instanceId: string) => panelPortName(windowId, instanceId), [windowId]);
  return <SidebarApp place="panel" portName={portName} idle={<Today />} />;
}
