// Builds everything: the Electron bundles and renderer (electron-vite), then
// the Node bundles of the `focal` CLI and the web host (esbuild).
import { execFileSync } from 'node:child_process'
import { build } from 'esbuild'

execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
  stdio: 'inherit',
})

await build({
  entryPoints: { 'cli/index': 'electron/cli/index.ts', 'webhost/index': 'electron/webhost/index.ts' },
  outdir: 'out',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['@duckdb/node-api', 'pdfkit', 'exceljs'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
})
console.log('built out/cli and out/webhost')
