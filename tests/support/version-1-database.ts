import type { Page } from '@playwright/test';
import { DB_NAME, SCHEMA_VERSIONS } from '../../utils/storage/db';
import { stopServiceWorker } from './launch';
import type { LaunchedExtension } from './launch';

/** The pair whose introduction only the filled terms can find: Kenji offers what Amara looks for. */
export const PAIR_PHRASE = 'Rust mentoring for embedded firmware';

/**
 * Replaces the extension's database with one of schema version 1 holding `count` people, written
 * with raw IndexedDB in the extension origin, as the version released first left it (no
 * introduction terms). Kenji Tanaka and Amara Okafor are among them; one person in 100 is due today.
 * One in `phrasesEvery` offers something and another looks for something; the rest have neither.
 * Runs in an extension page without the app (its manifest), with the worker stopped, so nothing
 * opens the database meanwhile; the worker starts again on the extension's next event.
 */
export async function writeVersion1Database(
  ext: LaunchedExtension,
  count: number,
  today: string,
  /** Of every how many people one offers something and one looks for something (2: everyone). */
  phrasesEvery = 5,
): Promise<Page> {
  await stopServiceWorker(ext);
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/manifest.json`);
  // Run under tsx (the bench), esbuild names inner functions with a `__name` helper the page lacks.
  await page.evaluate('globalThis.__name = (fn) => fn');
  await page.evaluate(
    async ({ name, stores, count, today, pair, every }) => {
      const done = (request: IDBRequest | IDBOpenDBRequest) =>
        new Promise<void>((resolve, reject) => {
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        });
      // Both asked at once: requests to one database are served in order, so no one slips between.
      const deleted = done(indexedDB.deleteDatabase(name));
      const open = indexedDB.open(name, 10);
      await deleted;
      // Dexie's version 1 schema, store by store: "key, name, *tags, [a+b]".
      open.onupgradeneeded = () => {
        for (const [store, spec] of Object.entries(stores)) {
          const [primary, ...indexes] = spec.split(',').map((part) => part.trim());
          const table = open.result.createObjectStore(store, { keyPath: primary });
          for (const index of indexes) {
            const multiEntry = index.startsWith('*');
            const path = index.replace(/^[*&]/, '');
            const keyPath = path.startsWith('[') ? path.slice(1, -1).split('+') : path;
            table.createIndex(path, keyPath, { multiEntry });
          }
        }
      };
      await done(open);
      const db = open.result;
      const WORDS = ['hiring', 'design', 'sales', 'growth', 'finance', 'legal', 'cloud', 'mobile', 'security', 'branding', 'pricing', 'payroll', 'logistics', 'retail', 'podcasts', 'grants'];
      const FIXED = [
        { key: 'kenji-tanaka', name: 'Kenji Tanaka', offers: [pair], needs: [] as string[] },
        { key: 'amara-okafor', name: 'Amara Okafor', offers: [] as string[], needs: [pair] },
      ];
      const person = (i: number) => {
        const fixed = FIXED[i];
        const key = fixed?.key ?? `person-${i}`;
        const name = fixed?.name ?? `Person ${i}`;
        const phrase = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]}`;
        return {
          key,
          name,
          headline: 'Engineer',
          location: '',
          photoUrl: '',
          profileUrl: `https://www.linkedin.com/in/${key}/`,
          email: '',
          connectedOn: null,
          howICanHelp: '',
          offers: fixed?.offers ?? (i % every === 0 ? [phrase] : []),
          needs: fixed?.needs ?? (i % every === 1 ? [phrase] : []),
          interests: [],
          whereWeMet: '',
          notes: '',
          tags: [],
          cadenceDays: null,
          nextFollowUp: i < FIXED.length || i % 100 === 0 ? today : null,
          lastInteraction: null,
          terms: name.toLowerCase().split(' '),
          createdAt: 1_700_000_000_000,
          updatedAt: 1_700_000_000_000,
        };
      };
      const CHUNK = 5_000;
      for (let start = 0; start < count; start += CHUNK) {
        const tx = db.transaction('contacts', 'readwrite');
        for (let i = start; i < Math.min(count, start + CHUNK); i++) tx.objectStore('contacts').put(person(i));
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { name: DB_NAME, stores: SCHEMA_VERSIONS[0]!.stores, count, today, pair: PAIR_PHRASE, every: phrasesEvery },
  );
  return page;
}

/** The database's schema version on disk, as Dexie numbers it (IndexedDB holds it × 10). */
export async function storedSchemaVersion(page: Page): Promise<number> {
  return page.evaluate(
    async (name) => ((await indexedDB.databases()).find((db) => db.name === name)?.version ?? 0) / 10,
    DB_NAME,
  );
}
