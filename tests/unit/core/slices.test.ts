import { describe, expect, it } from 'vitest';
import { slices } from '@/utils/core/slices';

describe('slices', () => {
  it('cuts a list into consecutive slices, the last one shorter', () => {
    expect([...slices([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...slices([1, 2, 3, 4], 2)]).toEqual([[1, 2], [3, 4]]);
  });

  it('gives nothing for an empty list, and one slice for a short one', () => {
    expect([...slices([], 500)]).toEqual([]);
    expect([...slices(['a'], 500)]).toEqual([['a']]);
  });
});
