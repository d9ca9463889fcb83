// Bundles the Node entry points (the `focal` CLI and the web host) with esbuild.
// Used by scripts/build.mjs and by the test setup, so the CLI under test is the built one.
import { build } from 'esbuild'

/** Builds out/cli/index.js and out/webhost/index.js. */
export async function buildNodeEntries() {
  await build({
    entryPoints: {
      'cli/index': 'electron/cli/index.ts',
      'webhost/index': 'electron/webhost/index.ts',
    },
    outdir: 'out',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    external: ['@duckdb/node-api', 'pdfkit', 'exceljs', 'fontkit'],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'warning',
  })
}

if (import.meta.url === `file://${process.argv[1]}`) await buildNodeEntries()
