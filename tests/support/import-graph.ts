import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The project's root folder. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** The project's own source files (no tests, bench or scripts): what the layers are made of. */
export function sourceFiles(folders = ['utils', 'components', 'entrypoints']): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(name) ? [path] : [];
    });
  return folders.flatMap((folder) => walk(join(ROOT, folder)));
}

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

export interface ImportEdge {
  /** The resolved file, or the package's name. */
  target: string;
  /** Only types: erased when the code runs. */
  typeOnly: boolean;
  /** An `export … from`: a re-export. */
  reexport: boolean;
}

/** What a file imports and re-exports, resolved, and whether each is only types. */
export function importsOf(file: string): ImportEdge[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: ImportEdge[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      found.push({ target: resolveSpecifier(file, (statement.moduleSpecifier as ts.StringLiteral).text), typeOnly, reexport: false });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      const names = statement.exportClause;
      const typeOnly = statement.isTypeOnly || (!!names && ts.isNamedExports(names) && names.elements.every((element) => element.isTypeOnly));
      found.push({ target: resolveSpecifier(file, (statement.moduleSpecifier as ts.StringLiteral).text), typeOnly, reexport: true });
    }
  }
  // Workers are loaded by address: `new Worker(new URL('./x.worker.ts', import.meta.url))`.
  for (const match of source.text.matchAll(/new URL\('([^']+)', import\.meta\.url\)/g)) {
    found.push({ target: resolveSpecifier(file, match[1]!), typeOnly: false, reexport: false });
  }
  return found;
}

/** A file's path from the root, for messages. */
export const shown = (file: string) => (file.startsWith(ROOT) ? relative(ROOT, file) : file);

/** Every import cycle among these files (each once), as the files around it. */
export function importCycles(files: string[]): string[][] {
  const inProject = new Set(files);
  const edges = new Map(files.map((file) => [file, importsOf(file).map((edge) => edge.target).filter((t) => inProject.has(t))]));
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push(stack.slice(stack.indexOf(next)).map(shown));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}
