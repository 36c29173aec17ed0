import { defineConfig } from '@playwright/test';

// Each test starts its own browser with the extension; two cores run them one at a time.
export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: false,
  workers: 1,
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
