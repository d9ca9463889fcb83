/**
 * Browser tests (DESIGN.md, Processes: web host): Chromium drives the built
 * renderer served by the real web host on 127.0.0.1, with the real engine.
 * One worker: the specs share one host, which has one open workspace.
 */
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/support/chromium'
import { E2E_ORIGIN } from './tests/e2e/support/host'

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // A subfolder, because Playwright empties its output folder and test-results/ holds other reports too.
  outputDir: 'test-results/e2e',
  globalSetup: './tests/e2e/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // `npm test` (scripts/test.mjs) sets PLAYWRIGHT_JSON_OUTPUT_NAME to count results; alone, a list is enough.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: E2E_ORIGIN,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
})
