/**
 * An audit fixture: a workspace after two imports, a month closed and a view
 * saved, and copies of it edited behind Focal's back with DuckDB itself.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { closePeriod } from '../../../electron/core/close/close-period'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { saveView } from '../../../electron/core/views/saved-views'
import { DEFAULT_PIVOT, parseDimension } from '../../../shared/pivot'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO } from '../report/support'

/** Makes the workspace; returns its path (closed, so the file alone holds it). */
export async function auditedWorkspace(): Promise<string> {
  const ws = await freshWorkspace('audited')
  try {
    for (const file of [
      DEMO,
      sample('focus-data-toolkit-golden/aws_1_2_cost_and_usage_rows100_seed42.csv'),
    ]) {
      const record = await importFile(ws, file)
      if (record.status !== 'imported') throw new Error(`fixture import ${record.status}`)
    }
    await closePeriod(ws, {
      period: '2024-09',
      note: 'September signed off',
      metric: 'BilledCost',
      source: dimensionLinesSource(parseDimension('SubAccountName')),
    })
    await saveView(ws, 'monthly', DEFAULT_PIVOT)
  } finally {
    await ws.close()
  }
  return ws.path
}

let copies = 0

/** A copy of the workspace at `path` with `statements` run on it by plain DuckDB, not Focal. */
export async function tampered(path: string, ...statements: string[]): Promise<string> {
  copies += 1
  const copy = join(tempDir(), `tampered-${copies}.focal`)
  copyFileSync(path, copy)
  const db = await DuckDBInstance.create(copy)
  const connection = await db.connect()
  try {
    for (const statement of statements) await connection.run(statement)
  } finally {
    connection.closeSync()
    db.closeSync()
  }
  return copy
}
