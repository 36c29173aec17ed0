import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, ROOT, shown } from '../../support/import-graph';

/**
 * docs/ARCHITECTURE.md: the sidebar is an extension page framed in LinkedIn. It keeps the database out (the
 * database lives in the background) and uses only its port, `storage` and `i18n`, because Firefox
 * gives a framed page nothing else. ESLint checks the sidebar's own files; this follows every
 * module it loads at runtime, however deep, so a helper imported on the way cannot bring them in.
 */
const ENTRY = resolve(ROOT, 'entrypoints/sidebar/main.tsx');
const DATABASE = ['dexie', 'dexie-react-hooks', resolve(ROOT, 'utils/storage/db.ts')];
const FRAMED_PAGE_LACKS = /\b(?:browser|chrome)\s*\.\s*(?:tabs|windows|action|browserAction|scripting|notifications)\b/;

/** The modules a file loads when it runs: imports and re-exports that are not only types. */
const runtimeImports = (file: string) => importsOf(file).filter((edge) => !edge.typeOnly).map((edge) => edge.target);

/** Every module reachable from the sidebar at runtime, each with the chain that brings it in. */
function sidebarGraph(): Map<string, string[]> {
  const chains = new Map<string, string[]>([[ENTRY, [ENTRY]]]);
  const queue = [ENTRY];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of runtimeImports(file)) {
      if (chains.has(next)) continue;
      chains.set(next, [...chains.get(file)!, next]);
      if (/\.tsx?$/.test(next)) queue.push(next);
    }
  }
  return chains;
}

const chainOf = (chain: string[]) => chain.map(shown).join(' → ');

describe('what the sidebar loads', () => {
  const graph = sidebarGraph();

  it('follows the real graph (the sidebar client and its components are in it)', () => {
    expect(graph.has(resolve(ROOT, 'utils/sidebar/client.ts'))).toBe(true);
    expect(graph.has(resolve(ROOT, 'components/sidebar/UserFieldInputs.tsx'))).toBe(true);
  });

  it('loads no database code, however deep', () => {
    const reached = DATABASE.filter((module) => graph.has(module)).map((module) => chainOf(graph.get(module)!));
    expect(reached).toEqual([]);
  });

  it('uses no API a framed page lacks in Firefox', () => {
    const offending = [...graph.keys()]
      .filter((file) => /\.tsx?$/.test(file))
      .filter((file) => FRAMED_PAGE_LACKS.test(readFileSync(file, 'utf8')))
      .map((file) => chainOf(graph.get(file)!));
    expect(offending).toEqual([]);
  });
});
