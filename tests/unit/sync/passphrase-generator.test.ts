import { afterEach, describe, expect, it, vi } from 'vitest';
import { wordlist as englishList } from '@scure/bip39/wordlists/english.js';
import { wordlist as spanishList } from '@scure/bip39/wordlists/spanish.js';
import { GENERATED_BITS, generatePassphrase, passphraseBits, uniformIndex, wordList, wordsNeeded } from '@/utils/sync/passphrase-generator';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A stand-in for the random source that answers these numbers in turn, and counts the draws. */
function draws(...values: number[]) {
  const next = vi.fn(() => {
    const value = values.shift();
    if (value === undefined) throw new Error('No more numbers');
    return value;
  });
  return next;
}

describe('the word lists', () => {
  it('are BIP-39’s English and Spanish lists of 2,048 distinct words, Spanish with its accents composed', async () => {
    const english = await wordList('en');
    const spanish = await wordList('es');
    expect(english).toEqual(englishList);
    expect(spanish).toEqual(spanishList.map((word) => word.normalize('NFC')));
    for (const list of [english, spanish]) {
      expect(list).toHaveLength(2048);
      expect(new Set(list).size).toBe(2048);
    }
    expect(spanish).toContain('ábaco');
    expect(spanish.every((word) => word === word.normalize('NFC'))).toBe(true);
  });
});

describe('a generated passphrase', () => {
  it('is 7 words of the interface’s language, for at least 77 bits', async () => {
    for (const language of ['en', 'es'] as const) {
      const list = await wordList(language);
      const words = generatePassphrase(list).split(' ');
      expect(words).toHaveLength(7);
      expect(words.every((word) => list.includes(word))).toBe(true);
      expect(passphraseBits(list.length, words.length)).toBeGreaterThanOrEqual(77);
    }
    expect(GENERATED_BITS).toBe(77);
    expect(wordsNeeded(2048)).toBe(7);
    expect(passphraseBits(2048, 6)).toBeLessThan(77);
  });

  it('draws each word from the browser’s cryptographic generator', async () => {
    const spy = vi.spyOn(crypto, 'getRandomValues');
    generatePassphrase(await wordList('en'));
    expect(spy).toHaveBeenCalledTimes(7);
  });

  it('takes word i for random number i', async () => {
    const list = await wordList('en');
    expect(generatePassphrase(list, draws(0, 1, 2, 2047, 2048, 4095, 2 ** 32 - 1))).toBe(
      [list[0], list[1], list[2], list[2047], list[0], list[2047], list[2047]].join(' '),
    );
  });

  it('refuses a list that holds a word twice, which would make it weaker than it counts', () => {
    expect(() => generatePassphrase(['a', 'b', 'a'])).toThrow(/each word once/);
  });

  it('differs every time', async () => {
    const list = await wordList('es');
    const made = new Set(Array.from({ length: 50 }, () => generatePassphrase(list)));
    expect(made.size).toBe(50);
  });
});

describe('a uniform index', () => {
  it('draws again over the top of the range that would favour low indexes (no modulo bias)', () => {
    // 2^32 = 3 × 1,431,655,765 + 1: the one number left over, 2^32 − 1, would make index 0 likelier.
    const next = draws(2 ** 32 - 1, 2 ** 32 - 1, 2 ** 32 - 2);
    expect(uniformIndex(3, next)).toBe((2 ** 32 - 2) % 3);
    expect(next).toHaveBeenCalledTimes(3);
    // For 10: 2^32 mod 10 = 6 numbers at the top are drawn again.
    expect(uniformIndex(10, draws(2 ** 32 - 6, 2 ** 32 - 7))).toBe((2 ** 32 - 7) % 10);
  });

  it('never draws again for 2,048 words, which divide 2^32 evenly', () => {
    const next = draws(2 ** 32 - 1);
    expect(uniformIndex(2048, next)).toBe(2047);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('keeps every index equally likely: each is reached by as many accepted numbers', () => {
    for (const size of [3, 7, 10, 1000, 2047, 2048, 3001]) {
      const accepted = 2 ** 32 - (2 ** 32 % size);
      // The accepted numbers 0 … accepted − 1 fall into whole rounds of `size`.
      expect(accepted % size).toBe(0);
      expect(uniformIndex(size, draws(accepted - 1))).toBe(size - 1);
      expect(uniformIndex(size, draws(accepted, 0))).toBe(0);
    }
  });

  it('spreads real draws evenly over 2,048 words (chi-squared, far from any bias)', () => {
    const counts = new Array<number>(2048).fill(0);
    const n = 2048 * 50;
    for (let i = 0; i < n; i++) counts[uniformIndex(2048)]!++;
    const expected = n / 2048;
    const chiSquared = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    // 2,047 degrees of freedom: the 99.99th percentile is about 2,330.
    expect(chiSquared).toBeLessThan(2330);
  });

  it('refuses a range it cannot draw from', () => {
    expect(() => uniformIndex(0)).toThrow(RangeError);
    expect(() => uniformIndex(1.5)).toThrow(RangeError);
  });
});
