import { defineConfig } from '@playwright/test';

// Each test starts its own browser with the extension. Two workers, one per core: the tests wait on
// browsers more than they compute, and the whole run (Chromium and Firefox) stays near 7 minutes.
export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    // Debian's Chromium, driven by Playwright.
    { name: 'chromium', testIgnore: /firefox\// },
    // Debian's Firefox ESR, driven over WebDriver BiDi (`tests/e2e/firefox/firefox.ts`).
    { name: 'firefox', testMatch: /firefox\/.*\.spec\.ts$/ },
  ],
});
