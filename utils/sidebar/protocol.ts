/**
 * The sidebar's long-lived port to the background, defined once: what the sidebar asks and what
 * the background pushes, as schemas. The background checks every request against them (a framed
 * page is not trusted with more than these); both ends take their types from them.
 */
import * as v from 'valibot';
import { INTERACTION_KINDS, INTRO_OUTCOME_KINDS } from '../core/interaction-kinds';
import type { IntroductionSuggestion } from '../network/suggestion';
import { PROFILE_PAGE_KINDS, type PageProfile } from '../linkedin/page-reader';
import { MEMBER_ID } from '../core/profile-key';
import { contactRowSchema, id, interactionSchema, LIMITS, localDate, pageEditSchema, text, upgradeProgressSchema, userEditSchema } from '../core/schema';

const key = id;
const seq = v.pipe(v.number(), v.integer());
const kind = v.picklist(INTERACTION_KINDS);

/** What a profile page shows, as the content script reads it (`PageProfile`). */
const pageProfileSchema = v.object({
  ...v.required(pageEditSchema, ['name', 'headline', 'location', 'photoUrl', 'profileUrl']).entries,
  key,
  kind: v.optional(v.picklist(PROFILE_PAGE_KINDS)),
  memberId: v.optional(v.pipe(key, v.regex(MEMBER_ID))),
});

const introducedPersonSchema = v.object({
  key,
  /** What that person's timeline says. */
  text: text(LIMITS.headline),
});
export type IntroducedPerson = v.InferOutput<typeof introducedPersonSchema>;

const requestSchema = v.variant('type', [
  v.object({ type: v.literal('subscribe'), profile: pageProfileSchema }),
  v.object({ type: v.literal('save'), seq, key, fields: userEditSchema, page: pageEditSchema }),
  v.object({
    type: v.literal('log'),
    seq,
    key,
    /** `withKey`: the other person, for a step of an introduction (`utils/network/intro-progress.ts`). */
    interaction: v.object({ id: key, kind, date: localDate, text: text(), withKey: v.optional(key) }),
    page: pageEditSchema,
  }),
  v.object({
    type: v.literal('edit-interaction'),
    seq,
    /** The person whose timeline holds the entry. */
    key,
    id: key,
    changes: v.object({ kind: v.optional(kind), date: v.optional(localDate), text: v.optional(text()) }),
  }),
  v.object({ type: v.literal('delete-interaction'), seq, key, id: key }),
  /** Records an introduction (or, later, how it went) on both people's timelines. */
  v.object({
    type: v.literal('introduce'),
    seq,
    id: key,
    date: localDate,
    kind: v.optional(v.picklist(['introduction', ...INTRO_OUTCOME_KINDS])),
    people: v.pipe(
      v.tuple([introducedPersonSchema, introducedPersonSchema]),
      v.check(([first, second]) => first.key !== second.key, 'two different people'),
    ),
  }),
  /**
   * Merges the notes first saved under a member id into the person shown, once the user said yes
   * to the background's `merge-offer` (a page can claim two keys are one person; only the user decides).
   */
  v.object({ type: v.literal('merge'), seq, from: v.pipe(key, v.regex(MEMBER_ID)), into: key }),
  /** Deletes the person and their timeline (sync deletes them on the other browsers too). */
  v.object({ type: v.literal('delete-person'), seq, key }),
  /** The follow-up is done: the next one comes from the cadence, or none. */
  v.object({ type: v.literal('follow-up-done'), seq, key, today: localDate }),
  /** Moves the follow-up to `days` after today. */
  v.object({
    type: v.literal('snooze'),
    seq,
    key,
    days: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.snoozeDays)),
    today: localDate,
  }),
  /** Opens someone's profile in a new tab: a framed page may not open tabs itself (Firefox). */
  v.object({ type: v.literal('open-profile'), key }),
]);
export type SidebarRequest = v.InferOutput<typeof requestSchema>;

/** A request from a sidebar frame, checked field by field; anything else is refused. */
export function parseSidebarRequest(message: unknown): SidebarRequest | null {
  const result = v.safeParse(requestSchema, message);
  return result.success ? result.output : null;
}


export const sidebarPushSchema = v.variant('type', [
  /** Which profile the frame's own tab shows, from its top frame: at connect and on every change. */
  v.object({ type: v.literal('profile'), profile: v.nullable(pageProfileSchema) }),
  v.object({ type: v.literal('state'), key, contact: v.nullable(contactRowSchema), interactions: v.array(interactionSchema) }),
  /** Introductions worth making for the person on screen, best first (ranked in `utils/network/introductions.ts`). */
  v.object({ type: v.literal('introductions'), key, introductions: v.array(v.custom<IntroductionSuggestion>(() => true)) }),
  /** The page showed, under a member-id link, someone already saved under that member id: merge them? */
  v.object({ type: v.literal('merge-offer'), key, from: v.object({ key, name: text(LIMITS.line) }) }),
  /** The page shows another person's name on this person's key: the stored name stays until the user says. */
  v.object({ type: v.literal('name-change'), key, name: text(LIMITS.line) }),
  /** Every "where we met" in use, for suggestions. */
  v.object({ type: v.literal('places'), places: v.array(v.string()) }),
  /** The notes are being updated after a new version (`null`: done, or nothing to do). */
  v.object({ type: v.literal('upgrade'), progress: v.nullable(upgradeProgressSchema) }),
  v.object({ type: v.literal('ack'), seq }),
  v.object({ type: v.literal('failed'), seq, reason: v.picklist(['invalid', 'storage-full', 'unknown']) }),
]);
export type SidebarPush = v.InferOutput<typeof sidebarPushSchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The content script's `PageProfile` and the schema the background checks it with hold the same fields. */
export const PAGE_PROFILE_MATCHES: Same<PageProfile, v.InferOutput<typeof pageProfileSchema>> = true;
