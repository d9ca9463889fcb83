import { defineConfig } from 'vitest/config'

// Unit and integration tests: real DuckDB, real files from ../shared/data.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/temp-cleanup.ts'],
    // Date logic must not depend on the machine's zone (CONVENTIONS.md #14).
    env: { TZ: 'America/Los_Angeles' },
  },
})
