/**
 * run-import on a FOCUS Parquet file read typed: its insert starts while the scan still hashes
 * the bytes, and what waited for the hash before (the duplicate check, the file's unchanged
 * bytes) is settled before commit, so a byte-identical copy and a file changed meanwhile are
 * still refused with nothing stored.
 */
import { appendFileSync, copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { csvSums } from '../../helpers/csv-sums'
import { scratchSql } from '../../helpers/duckdb'
import { sample, tempDir } from '../../helpers/paths'
import { storedSums, storedTotals, workspacesClosedAfterEach } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
let parquet = ''

beforeAll(async () => {
  parquet = join(tempDir(), 'focus_sample.parquet')
  await scratchSql(
    `COPY (SELECT * FROM read_csv('${SAMPLE}', nullstr = ['NULL', ''])) TO '${parquet}' (FORMAT parquet)`,
  )
})

const workspace = workspacesClosedAfterEach('run-import')

describe('a FOCUS Parquet file read typed', () => {
  it('is inserted before its read is settled, and stores the file’s exact totals', async () => {
    const ws = await workspace()
    // Settling the read (duplicate check, then this hook) comes after the insert, in its transaction.
    let rowsWhenSettled = -1
    const record = await importFile(ws, parquet, {
      afterRead: async () => {
        const [row] = await ws.all('SELECT count(*)::BIGINT AS n FROM cost_rows')
        rowsWhenSettled = Number(row?.n)
      },
    })
    expect(record.status).toBe('imported')
    expect(record.format).toBe('parquet')
    const expected = csvSums(SAMPLE, 'BilledCost')
    const rows = Object.values(expected).reduce((n, c) => n + c.rows, 0)
    expect(record.rowCount).toBe(rows)
    expect(rowsWhenSettled).toBe(rows)
    const stored = await storedSums(ws)
    for (const [currency, sum] of Object.entries(expected))
      expect({ rows: stored[currency]?.rows, billed: stored[currency]?.billed }).toEqual({
        rows: sum.rows,
        billed: sum.sum,
      })
  })

  it('is refused when the same bytes are already imported, with nothing added', async () => {
    const ws = await workspace()
    expect((await importFile(ws, parquet)).status).toBe('imported')
    const before = await storedTotals(ws)
    const copy = join(tempDir(), 'renamed-copy.parquet')
    copyFileSync(parquet, copy)
    const again = await importFile(ws, copy)
    expect(again.status).toBe('duplicate')
    expect(again.error?.message).toMatch(/same SHA-256 as import #1/)
    expect(await storedTotals(ws)).toEqual(before)
  })

  it('is refused when it changes while it is read, with nothing stored', async () => {
    const ws = await workspace()
    const path = join(tempDir(), 'changing.parquet')
    copyFileSync(parquet, path)
    const record = await importFile(ws, path, {
      afterRead: async () => appendFileSync(path, Buffer.from('trailing bytes')),
    })
    expect(record.error?.code).toBe('FILE_CHANGED')
    expect(record.error?.message).toMatch(/^changing\.parquet changed while Focal was reading it/)
    expect(await storedTotals(ws)).toEqual({})
  })
})
