import { describe, expect, it } from 'vitest';
import { parseSidebarRequest } from '@/utils/sidebar/protocol';
import { parseUserEdit } from '@/utils/core/schema';

const page = { name: 'Kenji Tanaka', headline: 'Data Engineer', photoUrl: '', profileUrl: 'https://www.linkedin.com/in/kenji-tanaka/' };
const save = (fields: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'save',
  seq: 1,
  key: 'kenji-tanaka',
  fields,
  page,
  ...extra,
});

describe('parseSidebarRequest', () => {
  it('accepts each well-formed request', () => {
    const valid: unknown[] = [
      { type: 'subscribe', profile: { key: 'kenji-tanaka', ...page, location: 'Osaka' } },
      save({ notes: 'Met at PyData', tags: ['python'], cadenceDays: 30, nextFollowUp: '2025-03-01' }),
      save({ cadenceDays: null, nextFollowUp: null }),
      {
        type: 'log',
        seq: 2,
        key: 'kenji-tanaka',
        interaction: { id: 'i-1', kind: 'call', date: '2025-02-28', text: 'Coffee' },
        page,
      },
      { type: 'edit-interaction', seq: 3, key: 'kenji-tanaka', id: 'i-1', changes: { text: 'Long coffee' } },
      { type: 'delete-interaction', seq: 4, key: 'kenji-tanaka', id: 'i-1' },
      { type: 'follow-up-done', seq: 5, key: 'kenji-tanaka', today: '2025-03-01' },
      { type: 'snooze', seq: 6, key: 'kenji-tanaka', days: 7, today: '2025-03-01' },
    ];
    for (const request of valid) expect(parseSidebarRequest(request), JSON.stringify(request)).not.toBeNull();
  });

  it.each<[string, unknown]>([
    ['not an object', 'save'],
    ['null', null],
    ['an unknown type', { type: 'drop-database', seq: 1 }],
    ['a snooze of no days', { type: 'snooze', seq: 1, key: 'kenji-tanaka', days: 0, today: '2025-03-01' }],
    ['a done without a date', { type: 'follow-up-done', seq: 1, key: 'kenji-tanaka', today: 'soon' }],
    ['a string seq', save({}, { seq: '1' })],
    ['a fractional seq', save({}, { seq: 1.5 })],
    ['an empty key', save({}, { key: '' })],
    ['a numeric key', save({}, { key: 42 })],
    ['notes as a number', save({ notes: 42 })],
    ['tags as a string', save({ tags: 'python' })],
    ['a tag that is not a string', save({ tags: [{}] })],
    ['a zero cadence', save({ cadenceDays: 0 })],
    ['a fractional cadence', save({ cadenceDays: 1.5 })],
    ['an impossible date', save({ nextFollowUp: '2025-02-30' })],
    ['a date in another format', save({ nextFollowUp: '01/03/2025' })],
    ['an unknown interaction kind', { type: 'log', seq: 1, key: 'k', interaction: { id: 'i', kind: 'bribe', date: '2025-01-01', text: '' }, page }],
    ['a photo over http', save({}, { page: { ...page, photoUrl: 'http://media.licdn.com/a.jpg' } })],
    ['a javascript: photo', save({}, { page: { ...page, photoUrl: 'javascript:alert(1)' } })],
    ['a subscribe without a key', { type: 'subscribe', profile: { name: 'Kenji' } }],
  ])('refuses %s', (_label, request) => {
    expect(parseSidebarRequest(request)).toBeNull();
  });

  it.each<[string, unknown]>([
    ['notes over 100,000 characters', save({ notes: 'x'.repeat(100_001) })],
    ['a name over 300 characters', save({ name: 'x'.repeat(301) })],
    ['a tag over 200 characters', save({ tags: ['x'.repeat(201)] })],
    ['more than 500 tags', save({ tags: Array.from({ length: 501 }, (_, i) => `t${i}`) })],
    ['a key over 200 characters', save({}, { key: 'k'.repeat(201) })],
    ['a headline over 1,000 characters', save({}, { page: { ...page, headline: 'x'.repeat(1_001) } })],
    ['an interaction text over 100,000 characters', { type: 'edit-interaction', seq: 1, key: 'kenji-tanaka', id: 'i', changes: { text: 'x'.repeat(100_001) } }],
  ])('refuses oversize input: %s', (_label, request) => {
    expect(parseSidebarRequest(request)).toBeNull();
  });

  it('accepts strings right at their limits', () => {
    expect(parseSidebarRequest(save({ notes: 'x'.repeat(100_000), name: 'x'.repeat(300) }))).not.toBeNull();
  });

  it('refuses a field the user cannot write, such as a page field or the key, inside fields', () => {
    expect(parseSidebarRequest(save({ headline: 'CEO' }))).toBeNull();
    expect(parseSidebarRequest(save({ key: 'someone-else' }))).toBeNull();
    expect(parseSidebarRequest(save({ terms: ['x'] }))).toBeNull();
    expect(parseSidebarRequest(save({ createdAt: 0 }))).toBeNull();
  });

  it('drops unknown fields around the fields it knows', () => {
    const parsed = parseSidebarRequest(save({ notes: 'hi' }, { admin: true, page: { ...page, email: 'x@y.z' } }));
    expect(parsed).not.toBeNull();
    expect(parsed).not.toHaveProperty('admin');
    expect((parsed as { page: object }).page).not.toHaveProperty('email');
  });

  it('refuses a __proto__ key in the user fields and pollutes nothing', () => {
    const request = JSON.parse('{"type":"save","seq":1,"key":"k","page":{},"fields":{"notes":"x","__proto__":{"polluted":true}}}');
    expect(parseSidebarRequest(request)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves a __proto__ key elsewhere out of its output', () => {
    const request = JSON.parse(
      '{"type":"save","seq":1,"key":"k","fields":{},"__proto__":{"polluted":true},"page":{"name":"A","__proto__":{"polluted":true}}}',
    );
    const parsed = parseSidebarRequest(request) as Record<string, unknown> & { page: Record<string, unknown> };
    expect(parsed).not.toBeNull();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(parsed.page)).toBe(Object.prototype);
    expect(Object.keys(parsed)).not.toContain('__proto__');
    expect(Object.keys(parsed.page)).not.toContain('__proto__');
    expect(parsed.polluted).toBeUndefined();
    expect(parsed.page.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseUserEdit', () => {
  it('keeps what a draft may write and refuses the rest', () => {
    expect(parseUserEdit({ notes: 'hi', interests: ['chess'] })).toEqual({ notes: 'hi', interests: ['chess'] });
    expect(parseUserEdit({ notes: 'hi', updatedAt: 1 })).toBeNull();
    expect(parseUserEdit(JSON.parse('{"__proto__":{"polluted":true}}'))).toBeNull();
    expect(parseUserEdit('notes')).toBeNull();
    expect(parseUserEdit(undefined)).toBeNull();
  });
});
