/**
 * End-to-end encryption of what sync stores: a key derived from the passphrase with
 * PBKDF2-SHA-256, files sealed with AES-GCM (WebCrypto). The server sees names, sizes and times.
 */

/** OWASP's Password Storage Cheat Sheet (2023 on): 600,000 iterations for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;

/**
 * The most iterations a folder's `key.json` may ask for: a server could otherwise name a count
 * that keeps a joining browser busy for hours. About eight times the count this extension writes.
 */
export const MAX_KEY_ITERATIONS = 5_000_000;
/** A key check is a sealed 27-byte text: a few dozen bytes, never more than this. */
const MAX_CHECK_BASE64 = 256;

const MAGIC = new TextEncoder().encode('RNS1');
const IV_BYTES = 12;
const SALT_BYTES = 16;
const KEY_CHECK_PLAINTEXT = 'relationship-notes sync key';
const KEY_CHECK_CONTEXT = 'key-check';

export type SyncCryptoProblem = 'wrong-passphrase' | 'tampered';

export class SyncCryptoError extends Error {
  constructor(readonly problem: SyncCryptoProblem) {
    super(problem === 'wrong-passphrase' ? 'The sync passphrase does not match' : 'A sync file is damaged or was changed');
    this.name = 'SyncCryptoError';
  }
}

/** What the folder on the server says about its key: public, and enough to check a passphrase. */
export interface KeyInfo {
  version: 1;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: string;
  check: string;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

export async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Seals bytes; `context` (the file's name) is authenticated too, so files cannot be swapped. */
export async function seal(key: CryptoKey, plaintext: Uint8Array, context: string): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) },
      key,
      plaintext as BufferSource,
    ),
  );
  const out = new Uint8Array(MAGIC.length + IV_BYTES + ciphertext.length);
  out.set(MAGIC, 0);
  out.set(iv, MAGIC.length);
  out.set(ciphertext, MAGIC.length + IV_BYTES);
  return out;
}

/** Opens what `seal` wrote; anything cut short, altered or under another key is refused. */
export async function open(key: CryptoKey, sealed: Uint8Array, context: string): Promise<Uint8Array> {
  if (sealed.length < MAGIC.length + IV_BYTES + 16 || MAGIC.some((byte, i) => sealed[i] !== byte)) {
    throw new SyncCryptoError('tampered');
  }
  const iv = sealed.slice(MAGIC.length, MAGIC.length + IV_BYTES);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) },
        key,
        sealed.slice(MAGIC.length + IV_BYTES),
      ),
    );
  } catch {
    throw new SyncCryptoError('tampered');
  }
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/** JSON, gzipped, then sealed: the form of every data file on the server. */
export async function sealJson(key: CryptoKey, value: unknown, context: string): Promise<Uint8Array> {
  const json = new TextEncoder().encode(JSON.stringify(value));
  return seal(key, await transform(json, new CompressionStream('gzip')), context);
}

export async function openJson(key: CryptoKey, sealed: Uint8Array, context: string): Promise<unknown> {
  const packed = await open(key, sealed, context);
  try {
    return JSON.parse(new TextDecoder().decode(await transform(packed, new DecompressionStream('gzip'))));
  } catch {
    throw new SyncCryptoError('tampered');
  }
}

/** A new folder key: a random salt, and a check value that tells a wrong passphrase apart. */
export async function createKeyInfo(passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<{ info: KeyInfo; key: CryptoKey }> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const key = await deriveKey(passphrase, salt, iterations);
  const check = await seal(key, new TextEncoder().encode(KEY_CHECK_PLAINTEXT), KEY_CHECK_CONTEXT);
  return { info: { version: 1, kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), check: toBase64(check) }, key };
}

/** The key for a folder's key info, or `SyncCryptoError('wrong-passphrase')`. */
export async function unlockKeyInfo(passphrase: string, info: KeyInfo): Promise<CryptoKey> {
  if (info.kdf !== 'PBKDF2-SHA-256' || !(info.iterations >= 1)) throw new SyncCryptoError('tampered');
  const key = await deriveKey(passphrase, fromBase64(info.salt), info.iterations);
  try {
    await open(key, fromBase64(info.check), KEY_CHECK_CONTEXT);
  } catch {
    throw new SyncCryptoError('wrong-passphrase');
  }
  return key;
}

export function parseKeyInfo(text: string): KeyInfo {
  let value: Partial<KeyInfo>;
  try {
    value = JSON.parse(text) as Partial<KeyInfo>;
  } catch {
    throw new SyncCryptoError('tampered');
  }
  const { version, kdf, iterations, salt, check } = value ?? {};
  const bounded =
    version === 1 &&
    kdf === 'PBKDF2-SHA-256' &&
    Number.isSafeInteger(iterations) &&
    iterations! >= 1 &&
    iterations! <= MAX_KEY_ITERATIONS &&
    typeof salt === 'string' &&
    /^[A-Za-z0-9+/]{22}==$/.test(salt) &&
    typeof check === 'string' &&
    check.length <= MAX_CHECK_BASE64 &&
    /^[A-Za-z0-9+/]+=*$/.test(check);
  if (!bounded) throw new SyncCryptoError('tampered');
  return { version: 1, kdf: 'PBKDF2-SHA-256', iterations: iterations!, salt: salt!, check: check! };
}
