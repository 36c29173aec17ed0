import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import noUnsanitized from 'eslint-plugin-no-unsanitized';

const noHtmlOrCodeSinks = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML sinks: render text.' },
  { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'tests/fixtures/**', 'bench/results.json'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'no-unsanitized': noUnsanitized },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-restricted-syntax': ['error', ...noHtmlOrCodeSinks],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright fixtures name their callback `use`; it is no React hook.
    files: ['tests/e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // The background worker has no window or document.
    files: ['entrypoints/background.ts', 'utils/sidebar/service.ts', 'utils/sidebar/drafts.ts', 'utils/followups/reminders.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage'],
    },
  },
  {
    // The content script runs in LinkedIn's page: no database, no React.
    files: ['entrypoints/*.content.ts', 'entrypoints/*.content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['dexie', 'react', 'react-dom', 'dexie-react-hooks', '@/utils/storage/db', '@/utils/storage/settings'] },
      ],
    },
  },
  {
    // The sidebar is an extension page framed in LinkedIn: Firefox gives it only runtime, storage
    // and i18n, and DESIGN.md keeps the database out of it. It asks the background for the rest.
    // tests/unit/sidebar-imports.test.ts holds every module the sidebar loads, however deep, to the same rules.
    files: ['entrypoints/sidebar/**', 'utils/sidebar/client.ts', 'components/sidebar/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...noHtmlOrCodeSinks,
        {
          selector: "MemberExpression[object.name=/^(browser|chrome)$/][property.name=/^(tabs|windows|action|browserAction|scripting|permissions|notifications)$/]",
          message: 'A framed extension page has no such API in Firefox: ask the background over the port.',
        },
      ],
      // Types may come from the database module; nothing of it may load at runtime.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['dexie', 'dexie-react-hooks', '@/utils/storage/db', '@/components/pages/open-profile'].map((name) => ({
            name,
            allowTypeImports: true,
          })),
        },
      ],
    },
  },
);
