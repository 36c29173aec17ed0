/**
 * The key behind a sync folder, derived from its passphrase. A new folder uses Argon2id (RFC 9106),
 * memory-hard so that a graphics card guesses little faster than a computer; a folder made before
 * keeps the PBKDF2-SHA-256 its `key.json` names. Both give a non-extractable AES-GCM key.
 */
import { argon2id } from 'hash-wasm';

/** OWASP's Password Storage Cheat Sheet (2023 on): 600,000 iterations for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;

/**
 * RFC 9106 section 4, its second recommended option: 64 MiB, 3 passes, 4 lanes. About 0.36 s in
 * Chromium on this project's 2-core test machine (WebAssembly, one thread), against 0.12-0.16 s for
 * PBKDF2 at 600,000 iterations.
 */
export const ARGON2ID_PARAMS = { kdf: 'Argon2id', iterations: 3, memoryKiB: 65_536, parallelism: 4 } as const;

export type KdfParams =
  | { kdf: 'PBKDF2-SHA-256'; iterations: number }
  | { kdf: 'Argon2id'; iterations: number; memoryKiB: number; parallelism: number };

/** What a new folder uses. */
export const NEW_FOLDER_KDF: KdfParams = ARGON2ID_PARAMS;

/**
 * The most a folder's `key.json` may ask for: a server could otherwise name a cost that keeps a
 * joining browser busy for hours or out of memory. Several times what this extension writes.
 */
export const KDF_LIMITS = { pbkdf2Iterations: 5_000_000, argon2Iterations: 10, argon2MemoryKiB: 262_144, argon2Parallelism: 8 } as const;

const within = (value: unknown, min: number, max: number): value is number => Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;

/** The parameters a `key.json` names, if they are ones this extension would use; else null. */
export function boundedKdf(value: Record<string, unknown>): KdfParams | null {
  const { kdf, iterations, memoryKiB, parallelism } = value;
  if (kdf === 'PBKDF2-SHA-256') return within(iterations, 1, KDF_LIMITS.pbkdf2Iterations) ? { kdf, iterations } : null;
  if (kdf !== 'Argon2id' || !within(iterations, 1, KDF_LIMITS.argon2Iterations)) return null;
  if (!within(parallelism, 1, KDF_LIMITS.argon2Parallelism) || !within(memoryKiB, 8 * parallelism, KDF_LIMITS.argon2MemoryKiB)) return null;
  return { kdf, iterations, memoryKiB, parallelism };
}

export async function deriveKey(passphrase: string, salt: Uint8Array, params: KdfParams): Promise<CryptoKey> {
  const secret = new TextEncoder().encode(passphrase.normalize('NFC'));
  const usages: KeyUsage[] = ['encrypt', 'decrypt'];
  if (params.kdf === 'PBKDF2-SHA-256') {
    const material = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
    return crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations: params.iterations },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      usages,
    );
  }
  const bytes = await argon2id({
    password: secret,
    salt,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    parallelism: params.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  try {
    return await crypto.subtle.importKey('raw', bytes as BufferSource, 'AES-GCM', false, usages);
  } finally {
    bytes.fill(0);
  }
}
