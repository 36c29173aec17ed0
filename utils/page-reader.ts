import type { PageFields } from './db';
import { profileKeyFromUrl, profileUrlFromKey } from './profile-key';

/** What the content script tells the sidebar about the profile on screen. */
export interface PageProfile extends PageFields {
  key: string;
}

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

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
  jobTitle?: string | string[];
  description?: string;
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

/** The top card: the `h1` inside `main`, and the blocks of text that follow it. */
function topCard(doc: Document) {
  const heading = doc.querySelector('main h1');
  const card = heading?.closest('section') ?? heading?.parentElement?.parentElement;
  const texts: string[] = [];
  if (heading && card) {
    const walker = doc.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    let passedHeading = false;
    for (let node = walker.nextNode(); node && texts.length < 6; node = walker.nextNode()) {
      if (heading.contains(node)) passedHeading = true;
      else if (passedHeading && !node.parentElement?.closest('button, a, script, style, [aria-hidden="true"]')) {
        const text = clean(node.textContent);
        if (text.length > 1) texts.push(text);
      }
    }
  }
  return { name: clean(heading?.textContent), card, texts };
}

/**
 * Reads a profile from the page, anchored on structure and meaning (the `h1` in `main`, JSON-LD,
 * Open Graph, the title) rather than LinkedIn's generated class names. Empty strings when unknown.
 */
export function readProfile(doc: Document, url: string): PageProfile | null {
  const key = profileKeyFromUrl(url);
  if (!key) return null;
  const top = topCard(doc);
  const person = jsonLdPerson(doc);
  const name = top.name || clean(person?.name) || nameFromTitle(meta(doc, 'og:title')) || nameFromTitle(doc.title);
  const jobTitle = Array.isArray(person?.jobTitle) ? person.jobTitle[0] : person?.jobTitle;
  const headline =
    clean(top.card?.querySelector('.text-body-medium')?.textContent) || top.texts[0] || clean(jobTitle);
  const location =
    clean(top.card?.querySelector('.text-body-small:not(a *)')?.textContent) ||
    clean(person?.address?.addressLocality);
  const image = typeof person?.image === 'string' ? person.image : person?.image?.contentUrl;
  const photo = top.card?.querySelector<HTMLImageElement>('img[src^="https://"]')?.src;
  return {
    key,
    name,
    headline,
    location,
    photoUrl: clean(photo || image || meta(doc, 'og:image')),
    profileUrl: profileUrlFromKey(key),
  };
}
