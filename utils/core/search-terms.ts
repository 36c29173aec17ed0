import { USER_FIELD_NAMES, USER_FIELDS, type Contact, type UserFields } from './schema';

/** Lower-case, accents removed, so "José" finds "jose" and "JOSÉ". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Words of a text, folded, in order of appearance. */
export function words(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

const MAX_TERMS = 256;

type Searchable = Partial<Pick<Contact, 'name' | 'headline'> & UserFields>;

const searched = USER_FIELD_NAMES.filter((field) => USER_FIELDS[field].searchable);
// Lists of short phrases before long texts, so notes never crowd tags out of the cap.
const SEARCHED_LISTS = searched.filter((field) => USER_FIELDS[field].form === 'phrases');
const SEARCHED_TEXTS = searched.filter((field) => USER_FIELDS[field].form !== 'phrases');

/** The distinct words a contact is found by: name and headline, then the lists, then the texts. */
export function searchTerms(contact: Searchable): string[] {
  const sources = [
    contact.name,
    contact.headline,
    ...SEARCHED_LISTS.flatMap((field) => (contact[field] as string[] | undefined) ?? []),
    ...SEARCHED_TEXTS.map((field) => contact[field] as string | undefined),
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
