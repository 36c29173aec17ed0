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
  'intro-asked',
  'intro-yes',
  'intro-no',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/**
 * The steps of an introduction asked of both people first (double opt-in): you asked them, they
 * said yes, they said no. Each is logged by its button, with the other person in `withKey`, so the
 * pickers for an entry written by hand leave them out (`utils/network/intro-progress.ts`).
 */
export const INTRO_STEP_KINDS = ['intro-asked', 'intro-yes', 'intro-no'] as const satisfies readonly InteractionKind[];

/** How an introduction went, logged on both people two weeks on: it helped them, they helped you back, or nothing came of it. */
export const INTRO_OUTCOME_KINDS = ['help-given', 'help-received', 'note'] as const satisfies readonly InteractionKind[];
export type IntroOutcome = (typeof INTRO_OUTCOME_KINDS)[number];

/** The kinds a person picks for an entry of their own. */
export const HAND_KINDS: readonly InteractionKind[] = INTERACTION_KINDS.filter(
  (kind) => !(INTRO_STEP_KINDS as readonly InteractionKind[]).includes(kind),
);

/**
 * Entries that record something about the person, not a contact made with them: a note to oneself,
 * or a new role seen on their profile or in a newer Connections.csv.
 */
export function isContactMade(kind: InteractionKind): boolean {
  return kind !== 'note' && kind !== 'new-role';
}
