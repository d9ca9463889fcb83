/**
 * A FOCUS CSV read in place (import-file.ts storeInPlace): the insert reads the file
 * straight into cost_rows, so row numbers come from the insert's order, and a bad value
 * is found by the text stage it falls back to. Files of 300,000 rows span several of
 * DuckDB's row groups and are read by its parallel CSV reader.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
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

describe('values padded with spaces, read in place', () => {
  /** A small FOCUS CSV whose money and dates are padded; `nbsp` pads one value with a no-break space. */
  function paddedFile(name: string, nbsp: boolean): string {
    const rows = [
      ' 1.25 ,1.25,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,r1',
      `\t2.5,${nbsp ? '2.5\u00a0' : '2.5'},USD, 2024-09-02T00:00:00Z ,2024-09-03T00:00:00Z\t,r2`,
      '"0.1234567890123456789 ", 5.0E-7 ,EUR,2024-09-03T00:00:00Z,2024-09-04T00:00:00Z,r3',
      ' -12345678.1234567890, 1e-20,USD,2024-09-04 02:00:00+02 ,2024-09-05T00:00:00Z,r4',
    ]
    const path = join(tempDir(), name)
    writeFileSync(path, `${HEADER}\n${rows.join('\n')}\n`)
    return path
  }

  /** Imports `path` into a fresh workspace; the stored rows and whether the text stage read the file. */
  async function stored(path: string, typedRead: boolean) {
    const workspace = await freshWorkspace()
    try {
      // Watched, not replaced: every statement still runs on the real writer.
      const run = vi.spyOn(workspace.writer, 'run')
      const record = await importFile(workspace, path, { typedRead, displayName: 'padded.csv' })
      expect(record.status).toBe('imported')
      const rows = await workspace.all(
        `SELECT x_SourceRow::INT AS row, BilledCost::VARCHAR AS billed, EffectiveCost::VARCHAR AS effective,
           strftime(ChargePeriodStart, '%Y-%m-%dT%H:%M:%SZ') AS start, strftime(ChargePeriodEnd, '%Y-%m-%dT%H:%M:%SZ') AS "end",
           BillingCurrency AS currency, x_FixCodes::VARCHAR AS fixes
         FROM cost_rows ORDER BY x_SourceRow`,
      )
      // The text stage copies the file into a temp table (stage-sql.ts stageCsvSql); a read in place does not.
      const textStage = run.mock.calls.some(([sql]) => /^CREATE TEMP TABLE/.test(sql))
      return { rows, textStage, totals: record.totals }
    } finally {
      workspace.close()
    }
  }

  it('stores what the text stage stores, to the digit, and flags the same rounding', async () => {
    const path = paddedFile('padded.csv', false)
    const inPlace = await stored(path, true)
    const staged = await stored(path, false)
    expect(inPlace.textStage).toBe(false)
    expect(staged.textStage).toBe(true)
    expect(inPlace.rows).toEqual(staged.rows)
    expect(inPlace.totals).toEqual(staged.totals)
    expect(inPlace.rows).toEqual([
      {
        row: 1,
        billed: '1.250000000000000000',
        effective: '1.250000000000000000',
        start: '2024-09-01T00:00:00Z',
        end: '2024-09-02T00:00:00Z',
        currency: 'USD',
        fixes: null,
      },
      {
        row: 2,
        billed: '2.500000000000000000',
        effective: '2.500000000000000000',
        start: '2024-09-02T00:00:00Z',
        end: '2024-09-03T00:00:00Z',
        currency: 'USD',
        fixes: null,
      },
      {
        row: 3,
        billed: '0.123456789012345679',
        effective: '0.000000500000000000',
        start: '2024-09-03T00:00:00Z',
        end: '2024-09-04T00:00:00Z',
        currency: 'EUR',
        fixes: '[ROUNDED_TO_18_DECIMALS]',
      },
      {
        row: 4,
        billed: '-12345678.123456789000000000',
        effective: '0.000000000000000000',
        start: '2024-09-04T00:00:00Z',
        end: '2024-09-05T00:00:00Z',
        currency: 'USD',
        fixes: '[ROUNDED_TO_18_DECIMALS]',
      },
    ])
  })

  it('reads a value padded with a no-break space through the text stage, which trims it', async () => {
    const path = paddedFile('nbsp.csv', true)
    const inPlace = await stored(path, true)
    expect(inPlace.textStage).toBe(true)
    expect(inPlace.rows).toEqual((await stored(path, false)).rows)
    expect(inPlace.rows[1]).toMatchObject({ row: 2, effective: '2.500000000000000000' })
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
