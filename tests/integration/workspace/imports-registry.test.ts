/**
 * The import registry stores no absolute path: failed attempts whose raw
 * errors name the file's full path (a missing file, a damaged Parquet file,
 * a gzip that is not one) are stored with its display name, and no text in
 * any table of the workspace holds the folder the files were in.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { listImports } from '../../../electron/core/workspace/imports-registry'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

let ws: Workspace | undefined
afterEach(async () => {
  await ws?.close()
})

/** Every VARCHAR value in every table of the workspace that contains `text`. */
async function textsContaining(workspace: Workspace, text: string): Promise<string[]> {
  const columns = await workspace.all(
    "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND data_type LIKE 'VARCHAR%' AND schema_name = 'main'",
  )
  const found: string[] = []
  for (const c of columns) {
    const rows = await workspace.all(
      `SELECT CAST("${String(c.column_name)}" AS VARCHAR) AS v FROM "${String(c.table_name)}" WHERE contains(CAST("${String(c.column_name)}" AS VARCHAR), $1)`,
      [text],
    )
    found.push(
      ...rows.map((r) => `${String(c.table_name)}.${String(c.column_name)}: ${String(r.v)}`),
    )
  }
  return found
}

describe('import registry', () => {
  it('stores failed attempts with the display name, never the absolute path or its folder', async () => {
    ws = await freshWorkspace()
    const folder = join(tempDir('focal-secret-folder-'), 'exports')
    mkdirSync(folder)
    const missing = join(folder, 'missing.csv')
    const parquet = join(folder, 'damaged.parquet')
    writeFileSync(
      parquet,
      Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(64, 7), Buffer.from('PAR1')]),
    )
    const gzip = join(folder, 'broken.csv.gz')
    writeFileSync(gzip, Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(40, 3)]))
    for (const path of [missing, parquet, gzip]) {
      const record = await importFile(ws, path)
      expect(record.status).toBe('failed')
    }
    const records = await listImports(ws)
    expect(records.map((r) => r.fileName).sort()).toEqual([
      'broken.csv.gz',
      'damaged.parquet',
      'missing.csv',
    ])
    // Said in words, never Node's raw "ENOENT … stat '<path>'".
    const missingError = records.find((r) => r.fileName === 'missing.csv')?.error?.message
    expect(missingError).toBe('missing.csv does not exist.')
    expect(await textsContaining(ws, folder)).toEqual([])
    expect(await textsContaining(ws, 'focal-secret-folder-')).toEqual([])
  })
})
