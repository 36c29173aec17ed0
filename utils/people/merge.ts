import { putArchiveEntries } from './timeline';
import { entriesOf, type RelationshipDb } from '../storage/db';
import type { Contact, UserFields } from '../core/schema';
import { profileUrlFromKey } from '../core/profile-key';
import { USER_FIELD_NAMES, USER_FIELDS } from '../core/schema';

const union = (first: string[], second: string[]) => {
  const seen = new Set(first.map((value) => value.toLowerCase()));
  return [...first, ...second.filter((value) => !seen.has(value.toLowerCase()))];
};
// Both texts when both hold something different: a merge never drops what the user typed.
const both = (first: string, second: string, separator: string) =>
  !first.trim() ? second : !second.trim() || first.includes(second) ? first : `${first}${separator}${second}`;
const earliest = (first: string | null, second: string | null) => (first && second ? (first < second ? first : second) : first ?? second);
const latest = (first: string | null, second: string | null) => (first && second ? (first > second ? first : second) : first ?? second);

/** The user fields of two records of one person, merged without losing anything typed. */
function mergedUserFields(into: UserFields, from: UserFields): UserFields {
  const merged: Record<string, unknown> = {};
  for (const field of USER_FIELD_NAMES) {
    const [mine, theirs] = [into[field], from[field]] as [never, never];
    const form = USER_FIELDS[field].form;
    if (form === 'phrases') merged[field] = union(mine, theirs);
    else if (form === 'text') merged[field] = both(mine, theirs, '\n\n');
    else if (form === 'place') merged[field] = both(mine, theirs, '; ');
    else if (form === 'cadence') merged[field] = into[field] ?? from[field];
    // The sooner date: a follow-up planned on either record still comes up.
    else merged[field] = earliest(mine, theirs);
  }
  return merged as UserFields;
}

/** One contact holding everything two records of the same person hold; `into` wins where they differ. */
export function mergedContact(into: Contact, from: Contact, now: number = Date.now()): Contact {
  // What the user wrote of a page field wins over what a page showed, on either record.
  const own = (record: Contact, field: OwnableField) => (record.userSet ?? []).includes(field);
  const pageField = (field: OwnableField) =>
    own(into, field) || !own(from, field) ? into[field] || from[field] : from[field];
  return {
    ...into,
    name: pageField('name'),
    headline: pageField('headline'),
    location: pageField('location'),
    photoUrl: pageField('photoUrl'),
    userSet: [...new Set([...(into.userSet ?? []), ...(from.userSet ?? [])])],
    email: into.email || from.email,
    connectedOn: earliest(into.connectedOn, from.connectedOn),
    ...mergedUserFields(into, from),
    lastInteraction: latest(into.lastInteraction, from.lastInteraction),
    createdAt: Math.min(into.createdAt, from.createdAt),
    updatedAt: now,
  };
}

type OwnableField = NonNullable<Contact['userSet']>[number];

/**
 * Moves a contact first saved under one key (a member id, `/in/ACoAA…`) into the contact under
 * another (the person's vanity key), in one transaction: fields merged without losing typed text,
 * the timeline and introductions pointing at the old key re-pointed, the old record removed.
 */
export async function mergeContactInto(db: RelationshipDb, fromKey: string, toKey: string): Promise<void> {
  if (fromKey === toKey) return;
  await db.transaction('rw', db.contacts, db.interactions, db.archiveEntries, async () => {
    const from = await db.contacts.get(fromKey);
    if (!from) return;
    const into = await db.contacts.get(toKey);
    const now = Date.now();
    await db.contacts.put(
      into ? mergedContact(into, from, now) : { ...from, key: toKey, profileUrl: profileUrlFromKey(toKey), updatedAt: now },
    );
    await entriesOf(db, fromKey).modify({ contactKey: toKey, updatedAt: now });
    const [importedFrom, importedInto] = await db.archiveEntries.bulkGet([fromKey, toKey]);
    if (importedFrom) {
      await putArchiveEntries(db, toKey, { ...importedInto?.entries, ...importedFrom.entries }, now);
      await db.archiveEntries.delete(fromKey);
    }
    await db.interactions.filter((entry) => entry.withKey === fromKey).modify({ withKey: toKey, updatedAt: now });
    await db.contacts.delete(fromKey);
  });
}

/** Someone saved under a member id the page now shows under another key: worth asking to merge. */
export interface MergeOffer {
  /** The member-id key the notes were first saved under. */
  key: string;
  name: string;
}

/**
 * Whether a member-id contact exists to offer for merging into `toKey`. The page says the two keys
 * are one person, and a page can lie: the user decides (docs/ARCHITECTURE.md, "Whose notes").
 */
export async function mergeOffer(db: RelationshipDb, fromKey: string, toKey: string): Promise<MergeOffer | null> {
  if (fromKey === toKey) return null;
  const from = await db.contacts.get(fromKey);
  return from ? { key: fromKey, name: from.name } : null;
}

