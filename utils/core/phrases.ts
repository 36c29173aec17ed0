import { LIMITS } from './schema';
import { foldText } from './search-terms';

/**
 * Adds comma-separated phrases to a list, trimmed, skipping ones already there (ignoring case and
 * accents). Returns the same array when nothing was added.
 */
export function addPhrases(list: string[], text: string): string[] {
  const known = new Set(list.map(foldText));
  const added: string[] = [];
  for (const raw of text.split(',')) {
    const phrase = raw.replace(/\s+/g, ' ').trim().slice(0, LIMITS.phrase);
    if (!phrase || known.has(foldText(phrase))) continue;
    known.add(foldText(phrase));
    added.push(phrase);
  }
  return added.length > 0 ? [...list, ...added] : list;
}
