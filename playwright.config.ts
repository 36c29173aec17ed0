import { defineConfig } from '@playwright/test';

// Each test starts its own browser with the extension (the accessibility tests share one per language
// and colour scheme, each test on a new install of the extension). Three workers on two cores: some
// tests mostly wait (for a reminder's minute, a page that never renders, a sync server), and a third
// worker uses that time. On a 2-core machine the 162 tests took 384 s with three, 418 s with two.
export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: false,
  workers: 3,
  // On CI a failed test runs once more to record a trace, but a test that passes only on its retry
  // still fails the run: a flaky test has a cause to find.
  retries: process.env.CI ? 1 : 0,
  failOnFlakyTests: !!process.env.CI,
  timeout: 45_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  // A failed test keeps a trace of every action with its timing, the console and the network; with
  // the failure comes its page's accessibility snapshot (error-context.md). Screenshots and DOM
  // snapshots of every action, taken in every test, cost a quarter of the Chromium tests' CPU (the
  // run is bound by it): `E2E_FULL_TRACE=1` records them when a failure needs them.
  use: {
    trace: process.env.E2E_FULL_TRACE ? 'retain-on-failure' : { mode: 'retain-on-failure', snapshots: false, screenshots: false },
  },
  projects: [
    // Debian's Chromium, driven by Playwright.
    { name: 'chromium', testIgnore: /firefox\// },
    // Debian's Firefox ESR, driven over WebDriver BiDi (`tests/e2e/firefox/firefox.ts`).
    { name: 'firefox', testMatch: /firefox\/.*\.spec\.ts$/ },
  ],
});
