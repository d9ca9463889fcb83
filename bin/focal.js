#!/usr/bin/env node
// The `focal` command: runs the built CLI (npm run build makes out/cli).
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const entry = fileURLToPath(new URL('../out/cli/index.js', import.meta.url))
if (!existsSync(entry)) {
  console.error('focal: the CLI is not built yet. Run `npm run build` in the Focal folder first.')
  process.exit(2)
}
await import(pathToFileURL(entry).href)
