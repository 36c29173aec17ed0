/**
 * A small WebDAV client over fetch: PROPFIND (depth 1), GET, PUT, MKCOL, DELETE. Every failure
 * becomes a `WebdavError` with a problem the settings page can say in plain words.
 */

export type WebdavProblem =
  | 'unreachable'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'full'
  | 'not-a-folder'
  | 'server'
  /** The server answered with a redirect: not followed, so the password goes to no other address. */
  | 'redirected';

export class WebdavError extends Error {
  constructor(
    readonly problem: WebdavProblem,
    readonly status?: number,
  ) {
    super(status ? `WebDAV ${problem} (HTTP ${status})` : `WebDAV ${problem}`);
    this.name = 'WebdavError';
  }
}

export interface WebdavAccount {
  /** The folder to sync into, as the user typed it. */
  url: string;
  username: string;
  password: string;
}

export interface WebdavEntry {
  /** The name inside the listed folder. */
  name: string;
  isFolder: boolean;
  size: number;
}

export interface WebdavClient {
  /** The folder's entries, or null when it does not exist. */
  list(path: string): Promise<WebdavEntry[] | null>;
  /** The file's bytes, or null when it does not exist. */
  get(path: string): Promise<Uint8Array | null>;
  put(path: string, body: Uint8Array): Promise<void>;
  /** Creates a folder; one that already exists is fine. */
  makeFolder(path: string): Promise<void>;
  /** Deletes a file; one already gone is fine. */
  remove(path: string): Promise<void>;
}

export const WEBDAV_TIMEOUT_MS = 30_000;

export function problemForStatus(status: number): WebdavProblem {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 507 || status === 413) return 'full';
  // A missing parent folder.
  if (status === 409) return 'not-a-folder';
  return 'server';
}

/** The folder URL with exactly one trailing slash. */
export function folderUrl(url: string): string {
  return url.replace(/\/*$/, '/');
}

function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

const tag = (name: string) => `<(?:[A-Za-z][\\w.-]*:)?${name}\\b[^>]*>`;
const closeTag = (name: string) => `</(?:[A-Za-z][\\w.-]*:)?${name}>`;
const RESPONSE = new RegExp(`${tag('response')}([\\s\\S]*?)${closeTag('response')}`, 'g');
const HREF = new RegExp(`${tag('href')}([\\s\\S]*?)${closeTag('href')}`);
const LENGTH = new RegExp(`${tag('getcontentlength')}\\s*(\\d+)\\s*${closeTag('getcontentlength')}`);
const COLLECTION = new RegExp(`<(?:[A-Za-z][\\w.-]*:)?collection\\b`);

const decodeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The entries of a depth-1 PROPFIND answer, without the folder itself. No DOMParser in a worker. */
export function parseListing(xml: string, folderPath: string): WebdavEntry[] {
  const folder = decodeURIComponent(folderPath).replace(/\/*$/, '/');
  const entries: WebdavEntry[] = [];
  for (const [, body] of xml.matchAll(RESPONSE)) {
    const href = body!.match(HREF)?.[1];
    if (!href) continue;
    const path = decodeURIComponent(new URL(decodeXml(href.trim()), 'http://x').pathname);
    if (path.replace(/\/*$/, '/') === folder) continue;
    const name = path.replace(/\/$/, '').split('/').pop() ?? '';
    if (!name) continue;
    entries.push({ name, isFolder: COLLECTION.test(body!), size: Number(body!.match(LENGTH)?.[1] ?? 0) });
  }
  return entries;
}

export function createWebdavClient(
  account: WebdavAccount,
  { timeoutMs = WEBDAV_TIMEOUT_MS, fetchFn = (...args: Parameters<typeof fetch>) => fetch(...args) } = {},
): WebdavClient {
  const base = folderUrl(account.url);
  const authorization = basicAuth(account.username, account.password);
  const urlOf = (path: string) => new URL(path.split('/').map(encodeURIComponent).join('/'), base).href;

  async function request(method: string, path: string, init: RequestInit = {}, okStatuses: number[] = []): Promise<Response> {
    let response: Response;
    try {
      response = await fetchFn(urlOf(path), {
        ...init,
        method,
        headers: { authorization, ...(init.headers as Record<string, string>) },
        credentials: 'omit',
        cache: 'no-store',
        // Never followed: the password is sent to the address the user gave and nowhere else.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as Error | undefined)?.name;
      throw new WebdavError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable');
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => {});
      throw new WebdavError('redirected', response.status);
    }
    if (!response.ok && !okStatuses.includes(response.status)) {
      await response.body?.cancel().catch(() => {});
      throw new WebdavError(problemForStatus(response.status), response.status);
    }
    return response;
  }

  async function readBody<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      const name = (error as Error | undefined)?.name;
      throw new WebdavError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable');
    }
  }

  return {
    async list(path) {
      const folder = path ? path.replace(/\/*$/, '/') : '';
      const response = await request(
        'PROPFIND',
        folder,
        {
          headers: { depth: '1', 'content-type': 'application/xml; charset=utf-8' },
          body: '<?xml version="1.0" encoding="utf-8"?><propfind xmlns="DAV:"><prop><resourcetype/><getcontentlength/></prop></propfind>',
        },
        [404],
      );
      if (response.status === 404) return null;
      if (response.status !== 207) {
        await response.body?.cancel().catch(() => {});
        throw new WebdavError('not-a-folder', response.status);
      }
      const xml = await readBody(() => response.text());
      return parseListing(xml, new URL(urlOf(folder)).pathname);
    },
    async get(path) {
      const response = await request('GET', path, {}, [404]);
      if (response.status === 404) return null;
      return new Uint8Array(await readBody(() => response.arrayBuffer()));
    },
    async put(path, body) {
      await request('PUT', path, { body: body as BodyInit, headers: { 'content-type': 'application/octet-stream' } });
    },
    async makeFolder(path) {
      // 405: it already exists.
      await request('MKCOL', path.replace(/\/*$/, '/'), {}, [405]);
    },
    async remove(path) {
      await request('DELETE', path, {}, [404]);
    },
  };
}
