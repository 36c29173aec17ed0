/**
 * A real WebDAV server for tests: Debian's Apache httpd with mod_dav, run as a private instance on
 * 127.0.0.1 with basic auth over a temporary folder, stopped by its own PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const APACHE = process.env.APACHE_BIN ?? '/usr/sbin/apache2';
const MODULES = process.env.APACHE_MODULES ?? '/usr/lib/apache2/modules';

export interface WebdavServer {
  /** The DAV folder, with a trailing slash. */
  url: string;
  origin: string;
  username: string;
  password: string;
  /** A folder where every authenticated user may read but not write (answers 403). */
  readOnlyUrl: string;
  /** The folder on disk behind `url`. */
  root: string;
  stop(): Promise<void>;
  /** Starts it again on the same port, with the same files. */
  restart(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

export async function startWebdavServer({ username = 'ana', password = 'app-password-1' } = {}): Promise<WebdavServer> {
  if (!existsSync(APACHE)) throw new Error(`${APACHE} is missing: install Debian's apache2-bin`);
  const serverRoot = mkdtempSync(join(tmpdir(), 'rn-webdav-'));
  const docs = join(serverRoot, 'dav');
  const readOnly = join(docs, 'readonly');
  mkdirSync(readOnly, { recursive: true });
  const port = await freePort();
  const sha = createHash('sha1').update(password).digest('base64');
  writeFileSync(join(serverRoot, 'users'), `${username}:{SHA}${sha}\n`);
  // As root, httpd drops to a user that must own the files it serves.
  const runAs = userInfo().uid === 0 ? 'nobody' : undefined;
  if (runAs) {
    const nobody = { uid: 65534, gid: 65534 };
    for (const dir of [serverRoot, docs, readOnly]) chownSync(dir, nobody.uid, nobody.gid);
  }
  const modules = ['mpm_event', 'authz_core', 'authn_core', 'authn_file', 'auth_basic', 'authz_user', 'dav', 'dav_fs', 'mime'];
  const conf = [
    `ServerRoot "${serverRoot}"`,
    ...modules.map((name) => `LoadModule ${name}_module ${MODULES}/mod_${name}.so`),
    ...(runAs ? [`User ${runAs}`, `Group nogroup`] : []),
    `ServerName 127.0.0.1`,
    `Listen 127.0.0.1:${port}`,
    `PidFile "${serverRoot}/httpd.pid"`,
    `ErrorLog "${serverRoot}/error.log"`,
    `LogLevel warn`,
    `DavLockDB "${serverRoot}/DavLock"`,
    `TypesConfig /dev/null`,
    `DocumentRoot "${docs}"`,
    `<Directory "${docs}">`,
    `  Dav On`,
    `  AuthType Basic`,
    `  AuthName "Relationship Notes test"`,
    `  AuthBasicProvider file`,
    `  AuthUserFile "${serverRoot}/users"`,
    `  Require valid-user`,
    `</Directory>`,
    `<Directory "${readOnly}">`,
    `  <LimitExcept GET HEAD OPTIONS PROPFIND>`,
    `    Require all denied`,
    `  </LimitExcept>`,
    `</Directory>`,
    '',
  ].join('\n');
  const confPath = join(serverRoot, 'httpd.conf');
  writeFileSync(confPath, conf);
  const origin = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const reachable = () =>
    fetch(origin, { signal: AbortSignal.timeout(500) }).then(
      () => true,
      () => false,
    );

  async function start() {
    child = spawn(APACHE, ['-f', confPath, '-DFOREGROUND'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, APACHE_RUN_DIR: serverRoot, APACHE_LOCK_DIR: serverRoot, APACHE_LOG_DIR: serverRoot },
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<never>((_, reject) =>
      child!.once('exit', (code) => reject(new Error(`apache2 exited (${code}): ${stderr}${readLog()}`))),
    );
    exited.catch(() => {});
    await Promise.race([waitFor(reachable, 10_000, 'apache2 to listen'), exited]);
  }

  const readLog = () => {
    try {
      return readFileSync(join(serverRoot, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };

  async function stop() {
    const pidFile = join(serverRoot, 'httpd.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : child?.pid;
    if (pid) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    await waitFor(async () => !(await reachable()) && !existsSync(pidFile), 10_000, 'apache2 to stop');
    child = undefined;
  }

  await start();
  return {
    url: `${origin}/`,
    origin,
    username,
    password,
    readOnlyUrl: `${origin}/readonly/`,
    root: docs,
    restart: start,
    async stop() {
      await stop();
    },
  };
}

/** Removes a stopped server's folder. */
export function removeWebdavServer(server: WebdavServer) {
  rmSync(join(server.root, '..'), { recursive: true, force: true });
}

export interface CuttingRelay {
  /** The server's DAV folder, reached through the relay. */
  url: string;
  /**
   * Fails the next request whose request line matches `request`: it reaches the server only in
   * part, then the server is stopped. Settles once it was.
   */
  cutAt(request: RegExp): Promise<void>;
  close(): Promise<void>;
}

/**
 * The network between a browser and `server`, able to fail at one chosen moment. Bytes pass both
 * ways until a request line matches what `cutAt` was given; that request reaches the server only in
 * part (its headers and half of the body that came with them), then the server is stopped and every
 * connection dropped, as when a server goes down in the middle of an upload. Afterwards the relay
 * passes everything again, to the server once it is restarted.
 */
export async function startCuttingRelay(server: WebdavServer): Promise<CuttingRelay> {
  const target = Number(new URL(server.origin).port);
  const sockets = new Set<Socket>();
  let armed: { request: RegExp; done(): void } | null = null;
  let cutting = false;
  const relay = createServer((client) => {
    // While the server goes down, nothing more reaches it.
    if (cutting) {
      client.destroy();
      return;
    }
    const upstream = connect(target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      if (cutting) return;
      const text = chunk.toString('latin1');
      const match = armed?.request.exec(text);
      if (!armed || !match) {
        upstream.write(chunk);
        return;
      }
      const { done } = armed;
      armed = null;
      cutting = true;
      const headersEnd = text.indexOf('\r\n\r\n', match.index);
      const body = headersEnd < 0 ? 0 : chunk.length - headersEnd - 4;
      const sent = headersEnd < 0 ? chunk.length : headersEnd + 4 + Math.floor(body / 2);
      upstream.write(chunk.subarray(0, sent), () => {
        // The connections drop first, so the server's worker is not left waiting for the rest.
        for (const socket of sockets) socket.destroy();
        void server.stop().then(() => {
          cutting = false;
          done();
        });
      });
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    cutAt: (request) => new Promise<void>((done) => (armed = { request, done })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        relay.close(() => resolve());
      }),
  };
}
