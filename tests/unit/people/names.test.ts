import { describe, expect, it } from 'vitest';
import { nameWords, samePersonName } from '@/utils/people/names';

describe('samePersonName', () => {
  it.each([
    ['Priya Raman', 'Priya Raman'],
    ['Priya Raman', 'priya raman'],
    ['Lucía Fernández', 'Lucia Fernandez'],
    ['Priya Raman', 'Priya Raman, PhD'],
    ['Priya Raman', 'Dr. Priya Raman 🚀'],
    ['Priya Raman', 'Priya R.'],
    ['Ana Paula Souza', 'Ana Souza'],
    ['Kenji Tanaka', '  Kenji   Tanaka '],
    ['Zhang Wei', 'Wei Zhang'],
    ['伟 张', '张伟'],
    ['Ana María', 'Anamaría'],
    ['', 'Anyone'],
  ])('%s and %s are one person’s name', (first, second) => {
    expect(samePersonName(first, second)).toBe(true);
    expect(samePersonName(second, first)).toBe(true);
  });

  it.each([
    ['Priya Raman', 'Amara Okafor'],
    ['Kenji Tanaka', 'Kenji Sato'],
    ['Priya Raman', 'Priya Menon'],
    ['Ana Souza', 'Ana Lima Amara'],
    ['Priya R.', 'Priya Smith'],
    ['Wei Zhang', '张伟'],
    ['张伟', '张丽'],
  ])('%s and %s are two people’s', (first, second) => {
    expect(samePersonName(first, second)).toBe(false);
    expect(samePersonName(second, first)).toBe(false);
  });

  it('reads words without case, accents, punctuation or emoji', () => {
    expect(nameWords('  Dr. Lucía Fernández-Soto 🚀 ')).toEqual(['dr', 'lucia', 'fernandez', 'soto']);
  });
});
