/** Extension pages → background: sync now. Answered with the `SyncStatus` written, or null if skipped. */
export type SyncMessage = { type: 'sync-now' };

/** Whether the background runs a sync for this message: only `sync-now`, and only from this extension's own pages. */
export function isSyncRequest(message: unknown, sender: { id?: string }, extensionId: string): message is SyncMessage {
  return sender.id === extensionId && (message as { type?: unknown })?.type === 'sync-now';
}
