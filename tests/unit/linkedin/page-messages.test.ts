import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { announcedProfile, isPageMessage, isProfileQuery } from '@/utils/linkedin/page-messages';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('the content script answers getProfile to this extension only', () => {
  it('answers getProfile from its own extension', () => {
    expect(isProfileQuery({ type: 'getProfile' }, { id: OWN_ID }, OWN_ID)).toBe(true);
  });

  it.each<[string, unknown, { id?: string }]>([
    ['another extension', { type: 'getProfile' }, { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
    ['a sender without an id', { type: 'getProfile' }, {}],
    ['a profileChanged message', { type: 'profileChanged', profile: null }, { id: OWN_ID }],
    ['a message of unknown type', { type: 'getNotes' }, { id: OWN_ID }],
    ['a string', 'getProfile', { id: OWN_ID }],
    ['null', null, { id: OWN_ID }],
  ])('ignores %s', (_label, message, sender) => {
    expect(isProfileQuery(message, sender, OWN_ID)).toBe(false);
  });

  it('is the only message the content script listens for', () => {
    const source = readFileSync(resolve(import.meta.dirname, '../../../entrypoints/linkedin.content.ts'), 'utf8');
    expect(source.match(/runtime\.onMessage\.addListener\(/g)).toHaveLength(1);
    expect(source).toMatch(/isProfileQuery\(\w+, \w+, browser\.runtime\.id\)/);
    expect(source).not.toMatch(/onMessageExternal|onConnectExternal|addEventListener\(window, 'message'/);
  });
});

describe('isPageMessage', () => {
  it('knows the three page messages and nothing else', () => {
    expect(isPageMessage({ type: 'getProfile' })).toBe(true);
    expect(isPageMessage({ type: 'profileChanged', profile: null })).toBe(true);
    expect(isPageMessage({ type: 'profileRead', readable: true })).toBe(true);
    expect(isPageMessage({ type: 'save' })).toBe(false);
    expect(isPageMessage(undefined)).toBe(false);
  });
});

describe('announcedProfile: what the background relays to a sidebar', () => {
  const kenji = {
    key: 'kenji-tanaka',
    name: 'Kenji Tanaka',
    headline: '',
    location: '',
    photoUrl: '',
    profileUrl: 'https://www.linkedin.com/in/kenji-tanaka/',
  };
  const fromTab7 = { id: OWN_ID, tab: { id: 7 }, frameId: 0 };

  it('relays a profile, or no profile, announced by the top frame of the sidebar’s own tab', () => {
    expect(announcedProfile({ type: 'profileChanged', profile: kenji }, fromTab7, 7, OWN_ID)).toEqual(kenji);
    expect(announcedProfile({ type: 'profileChanged', profile: null }, fromTab7, 7, OWN_ID)).toBeNull();
  });

  it.each<[string, unknown, { id?: string; tab?: { id?: number }; frameId?: number }]>([
    ['another tab', { type: 'profileChanged', profile: kenji }, { ...fromTab7, tab: { id: 8 } }],
    ['a subframe of the tab', { type: 'profileChanged', profile: kenji }, { ...fromTab7, frameId: 3 }],
    ['another extension', { type: 'profileChanged', profile: kenji }, { ...fromTab7, id: 'zzzz' }],
    ['a sender without a tab (an extension page)', { type: 'profileChanged', profile: kenji }, { id: OWN_ID }],
    ['a getProfile question', { type: 'getProfile' }, fromTab7],
    ['junk', 'profileChanged', fromTab7],
  ])('ignores %s', (_label, message, sender) => {
    expect(announcedProfile(message, sender, 7, OWN_ID)).toBeUndefined();
  });
});
