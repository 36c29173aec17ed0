import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** What a row spreads on its `<li>`: measuring, and its place in the whole list. */
export interface RowProps {
  ref(element: HTMLLIElement | null): void;
  'data-index': number;
  'aria-setsize': number;
  'aria-posinset': number;
}

interface WindowListProps<T> {
  items: readonly T[];
  itemKey(item: T): string;
  /** A first guess of a row's height in pixels; rows are measured once drawn. */
  estimateSize: number;
  /** Space between rows, as the list's CSS `gap` draws it. */
  gap?: number;
  className?: string;
  'aria-label'?: string;
  /** Draws one row: an `<li>` with `rowProps` spread on it. */
  children(item: T, rowProps: RowProps): ReactNode;
}

/**
 * A `<ul>` that draws only the rows near the visible part of the page (the page itself scrolls,
 * as in the popup). The rows outside are stood for by padding, so the scrollbar stays true and
 * the rows keep their normal layout; screen readers hear each row's place in the whole list.
 */
export function WindowList<T>({ items, itemKey, estimateSize, gap = 0, className, children, ...aria }: WindowListProps<T>) {
  const list = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  // Where the list starts on the page moves when something above it appears (search results).
  useLayoutEffect(() => {
    const measure = () => {
      if (list.current) setScrollMargin(Math.round(list.current.getBoundingClientRect().top + window.scrollY));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => estimateSize,
    getItemKey: (index) => itemKey(items[index]!),
    gap,
    overscan: 4,
    scrollMargin,
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });
  const rows = virtualizer.getVirtualItems();
  const before = Math.max(0, (rows[0]?.start ?? scrollMargin) - scrollMargin);
  const after = Math.max(0, virtualizer.getTotalSize() - ((rows.at(-1)?.end ?? scrollMargin) - scrollMargin));

  return (
    <ul ref={list} className={className} style={{ paddingTop: before, paddingBottom: after }} {...aria}>
      {rows.map((row) => (
        <Fragment key={row.key}>
          {children(items[row.index]!, {
            ref: virtualizer.measureElement,
            'data-index': row.index,
            'aria-setsize': items.length,
            'aria-posinset': row.index + 1,
          })}
        </Fragment>
      ))}
    </ul>
  );
}
