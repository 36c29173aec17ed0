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
