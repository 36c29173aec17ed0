import { topCard } from './page-reader';

// What the report keeps of each element: the attributes that say what a part is, never its text.
const KEPT = ['role', 'componentkey', 'data-view-name', 'data-sdui-screen', 'data-testid', 'aria-hidden'];
const MAX_LINES = 300;

/**
 * The structure of a page the reader could not read, for the user to send in a report: tag names,
 * roles, `componentkey` and `data-view-name` values, whether labels exist, and how many pieces of
 * text each element holds. No text, no label, no address beyond its shape: the person's key, member
 * ids, other ids and long numbers are masked, so nobody's data leaves with it.
 */
export function pageShape(doc: Document, key: string): string {
  const mask = (value: string) =>
    value
      .split(key)
      .join('<person>')
      .split(encodeURIComponent(key))
      .join('<person>')
      .replace(/AC[ow][\w-]{6,}?(?=Topcard|[^\w-]|$)/g, '<id>')
      .replace(/[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}/gi, '<uuid>')
      .replace(/\d{3,}/g, '<n>')
      .slice(0, 90);
  const meta = (name: string) => doc.querySelector(`meta[name="${name}"],meta[property="${name}"]`);
  const titles = doc.querySelectorAll('title').length;
  const card = topCard(doc);
  const lines = [
    `lang=${mask(doc.documentElement.lang)} page=${mask(meta('como-pk')?.getAttribute('content') ?? meta('pageKey')?.getAttribute('content') ?? '-')}`,
    `titles=${titles} og:title=${!!meta('og:title')} json-ld=${!!doc.querySelector('script[type="application/ld+json"]')}` +
      ` h1=${doc.querySelectorAll('main h1').length} h2=${doc.querySelectorAll('main h2').length} topcard=${!!card}`,
  ];
  const walk = (element: Element, depth: number) => {
    if (lines.length >= MAX_LINES) return;
    let line = element.tagName.toLowerCase();
    for (const name of KEPT) {
      const value = element.getAttribute(name);
      if (value !== null) line += `[${name}=${mask(value)}]`;
    }
    if (element.hasAttribute('aria-label')) line += '[aria-label]';
    const href = element.getAttribute('href');
    if (href) line += `[href=${mask(href.replace(/[?#].*/, '').replace(/^https:\/\/[^/]+/, ''))}]`;
    const texts = [...element.childNodes].filter((node) => node.nodeType === 3 && node.textContent!.trim()).length;
    if (texts) line += ` text×${texts}`;
    lines.push(`${' '.repeat(depth)}${line}`);
    if (line.startsWith('svg')) return;
    for (const child of element.children) walk(child, depth + 1);
  };
  const root = card ?? doc.querySelector('main') ?? doc.body;
  if (root) walk(root, 0);
  return lines.join('\n');
}
