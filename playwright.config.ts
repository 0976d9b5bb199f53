import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromiumLaunchOptions.mjs';

/**
 * End-to-end tests in Debian's headless Chromium against a running portal.
 * scripts/e2e.sh starts the portal the way scripts/start.sh does and runs these;
 * against a portal you already run, `yarn playwright test` is enough.
 */
export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  // not-running/ needs a portal started with its own config layered on (scripts/test.sh runs
  // it second, with E2E_PORTAL_CONFIG set).
  testIgnore: process.env.E2E_PORTAL_CONFIG ? [] : ['**/not-running/**'],
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
    [
      'json',
      {
        outputFile:
          process.env.E2E_RESULTS_FILE ?? 'test-results/playwright.json',
      },
    ],
  ],
  outputDir: 'e2e-test-results',
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 1000 },
    launchOptions: chromiumLaunchOptions,
  },
});
