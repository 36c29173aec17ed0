import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md: the sidebar is an extension page framed in LinkedIn. It keeps the database out (the
 * database lives in the background) and uses only its port, `storage` and `i18n`, because Firefox
 * gives a framed page nothing else. ESLint checks the sidebar's own files; this follows every
 * module it loads at runtime, however deep, so a helper imported on the way cannot bring them in.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const ENTRY = resolve(ROOT, 'entrypoints/sidebar/main.tsx');
const DATABASE = ['dexie', 'dexie-react-hooks', resolve(ROOT, 'utils/storage/db.ts')];
const FRAMED_PAGE_LACKS = /\b(?:browser|chrome)\s*\.\s*(?:tabs|windows|action|browserAction|scripting|notifications)\b/;

function resolveSpecifier(from: string, specifier: string): string {
  const base = specifier.startsWith('@/')
    ? resolve(ROOT, specifier.slice(2))
    : specifier.startsWith('.')
      ? resolve(dirname(from), specifier)
      : null;
  if (!base) return specifier; // a package: named, not followed
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return base;
}

/** The modules a file loads when it runs: imports and re-exports that are not only types. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const onlyTypes =
        clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!onlyTypes) found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      const names = statement.exportClause;
      const onlyTypes = names && ts.isNamedExports(names) && names.elements.every((element) => element.isTypeOnly);
      if (!onlyTypes) found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found.map((specifier) => resolveSpecifier(file, specifier));
}

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

const shown = (chain: string[]) => chain.map((file) => (file.startsWith(ROOT) ? relative(ROOT, file) : file)).join(' → ');

describe('what the sidebar loads', () => {
  const graph = sidebarGraph();

  it('follows the real graph (the sidebar client and its components are in it)', () => {
    expect(graph.has(resolve(ROOT, 'utils/sidebar/client.ts'))).toBe(true);
    expect(graph.has(resolve(ROOT, 'components/sidebar/UserFieldInputs.tsx'))).toBe(true);
  });

  it('loads no database code, however deep', () => {
    const reached = DATABASE.filter((module) => graph.has(module)).map((module) => shown(graph.get(module)!));
    expect(reached).toEqual([]);
  });

  it('uses no API a framed page lacks in Firefox', () => {
    const offending = [...graph.keys()]
      .filter((file) => /\.tsx?$/.test(file))
      .filter((file) => FRAMED_PAGE_LACKS.test(readFileSync(file, 'utf8')))
      .map((file) => shown(graph.get(file)!));
    expect(offending).toEqual([]);
  });
});
