import type { Contact } from '../core/schema';
import { words } from '../core/search-terms';
import type { RelationshipDb } from '../storage/db';

/**
 * Contacts whose words start with every word of the query (name, headline, tags, interests,
 * notes…). The rarest-looking word (the longest) goes through the index; the rest filter.
 */
export async function searchContacts(db: RelationshipDb, query: string, limit = 50): Promise<Contact[]> {
  const queryWords = [...new Set(words(query))].sort((a, b) => b.length - a.length);
  const [first, ...rest] = queryWords;
  if (!first) return [];
  const matches = await db.contacts
    .where('terms')
    .startsWith(first)
    .distinct()
    .filter((contact) => rest.every((word) => contact.terms.some((term) => term.startsWith(word))))
    .limit(limit)
    .toArray();
  return matches.sort((a, b) => a.name.localeCompare(b.name));
}
