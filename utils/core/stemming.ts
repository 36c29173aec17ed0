/**
 * The words of what people need and offer, reduced to stems: the introduction indexes hold them
 * (`utils/storage/db.ts`) and the ranking compares them (`utils/network/introductions.ts`).
 */
import { words } from './search-terms';

/** Words that say nothing about what someone needs or offers, in English and Spanish. */
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with',
  'al', 'con', 'de', 'del', 'e', 'el', 'en', 'la', 'las', 'lo', 'los', 'o', 'para', 'por', 'u', 'un', 'una', 'unos', 'unas', 'y',
]);

/**
 * One form for a word and its plural, in English and Spanish: "companies"/"company" → "compani",
 * "services"/"service" → "servic", "inversores"/"inversor" → "inversor", "relaciones"/"relación"
 * → "relacion". Not a full stemmer: only plurals, so "engineer" and "engineering" stay apart.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('y')) w = `${w.slice(0, -1)}i`;
  return w;
}

/** The significant stems of a phrase, sorted and distinct, so case, accents, plurals and word order do not count. */
export function phraseStems(phrase: string): string[] {
  const stems = new Set<string>();
  for (const word of words(phrase)) if (!STOP_WORDS.has(word)) stems.add(stem(word));
  return [...stems].sort();
}

/** The stems of many phrases together: what the `offerTerms` and `needTerms` indexes hold. */
export function phrasesStems(phrases: readonly string[] | undefined): string[] {
  const stems = new Set<string>();
  for (const phrase of phrases ?? []) for (const s of phraseStems(phrase)) stems.add(s);
  return [...stems].sort();
}

/** How close two phrases are (Dice coefficient of their stems): 1 for the same words, 0 for none shared. */
export function phraseSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const other = new Set(b);
  const shared = a.filter((s) => other.has(s)).length;
  return (2 * shared) / (a.length + b.length);
}
