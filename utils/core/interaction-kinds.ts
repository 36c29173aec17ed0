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
  'new-role',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/**
 * Entries that record something about the person, not a contact made with them: a note to oneself,
 * or a new role seen on their profile or in a newer Connections.csv.
 */
export function isContactMade(kind: InteractionKind): boolean {
  return kind !== 'note' && kind !== 'new-role';
}
