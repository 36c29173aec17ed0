import type { LaunchedExtension } from '../tests/support/launch';
import { newContact } from '../utils/core/schema';
import type { Contact, Interaction } from '../utils/core/schema';
import { CURRENT_SCHEMA_VERSION, DB_NAME } from '../utils/storage/db';
import { searchTerms } from '../utils/core/search-terms';
import type { BenchInteraction, BenchPerson } from './data';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function isoDate(connectedOn: string): string {
  const [day, month, year] = connectedOn.split(' ');
  return `${year}-${String(MONTHS.indexOf(month!) + 1).padStart(2, '0')}-${day}`;
}

// The backup's `format` mark (utils/import-export/export-formats.ts); a file without it is refused.
const BACKUP_FORMAT = 'relationship-notes-backup';

const INTERESTS = ['open source', 'climbing', 'jazz', 'machine learning', 'fintech', 'coffee', 'urban design'];
const NEEDS = ['a co-founder', 'a data lead', 'seed funding', 'a mentor', 'design feedback', 'new clients'];
// What people offer overlaps what others look for, so introductions have matches to weigh.
const OFFERS = ['mentoring', 'design feedback', 'intros to seed investors', 'data engineering', 'new clients'];

/** The stored records for the generated network, as the extension's own code shapes them. */
export function records(people: BenchPerson[], interactions: BenchInteraction[], now = Date.now()) {
  const last = new Map<string, string>();
  for (const i of interactions) if ((last.get(i.contactSlug) ?? '') < i.date) last.set(i.contactSlug, i.date);
  const contacts: Contact[] = people.map((p) => {
    const contact: Contact = {
      ...newContact(p.slug, now),
      name: `${p.first} ${p.last}`,
      headline: `${p.position} at ${p.company}`,
      profileUrl: `${p.url}/`,
      email: p.email,
      connectedOn: isoDate(p.connectedOn),
      cadenceDays: p.cadenceDays,
      nextFollowUp: p.nextFollowUp,
      lastInteraction: last.get(p.slug) ?? null,
    };
    // One in ten has notes on what interests them and what they look for, as the popup shows.
    const n = people.indexOf(p);
    if (n % 10 === 0) {
      contact.interests = [INTERESTS[n % INTERESTS.length]!, INTERESTS[(n + 3) % INTERESTS.length]!];
      contact.needs = [NEEDS[n % NEEDS.length]!];
      contact.offers = [OFFERS[(n / 10) % OFFERS.length]!];
      contact.howICanHelp = `Introduce ${p.first} to someone who knows ${contact.needs[0]}.`;
      contact.whereWeMet = n % 20 === 0 ? 'PyData' : 'Web Summit';
    }
    // Amara, whose sidebar the introductions figure opens, looks for what one in fifty offers and
    // offers what one in thirty looks for: a popular person to match, not an empty answer.
    if (n === 0) {
      contact.needs = ['design feedback'];
      contact.offers = ['seed funding advice'];
    }
    contact.terms = searchTerms(contact);
    return contact;
  });
  const rows: Interaction[] = interactions.map(({ contactSlug, ...i }) => ({ ...i, contactKey: contactSlug, createdAt: now, updatedAt: now }));
  return { contacts, interactions: rows };
}

/**
 * A JSON backup in the extension's own format holding every person (with follow-ups, cadences
 * and notes) and every interaction; imported after Connections.csv, it updates the same people.
 */
export function backupJsonFor(people: BenchPerson[], interactions: BenchInteraction[], updatedAt: number): string {
  const data = records(people, interactions, updatedAt);
  return JSON.stringify({
    format: BACKUP_FORMAT,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    exportedAt: new Date(updatedAt).toISOString(),
    contacts: data.contacts.map(({ terms: _terms, ...contact }) => contact),
    interactions: data.interactions,
  });
}

/**
 * Fallback seed while there is no import path: writes the records straight into the
 * extension's IndexedDB from its options page (the extension origin), after Dexie created the
 * schema. Timing this says nothing about the product; it is not reported as the import figure.
 */
export async function seedDirectly(
  ext: LaunchedExtension,
  people: BenchPerson[],
  interactions: BenchInteraction[],
): Promise<string> {
  const data = records(people, interactions);
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.waitForFunction(
    async (name) => (await indexedDB.databases()).some((db) => db.name === name && (db.version ?? 0) > 1),
    DB_NAME,
  );
  const put = (store: 'contacts' | 'interactions', rows: unknown[]) =>
    page.evaluate(
      ({ name, store, rows }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(store, 'readwrite');
            for (const row of rows) tx.objectStore(store).put(row);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { name: DB_NAME, store, rows },
    );
  const CHUNK = 10_000;
  for (let i = 0; i < data.contacts.length; i += CHUNK) await put('contacts', data.contacts.slice(i, i + CHUNK));
  for (let i = 0; i < data.interactions.length; i += CHUNK) await put('interactions', data.interactions.slice(i, i + CHUNK));
  await page.close();
  return 'direct IndexedDB writes (no import path yet)';
}
