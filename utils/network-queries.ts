import type { Contact, Interaction, LocalDate, RelationshipDb } from './db';
import { firstDayOfWeeks } from './give-and-take';
import { introductionsForPerson, pairKey, suggestIntroductions, type IntroductionSuggestion } from './introductions';
import { foldText } from './search-terms';

/** Introductions already made, by pair, with the latest date. */
export function introducedPairs(interactions: readonly Interaction[]): Map<string, LocalDate> {
  const pairs = new Map<string, LocalDate>();
  for (const { kind, contactKey, withKey, date } of interactions) {
    if (kind !== 'introduction' || !withKey) continue;
    const pair = pairKey(contactKey, withKey);
    if ((pairs.get(pair) ?? '') < date) pairs.set(pair, date);
  }
  return pairs;
}

/**
 * The best introductions for one person, both ways round. Reads only the people whose offers
 * share a word with this person's needs, or whose needs share one with their offers.
 */
export async function introductionsForContact(db: RelationshipDb, key: string, limit = 5): Promise<IntroductionSuggestion[]> {
  const person = await db.contacts.get(key);
  if (!person) return [];
  const [helpers, seekers, timeline] = await Promise.all([
    person.needTerms?.length ? db.contacts.where('offerTerms').anyOf(person.needTerms).distinct().toArray() : [],
    person.offerTerms?.length ? db.contacts.where('needTerms').anyOf(person.offerTerms).distinct().toArray() : [],
    db.interactions.where('[contactKey+date]').between([key, ''], [key, '\uffff']).toArray(),
  ]);
  const others = new Map<string, Contact>();
  for (const contact of [...helpers, ...seekers]) others.set(contact.key, contact);
  return introductionsForPerson(person, [...others.values()], { introduced: introducedPairs(timeline), limit });
}

/**
 * The best introductions not made yet across the whole network, between people looking for
 * something and people offering something.
 */
export async function networkIntroductions(db: RelationshipDb, limit = 20): Promise<IntroductionSuggestion[]> {
  // One getAll beats the multiEntry indexes here: measured 0.4 s against 2.5 s for 30,000 people.
  const [contacts, introductions] = await Promise.all([
    db.contacts.toArray(),
    db.interactions.where('kind').equals('introduction').toArray(),
  ]);
  const seekers = contacts.filter((contact) => contact.needTerms?.length > 0);
  const helpers = contacts.filter((contact) => contact.offerTerms?.length > 0);
  return suggestIntroductions(seekers, helpers, {
    perSeeker: 2,
    limit,
    introduced: introducedPairs(introductions),
    skipIntroduced: true,
  });
}

/** Every "where we met" in use, through its index, for the sidebar's suggestions. */
export async function placesMet(db: RelationshipDb, limit = 500): Promise<string[]> {
  const keys = await db.contacts.orderBy('whereWeMet').uniqueKeys();
  const seen = new Set<string>();
  const places: string[] = [];
  for (const key of keys) {
    const place = typeof key === 'string' ? key.trim() : '';
    if (!place || seen.has(foldText(place))) continue;
    seen.add(foldText(place));
    places.push(place);
    if (places.length >= limit) break;
  }
  return places;
}

/** Interactions of the last `weeks` weeks, for the give-and-take chart. */
export function recentInteractions(db: RelationshipDb, today: LocalDate, weeks = 12): Promise<Interaction[]> {
  return db.interactions.where('date').between(firstDayOfWeeks(today, weeks), today, true, true).toArray();
}

/**
 * Adds a tag to (or removes it from) many people in one transaction: all or none. Case and
 * accents do not make a second tag. Returns how many people changed.
 */
export async function changeTag(
  db: RelationshipDb,
  keys: readonly string[],
  tag: string,
  change: 'add' | 'remove',
): Promise<number> {
  const label = tag.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!label || keys.length === 0) return 0;
  const folded = foldText(label);
  const now = Date.now();
  return db.transaction('rw', db.contacts, async () => {
    let changed = 0;
    await db.contacts
      .where('key')
      .anyOf([...keys])
      .modify((contact) => {
        const has = contact.tags.some((existing) => foldText(existing) === folded);
        if (change === 'add' && !has) contact.tags = [...contact.tags, label];
        else if (change === 'remove' && has) contact.tags = contact.tags.filter((existing) => foldText(existing) !== folded);
        else return;
        contact.updatedAt = now;
        changed++;
      });
    return changed;
  });
}
