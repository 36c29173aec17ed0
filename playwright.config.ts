import { defineConfig } from '@playwright/test';

// Each test starts its own browser with the extension. Two workers, one per core: the tests wait on
// browsers more than they compute, and the whole run (Chromium and Firefox) stays near 7 minutes.
export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: false,
  workers: 2,
  // On CI a failed test runs once more to record a trace, but a test that passes only on its retry
  // still fails the run: a flaky test has a cause to find.
  retries: process.env.CI ? 1 : 0,
  failOnFlakyTests: !!process.env.CI,
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
