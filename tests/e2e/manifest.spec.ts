import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXTENSION_PATH } from '../support/launch';
import { extensionPagesCsp } from '../../wxt.config';
import { expect, test } from './fixtures';

// The manifests WXT built (tests/unit/architecture/manifest.test.ts checks what wxt.config.ts asks for).
const OUT = dirname(EXTENSION_PATH);
const BUILDS = ['chrome-mv3', 'firefox-mv3'] as const;
const LINKEDIN = 'https://*.linkedin.com/*';
// Firefox's sidebar (`sidebar_action`) needs no permission; Chrome's side panel needs `sidePanel`.
const PERMISSIONS = {
  'chrome-mv3': ['alarms', 'notifications', 'sidePanel', 'storage', 'unlimitedStorage'],
  'firefox-mv3': ['alarms', 'notifications', 'storage', 'unlimitedStorage'],
};
const manifestOf = (build: string) => JSON.parse(readFileSync(join(OUT, build, 'manifest.json'), 'utf8'));
const filesOf = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(join(dir, entry.name)) : [join(dir, entry.name)],
  );

for (const build of BUILDS) {
  test.describe(`the built ${build} manifest`, () => {
    test('asks for storage, alarms, notifications and unlimitedStorage (and Chrome’s sidePanel), and no host beyond linkedin.com but the optional sync server', () => {
      const manifest = manifestOf(build);
      expect([...manifest.permissions].sort()).toEqual(PERMISSIONS[build]);
      expect(manifest.host_permissions).toBeUndefined();
      // Sync asks for its one server's origin at setup; nothing is granted at install.
      expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
      expect(manifest.optional_permissions).toBeUndefined();
      const matches = manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches);
      expect(new Set(matches)).toEqual(new Set([LINKEDIN]));
      expect(manifest.content_scripts.flatMap((script: { exclude_matches?: string[] }) => script.exclude_matches ?? [])).toEqual([]);
    });

    test('runs no remote code, and its content security policy is the browser’s default plus WebAssembly only', () => {
      const manifest = manifestOf(build);
      // As declared (tests/unit/architecture/manifest.test.ts reads the policy itself).
      expect(manifest.content_security_policy).toEqual({
        extension_pages: extensionPagesCsp(build.split('-')[0]!),
      });
      expect(manifest.externally_connectable).toBeUndefined();
      expect(manifest.sandbox).toBeUndefined();
      for (const file of filesOf(join(OUT, build)).filter((f) => f.endsWith('.html'))) {
        const html = readFileSync(file, 'utf8');
        const sources = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
        for (const source of sources) expect(source, file).toMatch(/^\.{0,2}\//);
        expect(html, file).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
        expect(html, file).not.toMatch(/http-equiv=["']?content-security-policy/i);
      }
    });
  });
}

for (const build of BUILDS) {
  test(`the sidebar page loads no database code (${build})`, () => {
    // The frame cannot open IndexedDB (third-party) and must not try: it reads through its port.
    const dir = join(OUT, build);
    const html = readFileSync(join(dir, 'sidebar.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(readFileSync(join(dir, script), 'utf8'), script).not.toContain('indexedDB');
  });

  test(`sidebar.html is web-accessible to LinkedIn pages only, in Chrome at a per-session URL (${build})`, () => {
    const manifest = manifestOf(build);
    expect(manifest.manifest_version).toBe(3);
    const dynamic = build === 'chrome-mv3' ? { use_dynamic_url: true } : {};
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['sidebar.html'], matches: [LINKEDIN], ...dynamic }]);
  });

  test(`the side panel is the same notes app, closed at install (${build})`, () => {
    const manifest = manifestOf(build);
    if (build === 'chrome-mv3') expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    else expect(manifest.sidebar_action).toEqual({ default_panel: 'sidepanel.html', default_title: '__MSG_extName__', open_at_install: false });
  });
}

test('Firefox carries a gecko id that collects no data, at a release Debian ships', () => {
  const manifest = manifestOf('firefox-mv3');
  expect(manifest.background).toEqual({ scripts: ['background.js'] });
  expect(manifest.browser_specific_settings.gecko).toMatchObject({
    strict_min_version: '140.0',
    id: expect.stringMatching(/@/),
    data_collection_permissions: { required: ['none'] },
  });
});

test('Chromium grants the loaded extension exactly those permissions and origins', async ({ ext }) => {
  const [worker] = ext.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`));
  const granted = await worker!.evaluate(() => {
    const api = (globalThis as unknown as { chrome: { permissions: { getAll(): Promise<{ permissions?: string[]; origins?: string[] }> } } }).chrome;
    return api.permissions.getAll();
  });
  expect([...(granted.permissions ?? [])].sort()).toEqual(PERMISSIONS['chrome-mv3']);
  expect(granted.origins).toEqual([LINKEDIN]);
});
