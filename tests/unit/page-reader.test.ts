import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOMParser, NodeFilter } from 'linkedom';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { nameFromTitle, readProfile } from '@/utils/page-reader';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/in');

// The reader runs on the page's `document`; linkedom stands in for it here.
beforeAll(() => {
  vi.stubGlobal('NodeFilter', NodeFilter);
});

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
const fixture = (file: string) => parse(readFileSync(join(FIXTURES, file), 'utf8'));
const page = (head: string, body = '<main></main>') =>
  parse(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);

describe('readProfile on saved LinkedIn pages', () => {
  it('a logged-in profile: the name from the top card, not the "(3)" of the title', () => {
    expect(readProfile(fixture('kenji-tanaka.html'), 'https://www.linkedin.com/in/kenji-tanaka/')).toEqual({
      key: 'kenji-tanaka',
      name: 'Kenji Tanaka',
      headline: 'Data Engineer at Kaizen Analytics',
      location: 'Osaka, Japan',
      photoUrl: 'https://media.licdn.com/dms/image/kenji-tanaka.jpg',
      profileUrl: 'https://www.linkedin.com/in/kenji-tanaka/',
    });
  });

  it('a logged-in profile reached through a locale host and a details URL', () => {
    expect(
      readProfile(fixture('amara-okafor.html'), 'https://ng.linkedin.com/in/Amara-Okafor/details/experience/?trk=x'),
    ).toEqual({
      key: 'amara-okafor',
      name: 'Amara Okafor',
      headline: 'Founder at Lagos Growth Studio',
      location: 'Lagos, Nigeria',
      photoUrl: 'https://media.licdn.com/dms/image/amara-okafor.jpg',
      profileUrl: 'https://www.linkedin.com/in/amara-okafor/',
    });
  });

  it('a logged-in profile with a name in Chinese characters and a "(12)" title', () => {
    expect(readProfile(fixture('zhang-wei.html'), 'https://www.linkedin.com/in/zhang-wei/')).toMatchObject({
      key: 'zhang-wei',
      name: '张伟',
      headline: 'Product Manager at Shenzhen Robotics',
      location: 'Shenzhen, China',
      photoUrl: 'https://media.licdn.com/dms/image/zhang-wei.jpg',
    });
  });

  it('a logged-out public profile: no h1, read from JSON-LD', () => {
    const url = 'https://es.linkedin.com/in/luc%C3%ADa-fern%C3%A1ndez';
    expect(readProfile(fixture('luc%C3%ADa-fern%C3%A1ndez.html'), url)).toEqual({
      key: 'lucía-fernández',
      name: 'Lucía Fernández',
      headline: 'Diseñadora de servicios en Madrid Digital',
      location: 'Madrid, España',
      photoUrl: 'https://media.licdn.com/dms/image/lucia.jpg',
      profileUrl: 'https://www.linkedin.com/in/luc%C3%ADa-fern%C3%A1ndez/',
    });
  });

  it('a page LinkedIn changed (no h1, an empty main, a bare title): nothing made up, the user types the name', () => {
    expect(readProfile(fixture('broken-page.html'), 'https://www.linkedin.com/in/broken-page/')).toEqual({
      key: 'broken-page',
      name: '',
      headline: '',
      location: '',
      photoUrl: '',
      profileUrl: 'https://www.linkedin.com/in/broken-page/',
    });
  });

  it('reads nothing off a page that is no profile', () => {
    expect(readProfile(fixture('kenji-tanaka.html'), 'https://www.linkedin.com/feed/')).toBeNull();
    expect(readProfile(fixture('kenji-tanaka.html'), 'https://www.linkedin.com/company/acme/')).toBeNull();
  });
});

describe('readProfile when parts of the page are missing', () => {
  const url = 'https://www.linkedin.com/in/kenji-tanaka/';

  it('falls back to the title, without the "(12) " of unread notifications', () => {
    expect(readProfile(page('<title>(12) Kenji Tanaka | LinkedIn</title>'), url)?.name).toBe('Kenji Tanaka');
    expect(readProfile(page('<title>(99+) Kenji Tanaka | LinkedIn</title>'), url)?.name).toBe('Kenji Tanaka');
  });

  it('takes the name from og:title alone, without the headline after it', () => {
    const doc = page('<meta property="og:title" content="Kenji Tanaka - Data Engineer at Kaizen Analytics | LinkedIn">');
    expect(readProfile(doc, url)).toMatchObject({ name: 'Kenji Tanaka', headline: '' });
  });

  it('prefers og:title to the title, and the h1 to both', () => {
    const head =
      '<title>(3) LinkedIn</title><meta property="og:title" content="Kenji Tanaka – Osaka | LinkedIn">';
    expect(readProfile(page(head), url)?.name).toBe('Kenji Tanaka');
    expect(readProfile(page(head, '<main><section><h1> Kenji\n  Tanaka </h1></section></main>'), url)?.name).toBe(
      'Kenji Tanaka',
    );
  });

  it('skips a broken JSON-LD block and reads the next one', () => {
    const head =
      '<script type="application/ld+json">{not json</script>' +
      '<script type="application/ld+json">{"@type":"Person","name":"Kenji Tanaka","jobTitle":"Data Engineer","image":"https://media.licdn.com/k.jpg"}</script>';
    expect(readProfile(page(head), url)).toMatchObject({
      name: 'Kenji Tanaka',
      headline: 'Data Engineer',
      photoUrl: 'https://media.licdn.com/k.jpg',
    });
  });

  it('reads a headline that is not in a known class from the text after the name, skipping buttons and links', () => {
    const body =
      '<main><section><div><h1>Kenji Tanaka</h1></div><button>Follow</button><a href="/x">Contact info</a>' +
      '<span aria-hidden="true">·</span><div>Data Engineer at Kaizen</div></section></main>';
    expect(readProfile(page('', body), url)?.headline).toBe('Data Engineer at Kaizen');
  });

  it('ignores an h1 outside main, and a photo that is not https', () => {
    const body =
      '<header><h1>LinkedIn</h1></header><main><section><img src="http://media.licdn.com/k.jpg"><h1>Kenji Tanaka</h1></section></main>';
    expect(readProfile(page('', body), url)).toMatchObject({ name: 'Kenji Tanaka', photoUrl: '' });
  });

  it('a bare "LinkedIn" title is not a name', () => {
    expect(readProfile(page('<title>LinkedIn</title>'), url)?.name).toBe('');
    expect(readProfile(page('<title>(4) LinkedIn</title>'), url)?.name).toBe('');
  });
});

describe('nameFromTitle', () => {
  it.each([
    ['Kenji Tanaka | LinkedIn', 'Kenji Tanaka'],
    ['(3) Kenji Tanaka | LinkedIn', 'Kenji Tanaka'],
    ['Kenji Tanaka - Data Engineer - Acme | LinkedIn', 'Kenji Tanaka'],
    ['Lucía Fernández – Madrid Digital | LinkedIn', 'Lucía Fernández'],
    ['Jean-Luc Picard | LinkedIn', 'Jean-Luc Picard'],
    ['LinkedIn', ''],
    ['', ''],
  ])('%j → %j', (title, name) => {
    expect(nameFromTitle(title)).toBe(name);
  });
});
