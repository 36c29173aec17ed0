/**
 * End-to-end encryption of what sync stores: a key derived from the passphrase (`kdf.ts`), files
 * sealed with AES-GCM (WebCrypto). The server sees names, sizes and times.
 */
import { boundedKdf, deriveKey, NEW_FOLDER_KDF, type KdfParams } from './kdf';
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
export type KeyInfo = KdfParams & {
  version: 1;
  salt: string;
  check: string;
};

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

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
export async function createKeyInfo(passphrase: string, kdf: KdfParams = NEW_FOLDER_KDF): Promise<{ info: KeyInfo; key: CryptoKey }> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const key = await deriveKey(passphrase, salt, kdf);
  const check = await seal(key, new TextEncoder().encode(KEY_CHECK_PLAINTEXT), KEY_CHECK_CONTEXT);
  return { info: { version: 1, ...kdf, salt: toBase64(salt), check: toBase64(check) }, key };
}

/** The key for a folder's key info, or `SyncCryptoError('wrong-passphrase')`. */
export async function unlockKeyInfo(passphrase: string, info: KeyInfo): Promise<CryptoKey> {
  const kdf = boundedKdf(info);
  if (!kdf) throw new SyncCryptoError('tampered');
  const key = await deriveKey(passphrase, fromBase64(info.salt), kdf);
  try {
    await open(key, fromBase64(info.check), KEY_CHECK_CONTEXT);
  } catch {
    throw new SyncCryptoError('wrong-passphrase');
  }
  return key;
}

export function parseKeyInfo(text: string): KeyInfo {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new SyncCryptoError('tampered');
  }
  if (!value || typeof value !== 'object') throw new SyncCryptoError('tampered');
  const { version, salt, check } = value;
  const kdf = boundedKdf(value);
  const bounded =
    version === 1 &&
    kdf !== null &&
    typeof salt === 'string' &&
    /^[A-Za-z0-9+/]{22}==$/.test(salt) &&
    typeof check === 'string' &&
    check.length <= MAX_CHECK_BASE64 &&
    /^[A-Za-z0-9+/]+=*$/.test(check);
  if (!bounded) throw new SyncCryptoError('tampered');
  return { version: 1, ...kdf, salt: salt as string, check: check as string };
}
