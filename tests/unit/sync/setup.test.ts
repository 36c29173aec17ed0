import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { saveUserFields } from '@/utils/people/contacts';
import { openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import { EMPTY_SYNC_STATUS, type SyncAccount, type SyncStatus } from '@/utils/sync/state';
import { getMeta, META } from '@/utils/sync/meta';
import { isSyncRunning, runSync } from '@/utils/sync/run';
import { checkServerUrl, connectSync, disconnectSync, originPattern } from '@/utils/sync/setup';
import { forgetSyncAccount, readSyncAccount, saveSyncAccount } from '@/utils/sync/account';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { webdavServerForThisFile } from '../../support/webdav-fixture';
import { TEST_KDF } from '../../support/engine-devices';

let db: RelationshipDb;
const server = webdavServerForThisFile();
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
});

const account = (): SyncAccount => ({ url: server.url, username: server.username, password: server.password });

function statusStore() {
  let status: SyncStatus = EMPTY_SYNC_STATUS;
  return { readStatus: async () => status, writeStatus: async (next: SyncStatus) => void (status = next), get: () => status };
}

describe('server addresses', () => {
  it('takes https anywhere and plain http only on this computer without a warning', () => {
    expect(checkServerUrl('https://cloud.example.org/remote.php/dav/files/ana/')).toBe('ok');
    expect(checkServerUrl('http://127.0.0.1:8080/dav/')).toBe('ok');
    expect(checkServerUrl('http://localhost/dav')).toBe('ok');
    expect(checkServerUrl('http://[::1]:8080/')).toBe('ok');
    expect(checkServerUrl('http://nas.local/dav')).toBe('insecure');
    expect(checkServerUrl('ftp://nas.local/')).toBe('invalid');
    expect(checkServerUrl('https://ana:secret@cloud.example.org/')).toBe('invalid');
    expect(checkServerUrl('not a url')).toBe('invalid');
  });

  it('asks permission for the server’s one origin', () => {
    expect(originPattern('https://cloud.example.org:8443/remote.php/dav/')).toBe('https://cloud.example.org/*');
  });
});

describe('turning sync on, running it, turning it off', () => {
  it('connects, syncs with a status in plain terms, and forgets the key when turned off', async () => {
    db = openRelationshipDb(`setup-${crypto.randomUUID()}`);
    await saveUserFields(db, 'kenji', { notes: 'x' });
    await connectSync(db, account(), 'correct horse', { kdf: TEST_KDF });
    expect(await getMeta(db, META.key)).toBeTruthy();
    const store = statusStore();
    const deps = { db, account: account(), ...store, canReach: async () => true };
    const status = await runSync(deps);
    expect(status).toMatchObject({ problem: null, sent: 1, received: 0 });
    expect(status!.bytesSent).toBeGreaterThan(0);
    expect(isSyncRunning(store.get(), Date.now())).toBe(false);

    expect(await runSync({ ...deps, account: { ...account(), password: 'wrong' } })).toMatchObject({ problem: 'unauthorized', lastSyncAt: status!.lastSyncAt });
    expect(await runSync({ ...deps, canReach: async () => false })).toMatchObject({ problem: 'permission' });

    await disconnectSync(db);
    expect(await getMeta(db, META.key)).toBeUndefined();
    expect(await runSync(deps)).toMatchObject({ problem: 'not-set-up' });
    expect((await db.contacts.get('kenji'))?.notes).toBe('x');
  });

  it('says a wrong passphrase and stores nothing', async () => {
    db = openRelationshipDb(`setup-${crypto.randomUUID()}`);
    await connectSync(db, account(), 'correct horse', { kdf: TEST_KDF });
    const other = openRelationshipDb(`setup-${crypto.randomUUID()}`);
    try {
      await expect(connectSync(other, account(), 'wrong horse')).rejects.toMatchObject({ problem: 'wrong-passphrase' });
      expect(await getMeta(other, META.key)).toBeUndefined();
    } finally {
      other.close();
      await Dexie.delete(other.name);
    }
  });

  it('says a folder that does not exist is not a folder', async () => {
    db = openRelationshipDb(`setup-${crypto.randomUUID()}`);
    await expect(connectSync(db, { ...account(), url: server.url + 'nope/' }, 'p')).rejects.toMatchObject({ problem: 'not-a-folder' });
  });
});

describe('the account’s password', () => {
  it('is kept in the database, never in storage.local (which content scripts read); an old one there moves over', async () => {
    const db = openRelationshipDb(`account-${crypto.randomUUID()}`);
    await db.open();
    await saveSyncAccount(db, { url: 'https://dav.example/notes/', username: 'ana', password: 'app-secret-1' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('app-secret-1');
    expect(await readSyncAccount(db)).toEqual({ url: 'https://dav.example/notes/', username: 'ana', password: 'app-secret-1' });

    // Written by an earlier version, with the password.
    await fakeBrowser.storage.local.set({ syncAccount: { url: 'https://dav.example/notes/', username: 'ana', password: 'old-secret' } });
    expect(await readSyncAccount(db)).toMatchObject({ password: 'old-secret' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('old-secret');

    await forgetSyncAccount(db);
    expect(await readSyncAccount(db)).toBeNull();
    expect(await db.syncMeta.get('password')).toBeUndefined();
  });
});
