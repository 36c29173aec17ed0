/**
 * Whether two readings of a name are one person's: the same words once case, accents, punctuation
 * and emoji are set aside, or one holding all the other's words (a title, a middle name, a degree
 * added), where an initial stands for any word it begins ("Priya N." and "Priya Nair"); or the same
 * letters in another order or spacing, as LinkedIn's export writes "伟 张" for the page's "张伟".
 */
export function samePersonName(first: string, second: string): boolean {
  const a = nameWords(first);
  const b = nameWords(second);
  if (a.length === 0 || b.length === 0) return true;
  if (letters(a) === letters(b)) return true;
  const [fewer, more] = a.length <= b.length ? [a, b] : [b, a];
  const left = [...more];
  for (const word of fewer) {
    const at = left.findIndex((other) => wordsMatch(word, other));
    if (at < 0) return false;
    left.splice(at, 1);
  }
  return true;
}

const letters = (words: string[]) => [...words.join('')].sort().join('');

function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  return (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

/** A name's words, lower-case, without accents, punctuation or emoji. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
