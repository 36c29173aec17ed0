import type { SidebarPush } from '@/utils/messages';
import type { SidebarPort } from '@/utils/sidebar-service';

export const SIDEBAR_URL = 'chrome-extension://abcdefghijklmnop/sidebar.html';

/** A runtime port as the background sees it, driven by the test. */
export class FakeSidebarPort implements SidebarPort {
  received: SidebarPush[] = [];
  disconnected = false;
  private messageListeners: Array<(message: unknown) => unknown> = [];
  private disconnectListeners: Array<() => void> = [];
  constructor(public sender?: SidebarPort['sender']) {}
  postMessage(message: SidebarPush) {
    this.received.push(structuredClone(message));
  }
  disconnect() {
    this.disconnected = true;
  }
  onMessage = { addListener: (listener: (message: unknown) => unknown) => void this.messageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };
  get listening() {
    return this.messageListeners.length > 0;
  }
  async send(message: unknown) {
    await Promise.all(this.messageListeners.map((listener) => listener(message)));
  }
  close() {
    this.disconnectListeners.forEach((listener) => listener());
  }
  of<T extends SidebarPush['type']>(type: T) {
    return this.received.filter((m): m is Extract<SidebarPush, { type: T }> => m.type === type);
  }
}

export function sidebarPort(tabId = 7) {
  return new FakeSidebarPort({ url: `${SIDEBAR_URL}?frame=1`, tab: { id: tabId } });
}
