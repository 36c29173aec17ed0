import type { Contact } from '../core/schema';
import type { LocalDate } from '../core/dates';
import { isDue } from '../followups/rules';
import { foldText } from '../core/search-terms';

export type DueFilter = 'all' | 'due' | 'scheduled' | 'none';
export type NetworkSort = 'name' | 'lastContact' | 'nextFollowUp';

export interface NetworkFilter {
  /** Part of a name or headline. */
  text: string;
  tag: string;
  interest: string;
  whereWeMet: string;
  due: DueFilter;
  /** Only the dormant ties of the Rekindle list. */
  dormant: boolean;
}

export const NO_FILTER: NetworkFilter = { text: '', tag: '', interest: '', whereWeMet: '', due: 'all', dormant: false };

type Listed = Pick<
  Contact,
  'key' | 'name' | 'headline' | 'tags' | 'interests' | 'whereWeMet' | 'lastInteraction' | 'nextFollowUp'
>;

/**
 * The people a filter keeps. Case and accents never matter; an empty field filters nothing.
 * `dormantKeys` are the Rekindle list's people, needed only when `filter.dormant` is on.
 */
export function filterContacts<T extends Listed>(
  contacts: readonly T[],
  filter: NetworkFilter,
  today: LocalDate,
  dormantKeys: ReadonlySet<string> = new Set(),
): T[] {
  const text = foldText(filter.text.trim());
  const tag = foldText(filter.tag.trim());
  const interest = foldText(filter.interest.trim());
  const place = foldText(filter.whereWeMet.trim());
  return contacts.filter((contact) => {
    if (filter.dormant && !dormantKeys.has(contact.key)) return false;
    if (text && !foldText(`${contact.name} ${contact.headline}`).includes(text)) return false;
    if (tag && !contact.tags.some((t) => foldText(t) === tag)) return false;
    if (interest && !contact.interests.some((i) => foldText(i).includes(interest))) return false;
    if (place && foldText(contact.whereWeMet.trim()) !== place) return false;
    switch (filter.due) {
      case 'due':
        return isDue(contact, today);
      case 'scheduled':
        return contact.nextFollowUp != null && contact.nextFollowUp > today;
      case 'none':
        return contact.nextFollowUp == null;
      default:
        return true;
    }
  });
}

/**
 * Sorted copies: by name; by last contact, most recent first; by next follow-up, soonest first.
 * People with no date go last; ties go by name.
 */
export function sortContacts<T extends Listed>(contacts: readonly T[], by: NetworkSort, language = 'en'): T[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  const byName = (a: T, b: T) => collator.compare(a.name || a.key, b.name || b.key);
  const lastFirst = (x: string | null, y: string | null) => (x ? (y ? y.localeCompare(x) : -1) : y ? 1 : 0);
  const soonFirst = (x: string | null, y: string | null) => (x ? (y ? x.localeCompare(y) : -1) : y ? 1 : 0);
  const compare =
    by === 'lastContact'
      ? (a: T, b: T) => lastFirst(a.lastInteraction, b.lastInteraction) || byName(a, b)
      : by === 'nextFollowUp'
        ? (a: T, b: T) => soonFirst(a.nextFollowUp, b.nextFollowUp) || byName(a, b)
        : byName;
  return [...contacts].sort(compare);
}

/** Each distinct value with how many people have it, most common first, then alphabetical. */
export function countValues(values: Iterable<string>): Array<{ value: string; count: number }> {
  const counts = new Map<string, { value: string; count: number }>();
  for (const raw of values) {
    const value = raw.replace(/\s+/g, ' ').trim();
    if (!value) continue;
    const id = foldText(value);
    const entry = counts.get(id);
    if (entry) entry.count++;
    else counts.set(id, { value, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The tags, interests and events of a network, for the filters' choices. */
export function filterChoices(contacts: readonly Listed[]) {
  return {
    tags: countValues(contacts.flatMap((c) => c.tags)),
    interests: countValues(contacts.flatMap((c) => c.interests)),
    places: countValues(contacts.map((c) => c.whereWeMet)),
  };
}
