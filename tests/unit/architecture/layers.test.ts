import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { importCycles, importsOf, ROOT, shown, sourceFiles } from '../../support/import-graph';

/**
 * The architecture (docs/ARCHITECTURE.md) is enforced by ESLint zones; these probes are files that
 * break each rule, linted as if they sat in the folder named, so a change to the configuration that
 * stops a rule from firing fails here. The last tests check the whole tree.
 */
const eslint = new ESLint({ cwd: ROOT });

async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result!.messages.map((message) => message.message);
}

describe('the lint configuration refuses what breaks a layer, naming the rule', () => {
  it('a lower layer importing a higher one', async () => {
    expect(await problems('utils/core/probe.ts', "import { getDb } from '../storage/db';\nexport const probe = getDb;\n")).toContainEqual(
      expect.stringContaining('Layer rule (docs/ARCHITECTURE.md): utils/core may import only itself'),
    );
    expect(await problems('utils/storage/probe.ts', "import { dueCount } from '../followups/due';\nexport const probe = dueCount;\n")).toContainEqual(
      expect.stringContaining('Layer rule (docs/ARCHITECTURE.md): utils/storage may import only'),
    );
    expect(await problems('utils/sync/crdt/probe.ts', "import { getDb } from '../../storage/db';\nexport const probe = getDb;\n")).toContainEqual(
      expect.stringContaining('Layer rule (docs/ARCHITECTURE.md): utils/sync/crdt may import only utils/core'),
    );
  });

  it('logic importing UI, and anything importing an entrypoint', async () => {
    expect(await problems('utils/network/probe.ts', "import { Field } from '@/components/ui/Field';\nexport const probe = Field;\n")).toContainEqual(
      expect.stringContaining('logic in utils/ never imports UI'),
    );
    expect(await problems('components/ui/probe.ts', "import { App } from '@/entrypoints/popup/App';\nexport const probe = App;\n")).toContainEqual(
      expect.stringContaining('nothing imports an entrypoint'),
    );
  });

  it('the framed sidebar loading Dexie or a background module; types are allowed', async () => {
    const found = await problems(
      'entrypoints/sidebar/probe.ts',
      "import Dexie from 'dexie';\nimport { startSync } from '@/utils/sync/start-sync';\nexport const probe = [Dexie, startSync];\n",
    );
    expect(found).toContainEqual(expect.stringContaining('the framed sidebar loads no database'));
    expect(found).toContainEqual(expect.stringContaining('the framed sidebar loads no database or background module'));
    expect(await problems('components/sidebar/probe.ts', "import { getDb } from '@/utils/storage/db';\nexport const probe = getDb;\n")).toContainEqual(
      expect.stringContaining('the framed sidebar loads no database or background module'),
    );
    expect(await problems('components/sidebar/probe.ts', "import type { RelationshipDb } from '@/utils/storage/db';\nexport type Probe = RelationshipDb;\n")).toEqual([]);
  });

  it('the content script loading anything but LinkedIn’s page reading and core', async () => {
    expect(await problems('utils/linkedin/page-probe.ts', "import { getDb } from '../storage/db';\nexport const probe = getDb;\n")).toContainEqual(
      expect.stringContaining('the content script imports only utils/linkedin and utils/core'),
    );
    expect(await problems('entrypoints/linkedin.content.ts', "import { useState } from 'react';\nexport const probe = useState;\n")).toContainEqual(
      expect.stringContaining('the content script loads no database, React or storage helpers'),
    );
  });

  it('an import cycle', async () => {
    // Two real modules that import nothing of each other, made to: the probe stands in for core/dates.
    const found = await problems('utils/core/dates.ts', "import { LIMITS } from './schema';\nexport type LocalDate = string;\nexport const probe = LIMITS;\n");
    expect(found).toContainEqual(expect.stringContaining('Dependency cycle'));
  });
});

describe('the tree as it is', () => {
  const files = sourceFiles();

  it('has no import cycle', () => {
    expect(importCycles(files)).toEqual([]);
  });

  it('re-exports no module: each type and value has one import path', () => {
    const reexports = files.flatMap((file) => importsOf(file).filter((edge) => edge.reexport).map((edge) => `${shown(file)} → ${shown(edge.target)}`));
    expect(reexports).toEqual([]);
  });

  it('has no module over 300 lines', () => {
    const long = files.filter((file) => readFileSync(file, 'utf8').split('\n').length > 300).map(shown);
    expect(long).toEqual([]);
  });
});
