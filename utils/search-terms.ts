/** Lower-case, accents removed, so "José" finds "jose" and "JOSÉ". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Words of a text, folded, in order of appearance. */
export function words(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

const MAX_TERMS = 256;

interface Searchable {
  name?: string;
  headline?: string;
  notes?: string;
  tags?: string[];
  interests?: string[];
  offers?: string[];
  needs?: string[];
  whereWeMet?: string;
}

/** The distinct words a contact is found by: name, headline, tags, interests and notes first. */
export function searchTerms(contact: Searchable): string[] {
  const sources = [
    contact.name,
    contact.headline,
    ...(contact.tags ?? []),
    ...(contact.interests ?? []),
    ...(contact.offers ?? []),
    ...(contact.needs ?? []),
    contact.whereWeMet,
    contact.notes,
  ];
  const terms = new Set<string>();
  for (const source of sources) {
    for (const word of words(source ?? '')) {
      terms.add(word);
      if (terms.size >= MAX_TERMS) return [...terms];
    }
  }
  return [...terms];
}
