/**
 * A FOCUS CSV read in place (import-file.ts storeInPlace): the insert reads the file
 * straight into cost_rows, so row numbers come from the insert's order, and a bad value
 * is found by the text stage it falls back to. Files of 300,000 rows span several of
 * DuckDB's row groups and are read by its parallel CSV reader.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace, storedSums } from '../../helpers/workspace'

const HEADER =
  'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ResourceId'
const ROWS = 300_000

/** A FOCUS CSV of `rows` rows whose ResourceId is r<row>; `bad` replaces one row's BilledCost. */
function writeFile(name: string, rows: number, month: string, bad?: { row: number; text: string }) {
  const lines = [HEADER]
  for (let row = 1; row <= rows; row++) {
    const billed = row === bad?.row ? bad.text : `${row % 1000}.25`
    lines.push(`${billed},1,USD,${month}-01T00:00:00Z,${month}-02T00:00:00Z,r${row}`)
  }
  const path = join(tempDir(), name)
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

/** Σ (row % 1000) + 0.25 per row over rows 1…n, as exact decimal text. */
function expectedBilled(rows: number): string {
  let whole = 0n
  for (let row = 1; row <= rows; row++) whole += BigInt(row % 1000)
  const quarters = BigInt(rows) // 0.25 each
  const cents = whole * 100n + quarters * 25n
  return decimalText(cents)
}

/** Cents as the shortest decimal text (1.5, 3). */
function decimalText(cents: bigint): string {
  const fraction = String(cents % 100n)
    .padStart(2, '0')
    .replace(/0+$/, '')
  return fraction ? `${cents / 100n}.${fraction}` : String(cents / 100n)
}

let ws: Workspace | undefined
afterEach(() => ws?.close())

describe('import of a FOCUS CSV read in place', () => {
  it('numbers every row by its place in the file, in a workspace that already holds rows', async () => {
    ws = await freshWorkspace()
    const first = await importFile(ws, writeFile('september.csv', 1_000, '2024-09'))
    expect(first.status).toBe('imported')
    const record = await importFile(ws, writeFile('october.csv', ROWS, '2024-10'))
    expect(record.status).toBe('imported')
    expect(record.rowCount).toBe(ROWS)
    const [check] = await ws.all(
      `SELECT count(*)::INT AS n, min(x_SourceRow)::INT AS lo, max(x_SourceRow)::INT AS hi,
         count(*) FILTER (WHERE x_SourceRow <> CAST(substr(ResourceId, 2) AS BIGINT))::INT AS wrong
       FROM cost_rows WHERE x_ImportId = $1`,
      [record.id],
    )
    expect(check).toEqual({ n: ROWS, lo: 1, hi: ROWS, wrong: 0 })
    const [earlier] = await ws.all(
      `SELECT count(*) FILTER (WHERE x_SourceRow <> CAST(substr(ResourceId, 2) AS BIGINT))::INT AS wrong
       FROM cost_rows WHERE x_ImportId = $1`,
      [first.id],
    )
    expect(earlier?.wrong).toBe(0)
    expect(await storedSums(ws)).toEqual({
      USD: {
        rows: ROWS + 1_000,
        billed: addDecimal(expectedBilled(ROWS), expectedBilled(1_000)),
        effective: String(ROWS + 1_000),
      },
    })
  })

  it('reports a bad value deep in the file by row and column and stores nothing', async () => {
    ws = await freshWorkspace()
    const path = writeFile('bad.csv', ROWS, '2024-09', { row: 250_001, text: '12.5 USD' })
    const record = await importFile(ws, path)
    expect(record.status).toBe('failed')
    expect(record.error?.code).toBe('BAD_VALUE')
    expect(record.error?.message).toMatch(
      /^bad\.csv, row 250001, column BilledCost: "12\.5 USD" is not a number\./,
    )
    expect(record.error?.location).toMatchObject({ row: 250_001, column: 'BilledCost' })
    const [stored] = await ws.all('SELECT count(*)::INT AS n FROM cost_rows')
    expect(stored?.n).toBe(0)
  })
})

/** The sum of two non-negative decimal texts with at most two decimals. */
function addDecimal(a: string, b: string): string {
  const cents = (text: string): bigint => {
    const [whole = '0', fraction = ''] = text.split('.')
    return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'))
  }
  return decimalText(cents(a) + cents(b))
}
