// electron-vite builds the three Electron bundles: main (with the engine
// utility process as a second entry), preload (CommonJS, so it runs with
// sandbox on), and the renderer. The CLI and web host are plain Node bundles
// built by scripts/build.mjs with esbuild.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

const root = import.meta.dirname

/**
 * In `electron-vite dev` only, React Fast Refresh injects an inline script and
 * talks to the dev server over a websocket, which the strict CSP meta tag
 * blocks. The dev server's page gets a relaxed copy; built files keep the
 * strict policy unchanged (apply: 'serve').
 */
function devCsp(): Plugin {
  return {
    name: 'focal-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          engine: resolve(root, 'electron/engine/index.ts'),
        },
        external: ['@duckdb/node-api'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require npm packages: bundle zod and the
      // contract into the one CommonJS file; only `electron` stays external.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), devCsp()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
})
