/** A contact's identity: the `/in/<slug>` part of a LinkedIn profile URL, normalised. */
export type ProfileKey = string;

const LINKEDIN_HOST = /^([a-z0-9-]+\.)*linkedin\.com$/i;
/**
 * LinkedIn's member ids (`ACoAA…` in `/in/ACoAA…` links, `ACwAA…` in some exports) are
 * case-sensitive identifiers, unlike vanity slugs; a person has one and may also have a vanity.
 */
export const MEMBER_ID = /^AC[ow][A-Za-z0-9_-]{6,}$/;

/** Whether a profile key (or a raw `/in/` slug) is a member id rather than a vanity slug. */
export const isMemberId = (slug: string): boolean => MEMBER_ID.test(slug);

/**
 * One key for every URL shape of one person (locale and mobile hosts, query strings,
 * `/details/…`, `/overlay/…`, `/recent-activity/…`, trailing locale segments, percent-encoded
 * Unicode), or `null` when the URL is not a LinkedIn profile.
 */
export function profileKeyFromUrl(url: string | URL): ProfileKey | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (!LINKEDIN_HOST.test(parsed.hostname)) return null;
  const [section, rawSlug] = profilePath(parsed);
  if (section?.toLowerCase() !== 'in' || !rawSlug) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(rawSlug);
  } catch {
    return null;
  }
  slug = slug.normalize('NFC').trim();
  if (!slug || /[\s/?#]/.test(slug)) return null;
  const key = isMemberId(slug) ? slug : slug.toLowerCase();
  // Keys index plain objects across the extension: a key that names what every object has
  // (`__proto__`, `constructor`) would reach the prototype instead. No LinkedIn slug is one.
  return key in {} ? null : key;
}

// The path's segments, without the `/mwlite/` prefix of LinkedIn's light site.
function profilePath(url: URL): string[] {
  const segments = url.pathname.split('/').filter(Boolean);
  return segments[0]?.toLowerCase() === 'mwlite' ? segments.slice(1) : segments;
}

/**
 * `/in/<slug>/details/…` and `/in/<slug>/recent-activity/…`: pages of one person that show a list,
 * not the person's top card.
 */
export function isProfileSubpage(url: string | URL): boolean {
  if (!profileKeyFromUrl(url)) return false;
  const sub = profilePath(new URL(url))[2]?.toLowerCase();
  return sub === 'details' || sub === 'recent-activity';
}

/** The canonical profile URL for a key, for "Open profile" links and exports. */
export function profileUrlFromKey(key: ProfileKey): string {
  return `https://www.linkedin.com/in/${encodeURIComponent(key)}/`;
}
