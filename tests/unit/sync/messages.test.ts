import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSyncRequest } from '@/utils/sync/messages';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const PAGES = `chrome-extension://${OWN_ID}/`;
const OPTIONS = { id: OWN_ID, url: `${PAGES}options.html#sync` };

describe('the background syncs only when its own pages ask', () => {
  it('syncs for sync-now from this extension', () => {
    expect(isSyncRequest({ type: 'sync-now' }, OPTIONS, OWN_ID, PAGES)).toBe(true);
  });

  it.each<[string, unknown, { id?: string; url?: string }]>([
    ['another extension', { type: 'sync-now' }, { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/options.html' }],
    ['a sender without an id', { type: 'sync-now' }, { url: OPTIONS.url }],
    ['this extension’s content script on LinkedIn', { type: 'sync-now' }, { id: OWN_ID, url: 'https://www.linkedin.com/in/kenji-tanaka/' }],
    ['a sender without a page', { type: 'sync-now' }, { id: OWN_ID }],
    ['a page message', { type: 'getProfile' }, OPTIONS],
    ['null', null, OPTIONS],
  ])('ignores %s', (_label, message, sender) => {
    expect(isSyncRequest(message, sender, OWN_ID, PAGES)).toBe(false);
  });

  it('is how the background’s sync reads its messages', () => {
    const source = readFileSync(resolve(import.meta.dirname, '../../../utils/sync/start-sync.ts'), 'utf8');
    expect(source).toMatch(/isSyncRequest\(message, sender, browser\.runtime\.id, browser\.runtime\.getURL\('\/'\)\)/);
  });
});

