import { asInteraction, latestEntryDate, putArchiveEntries } from './timeline';
import { entriesOf, type RelationshipDb } from '../storage/db';
import type { Contact, Interaction, PageFields } from '../core/schema';
import type { InteractionKind, IntroOutcome } from '../core/interaction-kinds';
import type { LocalDate } from '../core/dates';
import type { UserEdit } from '../core/schema';
import {
  followUpAfterDone,
  nextFollowUpAfterContact,
  nextFollowUpAfterLatestChange,
  snoozedFollowUp,
  type SnoozeChoice,
} from '../followups/rules';
import { samePersonName } from './names';
import { newRoleEntry, roleChange } from './roles';
import { localToday } from '../core/dates';
import { newContact, PAGE_FIELD_NAMES } from '../core/schema';

/**
 * The page-read fields that differ from what is stored; empty readings never erase, and a field
 * the user wrote or chose (`userSet`) is theirs.
 */
export function pageFieldChanges(contact: Contact, page: Partial<PageFields>): Partial<PageFields> {
  const changes: Partial<PageFields> = {};
  const own = new Set<string>(contact.userSet ?? []);
  for (const field of PAGE_FIELD_NAMES) {
    const value = page[field]?.trim();
    if (value && value !== contact[field] && !own.has(field)) changes[field] = value;
  }
  return changes;
}

/** What a visit left for the user to decide: the page names someone else on this person's key. */
export interface PageRefresh {
  /** The name the page shows, kept back because it is not the stored person's name. */
  otherName?: string;
}

/**
 * Refreshes what the page shows about a known person. Unknown people are not created by a visit.
 * A name that reads as another person's is not taken: the caller asks the user. `updatedAt` stays:
 * it dates what the user wrote, which a restored backup and undo weigh, and a visit writes nothing
 * of theirs (sync notes the change by itself).
 */
export async function refreshFromPage(
  db: RelationshipDb,
  key: string,
  page: Partial<PageFields>,
  today: LocalDate = localToday(),
): Promise<PageRefresh> {
  return db.transaction('rw', db.contacts, db.interactions, async () => {
    const contact = await db.contacts.get(key);
    if (!contact) return {};
    const changes: Partial<Contact> = pageFieldChanges(contact, page);
    // A page that names someone else on this key shows someone else's card: nothing of it is
    // taken (no headline, photo or new role) until the user says it is this person.
    if (changes.name && contact.name && !samePersonName(contact.name, changes.name)) return { otherName: changes.name };
    // A new role, not a new wording, goes on the timeline; the first reading is only remembered.
    const headline = page.headline?.trim() ?? '';
    if (headline && headline !== contact.seenHeadline) {
      changes.seenHeadline = headline;
      // Rows from before it was kept hold a headline that may be an import's "Position at Company":
      // their first visit is a first reading, never a job change.
      const change = roleChange(contact.seenHeadline, headline);
      if (change) await db.interactions.add(newRoleEntry(key, change, today, Date.now()));
    }
    if (Object.keys(changes).length > 0) await db.contacts.update(key, changes);
    return {};
  });
}

/** Page fields an edit writes, added to those the user owns. */
function ownedAfter(contact: Contact, fields: UserEdit): NonNullable<Contact['userSet']> {
  const own = new Set(contact.userSet ?? []);
  if (fields.name !== undefined) own.add('name');
  return [...own];
}

/** What a contact gets when it is first created; callers read it from settings and hand it in. */
export interface NewContactDefaults {
  cadenceDays?: number | null;
  /** Set while event mode is on (`utils/followups/event-mode.ts`). */
  whereWeMet?: string;
  nextFollowUp?: LocalDate | null;
}

/** A new contact with what it gets by default. */
function freshContact(key: string, now: number, defaults: NewContactDefaults): Contact {
  return {
    ...newContact(key, now),
    cadenceDays: defaults.cadenceDays ?? null,
    whereWeMet: defaults.whereWeMet ?? '',
    nextFollowUp: defaults.nextFollowUp ?? null,
  };
}

/**
 * Writes the given user fields only, so two views editing different fields of one person never
 * overwrite each other. Creates the contact on its first edit, with what the page showed.
 */
export async function saveUserFields(
  db: RelationshipDb,
  key: string,
  fields: UserEdit,
  page: Partial<PageFields> = {},
  defaults: NewContactDefaults = {},
): Promise<void> {
  await db.transaction('rw', db.contacts, async () => {
    const now = Date.now();
    const existing = await db.contacts.get(key);
    if (existing) {
      const userSet = ownedAfter(existing, fields);
      const owned = userSet.length !== (existing.userSet ?? []).length ? { userSet } : {};
      await db.contacts.update(key, { ...pageFieldChanges(existing, page), ...fields, ...owned, updatedAt: now });
    } else {
      const fresh = freshContact(key, now, defaults);
      await db.contacts.add({ ...fresh, ...pageFieldChanges(fresh, page), ...fields, userSet: ownedAfter(fresh, fields), seenHeadline: page.headline?.trim() ?? '' });
    }
  });
}

export interface InteractionInput {
  id: string;
  contactKey: string;
  kind: InteractionKind;
  date: LocalDate;
  text: string;
  withKey?: string;
}

/**
 * Records a contact made and restarts the follow-up clock. Idempotent by id, so a sidebar that
 * re-sends after a worker restart never logs twice.
 */
export async function logInteraction(
  db: RelationshipDb,
  input: InteractionInput,
  page: Partial<PageFields> = {},
  defaults: NewContactDefaults = {},
): Promise<void> {
  await db.transaction('rw', db.contacts, db.interactions, async () => {
    if (await db.interactions.get(input.id)) return;
    const now = Date.now();
    const contact = (await db.contacts.get(input.contactKey)) ?? {
      ...freshContact(input.contactKey, now, defaults),
      ...page,
      seenHeadline: page.headline?.trim() ?? '',
    };
    await db.interactions.add({ ...input, createdAt: now, updatedAt: now });
    const isLatest = !contact.lastInteraction || input.date >= contact.lastInteraction;
    await db.contacts.put({
      ...contact,
      lastInteraction: isLatest ? input.date : contact.lastInteraction,
      nextFollowUp: isLatest ? nextFollowUpAfterContact(contact, input.date) : contact.nextFollowUp,
      updatedAt: now,
    });
  });
}

export interface IntroductionInput {
  id: string;
  date: LocalDate;
  /** The introduction itself, or how it went (`utils/network/intro-progress.ts`), logged on both. */
  kind?: 'introduction' | IntroOutcome;
  /** The two people introduced, each with the text their own timeline shows. */
  people: [{ key: string; text: string }, { key: string; text: string }];
}

/**
 * Records an introduction on both people's timelines, each pointing at the other, in one
 * transaction: both or neither. Idempotent by id, like `logInteraction`.
 */
export async function logIntroduction(db: RelationshipDb, input: IntroductionInput): Promise<void> {
  const [first, second] = input.people;
  if (first.key === second.key) throw new Error('An introduction needs two different people');
  await db.transaction('rw', db.contacts, db.interactions, async () => {
    for (const [index, person, other] of [[1, first, second], [2, second, first]] as const) {
      await logInteraction(db, {
        id: `${input.id}-${index}`,
        contactKey: person.key,
        kind: input.kind ?? 'introduction',
        date: input.date,
        text: person.text,
        withKey: other.key,
      });
    }
  });
}

/**
 * Takes an imported entry out of its person's row (`utils/people/timeline.ts`) and returns it, or
 * null when the row holds no such entry.
 */
async function takeImportedEntry(db: RelationshipDb, key: string, id: string, now: number): Promise<Interaction | null> {
  const row = await db.archiveEntries.get(key);
  const entry = row?.entries[id];
  if (!entry) return null;
  const { [id]: _taken, ...rest } = row.entries;
  await putArchiveEntries(db, key, rest, now);
  return asInteraction(key, id, entry);
}

/** Changes a timeline entry of the person `key`; an imported one becomes an ordinary entry with the same id. */
export async function editInteraction(
  db: RelationshipDb,
  key: string,
  id: string,
  changes: Partial<Pick<Interaction, 'kind' | 'date' | 'text'>>,
): Promise<void> {
  await db.transaction('rw', db.contacts, db.interactions, db.archiveEntries, async () => {
    const now = Date.now();
    const interaction = (await db.interactions.get(id)) ?? (await takeImportedEntry(db, key, id, now));
    if (!interaction) return;
    await db.interactions.put({ ...interaction, ...changes, updatedAt: now });
    await recountFromLatest(db, interaction.contactKey);
  });
}

/** Deletes a timeline entry of the person `key`, typed or imported. */
export async function deleteInteraction(db: RelationshipDb, key: string, id: string): Promise<void> {
  await db.transaction('rw', db.contacts, db.interactions, db.archiveEntries, async () => {
    const interaction = await db.interactions.get(id);
    if (interaction) await db.interactions.delete(id);
    // Gone from the person's row too, should it hold a copy (`withoutShadowed`).
    const imported = await takeImportedEntry(db, key, id, Date.now());
    if (!interaction && !imported) return;
    await recountFromLatest(db, (interaction ?? imported)!.contactKey);
  });
}

/** After an entry changed or went: the last contact is read again, and the follow-up with it. */
async function recountFromLatest(db: RelationshipDb, key: string): Promise<void> {
  const contact = await db.contacts.get(key);
  if (!contact) return;
  const lastInteraction = await latestEntryDate(db, key);
  const nextFollowUp = nextFollowUpAfterLatestChange(contact, contact.lastInteraction, lastInteraction);
  await db.contacts.update(key, { lastInteraction, nextFollowUp, updatedAt: Date.now() });
}

export async function snoozeFollowUp(db: RelationshipDb, key: string, choice: SnoozeChoice, today: LocalDate) {
  await db.contacts.update(key, { nextFollowUp: snoozedFollowUp(choice, today), updatedAt: Date.now() });
}

/** Marks a person's follow-up done (the sidebar's "Done"): the next one comes from their cadence, or none. */
export async function completeFollowUp(db: RelationshipDb, key: string, today: LocalDate): Promise<void> {
  await db.transaction('rw', db.contacts, async () => {
    const contact = await db.contacts.get(key);
    if (!contact) return;
    await db.contacts.update(key, { nextFollowUp: followUpAfterDone(contact, today), updatedAt: Date.now() });
  });
}

/** Deletes a person and their timeline, in one transaction (sync turns both into tombstones). */
export async function deleteContact(db: RelationshipDb, key: string): Promise<void> {
  await db.transaction('rw', db.contacts, db.interactions, db.archiveEntries, async () => {
    await entriesOf(db, key).delete();
    await db.archiveEntries.delete(key);
    await db.contacts.delete(key);
  });
}
