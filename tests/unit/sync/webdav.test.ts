import { createServer, type Server } from 'node:net';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createWebdavClient, parseListing, WebdavError } from '@/utils/sync/webdav';
import { freePort } from '../../support/webdav-server';
import { webdavServerForThisFile } from '../../support/webdav-fixture';


const server = webdavServerForThisFile();

const problemOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'none',
    (error: unknown) => (error instanceof WebdavError ? error.problem : String(error)),
  );

describe('WebDAV client against Apache mod_dav', () => {
  it('creates a folder, writes, lists, reads and deletes files', async () => {
    const dav = createWebdavClient({ url: server.url, username: server.username, password: server.password });
    expect(await dav.list('notes/')).toBeNull();
    await dav.makeFolder('notes');
    await dav.makeFolder('notes'); // again: fine
    await dav.makeFolder('notes/dev-1');
    await dav.put('notes/dev-1/l-00000001', new Uint8Array([1, 2, 3]));
    await dav.put('notes/key.json', new TextEncoder().encode('{}'));
    const listing = await dav.list('notes');
    expect(listing?.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'dev-1', isFolder: true, size: 0 },
      { name: 'key.json', isFolder: false, size: 2 },
    ]);
    expect(await dav.list('notes/dev-1')).toEqual([{ name: 'l-00000001', isFolder: false, size: 3 }]);
    expect(await dav.get('notes/dev-1/l-00000001')).toEqual(new Uint8Array([1, 2, 3]));
    expect(await dav.get('notes/dev-1/missing')).toBeNull();
    await dav.remove('notes/dev-1/l-00000001');
    await dav.remove('notes/dev-1/l-00000001'); // again: fine
    expect(await dav.list('notes/dev-1')).toEqual([]);
  });

  it('works in a folder URL without a trailing slash', async () => {
    const dav = createWebdavClient({ url: server.url + 'deep', username: server.username, password: server.password });
    const root = createWebdavClient({ url: server.url, username: server.username, password: server.password });
    await root.makeFolder('deep');
    await dav.put('f', new Uint8Array([9]));
    expect(await root.get('deep/f')).toEqual(new Uint8Array([9]));
  });

  it('says a wrong password is refused (401)', async () => {
    const dav = createWebdavClient({ url: server.url, username: server.username, password: 'wrong' });
    expect(await problemOf(dav.list(''))).toBe('unauthorized');
  });

  it('says writing is forbidden (403)', async () => {
    const dav = createWebdavClient({ url: server.readOnlyUrl, username: server.username, password: server.password });
    expect(await problemOf(dav.put('x', new Uint8Array([1])))).toBe('forbidden');
  });

  it('says a server that is not there is unreachable', async () => {
    const port = await freePort();
    const dav = createWebdavClient({ url: `http://127.0.0.1:${port}/`, username: 'a', password: 'b' });
    expect(await problemOf(dav.list(''))).toBe('unreachable');
  });

  it('gives up on a server that never answers', async () => {
    const silent: Server = createServer(() => {});
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    try {
      const dav = createWebdavClient({ url: `http://127.0.0.1:${port}/`, username: 'a', password: 'b' }, { timeoutMs: 300 });
      expect(await problemOf(dav.get('x'))).toBe('timeout');
    } finally {
      silent.close();
    }
  });

  it('follows no redirect: the password reaches no other address, and the user is told', async () => {
    const elsewhere: string[] = [];
    const other: HttpServer = createHttpServer((req, res) => {
      elsewhere.push(req.headers.authorization ?? '(no authorization)');
      res.end('');
    });
    const otherPort = await freePort();
    await new Promise<void>((resolve) => other.listen(otherPort, '127.0.0.1', resolve));
    const mover: HttpServer = createHttpServer((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${otherPort}/steal/` });
      res.end();
    });
    const port = await freePort();
    await new Promise<void>((resolve) => mover.listen(port, '127.0.0.1', resolve));
    try {
      const dav = createWebdavClient({ url: `http://127.0.0.1:${port}/`, username: 'ana', password: 'secret' });
      expect(await problemOf(dav.get('x'))).toBe('redirected');
      expect(await problemOf(dav.list(''))).toBe('redirected');
      expect(elsewhere).toEqual([]);
    } finally {
      mover.close();
      other.close();
    }
  });

  it('says a full server is full (507)', async () => {
    const dav = createWebdavClient(
      { url: 'http://127.0.0.1:1/', username: 'a', password: 'b' },
      { fetchFn: async () => new Response('', { status: 507 }) },
    );
    expect(await problemOf(dav.put('x', new Uint8Array([1])))).toBe('full');
  });
});

describe('PROPFIND listings', () => {
  it('reads other servers’ namespace prefixes and escaped names', () => {
    const xml = `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">
      <d:response><d:href>/remote.php/dav/files/ana/rn/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop></d:propstat></d:response>
      <d:response><d:href>/remote.php/dav/files/ana/rn/a%20b&amp;c</d:href><d:propstat><d:prop><d:resourcetype/><d:getcontentlength>12</d:getcontentlength></d:prop></d:propstat></d:response>
    </d:multistatus>`;
    expect(parseListing(xml, '/remote.php/dav/files/ana/rn')).toEqual([{ name: 'a b&c', isFolder: false, size: 12 }]);
  });
});
