/**
 * Devices for the sync engine's tests: each its own database, all syncing through one folder of a
 * real Apache mod_dav (`webdav-fixture.ts`), optionally through a server that misbehaves on purpose
 * (`HostileFetch`), and what lies in the folder on disk, to plant, cut, flip, swap or restore files.
 */
import Dexie from 'dexie';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import { rememberFolder, SYNC_FOLDER, syncOnce, unlockFolder } from '@/utils/sync/engine';
import { getMeta, META } from '@/utils/sync/meta';
import type { KdfParams } from '@/utils/sync/kdf';
import { createWebdavClient, type WebdavClient } from '@/utils/sync/webdav';
import type { WebdavServer } from './webdav-server';

/** A quick key for tests; what a new folder really uses is tested in crypto.test.ts. */
export const TEST_KDF: KdfParams = { kdf: 'PBKDF2-SHA-256', iterations: 1_000 };

export interface Device {
  db: RelationshipDb;
  dav: WebdavClient;
  sync: (now?: number) => ReturnType<typeof syncOnce>;
  /** Its folder on the server, once it has synced: its random id. */
  id: () => Promise<string>;
}

/**
 * A server that answers as it likes: it may serve each listing as it first saw it (`staleListings`),
 * say it stored a file and drop it (`dropWrites`), or answer honestly.
 */
export class HostileFetch {
  staleListings = false;
  dropWrites = false;
  private readonly listings = new Map<string, { status: number; body: string }>();

  readonly fetch: typeof fetch = async (input, init) => {
    const url = String(input);
    if (init?.method === 'PUT' && this.dropWrites) return new Response(null, { status: 201 });
    if (init?.method === 'PROPFIND') {
      const seen = this.listings.get(url);
      if (seen && this.staleListings) return new Response(seen.body, { status: seen.status });
      const response = await fetch(input, init);
      const body = await response.text();
      if (!seen) this.listings.set(url, { status: response.status, body });
      return new Response(body, { status: response.status, headers: response.headers });
    }
    return fetch(input, init);
  };
}

export function engineDevices(server: WebdavServer) {
  const opened: RelationshipDb[] = [];
  let folderCount = 0;
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });

  /** A fresh folder on the server per test, as a user's own WebDAV folder. */
  async function freshFolder(): Promise<string> {
    const name = `user-${process.pid}-${++folderCount}`;
    await createWebdavClient({ url: server.url, username: server.username, password: server.password }).makeFolder(name);
    return `${server.url}${name}/`;
  }

  async function device(folder: string, through?: HostileFetch): Promise<Device> {
    const db = openRelationshipDb(`engine-${crypto.randomUUID()}`);
    opened.push(db);
    await db.open();
    const account = { url: folder, username: server.username, password: server.password };
    const dav = createWebdavClient(account, through ? { fetchFn: through.fetch } : {});
    return {
      db,
      dav,
      sync: (now?: number) => syncOnce(db, dav, now === undefined ? undefined : () => now),
      id: async () => (await getMeta<string>(db, META.device))!,
    };
  }

  async function connect(d: Device, passphrase = 'correct horse battery') {
    const { key, info } = await unlockFolder(d.dav, passphrase, { kdf: TEST_KDF });
    await rememberFolder(d.db, key, info);
  }

  /** The sync folder on disk, as the server holds it. */
  const syncRoot = (folder: string) => join(server.root, new URL(folder).pathname, SYNC_FOLDER);

  /** Every file in the sync folder, as `<device id>/<name>`, sorted. */
  function serverFiles(folder: string): string[] {
    const root = syncRoot(folder);
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
      .sort();
  }

  return { freshFolder, device, connect, syncRoot, serverFiles };
}
