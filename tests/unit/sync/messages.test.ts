import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSyncRequest } from '@/utils/sync/messages';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('the background syncs only when its own pages ask', () => {
  it('syncs for sync-now from this extension', () => {
    expect(isSyncRequest({ type: 'sync-now' }, { id: OWN_ID }, OWN_ID)).toBe(true);
  });

  it.each<[string, unknown, { id?: string }]>([
    ['another extension', { type: 'sync-now' }, { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
    ['a sender without an id', { type: 'sync-now' }, {}],
    ['a page message', { type: 'getProfile' }, { id: OWN_ID }],
    ['null', null, { id: OWN_ID }],
  ])('ignores %s', (_label, message, sender) => {
    expect(isSyncRequest(message, sender, OWN_ID)).toBe(false);
  });

  it('is how the background’s sync reads its messages', () => {
    const source = readFileSync(resolve(import.meta.dirname, '../../../utils/sync/start-sync.ts'), 'utf8');
    expect(source).toMatch(/isSyncRequest\(message, sender, browser\.runtime\.id\)/);
  });
});

