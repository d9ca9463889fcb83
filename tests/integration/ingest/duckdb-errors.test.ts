/**
 * duckdb-errors with real DuckDB errors: what DuckDB says about a file reaches
 * people as a Focal sentence naming the file (never its absolute path) and
 * what to do; a valid file DuckDB's parallel CSV reader misjudges is read
 * on one thread instead of refused.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { scratchSql } from '../../helpers/duckdb'
import { importFile } from '../../../electron/core/ingest/import-file'
import { stageCsvSql } from '../../../electron/core/ingest/stage-sql'
import { listImports } from '../../../electron/core/workspace/imports-registry'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal } from '../../../shared/money'
import { csvSums } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace, storedTotals } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const HEADER =
  'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName\n'
const GOOD_ROW = '1.25,1.00,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,Compute Engine\n'

let ws: Workspace
let dir: string
let before: Awaited<ReturnType<typeof storedTotals>>

beforeEach(async () => {
  ws = await freshWorkspace()
  dir = tempDir()
  expect((await importFile(ws, SAMPLE)).status).toBe('imported')
  before = await storedTotals(ws)
})
afterEach(() => ws.close())

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/**
 * 40,000 rows whose last value is quoted across 41 lines that each look like
 * a row (about 13 MB): valid RFC 4180 that DuckDB's parallel reader, splitting
 * the file by byte ranges, misjudges (it reports a row of 1 field).
 */
function quotedLinesCsv(): string {
  const inner = '\n1,2,USD,x,y,z'.repeat(40)
  let text = HEADER
  for (let i = 0; i < 40_000; i++)
    text += `${(i % 100) / 100},1,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,"tag${inner}\n${i}"\n`
  return text
}

/** Imports `path`, expects it refused with `code`, and checks nothing changed but the log. */
async function expectRefused(path: string, code: string) {
  const record = await importFile(ws, path)
  expect(record.status).toBe('failed')
  expect(record.error?.code).toBe(code)
  expect(await storedTotals(ws)).toEqual(before)
  expect((await listImports(ws))[0]).toMatchObject({ id: record.id, error: { code } })
  expect(JSON.stringify(record.error)).not.toContain(dir)
  return record
}

describe('DuckDB read errors', () => {
  it('a valid CSV the parallel reader misjudges imports on one thread with exact totals', async () => {
    const path = file('multi-line-tags.csv', quotedLinesCsv())
    // Guards the fixture: DuckDB's default reader refuses this valid file (with 1, 2, 4, 8 or 16
    // threads alike; only parallel = false reads it).
    const probe = stageCsvSql(`parallel_probe_${process.pid}`, 6, ',', false)
    const refusal = await scratchSql(probe, [path]).then(
      () => null,
      (error: unknown) => String(error),
    )
    expect(refusal).toMatch(/CSV Error on Line|Parallel CSV Reader/)
    const record = await importFile(ws, path)
    expect(record.error).toBeNull()
    expect(record.rowCount).toBe(40_000)
    const billed = csvSums(path, 'BilledCost').USD
    expect(billed?.rows).toBe(40_000)
    expect(record.totals).toEqual([
      expect.objectContaining({
        currency: 'USD',
        rows: 40_000,
        billedStored: normalizeDecimal(billed?.sum ?? ''),
        reconciled: true,
      }),
    ])
  })

  it('a row longer than DuckDB reads (a quoted value over many short lines) names the file and line', async () => {
    // Each physical line is short; only the quoted value joining them is too long for a row.
    const long = `1,1,USD,2024-09-01,2024-09-02,"${'note\n'.repeat(600_000)}"\n`
    const record = await expectRefused(
      file('long.csv', HEADER + GOOD_ROW + long + GOOD_ROW),
      'BAD_ROW_SHAPE',
    )
    expect(record.error?.message).toBe(
      `long.csv, line 3: the line is longer than the 2000000 bytes a CSV line may have (${long.length - 1} bytes), so the file is damaged or a quote is never closed.`,
    )
    expect(record.error?.location).toEqual({ file: 'long.csv', line: 3 })
  })

  it('a stray carriage return is a sentence about the file, not the parser state machine', async () => {
    const record = await expectRefused(
      file('stray-cr.csv', HEADER + GOOD_ROW + '1,1,USD,2024-09-01,2024-09-02,x\r' + GOOD_ROW),
      'BAD_ROW_SHAPE',
    )
    expect(record.error?.message).toBe(
      'stray-cr.csv: the file cannot be split into CSV rows; a stray quote or carriage return, or line breaks of more than one kind, usually cause this.',
    )
  })

  it('a damaged Parquet file is named without its absolute path', async () => {
    const record = await expectRefused(
      file('broken.parquet', 'PAR1 this is not really parquet'),
      'UNSUPPORTED_FORMAT',
    )
    expect(record.error?.message).toBe(
      'broken.parquet is not a readable Parquet file: it is damaged or incomplete.',
    )
  })
})
