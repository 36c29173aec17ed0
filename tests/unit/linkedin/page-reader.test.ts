import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { nameFromTitle, nameHeading, pageRendered, readProfile, showsPerson, type PageProfile } from '@/utils/linkedin/page-reader';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/in');

// The reader runs on the page's `document`; happy-dom stands in for it here.
const window = new Window();
beforeAll(() => {
  vi.stubGlobal('NodeFilter', window.NodeFilter);
});

function parse(html: string): Document {
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
const fixture = (file: string) => parse(readFileSync(join(FIXTURES, file), 'utf8'));
const page = (head: string, body = '<main></main>') =>
  parse(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);

describe('readProfile on saved LinkedIn pages', () => {
  it('a logged-in profile: the name from the top card, not the "(3)" of the title', () => {
    expect(readProfile(fixture('kenji-tanaka.html'), 'https://www.linkedin.com/in/kenji-tanaka/')).toEqual({
      key: 'kenji-tanaka',
      kind: 'profile',
      name: 'Kenji Tanaka',
      headline: 'Data Engineer at Kaizen Analytics',
      location: 'Osaka, Japan',
      photoUrl: 'https://media.licdn.com/dms/image/kenji-tanaka.jpg',
      profileUrl: 'https://www.linkedin.com/in/kenji-tanaka/',
    });
  });

  it('a logged-in profile reached through a locale host; its details URL keeps the key and reads no card', () => {
    expect(
      readProfile(fixture('amara-okafor.html'), 'https://ng.linkedin.com/in/Amara-Okafor/details/experience/?trk=x'),
    ).toEqual({
      key: 'amara-okafor',
      kind: 'details',
      name: '',
      headline: '',
      location: '',
      photoUrl: '',
      profileUrl: 'https://www.linkedin.com/in/amara-okafor/',
    });
    expect(readProfile(fixture('amara-okafor.html'), 'https://ng.linkedin.com/in/Amara-Okafor/?trk=x')).toEqual({
      key: 'amara-okafor',
      kind: 'profile',
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

  it('a logged-out public profile: no h1; no headline shown, so none (JSON-LD job titles are no headline)', () => {
    const url = 'https://es.linkedin.com/in/luc%C3%ADa-fern%C3%A1ndez';
    expect(readProfile(fixture('luc%C3%ADa-fern%C3%A1ndez.html'), url)).toEqual({
      key: 'lucía-fernández',
      kind: 'profile',
      name: 'Lucía Fernández',
      headline: '',
      location: 'Madrid, España',
      photoUrl: 'https://media.licdn.com/dms/image/lucia.jpg',
      profileUrl: 'https://www.linkedin.com/in/luc%C3%ADa-fern%C3%A1ndez/',
    });
  });

  it('a page LinkedIn changed (no h1, an empty main, a bare title): nothing made up, the user types the name', () => {
    expect(readProfile(fixture('broken-page.html'), 'https://www.linkedin.com/in/broken-page/')).toEqual({
      key: 'broken-page',
      kind: 'profile',
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
      headline: '',
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
      '<header><h1>LinkedIn</h1></header><main><section><img src="http://media.licdn.com/k.jpg" alt="Kenji Tanaka"><h1>Kenji Tanaka</h1></section></main>';
    expect(readProfile(page('', body), url)).toMatchObject({ name: 'Kenji Tanaka', photoUrl: '' });
  });

  it('a "Page not found" page is no profile, whatever its headings say', () => {
    const doc = page('<title>Page not found | LinkedIn</title>', '<main><h2>Not found</h2></main>');
    expect(readProfile(doc, url)).toMatchObject({ kind: 'not-found', name: '' });
    const spanish = page('<title>Página no encontrada | LinkedIn</title>', '<main><h1>Esta página no existe</h1></main>');
    expect(readProfile(spanish, url)).toMatchObject({ kind: 'not-found', name: '' });
  });

  it('a profile whose posts say "could not be found" or "no existe" is still a profile', () => {
    const body =
      '<main><section><h1>Kenji Tanaka</h1><div class="text-body-medium">Data Engineer</div></section>' +
      '<section><h2>Activity</h2><h3>The bug that could not be found</h3><h3>El fracaso no existe</h3></section></main>';
    expect(readProfile(page('<title>Kenji Tanaka | LinkedIn</title>', body), url)).toMatchObject({
      kind: 'profile',
      name: 'Kenji Tanaka',
      headline: 'Data Engineer',
    });
  });

  it('a card with LinkedIn’s classes but no headline: no headline, rather than the place as one', () => {
    const body =
      '<main><section><h1>Kenji Tanaka</h1><span class="text-body-small">(He/Him)</span>' +
      '<div class="mt2"><span class="text-body-small inline">Osaka, Japan</span></div></section></main>';
    expect(readProfile(page('<title>Kenji Tanaka | LinkedIn</title>', body), url)).toMatchObject({
      headline: '',
      location: 'Osaka, Japan',
    });
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

const MEMBER_ID = 'ACoAAB7yT0sBcQ9vKs2mP4nLrW8eZ1uHdJfXg';
const PRIYA = {
  key: 'priya-raman',
  kind: 'profile',
  name: 'Priya Raman',
  headline: 'Staff Product Designer · Accessibility and design systems',
  location: 'Toronto, Ontario, Canada',
  photoUrl: 'https://media.licdn.com/dms/image/v2/D4E03AQpriya/profile-displayphoto-shrink_200_200/0/1690000000000',
  profileUrl: 'https://www.linkedin.com/in/priya-raman/',
} satisfies PageProfile;
const nobody = (key: string, kind: PageProfile['kind']): PageProfile => ({
  key,
  kind,
  name: '',
  headline: '',
  location: '',
  photoUrl: '',
  profileUrl: `https://www.linkedin.com/in/${encodeURIComponent(key)}/`,
});

// Each saved shape of a LinkedIn page, and exactly what the reader must return on it: the right
// value or an empty one. `toEqual` fails on any wrong value as much as on a missing right one.
const CORPUS: Array<[string, string, string, PageProfile]> = [
  [
    'logged-in 2024: pronouns, degree and company button before the location; a banner first',
    'priya-raman.html',
    'https://www.linkedin.com/in/priya-raman/',
    PRIYA,
  ],
  [
    'logged-in 2023 (pv-text-details): "Talks about", 1st degree, open-to-work photo, a slash in the headline',
    'tomasz-nowak.html',
    'https://www.linkedin.com/in/tomasz-nowak/',
    {
      key: 'tomasz-nowak',
      kind: 'profile',
      name: 'Tomasz Nowak',
      headline: 'Platform Engineer / SRE at Vistula Cloud',
      location: 'Kraków, Małopolskie, Poland',
      photoUrl: 'https://media.licdn.com/dms/image/D4D35AQtomasz/profile-framedphoto-shrink_200_200/0/1660000000000',
      profileUrl: 'https://www.linkedin.com/in/tomasz-nowak/',
    },
  ],
  [
    'logged-in 2024 without a photo: neither the silhouette nor the company logo; digits in the headline',
    'grace-mensah.html',
    'https://www.linkedin.com/in/grace-mensah/',
    {
      key: 'grace-mensah',
      kind: 'profile',
      name: 'Grace Mensah',
      headline: 'Grid engineer at Helios Energy | 2x founder | Top 100 Women in Energy 2024',
      location: 'Accra, Greater Accra Region, Ghana',
      photoUrl: '',
      profileUrl: 'https://www.linkedin.com/in/grace-mensah/',
    },
  ],
  [
    'logged-out 2024 behind a sign-in modal (main aria-hidden): the headline shown, the photo not the cover',
    'luca-bianchi.html',
    'https://it.linkedin.com/in/luca-bianchi?trk=public_profile_browsemap',
    {
      key: 'luca-bianchi',
      kind: 'profile',
      name: 'Luca Bianchi',
      headline: 'Landscape architect designing climate-resilient public spaces',
      location: 'Milan, Lombardy, Italy',
      photoUrl: 'https://media.licdn.com/dms/image/v2/D4D03AQluca/profile-displayphoto-shrink_200_200/0/1680000000000',
      profileUrl: 'https://www.linkedin.com/in/luca-bianchi/',
    },
  ],
  [
    'early 2026: the name in an h2, no class hints, pronouns and the badge as plain lines',
    'hana-sato.html',
    'https://www.linkedin.com/in/hana-sato/',
    {
      key: 'hana-sato',
      kind: 'profile',
      name: 'Hana Sato',
      headline: 'Robotics researcher, human–robot interaction',
      location: 'Kyoto, Kyoto, Japan',
      photoUrl: 'https://media.licdn.com/dms/image/v2/D5603AQhana/profile-displayphoto-crop_800_800/0/1760000000001',
      profileUrl: 'https://www.linkedin.com/in/hana-sato/',
    },
  ],
  [
    'LinkedIn Lite at /mwlite/in/',
    'daniel-okoro.mwlite.html',
    'https://www.linkedin.com/mwlite/in/daniel-okoro',
    {
      key: 'daniel-okoro',
      kind: 'profile',
      name: 'Daniel Okoro',
      headline: 'Agritech product lead',
      location: 'Abuja, Federal Capital Territory, Nigeria',
      photoUrl: 'https://media.licdn.com/dms/image/v2/D4D03AQdaniel/profile-displayphoto-shrink_100_100/0/1',
      profileUrl: 'https://www.linkedin.com/in/daniel-okoro/',
    },
  ],
  [
    'a member-id URL whose page shows the vanity: the vanity key, the member id as its alias',
    `${MEMBER_ID}.html`,
    `https://www.linkedin.com/in/${MEMBER_ID}/`,
    { ...PRIYA, memberId: MEMBER_ID },
  ],
  [
    'a details sub-page: the person of the URL, no card read',
    'priya-raman.details.html',
    'https://www.linkedin.com/in/priya-raman/details/experience/',
    nobody('priya-raman', 'details'),
  ],
  ['Profile Not Found', 'no-such-person.html', 'https://www.linkedin.com/in/no-such-person/', nobody('no-such-person', 'not-found')],
  ['the guest homepage at a profile URL', 'ines-duarte.html', 'https://www.linkedin.com/in/ines-duarte/', nobody('ines-duarte', 'guest')],
  ['the sign-in wall at a profile URL', 'kofi-boateng.html', 'https://www.linkedin.com/in/kofi-boateng/', nobody('kofi-boateng', 'signin-wall')],
];

// LinkedIn's media URLs as the fixtures write them: `<token>/<variant>/0/1760000000000?…`.
const media = (token: string, variant: string) =>
  `https://media.licdn.com/dms/image/v2/${token}/${variant}/0/1760000000000?e=1790000000&v=beta&t=${token.slice(7)}`;
const person = (key: string, fields: Omit<PageProfile, 'key' | 'kind' | 'profileUrl'>): PageProfile => ({
  key,
  kind: 'profile',
  ...fields,
  profileUrl: `https://www.linkedin.com/in/${key}/`,
});

// The server-driven profile page LinkedIn serves many members since spring 2026 (tests/fixtures/in/README.md).
const SERVER_DRIVEN: Array<[string, string, PageProfile]> = [
  [
    'April 2026, in Spanish, 2nd degree: a "·" inside the headline; the place, not "company · school"; the 800 px photo',
    'camila-rojas',
    person('camila-rojas', {
      name: 'Camila Rojas',
      headline: 'Consultora de marketing digital para pymes · Fundadora de Rojas & Co.',
      location: 'Santiago, Región Metropolitana de Santiago, Chile',
      photoUrl: media('D4E03AQcamila', 'profile-displayphoto-shrink_800_800'),
    }),
  ],
  [
    'August 2026, in Spanish: "Contenido principal", the photo in a link, 1st degree',
    'diego-fernandez-soto',
    person('diego-fernandez-soto', {
      name: 'Diego Fernández Soto',
      headline: 'Ingeniero de datos en Banco Andino | Python, dbt y Airflow',
      location: 'Bogotá, Distrito Capital, Colombia',
      photoUrl: media('D4E03AQdiego', 'profile-displayphoto-crop_800_800'),
    }),
  ],
  [
    'pronouns after the name; a 200 px photo without srcset',
    'olivia-bennett',
    person('olivia-bennett', {
      name: 'Olivia Bennett',
      headline: 'Head of People at Brightline Health · Coach for first-time managers',
      location: 'Leeds, England, United Kingdom',
      photoUrl: media('D4E03AQolivia', 'profile-displayphoto-shrink_200_200'),
    }),
  ],
  [
    'March 2026 without a photo: no placeholder, no banner, no company logo; "Contact info" links to "#"',
    'marcus-lee',
    person('marcus-lee', {
      name: 'Marcus Lee',
      headline: 'Warehouse operations lead turning night shifts into data',
      location: 'Oakland, California, United States',
      photoUrl: '',
    }),
  ],
  [
    'Polish interface, 3rd degree ("· 3."), open-to-work frame offered up to 500w, company only',
    'ewa-kowalczyk',
    person('ewa-kowalczyk', {
      name: 'Ewa Kowalczyk',
      headline: 'Analityczka danych | SQL, Power BI | Szukam pracy w Krakowie',
      location: 'Kraków, Województwo małopolskie, Polska',
      photoUrl: media('D4E35AQewa', 'profile-framedphoto-shrink_800_800'),
    }),
  ],
  [
    'a name and a long headline in Japanese, a verification mark',
    'haruka-mori',
    person('haruka-mori', {
      name: '森 遥',
      headline:
        '東京を拠点とするサステナビリティ・コンサルタント｜製造業の脱炭素化とサプライチェーンの可視化を支援｜元大手自動車メーカー調達部門｜気候変動とビジネスの橋渡し役として、中小企業の皆さまと一緒に現実的な移行計画を作っています｜講演・執筆のご相談はメッセージでどうぞ',
      location: '東京都 港区, 日本',
      photoUrl: media('D4E03AQharuka', 'profile-displayphoto-crop_800_800'),
    }),
  ],
  [
    'a Premium badge and "Visit my website"',
    'rahul-mehta',
    person('rahul-mehta', {
      name: 'Rahul Mehta',
      headline: 'Founder, Chai & Code · Helping small teams ship their first product',
      location: 'Pune, Maharashtra, India',
      photoUrl: media('D4E03AQrahul', 'profile-displayphoto-shrink_800_800'),
    }),
  ],
  [
    'the degree lines in the other order, a two-word first name in the verification mark',
    'ana-paula-souza',
    person('ana-paula-souza', {
      name: 'Ana Paula Souza',
      headline: 'Product designer | Accessibility advocate',
      location: 'São Paulo, São Paulo, Brazil',
      photoUrl: media('D4E03AQanapaula', 'profile-displayphoto-crop_800_800'),
    }),
  ],
  [
    'reached from the feed: the feed’s title still comes first in the head',
    'amir-haddad',
    person('amir-haddad', {
      name: 'Amir Haddad',
      headline: 'CFO for hire · Fractional finance for seed-stage startups',
      location: 'Dubai, United Arab Emirates',
      photoUrl: media('D4E03AQamir', 'profile-displayphoto-crop_800_800'),
    }),
  ],
];

describe('readProfile on the server-driven profile page (2026): the exact value of every field', () => {
  it.each(SERVER_DRIVEN)('%s', (_shape, key, expected) => {
    expect(readProfile(fixture(`${key}.html`), `https://www.linkedin.com/in/${key}/`)).toEqual(expected);
  });

  it('reads the person, never the viewer: the navigation’s photo and the sticky header are outside the card', () => {
    const doc = fixture('camila-rojas.html');
    expect(doc.querySelector('header img')?.getAttribute('src')).toContain('AQviewer/');
    expect(readProfile(doc, 'https://www.linkedin.com/in/camila-rojas/')?.photoUrl).not.toContain('viewer');
  });

  it('a shell that has not rendered (title "LinkedIn", an empty screen) names nobody and reads nothing', () => {
    const doc = fixture('lena-vogel.html');
    expect(pageRendered(doc)).toBe(false);
    expect(readProfile(doc, 'https://www.linkedin.com/in/lena-vogel/')).toEqual(nobody('lena-vogel', 'profile'));
    expect(pageRendered(fixture('camila-rojas.html'))).toBe(true);
    expect(pageRendered(fixture('kenji-tanaka.html'))).toBe(true);
  });

  it('the slow page’s shell is read only once its card is there', () => {
    const doc = fixture('sven-lindqvist.html');
    expect(pageRendered(doc)).toBe(false);
    const screen = doc.querySelector('[data-sdui-screen]')!;
    screen.append((doc.getElementById('fixture-late-render') as HTMLTemplateElement).content.cloneNode(true));
    for (const title of doc.querySelectorAll('title')) title.textContent = 'Sven Lindqvist | LinkedIn';
    expect(pageRendered(doc)).toBe(true);
    expect(readProfile(doc, 'https://www.linkedin.com/in/sven-lindqvist/')).toEqual(
      person('sven-lindqvist', {
        name: 'Sven Lindqvist',
        headline: 'Electrical engineer building heat pumps for Nordic winters',
        location: 'Stockholm, Stockholm County, Sweden',
        photoUrl: media('D4E03AQsven', 'profile-displayphoto-shrink_800_800'),
      }),
    );
  });

  it('the sign-in wall of 2026 at a profile URL is nobody, though it has a heading, a form and a "Profile photo"', () => {
    expect(readProfile(fixture('hugo-martin.html'), 'https://www.linkedin.com/in/hugo-martin/')).toEqual(nobody('hugo-martin', 'signin-wall'));
  });

  it.each([
    ['search.sdui.html', 'https://www.linkedin.com/search/results/people/?keywords=camila'],
    ['feed.sdui.html', 'https://www.linkedin.com/feed/'],
    ['jobs.sdui.html', 'https://www.linkedin.com/jobs/view/4100000001/'],
  ])('%s, full of people, is no profile', (file, url) => {
    const doc = parse(readFileSync(join(FIXTURES, '..', file), 'utf8'));
    expect(readProfile(doc, url)).toBeNull();
  });

  it('a new-markup top card whose heading is empty is not read from its title', () => {
    const doc = fixture('camila-rojas.html');
    doc.querySelector('section[componentkey*="Topcard"] h2')!.textContent = '';
    expect(readProfile(doc, 'https://www.linkedin.com/in/camila-rojas/')).toMatchObject({ name: '', headline: '', location: '' });
  });
});

describe('readProfile on the corpus of real page shapes: the right value or none, never a wrong one', () => {
  it.each(CORPUS)('%s', (_shape, file, url, expected) => {
    expect(readProfile(fixture(file), url)).toEqual(expected);
  });

  it('a search page is read as nobody', () => {
    const search = parse(readFileSync(join(FIXTURES, '../search.html'), 'utf8'));
    const url = 'https://www.linkedin.com/search/results/people/?keywords=priya';
    expect(readProfile(search, url)).toBeNull();
  });

  it('finds the name by meaning: the h2 the title names, not the hidden h1 of main', () => {
    expect(nameHeading(fixture('hana-sato.html'))?.tagName).toBe('H2');
    expect(nameHeading(fixture('priya-raman.html'))?.textContent).toBe('Priya Raman');
  });

  it('only profiles and details pages show their person', () => {
    expect(CORPUS.map(([, file, url]) => showsPerson(readProfile(fixture(file), url)!))).toEqual([
      ...Array<boolean>(8).fill(true),
      false,
      false,
      false,
    ]);
  });
});

describe('readProfile when the page and its head disagree', () => {
  const priya = () => readFileSync(join(FIXTURES, 'priya-raman.html'), 'utf8');

  it('a member-id URL whose page shows no vanity keeps the member id', () => {
    const html = priya().replaceAll('/in/priya-raman/', `/in/${MEMBER_ID}/`);
    expect(readProfile(parse(html), `https://www.linkedin.com/in/${MEMBER_ID}/`)).toEqual({
      ...PRIYA,
      key: MEMBER_ID,
      profileUrl: `https://www.linkedin.com/in/${MEMBER_ID}/`,
    });
  });

  it('a title not yet updated after in-page navigation names nobody, and its card is not read', () => {
    const html = priya().replace('<title>(3) Priya Raman | LinkedIn</title>', '<title>(3) Tomasz Nowak | LinkedIn</title>');
    expect(readProfile(parse(html), 'https://www.linkedin.com/in/priya-raman/')).toEqual({
      ...PRIYA,
      name: '',
      headline: '',
      location: '',
      photoUrl: '',
    });
  });

  it('structured data of the previous person (a head LinkedIn did not update) gives no photo, place or vanity', () => {
    const head =
      '<title>(3) Hana Sato | LinkedIn</title><meta property="og:title" content="Luca Bianchi | LinkedIn">' +
      '<meta property="og:image" content="https://media.licdn.com/luca.jpg"><link rel="canonical" href="https://www.linkedin.com/in/luca-bianchi">' +
      '<script type="application/ld+json">{"@type":"Person","name":"Luca Bianchi","image":"https://media.licdn.com/luca.jpg","address":{"addressLocality":"Milan"}}</script>';
    const body = '<main><section><h2>Hana Sato</h2><p class="text-body-medium">Robotics researcher</p></section></main>';
    expect(readProfile(page(head, body), `https://www.linkedin.com/in/${MEMBER_ID}/`)).toEqual({
      key: MEMBER_ID,
      kind: 'profile',
      name: 'Hana Sato',
      headline: 'Robotics researcher',
      location: '',
      photoUrl: '',
      profileUrl: `https://www.linkedin.com/in/${MEMBER_ID}/`,
    });
  });

  it('a person in "People also viewed" lends neither a photo nor a name', () => {
    const body =
      '<main><section><h1>Kenji Tanaka</h1></section><section><img src="https://media.licdn.com/a.jpg" alt="Kenji Tanaka Sr"></section></main>';
    expect(readProfile(page('', body), 'https://www.linkedin.com/in/kenji-tanaka/')?.photoUrl).toBe('');
  });
});
