import * as v from 'valibot';
import type { UserFields } from './db';
import { INTERACTION_KINDS } from './interaction-kinds';
import { isLocalDate } from './dates';
import type { SidebarRequest } from './messages';
import { PROFILE_PAGE_KINDS } from './page-reader';
import { MEMBER_ID } from './profile-key';

const MAX_TEXT = 100_000;
const text = (max = MAX_TEXT) => v.pipe(v.string(), v.maxLength(max));
const phrases = v.pipe(v.array(text(200)), v.maxLength(500));
const localDate = v.custom<string>(isLocalDate, 'not a YYYY-MM-DD date');
const key = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const userFieldsSchema = v.strictObject({
  name: v.optional(text(300)),
  interests: v.optional(phrases),
  offers: v.optional(phrases),
  needs: v.optional(phrases),
  howICanHelp: v.optional(text()),
  whereWeMet: v.optional(text(300)),
  notes: v.optional(text()),
  tags: v.optional(phrases),
  cadenceDays: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650)))),
  nextFollowUp: v.optional(v.nullable(localDate)),
});

const pageSchema = v.object({
  key: v.optional(key),
  name: v.optional(text(300)),
  headline: v.optional(text(1000)),
  location: v.optional(text(300)),
  photoUrl: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.url(), v.startsWith('https://'))])),
  profileUrl: v.optional(text(1000)),
});

const kind = v.picklist(INTERACTION_KINDS);
const seq = v.pipe(v.number(), v.integer());

const requestSchema = v.variant('type', [
  v.object({
    type: v.literal('subscribe'),
    profile: v.object({
      ...pageSchema.entries,
      key,
      kind: v.optional(v.picklist(PROFILE_PAGE_KINDS)),
      memberId: v.optional(v.pipe(key, v.regex(MEMBER_ID))),
    }),
  }),
  v.object({ type: v.literal('save'), seq, key, fields: userFieldsSchema, page: pageSchema }),
  v.object({
    type: v.literal('log'),
    seq,
    key,
    interaction: v.object({ id: key, kind, date: localDate, text: text() }),
    page: pageSchema,
  }),
  v.object({
    type: v.literal('edit-interaction'),
    seq,
    id: key,
    changes: v.object({ kind: v.optional(kind), date: v.optional(localDate), text: v.optional(text()) }),
  }),
  v.object({ type: v.literal('delete-interaction'), seq, id: key }),
  v.object({
    type: v.literal('introduce'),
    seq,
    id: key,
    date: localDate,
    people: v.pipe(
      v.tuple([v.object({ key, text: text(1000) }), v.object({ key, text: text(1000) })]),
      v.check(([first, second]) => first.key !== second.key, 'two different people'),
    ),
  }),
  v.object({ type: v.literal('follow-up-done'), seq, key, today: localDate }),
  v.object({
    type: v.literal('snooze'),
    seq,
    key,
    days: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365)),
    today: localDate,
  }),
  v.object({ type: v.literal('open-profile'), key }),
]);

export type ValidSidebarRequest = v.InferOutput<typeof requestSchema>;

/** A request from a sidebar frame, checked field by field; anything else is refused. */
export function parseSidebarRequest(message: unknown): ValidSidebarRequest | null {
  const result = v.safeParse(requestSchema, message);
  return result.success ? result.output : null;
}

export function parseUserFields(fields: unknown): Partial<UserFields> & { name?: string } | null {
  const result = v.safeParse(userFieldsSchema, fields);
  return result.success ? result.output : null;
}

// Compile-time check that the schema and the message type agree.
export type _RequestMatches = ValidSidebarRequest extends SidebarRequest ? true : never;
