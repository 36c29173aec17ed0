import type { PageProfile } from '../linkedin/page-reader';

/** The name every sidebar frame's port to the background starts with; the frame's instance id follows. */
export const SIDEBAR_PORT = 'sidebar:';

/** Unsent sidebar edits, handed to `storage.local` at once so nothing typed is lost. */
export interface Draft {
  key: string;
  fields: Record<string, unknown>;
  page: Partial<PageProfile>;
  at: number;
}
export const DRAFT_PREFIX = 'draft:';

/** Where one sidebar instance keeps its unsent edits to one person. */
export function draftKey(instanceId: string, contactKey: string): string {
  return `${DRAFT_PREFIX}${instanceId}:${contactKey}`;
}

/** The name a side panel's port starts with; its window's id and its instance id follow. */
export const PANEL_PORT = 'panel:';

export function panelPortName(windowId: number, instanceId: string): string {
  return `${PANEL_PORT}${windowId}:${instanceId}`;
}

/** The window and instance a side panel's port name holds; null for any other name. */
export function panelPortOf(name: string): { windowId: number; instanceId: string } | null {
  const match = /^panel:(\d+):([\w-]{1,64})$/.exec(name);
  return match ? { windowId: Number(match[1]), instanceId: match[2]! } : null;
}
