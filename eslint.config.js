import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const noHtmlOrCodeSinks = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML sinks: render text.' },
  { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
];

/**
 * The layers, lowest first, and what each may import (docs/ARCHITECTURE.md, "Layers"). A folder may
 * always import from itself; anything not listed is refused with a message naming the rule.
 */
export const LAYERS = {
  'utils/core': [],
  'utils/sync/crdt': ['utils/core'],
  'utils/linkedin': ['utils/core'],
  'utils/storage': ['utils/core', 'utils/sync/crdt'],
  'utils/followups': ['utils/core', 'utils/storage'],
  'utils/people': ['utils/core', 'utils/storage', 'utils/followups'],
  'utils/archive': ['utils/core', 'utils/storage'],
  'utils/network': ['utils/core', 'utils/storage', 'utils/followups', 'utils/people'],
  'utils/import-export': ['utils/core', 'utils/storage', 'utils/followups', 'utils/people', 'utils/archive'],
  'utils/sync': ['utils/core', 'utils/sync/crdt', 'utils/storage', 'utils/followups', 'utils/people'],
  'utils/sidebar': ['utils/core', 'utils/storage', 'utils/linkedin', 'utils/followups', 'utils/people', 'utils/network'],
  'utils/plan': ['utils/core', 'utils/storage', 'utils/followups', 'utils/people', 'utils/network'],
  'components/ui': ['utils/core', 'utils/linkedin', 'utils/network', 'utils/sidebar', 'utils/sync/crdt'],
};
const FOLDERS = [...Object.keys(LAYERS), 'components', 'entrypoints'];

/** One zone per folder: every other folder it may not import, by path. */
const layerZones = Object.entries(LAYERS).flatMap(([target, allowed]) => {
  const refused = FOLDERS.filter(
    (folder) => folder !== target && !allowed.includes(folder) && !target.startsWith(`${folder}/`) && !folder.startsWith(`${target}/`),
  );
  return refused.map((from) => ({
    target: `./${target}`,
    from: `./${from}`,
    // A folder that holds a lower layer inside it (sync holds crdt) lets that part through.
    except: Object.keys(LAYERS)
      .filter((inner) => inner.startsWith(`${from}/`) && allowed.includes(inner))
      .map((inner) => `./${inner.slice(from.length + 1)}`),
    message: `Layer rule (docs/ARCHITECTURE.md): ${target} may import only ${allowed.length ? allowed.join(', ') : 'itself'}.`,
  }));
});

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'tests/fixtures/**', 'bench/results.json'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'no-unsanitized': noUnsanitized, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-restricted-syntax': ['error', ...noHtmlOrCodeSinks],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The layers point one way; logic never imports UI, nothing imports an entrypoint, and no import goes round in a cycle.
    files: ['utils/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...layerZones,
            {
              target: './utils',
              from: './components',
              message: 'Layer rule (docs/ARCHITECTURE.md): logic in utils/ never imports UI (components/).',
            },
            {
              target: ['./utils', './components'],
              from: './entrypoints',
              message: 'Layer rule (docs/ARCHITECTURE.md): nothing imports an entrypoint; entrypoints only wire.',
            },
          ],
        },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Playwright fixtures name their callback `use`; it is no React hook.
    files: ['tests/e2e/**', 'tests/support/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // The background worker has no window or document.
    files: [
      'entrypoints/background.ts',
      'utils/sidebar/service.ts',
      'utils/sidebar/serve-sidebars.ts',
      'utils/sidebar/drafts.ts',
      'utils/followups/start-reminders.ts',
      'utils/followups/reminders.ts',
      'utils/sync/start-sync.ts',
      'utils/storage/start-backfill.ts',
    ],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage'],
    },
  },
  {
    // The content script runs in LinkedIn's page: only LinkedIn's page reading and core; no database, no React.
    files: ['entrypoints/*.content.ts', 'entrypoints/*.content/**', 'utils/linkedin/page-*.ts', 'utils/linkedin/sidebar-frame.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['dexie', 'react', 'react-dom', 'dexie-react-hooks', 'wxt/utils/storage'].map((name) => ({
            name,
            message: 'Layer rule (docs/ARCHITECTURE.md): the content script loads no database, React or storage helpers into LinkedIn’s page.',
          })),
          patterns: [
            {
              regex: '^(@/utils/(?!core/|linkedin/)|@/components/|\\.\\./(?!core/|linkedin/))',
              message: 'Layer rule (docs/ARCHITECTURE.md): the content script imports only utils/linkedin and utils/core.',
            },
          ],
        },
      ],
    },
  },
  {
    // The sidebar is an extension page framed in LinkedIn: Firefox gives it only runtime, storage
    // and i18n, and the database stays out of it. It asks the background for the rest.
    // tests/unit/architecture/sidebar-imports.test.ts follows every module it loads, however deep.
    files: [
      'entrypoints/sidebar/**',
      'components/sidebar/**',
      'components/ui/**',
      'utils/sidebar/client.ts',
      'utils/sidebar/view.ts',
      'utils/sidebar/port.ts',
      'utils/sidebar/protocol.ts',
      'utils/sidebar/ui-state.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...noHtmlOrCodeSinks,
        {
          selector: "MemberExpression[object.name=/^(browser|chrome)$/][property.name=/^(tabs|windows|action|browserAction|scripting|permissions|notifications)$/]",
          message: 'A framed extension page has no such API in Firefox: ask the background over the port.',
        },
      ],
      // Types may come from the database module; nothing of it, and no background module, may load at runtime.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['dexie', 'dexie-react-hooks'].map((name) => ({
            name,
            allowTypeImports: true,
            message: 'Layer rule (docs/ARCHITECTURE.md): the framed sidebar loads no database; it asks the background over its port.',
          })),
          patterns: [
            {
              regex: '(^|/)(storage/|sidebar/(service|serve-sidebars|drafts)$|sync/(start-sync|run|engine|local)$|followups/start-reminders$|pages/open-profile$)',
              allowTypeImports: true,
              message: 'Layer rule (docs/ARCHITECTURE.md): the framed sidebar loads no database or background module; it asks the background over its port.',
            },
          ],
        },
      ],
    },
  },
);
