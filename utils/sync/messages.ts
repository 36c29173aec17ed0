/** Extension pages → background: sync now. Answered with the `SyncStatus` written, or null if skipped. */
export type SyncMessage = { type: 'sync-now' };

/** Who sent a runtime message, as the browser says: a content script's `url` is the web page's. */
export interface MessageSender {
  id?: string;
  url?: string;
}

/**
 * Whether the background runs a sync for this message: only `sync-now`, and only from this
 * extension's own pages (`pagesOrigin`: `runtime.getURL('/')`), never from a content script,
 * which shares the extension's id but runs inside LinkedIn's page.
 */
export function isSyncRequest(message: unknown, sender: MessageSender, extensionId: string, pagesOrigin: string): message is SyncMessage {
  return (
    sender.id === extensionId &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(pagesOrigin) &&
    (message as { type?: unknown })?.type === 'sync-now'
  );
}
