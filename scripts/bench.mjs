// `npm run bench -- [--rows N] [--repeats N] [--format csv|parquet|both] [--profile]
// [--only import|native|pivots|pack|validate|ui|ledger|budgets|anomalies] [--no-pack-exports]`: bundles
// tests/bench/run.ts into .bench/run-<pid>.mjs (esbuild, the options of scripts/build-node.mjs) and
// runs it with the arguments forwarded. JSON goes to stdout, progress to stderr.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { build } from 'esbuild'
import { NODE_BUNDLE } from './build-node.mjs'

// One bundle per run, so a second bench started meanwhile does not rebuild it under the first.
const outfile = `.bench/run-${process.pid}.mjs`
// Playwright (the UI part drives Chromium) is loaded from node_modules, as the app's natives are.
await build({
  ...NODE_BUNDLE,
  external: [...NODE_BUNDLE.external, '@playwright/test', 'playwright-core'],
  entryPoints: ['tests/bench/run.ts'],
  outfile,
})

// --expose-gc lets the bench collect garbage between phases, so one phase's heap does not bill the next.
const child = spawnSync(
  process.execPath,
  ['--expose-gc', '--enable-source-maps', outfile, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
)
rmSync(outfile, { force: true })
rmSync(`${outfile}.map`, { force: true })
process.exit(child.status ?? 1)
