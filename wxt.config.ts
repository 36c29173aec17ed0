import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';

// Chrome refuses to load a script holding certain raw characters (Dexie's bundle has a literal
// U+FFFF), and Vite 8 does not force ASCII output, so every emitted chunk is escaped late.
function asciiOnlyOutput(): Plugin {
  const escapeNonAscii = (code: string) =>
    code.replace(/[^\x00-\x7f]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
  return {
    name: 'ascii-only-output',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') file.code = escapeNonAscii(file.code);
      }
    },
  };
}

// React's client renders `dangerouslySetInnerHTML` with `element.innerHTML = value`, the one HTML
// sink in the bundle (AMO's linter flags it). This extension never passes HTML to React (ESLint
// forbids the prop), so the sink is replaced by an error; the build fails if React's code changes.
function noReactHtmlSink(): Plugin {
  const sink = '(domElement.innerHTML = key)';
  const refusal = '(() => { throw Error("dangerouslySetInnerHTML is disabled in this extension: render text."); })()';
  return {
    name: 'no-react-html-sink',
    transform(code, id) {
      if (!/react-dom[\\/]cjs[\\/]react-dom-client\.production\.js$/.test(id)) return null;
      const found = code.split(sink).length - 1;
      if (found !== 2) throw new Error(`no-react-html-sink: expected 2 innerHTML sinks in ${id}, found ${found}`);
      return { code: code.replaceAll(sink, refusal), map: null };
    },
  };
}

/**
 * A plugin that swaps one module for another in the content script's build only (WXT builds each
 * content script apart, into `content-scripts/`).
 */
function inContentScripts(name: string, source: string, replacement: string): Plugin {
  let contentScript = false;
  return {
    name,
    enforce: 'pre',
    configResolved(config) {
      const output = config.build.rollupOptions.output;
      const names = Array.isArray(output) ? output.map((o) => o.entryFileNames) : [output?.entryFileNames];
      contentScript = names.some((file) => typeof file === 'string' && file.startsWith('content-scripts/'));
    },
    resolveId(id, importer) {
      if (!contentScript || id !== source) return null;
      return this.resolve(replacement, importer, { skipSelf: true });
    },
  };
}

// The content script loads into every LinkedIn page, so it goes without webextension-polyfill
// (3 KB of its 6 KB budget, gzip): WXT's plain `browser` is Firefox's own `browser` or Chrome's
// promise-returning `chrome`, and the script answers messages with `sendResponse`, which both have.
const nativeBrowserInContentScripts = () =>
  inContentScripts('native-browser-in-content-scripts', '@wxt-dev/webextension-polyfill/browser', '@wxt-dev/browser');

// WXT's content script context announces each start to the page (a `postMessage` and a DOM event
// whose name holds the extension's id), which LinkedIn could listen for to detect the extension.
// The content script gets a context that tells the page nothing (docs/ARCHITECTURE.md, "Nothing to probe").
const quietContentScriptContext = () =>
  inContentScripts('quiet-content-script-context', 'wxt/utils/content-script-context', '@/utils/linkedin/quiet-context');

/**
 * Each browser's MV3 default for extension pages, plus WebAssembly (not JavaScript eval) for the
 * Argon2id key derivation of a new sync folder (utils/sync/kdf.ts). Firefox's default upgrades
 * insecure requests; Chrome's limits objects to the extension.
 */
export const EXTENSION_PAGES_CSP = {
  chrome: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
  firefox: "script-src 'self' 'wasm-unsafe-eval'; upgrade-insecure-requests;",
} as const;

/** The policy of a build for `browser` (WXT's target): Firefox's, or Chrome's for every other. */
export const extensionPagesCsp = (browser: string) => EXTENSION_PAGES_CSP[browser === 'firefox' ? 'firefox' : 'chrome'];

/** Where a sync server may be; only the one the user names is ever requested. */
export const SYNC_SERVER_ORIGINS = ['https://*/*', 'http://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  imports: false,
  // MV3 in Firefox too (supported since 109): it limits sidebar.html to LinkedIn pages, which MV2
  // cannot, and gives both browsers one `action` API and one manifest shape.
  manifestVersion: 3,
  // Parallel work can build into its own folder; tests read the same variable.
  outDir: process.env.EXTENSION_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [noReactHtmlSink(), nativeBrowserInContentScripts(), quietContentScriptContext(), asciiOnlyOutput()],
    // The options page's suggestions worker (a module worker) is bundled apart, with Dexie in it.
    worker: { format: 'es', plugins: () => [asciiOnlyOutput()] },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage'],
    content_security_policy: { extension_pages: extensionPagesCsp(browser) },
    // Sync asks for its one server's origin at setup (permissions.request), never for more.
    optional_host_permissions: SYNC_SERVER_ORIGINS,
    // The in-page sidebar's frame. Chrome serves it under a per-session id (`use_dynamic_url`), so a
    // page cannot probe for it by the extension's id; Firefox's id in the URL is per install already.
    web_accessible_resources: [
      {
        resources: ['sidebar.html'],
        matches: ['https://*.linkedin.com/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'relationship-notes@relationship-notes.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
