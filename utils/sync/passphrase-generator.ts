/**
 * Generated sync passphrases: words drawn uniformly at random (crypto.getRandomValues) from
 * BIP-39's official word list in the interface's language, 2,048 words of 11 bits each.
 */

/**
 * The randomness a generated passphrase carries at least. 2^77 guesses are more than a million
 * GPUs can try in 300,000 years against key.json (passphrase.ts), and seven words still fit on a line.
 */
export const GENERATED_BITS = 77;

export type WordListLanguage = 'en' | 'es';

/** BIP-39's list for the language, loaded when first asked for. Spanish words come with their accents, in NFC. */
export async function wordList(language: WordListLanguage): Promise<readonly string[]> {
  const { wordlist } =
    language === 'es' ? await import('@scure/bip39/wordlists/spanish.js') : await import('@scure/bip39/wordlists/english.js');
  // The list is stored decomposed; a typed "acción" is composed (the key is derived from NFC too).
  return wordlist.map((word) => word.normalize('NFC'));
}

/** A random 32-bit unsigned number from the browser's cryptographic generator. */
export function randomUint32(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/**
 * A uniformly random index below `size`: 32-bit numbers from the top of the range that would make
 * low indexes likelier (the remainder of 2^32 / size) are drawn again, so there is no modulo bias.
 */
export function uniformIndex(size: number, next: () => number = randomUint32): number {
  if (!Number.isInteger(size) || size < 1 || size > 2 ** 32) throw new RangeError(`Cannot draw from ${size} choices`);
  const limit = 2 ** 32 - (2 ** 32 % size);
  for (;;) {
    const value = next();
    if (value < limit) return value % size;
  }
}

/** How many words from a list of `size` carry at least GENERATED_BITS. */
export function wordsNeeded(size: number): number {
  return Math.ceil(GENERATED_BITS / Math.log2(size));
}

/** The randomness of `count` words drawn from a list of `size`, in bits. */
export function passphraseBits(size: number, count: number): number {
  return count * Math.log2(size);
}

/** Words drawn independently and uniformly from `words`, enough for GENERATED_BITS, joined by spaces. */
export function generatePassphrase(words: readonly string[], next: () => number = randomUint32): string {
  if (new Set(words).size !== words.length) throw new Error('A word list for passphrases holds each word once');
  return Array.from({ length: wordsNeeded(words.length) }, () => words[uniformIndex(words.length, next)]!).join(' ');
}
