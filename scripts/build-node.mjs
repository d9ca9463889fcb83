// Bundles the Node entry points (the `focal` CLI and the web host) with esbuild.
// Used by scripts/build.mjs and by the test setup, so the CLI under test is the built one.
import { build } from 'esbuild'

/** esbuild options every Node bundle of Focal shares (CLI, web host, benchmark). */
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // Native DuckDB, and pdfkit/fontkit/exceljs, which read data files next to their own modules.
  external: ['@duckdb/node-api', 'pdfkit', 'exceljs', 'fontkit'],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  // Value lookups (resources/lookups/*.csv) are bundled as text, as Vite's `?raw` does.
  loader: { '.csv': 'text' },
  logLevel: 'warning',
}

/** Builds out/cli/index.js and out/webhost/index.js. */
export async function buildNodeEntries() {
  await build({
    ...NODE_BUNDLE,
    entryPoints: {
      'cli/index': 'electron/cli/index.ts',
      'webhost/index': 'electron/webhost/index.ts',
    },
    outdir: 'out',
  })
}

if (import.meta.url === `file://${process.argv[1]}`) await buildNodeEntries()
