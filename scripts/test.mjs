// `npm test`: every check a change must pass, in order of cost — type check,
// lint (zero warnings), format, build, vitest (unit + integration on real DuckDB
// and ../shared/data), then Playwright end-to-end in Chromium against the
// real web host. Ends with one line: "focal: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { findChromium } from './chromium.mjs'

const results = 'test-results'
mkdirSync(results, { recursive: true })
const totals = { passed: 0, failed: 0, skipped: 0 }

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`)
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return run.status === 0
}

function finish(ok) {
  console.log(
    `\nfocal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
  )
  process.exit(ok ? 0 : 1)
}

const npx = 'npx'
if (!step('type check', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit'])) finish(false)
if (!step('lint (zero warnings)', npx, ['eslint', '.', '--max-warnings=0'])) finish(false)
if (!step('format', npx, ['prettier', '--check', '.', '--log-level', 'warn'])) finish(false)

// Build first, so the tests that exercise the built bundles (engine, CLI) run rather than skip.
if (!step('build', 'node', ['scripts/build.mjs'])) finish(false)

const vitestReport = `${results}/vitest.json`
const unitOk = step('unit + integration (vitest, real DuckDB)', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
])
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'))
  totals.passed += report.numPassedTests
  totals.failed += report.numFailedTests
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0)
}
if (!unitOk) finish(false)

const chromium = findChromium()
if (!chromium) {
  console.error(
    '\nNo Chromium found for the end-to-end tests. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).',
  )
  totals.failed += 1
  finish(false)
}
const e2eReport = `${results}/playwright.json`
const e2eOk = step(
  'end-to-end (Playwright, Chromium, real web host)',
  npx,
  ['playwright', 'test'],
  {
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
  },
)
if (existsSync(e2eReport)) {
  const stats = JSON.parse(readFileSync(e2eReport, 'utf8')).stats ?? {}
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0)
  totals.failed += stats.unexpected ?? 0
  totals.skipped += stats.skipped ?? 0
} else if (!e2eOk) totals.failed += 1
finish(e2eOk)
