import { afterAll, beforeAll } from 'vitest';
import { removeWebdavServer, startWebdavServer, type WebdavServer } from './webdav-server';

/**
 * A real Apache mod_dav for the tests of one file: started before them, stopped after. The object
 * is filled in once the server runs, so a test file can hold it from the start.
 */
export function webdavServerForThisFile(): WebdavServer {
  const server = {} as WebdavServer;
  beforeAll(async () => {
    Object.assign(server, await startWebdavServer());
  }, 20_000);
  afterAll(async () => {
    if (!server.root) return;
    await server.stop();
    removeWebdavServer(server);
  });
  return server;
}
