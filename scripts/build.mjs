// Builds everything: the Electron bundles and renderer (electron-vite), then
// the Node bundles of the `focal` CLI and the web host (esbuild).
import { execFileSync } from 'node:child_process'
import { buildNodeEntries } from './build-node.mjs'

execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
  stdio: 'inherit',
})
await buildNodeEntries()
console.log('built out/main, out/preload, out/renderer, out/cli and out/webhost')
