import { SidebarApp } from '@/components/sidebar/SidebarApp';
import { SIDEBAR_PORT } from '@/utils/sidebar/port';

const portName = (instanceId: string) => SIDEBAR_PORT + instanceId;

/** The notes in a frame on LinkedIn's page: the background knows the frame's tab from its port. */
export function App() {
  return <SidebarApp place="page" portName={portName} />;
}
