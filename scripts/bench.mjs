// `npm run bench -- [--rows N] [--repeats N] [--format csv|parquet|both] [--profile]
// [--only import|native|pivots|pack] [--no-pack-exports]`: bundles
// tests/bench/run.ts into .bench/run.mjs (esbuild, the options of scripts/build-node.mjs) and
// runs it with the arguments forwarded. JSON goes to stdout, progress to stderr.
import { spawnSync } from 'node:child_process'
import { build } from 'esbuild'
import { NODE_BUNDLE } from './build-node.mjs'

const outfile = '.bench/run.mjs'
await build({ ...NODE_BUNDLE, entryPoints: ['tests/bench/run.ts'], outfile })

// --expose-gc lets the bench collect garbage between phases, so one phase's heap does not bill the next.
const child = spawnSync(
  process.execPath,
  ['--expose-gc', '--enable-source-maps', outfile, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
)
process.exit(child.status ?? 1)
