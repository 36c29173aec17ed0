import type { PageFields } from '../core/schema';
import { isMemberId, isProfileSubpage, profileKeyFromUrl, profileUrlFromKey } from '../core/profile-key';

/**
 * The kinds of page found at a `/in/<slug>` URL. Only a `profile` shows a person's top card; a
 * `details` sub-page belongs to the person of its URL but shows no card; the others show nobody we
 * may read. Pages at other URLs (search, feed, jobs) are no profile at all: `readProfile` is null.
 */
export const PROFILE_PAGE_KINDS = ['profile', 'details', 'not-found', 'signin-wall', 'guest'] as const;
export type ProfilePageKind = (typeof PROFILE_PAGE_KINDS)[number];

/** What the content script tells the sidebar about the page on screen at a `/in/<slug>` URL. */
export interface PageProfile extends PageFields {
  /** The person's key: the vanity slug when the page shows it, even at a member-id URL. */
  key: string;
  /** Always set by the reader; absent means a profile. */
  kind?: ProfilePageKind;
  /** The member id of the URL, when the page showed that it belongs to `key`. */
  memberId?: string;
}

/** Whether the page shows its person (a profile or a details list), not a wall or a missing page. */
export const showsPerson = (profile: Pick<PageProfile, 'kind'>): boolean =>
  !profile.kind || profile.kind === 'profile' || profile.kind === 'details';

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const same = (a: string, b: string) => a !== '' && a.toLowerCase() === b.toLowerCase();

/** `(12) Kenji Tanaka | LinkedIn` and `Kenji Tanaka - Data Engineer - Acme | LinkedIn` → the name. */
export function nameFromTitle(title: string): string {
  const name = clean(
    title
      .replace(/^\(\d+\+?\)\s*/, '')
      .replace(/\s*\|\s*LinkedIn\s*$/i, '')
      .split(/\s[-–|]\s/)[0],
  );
  // A page still loading, or one LinkedIn changed, is titled just "LinkedIn": no name there.
  return /^linkedin$/i.test(name) ? '' : name;
}

interface JsonLdPerson {
  name?: string;
  image?: string | { contentUrl?: string };
  address?: { addressLocality?: string };
}

function jsonLdPerson(doc: Document): JsonLdPerson | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? '');
      const items = [data, ...((data as { '@graph'?: unknown[] })?.['@graph'] ?? [])].flat();
      const person = items.find((item) => (item as { '@type'?: string })?.['@type'] === 'Person');
      if (person) return person as JsonLdPerson;
    } catch {
      // Not our data: a broken block on the page is skipped.
    }
  }
  return undefined;
}

const meta = (doc: Document, property: string) =>
  clean(doc.querySelector(`meta[property="${property}"]`)?.getAttribute('content'));

// Lines of a top card that are about the viewer or the page, not the person's headline or place:
// pronouns, the degree badge (1st, 2nd, 3rd+, 2º, 3.), verification notes, topics and sign-in prompts.
const NOT_A_FIELD =
  /^\(?(s?he|they|ze|xe|[eé]l\S*|ella)\/\S+\)?$|^\W*[123]\S{0,3}$|degree connection|verificaci|^(view .*verifications|talks about|habla de|sign in|inicia ses|join\b)/i;
const SKIPPED = 'a,button,.visually-hidden,.a11y-text';
// LinkedIn's placeholder images (the grey silhouette) and its own page art, never a person's photo.
const isPhoto = (src: unknown): src is string =>
  typeof src === 'string' && src.startsWith('https://') && !/static\.licdn\.com|ghost/i.test(src);
const headings = (root: ParentNode) =>
  [...root.querySelectorAll('h1,h2,h3,[role="heading"]')].filter((heading) => !heading.closest('.visually-hidden,[role="dialog"]'));

/** The server-driven page's top card (2026): a section whose `componentkey` ends in "Topcard". */
export const topCard = (doc: Document): Element | null => doc.querySelector('section[componentkey*="Topcard"]');

/**
 * The heading that holds the person's name. On the server-driven page, the top card's heading.
 * Elsewhere LinkedIn has moved it (an `h1` in `main`, an `h2` since early 2026), so any heading
 * counts whose text is the name that a title, `og:title` or JSON-LD gives (after in-page navigation
 * a stale "Feed | LinkedIn" title may come first). Without such a name, the first heading of `main`.
 */
export function nameHeading(doc: Document): Element | null {
  const card = topCard(doc);
  const inCard = card && headings(card).find((heading) => clean(heading.textContent));
  if (inCard) return inCard;
  const titles = [...doc.querySelectorAll('title')].map((title) => nameFromTitle(title.textContent ?? ''));
  const names = [clean(jsonLdPerson(doc)?.name), nameFromTitle(meta(doc, 'og:title')), ...titles];
  const all = headings(doc);
  if (names.some(Boolean)) return all.find((heading) => names.some((name) => same(name, clean(heading.textContent)))) ?? null;
  return all.find((heading) => heading.closest('main')) ?? null;
}

/** Whether the page shows anything to read yet: a heading in `main`, or a top card. A shell shows neither. */
export const pageRendered = (doc: Document): boolean => !!(topCard(doc) || headings(doc).some((heading) => heading.closest('main')));

function profilePageKind(doc: Document, url: string): ProfilePageKind {
  if (isProfileSubpage(url)) return 'details';
  // The page's own heading: the first of `main` (a profile's posts below may say anything).
  const title = headings(doc).find((heading) => heading.closest('main'))?.textContent ?? '';
  if (
    doc.querySelector('[class*="page-not-found"]') ||
    /not found|no encontrad/i.test(doc.title) ||
    /could not be found|doesn.t exist|no se ha encontrado|no existe/i.test(title)
  ) {
    return 'not-found';
  }
  // Public profiles carry JSON-LD, and a sign-in modal over them: the person comes first.
  if (jsonLdPerson(doc)) return 'profile';
  if (/welcome to your professional community|te damos la bienvenida/i.test(title)) return 'guest';
  const wall = 'input[name="session_key"],[class*="authwall"],form[action*="/signup/"],meta[name="pageKey"][content*="auth_wall"]';
  return doc.querySelector(wall) ? 'signin-wall' : 'profile';
}

/** The person's top card: the section around the name. */
const cardOf = (heading: Element) => heading.closest('section') ?? heading.parentElement?.parentElement ?? heading;

/** The lines of text after the name in the top card, skipping controls, pronouns and badges. */
function cardLines(heading: Element): Element[] {
  const card = cardOf(heading);
  const lines: Element[] = [];
  const walker = heading.ownerDocument.createTreeWalker(card, NodeFilter.SHOW_TEXT);
  let passed = false;
  for (let node = walker.nextNode(); node && lines.length < 8; node = walker.nextNode()) {
    const element = node.parentElement!;
    const text = clean(node.textContent);
    // A sign-in modal hides all of `main` from assistive tech: only what the card hides is skipped.
    const hidden = element.closest('[aria-hidden="true"]');
    if (heading.contains(node)) passed = true;
    else if (passed && !element.closest(SKIPPED) && (!hidden || hidden.contains(card)) && text.length > 1) {
      if (!NOT_A_FIELD.test(text)) lines.push(element);
    }
  }
  return lines;
}

// `Node.compareDocumentPosition` flags, written out: the reader also runs where `Node` is no global.
const PRECEDING = 2;
const FOLLOWING = 4;

/** An image's largest variant: the widest `srcset` candidate, else its `src`. */
function largest(image: Element): string | null {
  let best: [number, string] = [0, image.getAttribute('src') || image.getAttribute('data-delayed-url') || ''];
  for (const [, url, width] of (image.getAttribute('srcset') ?? '').matchAll(/(\S+)\s+(\d+)w/g)) {
    if (Number(width) > best[0]) best = [Number(width), url!];
  }
  return best[1];
}

/**
 * The person's photo in their card. Classic pages name the person in its alt text; the
 * server-driven page leaves alt empty, so there it is a member photo (`profile-displayphoto`,
 * `-framedphoto`) placed before the name: the mutual connections' photos come after it, and the
 * banner, logos and the viewer's own photo in the navigation are other images or outside the card.
 */
function cardPhoto(heading: Element, name: string): string | undefined {
  let placed: string | undefined;
  for (const image of cardOf(heading).querySelectorAll('img')) {
    const label = clean(['alt', 'aria-label', 'title'].map((name) => image.getAttribute(name)).join(' '));
    const src = largest(image);
    if (!isPhoto(src)) continue;
    if (label.toLowerCase().includes(name.toLowerCase())) return src;
    const before = heading.compareDocumentPosition(image) & PRECEDING;
    if (before && !label && /profile-(display|framed)photo/.test(src)) placed ??= src;
  }
  return placed;
}

/**
 * The "Contact info" link after the name, in any language: by its address, or (where the address
 * is "#") as the link that follows the "·" after the location.
 */
function contactLink(heading: Element): Element | undefined {
  return [...cardOf(heading).querySelectorAll('a')].find((link) => {
    if (!(heading.compareDocumentPosition(link) & FOLLOWING)) return false;
    const block = link.parentElement?.tagName === 'P' ? link.parentElement : link;
    return /\/overlay\/contact-info/.test(link.getAttribute('href') ?? '') || clean(block.previousElementSibling?.textContent) === '·';
  });
}

/** At a member-id URL, the vanity key the page shows for this same person, if any. */
function vanityKey(doc: Document, url: string, heading: Element | null, metaIsLive: boolean): string | null {
  const links = [
    heading?.closest('a')?.getAttribute('href'),
    doc.querySelector('main a[href*="/overlay/contact-info"]')?.getAttribute('href'),
    // The head is not updated on in-page navigation: trust it only when it names the person shown.
    metaIsLive ? doc.querySelector('link[rel="canonical"]')?.getAttribute('href') : null,
    metaIsLive ? meta(doc, 'og:url') : null,
  ];
  for (const href of links) {
    const key = href ? profileKeyFromUrl(new URL(href, url)) : null;
    if (key && !isMemberId(key)) return key;
  }
  return null;
}

/**
 * Reads what a `/in/<slug>` page shows of its person, by meaning rather than by one selector: the
 * page's kind first, then the top card around the heading that holds the name. A field the reader
 * is unsure of stays empty: a wrong value is worse than none. `null` when the URL is no profile.
 */
export function readProfile(doc: Document, url: string): PageProfile | null {
  const urlKey = profileKeyFromUrl(url);
  if (!urlKey) return null;
  const kind = profilePageKind(doc, url);
  const empty = { key: urlKey, kind, name: '', headline: '', location: '', photoUrl: '', profileUrl: profileUrlFromKey(urlKey) };
  if (kind !== 'profile') return empty;

  const heading = nameHeading(doc);
  const person = jsonLdPerson(doc);
  const ogName = nameFromTitle(meta(doc, 'og:title'));
  // No heading names the person: before the card renders, structured data does; once a card shows
  // someone the title does not name (a title not yet updated), nobody is named.
  const rendered = headings(doc).some((element) => element.closest('main section'));
  const name = heading
    ? clean(heading.textContent)
    : rendered
      ? ''
      : clean(person?.name) || ogName || nameFromTitle(doc.title);
  // The head is not updated on in-page navigation: its data counts only when it names this person.
  const jsonLdIsLive = same(clean(person?.name), name);
  const ogIsLive = same(ogName, name);

  const lines = heading ? cardLines(heading) : [];
  // LinkedIn's classes, when present, tell the headline from the place; otherwise the order does.
  const hinted = (line: Element | undefined, selector: string) => !!line?.closest(selector);
  const HEADLINE = '[class*="headline"],[class*="text-body-medium"]';
  const PLACE = '[class*="text-body-small"],[class*="subline"],[class*="location"]';
  const known = lines.some((line) => hinted(line, `${HEADLINE},${PLACE}`));
  // -1 when the card has LinkedIn's classes but no headline: none, and the place may come first.
  const at = known ? lines.findIndex((line) => hinted(line, HEADLINE)) : 0;
  const link = heading && !known ? contactLink(heading) : undefined;
  // Without the classes, the place is the line just before "Contact info", in the same block: never
  // the "company · school" line above it, which shares its block with the headline.
  const beside = (line: Element) =>
    !!link && !!line.parentElement?.contains(link) && !line.parentElement.contains(lines[at] ?? heading) &&
    !!(line.compareDocumentPosition(link) & FOLLOWING);
  const after = lines.slice(at + 1).filter((line) => !/\d/.test(line.textContent!));
  const place = known ? after.find((line) => hinted(line, PLACE)) : after.findLast(beside);
  const image = typeof person?.image === 'string' ? person.image : person?.image?.contentUrl;
  const photos = [heading && cardPhoto(heading, name), jsonLdIsLive && image, ogIsLive && meta(doc, 'og:image')];

  const vanity = isMemberId(urlKey) ? vanityKey(doc, url, heading, jsonLdIsLive || ogIsLive) : null;
  const key = vanity ?? urlKey;
  return {
    ...empty,
    key,
    name,
    headline: clean(lines[at]?.textContent),
    location: clean(place?.textContent) || (jsonLdIsLive ? clean(person?.address?.addressLocality) : ''),
    photoUrl: photos.find(isPhoto) ?? '',
    profileUrl: profileUrlFromKey(key),
    ...(vanity ? { memberId: urlKey } : {}),
  };
}
