import { useEffect, useState, type RefObject } from 'react';

/** What Chromium's IntersectionObserver v2 adds; other browsers leave `isVisible` out. */
type VisibilityEntry = IntersectionObserverEntry & { isVisible?: boolean };

/**
 * Whether the browser can tell that something covers `target`, or makes it see-through, moved or
 * distorted (IntersectionObserver v2, Chromium): the page around a frame may do that to trick
 * clicks. `false` where the browser cannot tell (Firefox), so nothing is blocked there.
 */
export function useObscured(target: RefObject<HTMLElement | null>, enabled: boolean): boolean {
  const [obscured, setObscured] = useState(false);
  useEffect(() => {
    const element = target.current;
    if (!enabled || !element || typeof IntersectionObserver === 'undefined') return;
    let observer: IntersectionObserver;
    try {
      // `delay` of at least 100 ms is what the browser requires to track visibility.
      const options = { threshold: [0], trackVisibility: true, delay: 100 } as IntersectionObserverInit;
      observer = new IntersectionObserver((entries) => {
        const entry = entries.at(-1) as VisibilityEntry | undefined;
        if (typeof entry?.isVisible === 'boolean') setObscured(!entry.isVisible);
      }, options);
    } catch {
      return;
    }
    observer.observe(element);
    return () => observer.disconnect();
  }, [target, enabled]);
  return obscured;
}
