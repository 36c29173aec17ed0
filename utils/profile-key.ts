/** A contact's identity: the `/in/<slug>` part of a LinkedIn profile URL, normalised. */
export type ProfileKey = string;

const LINKEDIN_HOST = /^([a-z0-9-]+\.)*linkedin\.com$/i;
// Member-id URLs (`/in/ACoAA…`) are case-sensitive identifiers, unlike vanity slugs.
const MEMBER_ID = /^ACo[A-Za-z0-9_-]{6,}$/;

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
  const [section, rawSlug] = parsed.pathname.split('/').filter(Boolean);
  if (section?.toLowerCase() !== 'in' || !rawSlug) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(rawSlug);
  } catch {
    return null;
  }
  slug = slug.normalize('NFC').trim();
  if (!slug || /[\s/?#]/.test(slug)) return null;
  return MEMBER_ID.test(slug) ? slug : slug.toLowerCase();
}

/** The canonical profile URL for a key, for "Open profile" links and exports. */
export function profileUrlFromKey(key: ProfileKey): string {
  return `https://www.linkedin.com/in/${encodeURIComponent(key)}/`;
}
