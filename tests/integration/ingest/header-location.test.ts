/**
 * Where a header problem is (header-checks.ts headerLocation): line 1 of a CSV;
 * a Parquet or JSON-lines file has no lines, so its error says "schema", never
 * "line 1" — in the import's record, in `focal validate` and in the CLI's text.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { validateFile } from '../../../electron/core/validate/validate-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { describeError } from '../../../electron/cli/format'
import { scratchSql } from '../../helpers/duckdb'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const VALIDATOR_PARQUET = sample('focus-validator-samples/sample.parquet')

let ws: Workspace | undefined
afterEach(() => ws?.close())

/** A Parquet file of FOCUS's required columns, plus `extra` (SQL select items). */
async function parquet(name: string, extra: string): Promise<string> {
  const path = join(tempDir(), name)
  await scratchSql(
    `COPY (SELECT 1.25::DECIMAL(10,2) AS BilledCost, 'USD' AS BillingCurrency,
       TIMESTAMPTZ '2024-09-01 00:00:00+00' AS ChargePeriodStart,
       TIMESTAMPTZ '2024-09-02 00:00:00+00' AS ChargePeriodEnd, ${extra})
     TO '${path}' (FORMAT parquet)`,
  )
  return path
}

describe('the location of a header problem', () => {
  it('says "schema", not "line 1", for a Parquet file that is no billing export Focal knows', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, VALIDATOR_PARQUET)
    expect(record.status).toBe('failed')
    expect(record.error?.code).toBe('MISSING_COLUMNS')
    expect(record.error?.location).toEqual({ file: 'sample.parquet', part: 'schema' })
    const text = describeError(record.error!)
    expect(text).toContain('\n  where: sample.parquet, schema\n')
    expect(text).not.toContain('line')
  })

  it('says "schema" for two Parquet columns filling one column, naming the column', async () => {
    ws = await freshWorkspace()
    const path = await parquet('twins.parquet', `'web' AS Team, 'data' AS x_Team`)
    const record = await importFile(ws, path)
    expect(record.error).toMatchObject({
      code: 'DUPLICATE_COLUMNS',
      location: { file: 'twins.parquet', part: 'schema', column: 'x_Team' },
    })
    expect(record.error?.location).not.toHaveProperty('line')
    expect(record.error?.hint).toContain("one of each pair in the file's columns")
    const validation = await validateFile(path, 'twins.parquet')
    expect(validation.error?.location).toEqual({
      file: 'twins.parquet',
      part: 'schema',
      column: 'x_Team',
    })
  })

  it('says "schema" when focal validate reads a Parquet file with no FOCUS column', async () => {
    const path = join(tempDir(), 'notes.parquet')
    await scratchSql(`COPY (SELECT 'lunch' AS name, 12 AS amount) TO '${path}' (FORMAT parquet)`)
    const validation = await validateFile(path, 'notes.parquet')
    expect(validation.error).toMatchObject({
      code: 'MISSING_COLUMNS',
      location: { file: 'notes.parquet', part: 'schema' },
    })
    expect(validation.error?.location).not.toHaveProperty('line')
  })

  it('still says line 1 for a CSV, whose header is its first line', async () => {
    ws = await freshWorkspace()
    const path = join(tempDir(), 'notes.csv')
    writeFileSync(path, 'name,amount\nlunch,12\n')
    const record = await importFile(ws, path)
    expect(record.error?.location).toEqual({ file: 'notes.csv', line: 1 })
    expect(describeError(record.error!)).toContain('\n  where: notes.csv, line 1\n')
  })
})
