import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isProfileQuery, type PageMessage } from '@/utils/linkedin/page-messages';
import { nameHeading, pageRendered, readProfile, type PageProfile } from '@/utils/linkedin/page-reader';
import { pageShape } from '@/utils/linkedin/page-shape';
import { HEADING_WAIT_MS, LATE_READ_MS, SHELL_WAIT_MS } from '@/utils/linkedin/page-timing';
import { isProfileSubpage, profileKeyFromUrl } from '@/utils/core/profile-key';
import { SIDEBAR_COLLAPSED_KEY, SIDEBAR_PLACE_KEY, sidebarFrameStyle, sidebarPlaceOf, type SidebarPlace } from '@/utils/linkedin/sidebar-frame';


/**
 * Tiny on purpose: it finds which profile is on screen, reads what the page shows of that person
 * and, in the in-page mode only, places the sidebar frame. No notes, no database and no React ever
 * load into LinkedIn's page; in side panel mode it adds nothing at all to the page.
 */
export default defineContentScript({
  matches: ['https://*.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    try {
      watchProfiles(ctx);
    } catch {
      // Never throw into LinkedIn's page.
    }
  },
});

function watchProfiles(ctx: ContentScriptContext) {
  let frame: HTMLIFrameElement | null = null;
  let collapsed = false;
  // Unknown until storage answers: no frame is placed before the user's choice is known.
  let place: SidebarPlace | undefined;
  let announced: PageProfile | null = null;
  // The URL's own key of what was announced (a member-id URL announces the vanity key it shows).
  let announcedFor: string | null = null;
  // Set while a newly opened profile waits for its heading; `heading` is what was on screen before.
  let pending: { since: number; heading: Element | null; name: string; initial: boolean } | null = null;
  let lastHref = '';
  // The person's heading as last seen under `lastHref`: when the URL changes, LinkedIn may render
  // the next person before this script looks, and this is what the previous person looked like.
  let seen: { heading: Element | null; name: string } = { heading: null, name: '' };

  const applyStyle = () => frame && Object.assign(frame.style, sidebarFrameStyle(collapsed));
  const mainHeading = () => nameHeading(document);
  const headingName = (heading: Element | null) => heading?.textContent?.trim() ?? '';

  function mountFrame() {
    if (place !== 'page' || frame?.isConnected) return;
    frame ??= document.createElement('iframe');
    frame.src = browser.runtime.getURL('/sidebar.html');
    // The introductions' "Ask" and "Introduce" copy a message; without this Chrome refuses a frame
    // the clipboard. Any origin: Chrome loads the page at a per-session URL, not `src`'s.
    frame.allow = 'clipboard-write *';
    // The plain API, not the i18n helper: every byte here loads into each LinkedIn page.
    frame.title = browser.i18n.getMessage('sidebar_frameTitle' as '@@ui_locale');
    applyStyle();
    document.body.append(frame);
  }

  function unmountFrame() {
    frame?.remove();
    frame = null;
  }

  function announce(profile: PageProfile | null) {
    announced = profile;
    announcedFor = profile && profileKeyFromUrl(location.href);
    const message: PageMessage = { type: 'profileChanged', profile };
    browser.runtime.sendMessage(message).catch(() => undefined);
  }

  function check() {
    const href = location.href;
    const key = profileKeyFromUrl(href);
    if (!key) {
      lastHref = href;
      seen = { heading: null, name: '' };
      pending = null;
      if (announced) announce(null);
      unmountFrame();
      return;
    }
    mountFrame();
    if (href === lastHref && !pending) {
      const heading = mainHeading();
      seen = { heading, name: headingName(heading) };
    }
    if (href !== lastHref) {
      const initial = lastHref === '';
      lastHref = href;
      // The same person again, unless a details list (which reads no card) gives way to the profile.
      if (announcedFor === key && !(announced?.kind === 'details' && !isProfileSubpage(href))) return;
      // In-page navigation changes the URL before LinkedIn renders the new person.
      pending = { since: Date.now(), ...(initial ? { heading: null, name: '' } : seen), initial };
      announced = announcedFor = null;
    }
    if (!pending) return;
    const heading = mainHeading();
    const name = headingName(heading);
    const renewed = name !== '' && (heading !== pending.heading || name !== pending.name);
    const timedOut = Date.now() - pending.since > (pageRendered(document) ? HEADING_WAIT_MS : SHELL_WAIT_MS);
    const profile = readProfile(document, href);
    // A first load without a heading (logged-out pages) is read from its structured data at once,
    // and a page that shows nobody (not found, a sign-in wall, a details list) needs no heading.
    const structured = pending.initial && document.querySelector('script[type="application/ld+json"], meta[property="og:title"]');
    if (!renewed && !timedOut && !structured && profile?.kind === 'profile') return;
    // A heading that never changed belongs to the previous person: let the user type the name.
    if (profile && !renewed && !pending.initial) profile.name = '';
    pending = null;
    seen = { heading, name };
    announce(profile);
    // One count per profile visit: read, or not (with the page's shape, which holds no text).
    if (profile?.kind === 'profile') {
      const read: PageMessage = { type: 'profileRead', readable: !!profile.name, shape: profile.name ? undefined : pageShape(document, profile.key) };
      browser.runtime.sendMessage(read).catch(() => undefined);
    }
    ctx.setTimeout(() => {
      if (!announced || announcedFor !== profileKeyFromUrl(location.href)) return;
      const later = readProfile(document, location.href);
      if (later && (['kind', 'key', 'headline', 'location', 'photoUrl'] as const).some((field) => later[field] !== announced![field])) {
        announce({ ...later, name: announced.name || later.name });
      }
    }, LATE_READ_MS);
  }

  const safeCheck = () => {
    try {
      check();
    } catch {
      // A page LinkedIn changed must not surface errors in its console.
    }
  };

  // Answered with `sendResponse`: Chrome's own `chrome` (no polyfill here) ignores a returned promise.
  const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => {
    if (isProfileQuery(message, sender, browser.runtime.id)) {
      sendResponse(announcedFor === profileKeyFromUrl(location.href) ? announced : null);
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    unmountFrame();
  });

  // Read straight from storage: the typed storage helpers would double this script's size.
  const setCollapsed = (value: unknown) => {
    collapsed = value === true;
    applyStyle();
  };
  const setPlace = (value: unknown) => {
    place = sidebarPlaceOf(value);
    if (place === 'panel') unmountFrame();
    safeCheck();
  };
  void browser.storage.local.get([SIDEBAR_COLLAPSED_KEY, SIDEBAR_PLACE_KEY]).then((items) => {
    setCollapsed(items[SIDEBAR_COLLAPSED_KEY]);
    setPlace(items[SIDEBAR_PLACE_KEY]);
  });
  const onStorageChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    if (SIDEBAR_COLLAPSED_KEY in changes) setCollapsed(changes[SIDEBAR_COLLAPSED_KEY]?.newValue);
    if (SIDEBAR_PLACE_KEY in changes) setPlace(changes[SIDEBAR_PLACE_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(onStorageChange);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorageChange));

  // DOM changes cover LinkedIn's own rendering; navigation events cover history changes at once.
  const observer = new MutationObserver(safeCheck);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
  // In-page navigation changes the URL at once and renders the new person later: a check right
  // after the URL changes still sees the previous heading, which tells the two people apart. The
  // Navigation API says so where it exists (Chromium); a click that navigates does everywhere.
  // Listeners only: nothing here is dispatched where the page could notice it.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) ctx.addEventListener(navigation, 'navigate', () => setTimeout(safeCheck));
  ctx.addEventListener(document, 'click', () => setTimeout(safeCheck), { capture: true });
  ctx.addEventListener(window, 'popstate', safeCheck);
  ctx.setInterval(safeCheck, 250);
  safeCheck();
}
