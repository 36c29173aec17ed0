import { describe, expect, it } from 'vitest';
import { isMemberId, isProfileSubpage, profileKeyFromUrl, profileUrlFromKey } from '@/utils/core/profile-key';

const KENJI: Array<[string, string]> = [
  ['https://www.linkedin.com/in/kenji-tanaka/', 'plain'],
  ['https://www.linkedin.com/in/kenji-tanaka', 'no trailing slash'],
  ['https://linkedin.com/in/kenji-tanaka/', 'no www'],
  ['http://www.linkedin.com/in/kenji-tanaka/', 'http'],
  ['https://es.linkedin.com/in/kenji-tanaka/', 'Spanish host'],
  ['https://de.linkedin.com/in/kenji-tanaka', 'German host'],
  ['https://jp.linkedin.com/in/kenji-tanaka/', 'Japanese host'],
  ['https://m.linkedin.com/in/kenji-tanaka/', 'mobile host'],
  ['https://www.linkedin.com/in/Kenji-Tanaka/', 'upper case'],
  ['https://www.linkedin.com/in/kenji-tanaka/?originalSubdomain=jp', 'originalSubdomain'],
  ['https://www.linkedin.com/in/kenji-tanaka?trk=people-guest_people_search-card', 'trk'],
  ['https://www.linkedin.com/in/kenji-tanaka/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB', 'miniProfileUrn'],
  ['https://www.linkedin.com/in/kenji-tanaka/#experience', 'fragment'],
  ['https://www.linkedin.com/in/kenji-tanaka/details/experience/', 'details'],
  ['https://www.linkedin.com/in/kenji-tanaka/details/skills/?detailScreenTabIndex=0', 'details with query'],
  ['https://www.linkedin.com/in/kenji-tanaka/overlay/contact-info/', 'overlay'],
  ['https://www.linkedin.com/in/kenji-tanaka/overlay/about-this-profile/', 'about overlay'],
  ['https://www.linkedin.com/in/kenji-tanaka/recent-activity/all/', 'recent activity'],
  ['https://www.linkedin.com/in/kenji-tanaka/recent-activity/comments/', 'recent comments'],
  ['https://www.linkedin.com/in/kenji-tanaka/es', 'trailing locale'],
  ['https://www.linkedin.com/in/kenji-tanaka/ja?locale=ja_JP', 'trailing locale with query'],
  ['https://www.linkedin.com/in/%6Benji-tanaka/', 'percent-encoded ASCII'],
  ['https://WWW.LINKEDIN.COM/in/kenji-tanaka/', 'upper-case host'],
  ['https://www.linkedin.com/mwlite/in/kenji-tanaka', 'LinkedIn Lite'],
  ['https://www.linkedin.com/mwlite/in/Kenji-Tanaka/details/experience', 'LinkedIn Lite details'],
  ['https://www.linkedin.com/IN/kenji-tanaka/', 'upper-case section'],
];

describe('profileKeyFromUrl', () => {
  it.each(KENJI)('%s (%s) is Kenji', (url) => {
    expect(profileKeyFromUrl(url)).toBe('kenji-tanaka');
  });

  it('refuses a slug that every object already holds, which would index a prototype', () => {
    for (const slug of ['__proto__', 'constructor', 'Constructor', '%5F%5Fproto%5F%5F']) {
      expect(profileKeyFromUrl(`https://www.linkedin.com/in/${slug}/`)).toBeNull();
    }
    // Lower-cased, a method's name is a plain key.
    expect(profileKeyFromUrl('https://www.linkedin.com/in/hasOwnProperty/')).toBe('hasownproperty');
  });

  it('decodes, NFC-normalises and lower-cases Unicode slugs', () => {
    const composed = 'https://www.linkedin.com/in/luc%C3%ADa-fern%C3%A1ndez/';
    const decomposed = 'https://www.linkedin.com/in/luci%CC%81a-ferna%CC%81ndez/';
    const upper = 'https://es.linkedin.com/in/LUC%C3%8DA-FERN%C3%81NDEZ/?originalSubdomain=es';
    expect(profileKeyFromUrl(composed)).toBe('lucía-fernández');
    expect(profileKeyFromUrl(decomposed)).toBe('lucía-fernández');
    expect(profileKeyFromUrl(upper)).toBe('lucía-fernández');
    expect(profileKeyFromUrl('https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F-123/')).toBe('张伟-123');
  });

  it('keeps the case of member-id URLs, which are case-sensitive', () => {
    expect(profileKeyFromUrl('https://www.linkedin.com/in/ACoAABcDeFgHiJk/')).toBe('ACoAABcDeFgHiJk');
    expect(profileKeyFromUrl('https://www.linkedin.com/in/ACoAABcDeFgHiJk/details/experience/')).toBe('ACoAABcDeFgHiJk');
    expect(profileKeyFromUrl('https://www.linkedin.com/in/ACoAABcDeFgHiJk')).not.toBe(
      profileKeyFromUrl('https://www.linkedin.com/in/ACoAAbcdefghijk'),
    );
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/company/kaizen-analytics/',
    'https://www.linkedin.com/search/results/people/?keywords=kenji',
    'https://www.linkedin.com/pub/dir/kenji/tanaka',
    'https://evil-linkedin.com/in/kenji-tanaka/',
    'https://linkedin.com.evil.example/in/kenji-tanaka/',
    'chrome-extension://abc/in/kenji-tanaka/',
    'https://www.linkedin.com/in/%E0%A4%A/',
    'not a url',
  ])('%s is not a profile', (url) => {
    expect(profileKeyFromUrl(url)).toBeNull();
  });

  it('round-trips through the canonical profile URL', () => {
    for (const key of ['kenji-tanaka', 'lucía-fernández', 'ACoAABcDeFgHiJk', '张伟-123']) {
      expect(profileKeyFromUrl(profileUrlFromKey(key))).toBe(key);
    }
  });
});

describe('member ids', () => {
  it.each([
    ['ACoAABcDeFgHiJk', true],
    ['ACoAAB7yT0sBcQ9vKs2mP4nLrW8eZ1uHdJfXg', true],
    ['ACwAABZIOuEBScg_RnMo_-Cwsp9KpEgYa5np2Rc', true],
    ['acoaabcdefghijk', false],
    ['kenji-tanaka', false],
    ['ACo', false],
  ])('%s is a member id: %s', (slug, expected) => {
    expect(isMemberId(slug)).toBe(expected);
  });

  it('a member-id key read from any URL shape is a member id', () => {
    expect(isMemberId(profileKeyFromUrl('https://es.linkedin.com/mwlite/in/ACoAABcDeFgHiJk/?trk=x')!)).toBe(true);
  });
});

describe('page shapes told by the URL', () => {
  it.each([
    ['https://www.linkedin.com/in/kenji-tanaka/details/experience/', true],
    ['https://www.linkedin.com/in/kenji-tanaka/recent-activity/all/', true],
    ['https://www.linkedin.com/mwlite/in/kenji-tanaka/details/skills', true],
    ['https://www.linkedin.com/in/kenji-tanaka/', false],
    ['https://www.linkedin.com/in/kenji-tanaka/overlay/contact-info/', false],
    ['https://www.linkedin.com/in/kenji-tanaka/es', false],
    ['https://www.linkedin.com/feed/', false],
  ])('%s is a sub-page of a profile: %s', (url, expected) => {
    expect(isProfileSubpage(url)).toBe(expected);
  });
});
