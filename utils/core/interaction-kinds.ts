/** The kinds of contact a timeline records. Kept apart from the database so the sidebar frame loads no Dexie. */
export const INTERACTION_KINDS = [
  'message',
  'call',
  'meeting',
  'event',
  'introduction',
  'help-given',
  'help-received',
  'note',
  'invitation',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
