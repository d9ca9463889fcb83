// `npm run bench -- [--rows N] [--repeats N] [--format csv|parquet|both] [--profile]
// [--only import|pivots|pack] [--no-pack-exports]`: bundles
// tests/bench/run.ts into .bench/run.mjs (esbuild, like scripts/build.mjs) and
// runs it with the arguments forwarded. JSON goes to stdout, progress to stderr.
import { spawnSync } from 'node:child_process'
import { build } from 'esbuild'

const outfile = '.bench/run.mjs'
await build({
  entryPoints: ['tests/bench/run.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // As scripts/build-node.mjs: pdfkit and fontkit read data files next to their own modules.
  external: ['@duckdb/node-api', 'pdfkit', 'exceljs', 'fontkit'],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
})

// --expose-gc lets the bench collect garbage between phases, so one phase's heap does not bill the next.
const child = spawnSync(
  process.execPath,
  ['--expose-gc', '--enable-source-maps', outfile, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
)
process.exit(child.status ?? 1)
