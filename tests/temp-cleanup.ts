/**
 * Removes the temp folders a test file made with `tempDir` once the file is done: a full run
 * makes thousands (workspaces, generated exports), and left behind they fill the disk of a
 * machine that runs the suite often. Runs after the file's own afterAll hooks (hooks stack).
 */
import { rmSync } from 'node:fs'
import { afterAll } from 'vitest'
import { TEMP_DIRS } from './helpers/paths'

afterAll(() => {
  for (const dir of TEMP_DIRS) rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
  TEMP_DIRS.clear()
})
