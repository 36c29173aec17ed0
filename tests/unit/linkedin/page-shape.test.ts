import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { pageShape } from '@/utils/linkedin/page-shape';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/in');
const window = new Window();
const fixture = (file: string) =>
  new window.DOMParser().parseFromString(readFileSync(join(FIXTURES, file), 'utf8'), 'text/html') as unknown as Document;

// Every piece of text and every label a fixture holds: none of it may reach a report.
function wordsOf(doc: Document): string[] {
  const texts = [...doc.querySelectorAll('body *')].flatMap((element) => [
    ...[...element.childNodes].filter((node) => node.nodeType === 3).map((node) => node.textContent!.trim()),
    element.getAttribute('aria-label') ?? '',
    element.getAttribute('alt') ?? '',
  ]);
  return [...new Set(texts.filter((text) => text.length > 3))];
}

describe('pageShape: the structure of a page, without anyone’s data', () => {
  it('keeps the top card’s tags, roles and componentkeys, and counts its pieces of text', () => {
    const shape = pageShape(fixture('camila-rojas.html'), 'camila-rojas');
    expect(shape.split('\n')[0]).toBe('lang=es page=d_flagship3_profile_view_base');
    expect(shape).toContain('titles=2 og:title=false json-ld=false h1=0 h2=1 topcard=true');
    expect(shape).toMatch(/^section\[componentkey=com\.linkedin\.sdui\.profile\.card\.ref<id>Topcard\]$/m);
    expect(shape).toMatch(/^ +h2 text×1$/m);
    expect(shape).toMatch(/\[aria-label\]/);
    expect(shape).toMatch(/a\[href=\/in\/<person>\/overlay\/contact-info\/\] text×1/);
  });

  it.each(['camila-rojas', 'haruka-mori', 'ewa-kowalczyk', 'marcus-lee'])('holds no text, name, id or address of %s’s page', (key) => {
    const doc = fixture(`${key}.html`);
    const shape = pageShape(doc, key);
    for (const words of wordsOf(doc)) expect(shape).not.toContain(words);
    expect(shape).not.toMatch(/AC[ow][\w-]{6,}|media\.licdn|[\da-f]{8}-[\da-f]{4}-|\d{3,}/i);
    expect(shape).not.toContain(key);
  });

  it('a shell without a card: the page around it, and no card', () => {
    const shape = pageShape(fixture('lena-vogel.html'), 'lena-vogel');
    expect(shape).toContain('topcard=false');
    expect(shape).toMatch(/\[data-sdui-screen=com\.linkedin\.sdui\.flagshipnav\.profile\.Profile\]/);
    expect(shape.split('\n').length).toBeLessThanOrEqual(302);
  });
});
