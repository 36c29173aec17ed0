/**
 * What a person, a timeline entry and the settings are, with their limits: defined once here.
 * Types, new-contact defaults, the sidebar's form and save check, the backup format and its import
 * check, the CSV columns, search and sync all derive from these definitions.
 */
import * as v from 'valibot';
import { isLocalDate, type LocalDate } from './dates';
import { INTERACTION_KINDS } from './interaction-kinds';
import { archiveDetailSchema } from './archive-entry';
import { profileKeyFromUrl, profileUrlFromKey } from './profile-key';


export const LIMITS = {
  /** Characters in a long text (notes, how I can help, a timeline entry). */
  text: 100_000,
  /** Characters in a one-line text (a name, where we met). */
  line: 300,
  headline: 1000,
  url: 2000,
  /** Characters in one phrase of a list (an interest, a tag), and phrases in a list. */
  phrase: 200,
  phrases: 500,
  key: 200,
  /** "Keep in touch every N days". */
  cadenceDays: { min: 1, max: 3650 },
  /** "Dormant after N months", for Rekindle. */
  rekindleMonths: { min: 1, max: 120 },
  /** Snoozing a follow-up moves it at most this many days ahead. */
  snoozeDays: 365,
  /** People in a day's plan (`utils/plan`). */
  planSize: { min: 1, max: 15, default: 5 },
} as const;

/** A daily reminder time, local `HH:mm`. */
export const REMINDER_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

// ---------------------------------------------------------------- building blocks

export const text = (max: number = LIMITS.text) => v.pipe(v.string(), v.maxLength(max));
const phrases = v.pipe(v.array(text(LIMITS.phrase)), v.maxLength(LIMITS.phrases));
export const localDate = v.custom<LocalDate>(isLocalDate, 'not a YYYY-MM-DD date');
export const timestamp = v.pipe(v.number(), v.finite(), v.minValue(0));
export const id = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.key));
export const profileKey = v.pipe(
  id,
  v.check((key) => profileKeyFromUrl(profileUrlFromKey(key)) === key, 'not a profile key'),
);
const isHttpsUrl = (value: string) => {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
};
const noControl = v.check((value: string) => !/[\x00-\x1f\x7f]/.test(value), 'a control character'); // URL parsing drops CR, LF, tab
const isProfileUrl = (url: string) => url === '' || (isHttpsUrl(url) && profileKeyFromUrl(url) !== null);
const profileUrl = v.pipe(text(LIMITS.url), noControl, v.check(isProfileUrl, 'not a LinkedIn profile URL'));
const photoUrl = v.pipe(text(LIMITS.url), noControl, v.check((url) => url === '' || isHttpsUrl(url), 'not an https URL'));
export const cadenceDays = v.pipe(v.number(), v.integer(), v.minValue(LIMITS.cadenceDays.min), v.maxValue(LIMITS.cadenceDays.max));

// ---------------------------------------------------------------- a person

/** Fields read from a profile page or an import; they refresh when the page says otherwise. */
export const PAGE_FIELDS = {
  name: v.optional(text(LIMITS.line), ''),
  headline: v.optional(text(LIMITS.headline), ''),
  location: v.optional(text(LIMITS.line), ''),
  photoUrl: v.optional(photoUrl, ''),
  profileUrl: v.optional(profileUrl, ''),
};

/**
 * How a field the user writes is typed, stored and shown: a long text, a one-line place (with the
 * places already used as suggestions), a list of phrases, a cadence in days, or a date.
 */
const FORMS = {
  text: v.optional(text(), ''),
  place: v.optional(text(LIMITS.line), ''),
  phrases: v.optional(phrases, []),
  cadence: v.optional(v.nullable(cadenceDays), null),
  date: v.optional(v.nullable(localDate), null),
} as const;
export type FieldForm = keyof typeof FORMS;

interface UserFieldDefinition {
  form: FieldForm;
  /** Where the sidebar shows it: in view at once, or under "More". */
  section: 'summary' | 'more';
  /** Its column in the CSV export. The on-screen label is `sidebar.<field>` in locales/. */
  csv: string;
  /** Whether search finds people by it. */
  searchable: boolean;
}

/**
 * Fields only the user writes; nothing read from a page or an import overwrites them. In the order
 * the sidebar and the CSV export show them. Adding one here (and its label in both locales) is all
 * a new field needs.
 */
export const USER_FIELDS = {
  howICanHelp: { form: 'text', section: 'summary', csv: 'How I can help', searchable: false },
  offers: { form: 'phrases', section: 'summary', csv: 'What they offer', searchable: true },
  needs: { form: 'phrases', section: 'summary', csv: 'Looking for', searchable: true },
  interests: { form: 'phrases', section: 'more', csv: 'Interests', searchable: true },
  whereWeMet: { form: 'place', section: 'more', csv: 'Where we met', searchable: true },
  notes: { form: 'text', section: 'more', csv: 'Notes', searchable: true },
  tags: { form: 'phrases', section: 'more', csv: 'Tags', searchable: true },
  cadenceDays: { form: 'cadence', section: 'more', csv: 'Keep in touch every (days)', searchable: false },
  nextFollowUp: { form: 'date', section: 'more', csv: 'Next follow-up', searchable: false },
} as const satisfies Record<string, UserFieldDefinition>;

export type UserFieldName = keyof typeof USER_FIELDS;
type UserFieldSchemas = { [F in UserFieldName]: (typeof FORMS)[(typeof USER_FIELDS)[F]['form']] };

export const USER_FIELD_NAMES = Object.keys(USER_FIELDS) as UserFieldName[];
export const PAGE_FIELD_NAMES = Object.keys(PAGE_FIELDS) as Array<keyof typeof PAGE_FIELDS>;
const USER_FIELD_SCHEMAS = Object.fromEntries(
  USER_FIELD_NAMES.map((field) => [field, FORMS[USER_FIELDS[field].form]]),
) as UserFieldSchemas;

export type FieldsOfForm<F extends FieldForm> = { [K in UserFieldName]: (typeof USER_FIELDS)[K]['form'] extends F ? K : never }[UserFieldName];

/** The user fields of some forms, in order: e.g. every list of phrases. */
export function fieldsOfForm<F extends FieldForm>(...forms: F[]): Array<FieldsOfForm<F>> {
  return USER_FIELD_NAMES.filter((field): field is FieldsOfForm<F> => (forms as FieldForm[]).includes(USER_FIELDS[field].form));
}

/**
 * A person as stored and as written to a backup. `v.object` keeps only the keys named here and
 * builds fresh objects, so `__proto__` or `constructor` keys in a file never reach the database.
 */
export const contactSchema = v.object({
  key: profileKey,
  ...PAGE_FIELDS,
  /** Page fields the user wrote or chose: a visit to the profile never changes them. */
  userSet: v.optional(v.array(v.picklist(['name', 'headline', 'location', 'photoUrl'] as const)), []),
  /** The headline last read on their profile, to tell a new role from a new wording (`utils/people/roles.ts`). */
  seenHeadline: v.optional(text(LIMITS.headline), ''),
  /** Their position and company as the last Connections.csv gave them, for the same. */
  importedRole: v.optional(text(LIMITS.headline), ''),
  email: v.optional(text(LIMITS.line), ''),
  connectedOn: v.optional(v.nullable(localDate), null),
  ...USER_FIELD_SCHEMAS,
  lastInteraction: v.optional(v.nullable(localDate), null),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type PageFields = { [F in keyof typeof PAGE_FIELDS]: v.InferOutput<(typeof PAGE_FIELDS)[F]> };
export type UserFields = { [F in UserFieldName]: v.InferOutput<UserFieldSchemas[F]> };
/** A person as a backup holds it: no derived index terms. */
export type StoredContact = v.InferOutput<typeof contactSchema>;

/** A person as the database holds it: with the index terms it derives from other fields (`utils/storage/index-terms.ts`). */
export const contactRowSchema = v.object({
  ...contactSchema.entries,
  // Absent on rows stored before they existed.
  userSet: v.optional(v.unwrap(contactSchema.entries.userSet)),
  seenHeadline: v.optional(v.unwrap(contactSchema.entries.seenHeadline)),
  importedRole: v.optional(v.unwrap(contactSchema.entries.importedRole)),
  /** Normalised words of the searchable fields. */
  terms: v.array(v.string()),
  /** Stems of what they offer and what interests them, for introductions. */
  offerTerms: v.array(v.string()),
  /** Stems of what they are looking for. */
  needTerms: v.array(v.string()),
});
export type Contact = v.InferOutput<typeof contactRowSchema>;

export const CONTACT_FIELD_NAMES = Object.keys(contactSchema.entries) as Array<keyof StoredContact>;

const CONTACT_DEFAULTS = v.getDefaults(contactSchema) as unknown as Omit<StoredContact, 'key' | 'createdAt' | 'updatedAt'>;

const DEFAULT_ENTRIES = Object.entries(CONTACT_DEFAULTS);

/** A person nobody wrote anything about yet. Every default is a primitive or an empty list: no clone needed. */
export function newContact(key: string, now: number = Date.now()): Contact {
  const contact: Record<string, unknown> = {};
  for (const [field, value] of DEFAULT_ENTRIES) contact[field] = Array.isArray(value) ? [] : value;
  contact.key = key;
  contact.profileUrl = profileUrlFromKey(key);
  contact.createdAt = now;
  contact.updatedAt = now;
  contact.terms = [];
  contact.offerTerms = [];
  contact.needTerms = [];
  return contact as Contact;
}

/** The user fields of a person, or a new person's when there is none yet. */
export function userFieldsOf(contact: UserFields | null | undefined): UserFields {
  const fields = {} as Record<UserFieldName, unknown>;
  for (const field of USER_FIELD_NAMES) fields[field] = contact ? contact[field] : structuredClone(CONTACT_DEFAULTS[field]);
  return fields as UserFields;
}

/** What the sidebar may save: its name field and any of the user fields, nothing else. */
export const userEditSchema = v.strictObject({
  name: v.optional(text(LIMITS.line)),
  ...(Object.fromEntries(USER_FIELD_NAMES.map((field) => [field, v.optional(v.unwrap(USER_FIELD_SCHEMAS[field]))])) as {
    [F in UserFieldName]: v.OptionalSchema<ReturnType<typeof v.unwrap<UserFieldSchemas[F]>>, undefined>;
  }),
});
export type UserEdit = v.InferOutput<typeof userEditSchema>;

/** What a page shows of a person, as the sidebar hands it in: every field optional. */
export const pageEditSchema = v.object({
  key: v.optional(id),
  ...(Object.fromEntries(PAGE_FIELD_NAMES.map((field) => [field, v.optional(v.unwrap(PAGE_FIELDS[field]))])) as {
    [F in keyof typeof PAGE_FIELDS]: v.OptionalSchema<ReturnType<typeof v.unwrap<(typeof PAGE_FIELDS)[F]>>, undefined>;
  }),
});

// ---------------------------------------------------------------- a timeline entry

export const interactionKind = v.picklist(INTERACTION_KINDS);

export const interactionSchema = v.object({
  id,
  contactKey: profileKey,
  kind: interactionKind,
  date: localDate,
  text: v.optional(text(), ''),
  /** For an introduction: the other person introduced. */
  withKey: v.optional(profileKey),
  /** For an entry imported from LinkedIn's archive: how many were sent and received, and whether in a group. */
  archive: v.optional(archiveDetailSchema),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Interaction = v.InferOutput<typeof interactionSchema>;
export const INTERACTION_FIELD_NAMES = Object.keys(interactionSchema.entries) as Array<keyof Interaction>;

// ---------------------------------------------------------------- a person's imported entries

/** An entry imported from LinkedIn's archive, inside its person's row: its id is the row's key for it. */
export const storedArchiveEntrySchema = v.object({
  ...v.pick(interactionSchema, ['kind', 'date', 'text', 'createdAt']).entries,
  archive: archiveDetailSchema,
});
export type StoredArchiveEntry = v.InferOutput<typeof storedArchiveEntrySchema>;

/**
 * Every entry imported from the archive for one person, in one row (`utils/people/timeline.ts`):
 * an archive of 150,000 messages is then some 20,000 rows to write instead of 145,000.
 */
export const archiveEntriesSchema = v.object({
  key: profileKey,
  /** The latest entry's day, indexed: the weekly figures read only rows with recent entries. */
  latest: localDate,
  /**
   * Messages exchanged one to one and the last message's day ('' for none), indexed together:
   * Rekindle reads them from the index alone, not the entries.
   */
  messages: v.pipe(v.number(), v.integer(), v.minValue(0)),
  lastMessage: v.union([localDate, v.literal('')]),
  updatedAt: timestamp,
  entries: v.record(id, storedArchiveEntrySchema),
});
export type ArchiveEntries = v.InferOutput<typeof archiveEntriesSchema>;

// ---------------------------------------------------------------- settings

export const LANGUAGES = ['auto', 'en', 'es'] as const;

/** The settings; a backup made before a setting existed gets its default. */
export const settingsSchema = v.object({
  /** "Keep in touch every" for a new contact, in days; null for none. */
  defaultCadenceDays: v.optional(v.nullable(cadenceDays), null),
  /** Daily reminder time, local `HH:mm`. */
  reminderTime: v.optional(v.pipe(v.string(), v.regex(REMINDER_TIME)), '09:00'),
  notificationsEnabled: v.optional(v.boolean(), true),
  language: v.optional(v.picklist(LANGUAGES), 'auto'),
  /** How many people today's plan holds. */
  planSize: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(LIMITS.planSize.min), v.maxValue(LIMITS.planSize.max)),
    LIMITS.planSize.default,
  ),
  /** A tie with many messages counts as dormant after this many months without contact. */
  rekindleAfterMonths: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(LIMITS.rekindleMonths.min), v.maxValue(LIMITS.rekindleMonths.max)),
    6,
  ),
});
export type Settings = v.InferOutput<typeof settingsSchema>;
export type LanguageSetting = Settings['language'];
export const DEFAULT_SETTINGS: Settings = v.getDefaults(settingsSchema) as Settings;

/** Fields the sidebar asks to save, checked against their definitions; null when any is wrong. */
export function parseUserEdit(fields: unknown): UserEdit | null {
  const result = v.safeParse(userEditSchema, fields);
  return result.success ? result.output : null;
}

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** How far the notes are through an update after a new version: people done of all; 0 of 0 while the schema changes. */
export const upgradeProgressSchema = v.object({ done: count, total: count });
export type UpgradeProgress = v.InferOutput<typeof upgradeProgressSchema>;
