import { describe, expect, it } from 'vitest';
import { createKeyInfo, openJson, parseKeyInfo, sealJson, SyncCryptoError, unlockKeyInfo } from '@/utils/sync/crypto';
import { ARGON2ID_PARAMS, KDF_LIMITS, PBKDF2_ITERATIONS } from '@/utils/sync/kdf';
import { TEST_KDF } from '../../support/engine-devices';

// The real parameters are checked once each; the rest use a quick key to keep the suite fast.
const FAST = TEST_KDF;

describe('sync encryption', () => {
  it('derives a new folder’s key with Argon2id at RFC 9106’s second recommended option, and opens it again', async () => {
    expect(ARGON2ID_PARAMS).toEqual({ kdf: 'Argon2id', iterations: 3, memoryKiB: 65_536, parallelism: 4 });
    const { info, key } = await createKeyInfo('correct horse');
    expect(info).toMatchObject(ARGON2ID_PARAMS);
    const sealed = await sealJson(key, { notes: 'Loves sailing' }, 'dev1/l-1');
    const again = await unlockKeyInfo('correct horse', parseKeyInfo(JSON.stringify(info)));
    expect(await openJson(again, sealed, 'dev1/l-1')).toEqual({ notes: 'Loves sailing' });
    await expect(unlockKeyInfo('correct horses', info)).rejects.toMatchObject({ problem: 'wrong-passphrase' });
  });

  it('still opens a folder made with PBKDF2-SHA-256 at OWASP 2023’s 600,000 iterations', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const { info } = await createKeyInfo('correct horse', { kdf: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(await unlockKeyInfo('correct horse', parseKeyInfo(JSON.stringify(info)))).toBeInstanceOf(CryptoKey);
  });

  it('opens what it sealed with the same passphrase, on another device', async () => {
    const { info, key } = await createKeyInfo('correct horse', FAST);
    const sealed = await sealJson(key, { notes: 'Loves sailing' }, 'dev1/l-1');
    const otherDevice = await unlockKeyInfo('correct horse', parseKeyInfo(JSON.stringify(info)));
    expect(await openJson(otherDevice, sealed, 'dev1/l-1')).toEqual({ notes: 'Loves sailing' });
  });

  it('does not show the notes to the server', async () => {
    const { key } = await createKeyInfo('correct horse', FAST);
    const sealed = await sealJson(key, { notes: 'Loves sailing '.repeat(20) }, 'f');
    expect(new TextDecoder('latin1').decode(sealed)).not.toContain('sailing');
  });

  it('says a wrong passphrase is wrong', async () => {
    const { info } = await createKeyInfo('correct horse', FAST);
    await expect(unlockKeyInfo('battery staple', info)).rejects.toMatchObject({ problem: 'wrong-passphrase' });
  });

  it('refuses a file that was altered, cut short, or moved to another name', async () => {
    const { key } = await createKeyInfo('correct horse', FAST);
    const sealed = await sealJson(key, { notes: 'x' }, 'dev1/l-1');
    const flipped = sealed.slice();
    flipped[flipped.length - 5]! ^= 1;
    for (const [bytes, name] of [
      [flipped, 'dev1/l-1'],
      [sealed.slice(0, sealed.length - 7), 'dev1/l-1'],
      [sealed.slice(0, 10), 'dev1/l-1'],
      [sealed, 'dev1/l-2'],
    ] as const) {
      const error = await openJson(key, bytes, name).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SyncCryptoError);
      expect((error as SyncCryptoError).problem).toBe('tampered');
    }
  });

  it('refuses key info that is not ours, or that asks for more work than a browser should do', async () => {
    expect(() => parseKeyInfo('{"version":2}')).toThrow(SyncCryptoError);
    expect(() => parseKeyInfo('not json')).toThrow(SyncCryptoError);
    const { info } = await createKeyInfo('correct horse', FAST);
    expect(parseKeyInfo(JSON.stringify(info))).toEqual(info);
    const argon = { ...info, ...ARGON2ID_PARAMS };
    expect(parseKeyInfo(JSON.stringify(argon))).toEqual(argon);
    for (const bad of [
      { ...argon, memoryKiB: KDF_LIMITS.argon2MemoryKiB + 1 },
      { ...argon, iterations: KDF_LIMITS.argon2Iterations + 1 },
      { ...argon, parallelism: 0 },
      { ...argon, parallelism: 4, memoryKiB: 16 },
      { ...argon, memoryKiB: undefined },
    ]) {
      expect(() => parseKeyInfo(JSON.stringify(bad))).toThrow(SyncCryptoError);
    }
    for (const bad of [
      { iterations: KDF_LIMITS.pbkdf2Iterations + 1 },
      { iterations: 1e15 },
      { iterations: 0.5 },
      { iterations: '600000' },
      { kdf: 'scrypt' },
      { salt: 'AAAA' },
      { check: 'A'.repeat(10_000) },
      { check: '<script>' },
    ]) {
      expect(() => parseKeyInfo(JSON.stringify({ ...info, ...bad }))).toThrow(SyncCryptoError);
    }
  });
});
