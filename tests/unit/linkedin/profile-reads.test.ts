import { describe, expect, it } from 'vitest';
import { PAGE_SHAPE_MAX, profileReadOf } from '@/utils/linkedin/page-messages';
import { countProfileRead } from '@/utils/linkedin/profile-reads';

const TAB = { id: 'ext', tab: { id: 4 }, frameId: 0 };

describe('countProfileRead', () => {
  it('starts counting on the day of the first visit, and keeps that day', () => {
    const first = countProfileRead(null, { readable: true }, '2026-12-02');
    expect(first).toEqual({ since: '2026-12-02', readable: 1, unreadable: 0, lastShape: null });
    const later = countProfileRead(first, { readable: true }, '2026-12-07');
    expect(later).toEqual({ since: '2026-12-02', readable: 2, unreadable: 0, lastShape: null });
  });

  it('an unreadable visit keeps its page’s shape, the newest one; a visit without a shape keeps the last', () => {
    const one = countProfileRead(null, { readable: false, shape: 'main\n section' }, '2026-12-03');
    expect(one).toEqual({ since: '2026-12-03', readable: 0, unreadable: 1, lastShape: { shape: 'main\n section', on: '2026-12-03' } });
    const two = countProfileRead(one, { readable: false, shape: 'body' }, '2026-12-04');
    expect(two.lastShape).toEqual({ shape: 'body', on: '2026-12-04' });
    expect(countProfileRead(two, { readable: false }, '2026-12-05')).toMatchObject({ unreadable: 3, lastShape: { shape: 'body', on: '2026-12-04' } });
  });
});

describe('profileReadOf: only this extension’s content script in a tab’s top frame counts a visit', () => {
  it('takes a report from the top frame of a tab', () => {
    expect(profileReadOf({ type: 'profileRead', readable: true }, TAB, 'ext')).toEqual({ readable: true });
    expect(profileReadOf({ type: 'profileRead', readable: false, shape: 'main' }, TAB, 'ext')).toEqual({ readable: false, shape: 'main' });
  });

  it('refuses other extensions, pages, frames and malformed reports', () => {
    expect(profileReadOf({ type: 'profileRead', readable: true }, { ...TAB, id: 'other' }, 'ext')).toBeUndefined();
    expect(profileReadOf({ type: 'profileRead', readable: true }, { id: 'ext' }, 'ext')).toBeUndefined();
    expect(profileReadOf({ type: 'profileRead', readable: true }, { ...TAB, frameId: 3 }, 'ext')).toBeUndefined();
    expect(profileReadOf({ type: 'profileRead', readable: 'yes' }, TAB, 'ext')).toBeUndefined();
    expect(profileReadOf({ type: 'profileChanged', profile: null }, TAB, 'ext')).toBeUndefined();
  });

  it('a readable page keeps no shape, and a huge shape is cut to the limit', () => {
    expect(profileReadOf({ type: 'profileRead', readable: true, shape: 'main' }, TAB, 'ext')).toEqual({ readable: true });
    const big = profileReadOf({ type: 'profileRead', readable: false, shape: 'x'.repeat(PAGE_SHAPE_MAX * 3) }, TAB, 'ext');
    expect(big?.shape).toHaveLength(PAGE_SHAPE_MAX);
  });
});
