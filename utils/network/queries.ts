import { entriesOf, type RelationshipDb } from '../storage/db';
import type { Contact, Interaction } from '../core/schema';
import type { LocalDate } from '../core/dates';
import { allArchiveEntries, withoutShadowed } from '../people/timeline';
import { firstDayOfWeeks } from './give-and-take';
import { introductionsForPerson, plainSuggestion, suggestIntroductions } from './introductions';
import { pairKey, type IntroductionSuggestion, type IntroProgress } from './suggestion';
import { foldText } from '../core/search-terms';
import { INTRO_OUTCOME_KINDS, INTRO_STEP_KINDS } from '../core/interaction-kinds';
import { foldIntroProgress, introInProgress, introUrgency } from './intro-progress';

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

/** Each way round, the sidebar reads at most this many of the people who share a stem with the person. */
export const MAX_INTRODUCTION_CANDIDATES = 300;

/**
 * The best introductions for one person, both ways round. Reads the keys of the people whose
 * offers share a word with this person's needs, or whose needs share one with their offers, one
 * index range per word (a cursor walk over the index took seconds at 30,000 people), then only
 * the records of those who share the most words.
 */
export async function introductionsForContact(
  db: RelationshipDb,
  key: string,
  limit = 5,
  /** Where every introduction stands, when the caller read it already for several people. */
  known?: ReadonlyMap<string, IntroProgress>,
): Promise<IntroductionSuggestion[]> {
  const person = await db.contacts.get(key);
  if (!person) return [];
  const [helpers, seekers, timeline] = await Promise.all([
    candidateKeys(db, 'offerTerms', person.needTerms),
    candidateKeys(db, 'needTerms', person.offerTerms),
    entriesOf(db, key).toArray(),
  ]);
  const keys = [...new Set([...helpers, ...seekers])].filter((other) => other !== key);
  const [found, progress] = await Promise.all([db.contacts.bulkGet(keys), known ?? introProgressOf(db)]);
  const others = found.filter((contact): contact is Contact => contact !== undefined);
  return withProgress(introductionsForPerson(person, others, { introduced: introducedPairs(timeline), limit }), progress);
}

/**
 * Where every introduction asked of both stands (`intro-progress.ts`). Only pairs with a step
 * (asked, yes, no) are followed: those steps come through the kind index (they are few), and each
 * pair's introduction and how it went from one of the two timelines since its first step (both
 * are logged on each). An introduction logged straight away, without asking, is not followed.
 */
export async function introProgressOf(db: RelationshipDb): Promise<Map<string, IntroProgress>> {
  // One equality range per kind: `anyOf` walked the kind index between them and took 1.4 s at 150,000 entries.
  const steps = (await Promise.all(INTRO_STEP_KINDS.map((kind) => db.interactions.where('kind').equals(kind).toArray()))).flat();
  if (steps.length === 0) return new Map();
  const since = new Map<string, { key: string; other: string; date: LocalDate }>();
  for (const step of steps) {
    if (!step.withKey) continue;
    const pair = pairKey(step.contactKey, step.withKey);
    const first = since.get(pair);
    if (!first || step.date < first.date) since.set(pair, { key: step.contactKey, other: step.withKey, date: step.date });
  }
  const later = await Promise.all(
    [...since.values()].map(({ key, other, date }) =>
      db.interactions
        .where('[contactKey+date]')
        .between([key, date], [key, '\uffff'], true, true)
        .filter((entry) => entry.withKey === other && (entry.kind === 'introduction' || (INTRO_OUTCOME_KINDS as readonly string[]).includes(entry.kind)))
        .toArray(),
    ),
  );
  return foldIntroProgress([...steps, ...later.flat()]);
}

/** The suggestions, each with where asking its two people stands. */
function withProgress(suggestions: IntroductionSuggestion[], progress: ReadonlyMap<string, IntroProgress>): IntroductionSuggestion[] {
  return suggestions.map((suggestion) => {
    const found = progress.get(pairKey(suggestion.seeker.key, suggestion.helper.key));
    return found ? { ...suggestion, progress: found } : suggestion;
  });
}

/**
 * Introductions in progress today, what can be acted on first (both said yes, or it is time to
 * ask how it went), each as a suggestion: who looks for what the other offers, matched again from
 * their notes, or the two people alone when their notes no longer match. Someone deleted since
 * takes their introductions with them.
 */
export async function introductionsInProgress(
  db: RelationshipDb,
  today: LocalDate,
  known?: ReadonlyMap<string, IntroProgress>,
): Promise<IntroductionSuggestion[]> {
  const open = [...(known ?? (await introProgressOf(db))).values()]
    .filter((progress) => introInProgress(progress, today))
    .sort((a, b) => introUrgency(a, today) - introUrgency(b, today) || (a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : 0));
  const people = new Map(
    (await db.contacts.bulkGet([...new Set(open.flatMap((p) => p.keys))])).flatMap((c) => (c ? [[c.key, c] as const] : [])),
  );
  return open.flatMap((progress) => {
    const [a, b] = progress.keys.map((key) => people.get(key));
    if (!a || !b) return [];
    const [best] = [...suggestIntroductions([a], [b], { perSeeker: 1, limit: 1 }), ...suggestIntroductions([b], [a], { perSeeker: 1, limit: 1 })].sort(
      (x, y) => y.score - x.score,
    );
    const suggestion = best ?? plainSuggestion(a, b);
    return [{ ...suggestion, introducedOn: progress.introducedOn, progress }];
  });
}

/** The keys of the people holding any of `terms` in `index`, those holding the most first. */
async function candidateKeys(db: RelationshipDb, index: 'offerTerms' | 'needTerms', terms: readonly string[] | undefined): Promise<string[]> {
  if (!terms?.length) return [];
  const lists = await Promise.all(terms.map((term) => db.contacts.where(index).equals(term).primaryKeys()));
  return mostShared(lists, MAX_INTRODUCTION_CANDIDATES);
}

/**
 * The keys found in the most of `lists` (one list per word), at most `max` of them; on a tie, in
 * the order first seen. Sharing more words makes a match likelier, so the few read are the best.
 */
export function mostShared(lists: ReadonlyArray<readonly string[]>, max: number): string[] {
  const shared = new Map<string, number>();
  for (const list of lists) for (const key of list) shared.set(key, (shared.get(key) ?? 0) + 1);
  const keys = [...shared.keys()];
  if (keys.length <= max) return keys;
  // Array.prototype.sort is stable: ties keep the order first seen.
  return keys.sort((a, b) => shared.get(b)! - shared.get(a)!).slice(0, max);
}

/**
 * The best introductions not made yet across the whole network, between people looking for
 * something and people offering something.
 */
export async function networkIntroductions(db: RelationshipDb, limit = 20): Promise<IntroductionSuggestion[]> {
  // One getAll beats the multiEntry indexes here: measured 0.4 s against 2.5 s for 30,000 people.
  const [contacts, introductions, progress] = await Promise.all([
    db.contacts.toArray(),
    db.interactions.where('kind').equals('introduction').toArray(),
    introProgressOf(db),
  ]);
  // A pair already introduced, or asked (whatever they answered), is not suggested again.
  const introduced = introducedPairs(introductions);
  for (const p of progress.values()) if (!introduced.has(p.pair)) introduced.set(p.pair, p.latest);
  const seekers = contacts.filter((contact) => contact.needTerms?.length > 0);
  const helpers = contacts.filter((contact) => contact.offerTerms?.length > 0);
  return suggestIntroductions(seekers, helpers, {
    perSeeker: 2,
    limit,
    introduced,
    skipIntroduced: true,
  });
}

/** Every "where we met" in use, through its index, for the sidebar's suggestions. */
export async function placesMet(db: RelationshipDb, limit = 500): Promise<string[]> {
  // Above '' : the many people with no place are left out by the index range instead of walked over (100+ ms at 30,000).
  const keys = await db.contacts.where('whereWeMet').above('').uniqueKeys();
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

/** Interactions of the last `weeks` weeks, imported ones included, for the give-and-take chart. */
export async function recentInteractions(db: RelationshipDb, today: LocalDate, weeks = 12): Promise<Interaction[]> {
  const since = firstDayOfWeeks(today, weeks);
  const [rows, imported] = await Promise.all([
    db.interactions.where('date').between(since, today, true, true).toArray(),
    allArchiveEntries(db, since),
  ]);
  return withoutShadowed<Interaction>(rows, imported.filter((entry) => entry.date <= today));
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
