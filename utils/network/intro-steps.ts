import type { INTRO_STEP_KINDS, IntroOutcome } from '../core/interaction-kinds';
import type { LocalDate } from '../core/dates';
import type { RelationshipDb } from '../storage/db';
import { logInteraction, logIntroduction } from '../people/contacts';

/** One step of an introduction asked of both first (`intro-progress.ts`), with the texts its entries carry. */
export type IntroAction =
  /** You asked one of them, or they answered: an entry on that person, naming the other. */
  | { type: 'step'; kind: (typeof INTRO_STEP_KINDS)[number]; key: string; withKey: string; text: string }
  /** The introduction itself, or how it went: an entry on each of the two. */
  | { type: 'pair'; kind: 'introduction' | IntroOutcome; people: [{ key: string; text: string }, { key: string; text: string }] };

/** Logs a step where the database is at hand (the popup, the options page); the sidebar asks the background. */
export async function applyIntroAction(db: RelationshipDb, action: IntroAction, date: LocalDate): Promise<void> {
  const id = crypto.randomUUID();
  if (action.type === 'step') {
    await logInteraction(db, { id, contactKey: action.key, kind: action.kind, date, text: action.text, withKey: action.withKey });
  } else {
    await logIntroduction(db, { id, date, kind: action.kind, people: action.people });
  }
}
