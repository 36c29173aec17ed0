import { describe, expect, it } from 'vitest';
import type { ConfigEnv, UserManifest } from 'wxt';
import config, { extensionPagesCsp } from '../../../wxt.config';

/** What wxt.config.ts asks for; tests/e2e/manifest.spec.ts checks the manifests WXT then builds. */
async function declared(browser: string, manifestVersion: 2 | 3): Promise<UserManifest> {
  const env = { browser, manifestVersion, mode: 'production', command: 'build' } as ConfigEnv;
  const manifest = config.manifest;
  return (typeof manifest === 'function' ? await manifest(env) : await manifest) ?? {};
}

describe.each([
  ['chrome', 3],
  ['firefox', 3],
] as const)('the %s manifest (MV%i) as declared', (browser, manifestVersion) => {
  it('asks for storage, alarms, notifications and unlimitedStorage only, and web origins only as optional (sync)', async () => {
    const manifest = await declared(browser, manifestVersion);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['alarms', 'notifications', 'storage', 'unlimitedStorage']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.optional_permissions).toBeUndefined();
  });

  it('exposes sidebar.html to LinkedIn pages only, in Chrome at a per-session URL that no page can probe by the extension’s id', async () => {
    const manifest = await declared(browser, manifestVersion);
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['sidebar.html'], matches: ['https://*.linkedin.com/*'], ...(browser === 'chrome' ? { use_dynamic_url: true } : {}) },
    ]);
  });

  it('allows scripts from the extension only, plus WebAssembly (never eval), and lets no web page talk to it', async () => {
    const manifest = (await declared(browser, manifestVersion)) as Record<string, unknown>;
    expect(manifest.content_security_policy).toEqual({ extension_pages: extensionPagesCsp(browser) });
    const directives = extensionPagesCsp(browser).split(';').map((d) => d.trim().split(/\s+/));
    expect(directives.find(([name]) => name === 'script-src')).toEqual(['script-src', "'self'", "'wasm-unsafe-eval'"]);
    expect(directives.flat()).not.toContain("'unsafe-eval'");
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.sandbox).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
  });
});

describe('the Firefox manifest', () => {
  it('has a gecko id and declares that no data is collected', async () => {
    const gecko = (await declared('firefox', 3)).browser_specific_settings?.gecko as Record<string, unknown>;
    expect(gecko.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('is absent from the Chrome manifest', async () => {
    expect((await declared('chrome', 3)).browser_specific_settings).toBeUndefined();
  });
});
