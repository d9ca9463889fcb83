/**
 * Staging tables of two imports into one workspace never share a name, even
 * when both start in the same millisecond (the clock is held still here; the
 * imports, DuckDB and the files are real).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { ROOT, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const DEMO = join(ROOT, 'resources/demo/focus-sample.csv')
let ws: Workspace | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  await ws?.close()
})

describe('import staging names', () => {
  it('imports two files started in the same millisecond, both whole', async () => {
    ws = await freshWorkspace()
    const [header, ...rows] = readFileSync(DEMO, 'utf8').trimEnd().split('\n')
    const dir = tempDir()
    const first = join(dir, 'first.csv')
    const second = join(dir, 'second.csv')
    writeFileSync(first, `${header}\n${rows.slice(0, 400).join('\n')}\n`)
    writeFileSync(second, `${header}\n${rows.slice(400).join('\n')}\n`)
    vi.spyOn(Date, 'now').mockReturnValue(1_750_000_000_000)
    const records = await Promise.all([importFile(ws, first), importFile(ws, second)])
    expect(records.map((r) => [r.fileName, r.status, r.rowCount, r.error])).toEqual([
      ['first.csv', 'imported', 400, null],
      ['second.csv', 'imported', rows.length - 400, null],
    ])
  })
})
