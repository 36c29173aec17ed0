import { describe, expect, it } from 'vitest';
import {
  createKeyInfo,
  openJson,
  parseKeyInfo,
  MAX_KEY_ITERATIONS,
  PBKDF2_ITERATIONS,
  sealJson,
  SyncCryptoError,
  unlockKeyInfo,
} from '@/utils/sync/crypto';

// The real count is checked once; the rest use fewer iterations to keep the suite quick.
const FAST = 1_000;

describe('sync encryption', () => {
  it('derives the key with at least OWASP 2023’s 600,000 PBKDF2-SHA-256 iterations', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const { info } = await createKeyInfo('correct horse');
    expect(info).toMatchObject({ kdf: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS });
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
    const { info } = await createKeyInfo('correct horse', 1_000);
    expect(parseKeyInfo(JSON.stringify(info))).toEqual(info);
    for (const bad of [
      { iterations: MAX_KEY_ITERATIONS + 1 },
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
