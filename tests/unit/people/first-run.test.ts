import { describe, expect, it } from 'vitest';
import { showFirstRun } from '@/utils/people/first-run';

describe('the first-run guide', () => {
  it('shows until dismissed or someone is saved, and not while loading', () => {
    expect(showFirstRun(false, 0)).toBe(true);
    expect(showFirstRun(true, 0)).toBe(false);
    expect(showFirstRun(false, 3)).toBe(false);
    expect(showFirstRun(undefined, 0)).toBeUndefined();
    expect(showFirstRun(true, undefined)).toBe(false);
    expect(showFirstRun(false, undefined)).toBeUndefined();
  });
});
