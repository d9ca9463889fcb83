/**
 * Value checks of an import: every rounding to 18 decimals carries its fix code,
 * and a value that cannot be stored is named briefly and precisely.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { scratchSql } from '../../helpers/duckdb'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { traceWriter } from '../../bench/trace-sql'

const HEADER = 'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd'
const DATES = '2024-09-01T00:00:00Z,2024-09-02T00:00:00Z'

let ws: Workspace | undefined
afterEach(() => ws?.close())

function csv(name: string, billed: readonly string[]): string {
  const path = join(tempDir(), name)
  const rows = billed.map((b) => `${b},1,USD,${DATES}`)
  writeFileSync(path, [HEADER, ...rows].join('\n') + '\n')
  return path
}

/** Writes a Parquet file whose BilledCost column is `sqlType`, from the given SQL literals. */
async function parquet(name: string, sqlType: string, billed: readonly string[]): Promise<string> {
  const path = join(tempDir(), name)
  const values = billed.map((b) => `(${b})`).join(', ')
  await scratchSql(
    `COPY (SELECT CAST(b AS ${sqlType}) AS BilledCost, 1::DECIMAL(10,2) AS EffectiveCost, 'USD' AS BillingCurrency,
       TIMESTAMPTZ '2024-09-01 00:00:00Z' AS ChargePeriodStart, TIMESTAMPTZ '2024-09-02 00:00:00Z' AS ChargePeriodEnd
     FROM (VALUES ${values}) t(b)) TO '${path}' (FORMAT parquet)`,
  )
  return path
}

async function storedRows(): Promise<Array<[string, string[] | null]>> {
  const rows = await ws!.all(
    'SELECT BilledCost::VARCHAR AS b, x_FixCodes AS f FROM focus ORDER BY x_SourceRow',
  )
  return rows.map((r) => [String(r.b), r.f == null ? null : (r.f as string[]).map(String)])
}

const R = ['ROUNDED_TO_18_DECIMALS']

/** The INSERT INTO cost_rows statements `workspace`'s writer runs from now on. */
function insertsOf(workspace: Workspace): string[] {
  const inserts: string[] = []
  traceWriter(workspace, {
    classify: (sql) => {
      if (/^INSERT INTO cost_rows/.test(sql.trim())) inserts.push(sql)
      return 'statement'
    },
  })
  return inserts
}

describe('checkValues: rounding to 18 decimals', () => {
  it('marks every CSV value rounded to 18 decimals, exponents included, and still reconciles', async () => {
    ws = await freshWorkspace()
    const record = await importFile(
      ws,
      csv('round.csv', [
        '1e-20',
        '1.23456789e-15',
        '0.1234567890123456789',
        '100e-20',
        '1.0000000000000000000',
        '2.5',
      ]),
    )
    expect(record).toMatchObject({ status: 'imported', reconciled: true, rowCount: 6 })
    expect(record.fixes).toEqual([{ code: 'ROUNDED_TO_18_DECIMALS', rows: 3 }])
    // 0 + 0.000000000000001235 + 0.123456789012345679 + 0.000000000000000001 + 1 + 2.5
    expect(record.totals[0]?.billedStored).toBe('3.623456789012346915')
    expect(await storedRows()).toEqual([
      ['0.000000000000000000', R],
      ['0.000000000000001235', R],
      ['0.123456789012345679', R],
      ['0.000000000000000001', null],
      ['1.000000000000000000', null],
      ['2.500000000000000000', null],
    ])
  })

  it('tests each row of a CSV read in place once for the fast cast, not once per money column', async () => {
    ws = await freshWorkspace()
    const inserts = insertsOf(ws)
    // One row takes the fast cast; the other's 20 decimals take the exact one and round.
    const record = await importFile(
      ws,
      csv('once.csv', ['12345678.0123456789', '0.12345678901234567891']),
    )
    expect(record).toMatchObject({ status: 'imported', reconciled: true, rowCount: 2 })
    expect(record.fixes).toEqual([{ code: 'ROUNDED_TO_18_DECIMALS', rows: 1 }])
    expect(await storedRows()).toEqual([
      ['12345678.012345678900000000', null],
      ['0.123456789012345679', R],
    ])
    // BilledCost and EffectiveCost are both money: their casts and the rounding check read one
    // test of the row's money fields (stage-sql.ts rowFitsFastDecimal), written once.
    expect(inserts).toHaveLength(1)
    expect(inserts[0]!.match(/regexp_full_match\(concat_ws\(/g)).toHaveLength(1)
  })

  it('marks a Parquet DOUBLE 1e-20 as rounded', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, await parquet('double.parquet', 'DOUBLE', ['1e-20', '0.1']))
    expect(record).toMatchObject({ status: 'imported', reconciled: true })
    expect(record.fixes).toEqual([{ code: 'ROUNDED_TO_18_DECIMALS', rows: 1 }])
    expect(await storedRows()).toEqual([
      ['0.000000000000000000', R],
      ['0.100000000000000000', null],
    ])
  })

  it('marks Parquet DECIMAL(38,20) values with digits past the 18th decimal as rounded', async () => {
    ws = await freshWorkspace()
    const path = await parquet('decimal.parquet', 'DECIMAL(38,20)', [
      "'0.00000000000000000001'",
      "'1.12345678901234567891'",
      "'1.50000000000000000000'",
      "'-0.00000000000000000050'",
    ])
    const record = await importFile(ws, path)
    expect(record).toMatchObject({ status: 'imported', reconciled: true })
    expect(record.fixes).toEqual([{ code: 'ROUNDED_TO_18_DECIMALS', rows: 3 }])
    expect(record.totals[0]?.billedStored).toBe('2.623456789012345678')
    expect(await storedRows()).toEqual([
      ['0.000000000000000000', R],
      ['1.123456789012345679', R],
      ['1.500000000000000000', null],
      ['-0.000000000000000001', R],
    ])
  })
})

describe('checkValues: values that cannot be stored', () => {
  it.each([
    ['1e30', '1e30'],
    ['123456789012345678901234.5', '123456789012345678901234.5'],
  ])('says %s is too large, not that it is not a number', async (value, shown) => {
    ws = await freshWorkspace()
    const record = await importFile(ws, csv('large.csv', ['1', value]))
    expect(record.error).toMatchObject({
      code: 'BAD_VALUE',
      location: { file: 'large.csv', row: 2, column: 'BilledCost', value: shown },
    })
    expect(record.error?.message).toBe(
      `large.csv, row 2, column BilledCost: "${shown}" is too large for a FOCUS amount (out of range: at most 20 digits before the decimal point).`,
    )
  })

  it('says a Parquet DOUBLE 1e300 is too large', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, await parquet('huge.parquet', 'DOUBLE', ['1e300']))
    expect(record.error?.message).toContain('"1e+300" is too large for a FOCUS amount')
  })

  it('cuts a long bad value to 60 characters and escapes control characters', async () => {
    ws = await freshWorkspace()
    const bad = `ab\u0001${'\u0007'.repeat(1000)}`
    const record = await importFile(ws, csv('long.csv', [`"${bad}"`]))
    const shown = `ab${'\\u0001'}${'\\u0007'.repeat(57)}…`
    expect(record.error?.location?.value).toBe(shown)
    expect(record.error?.message).toBe(
      `long.csv, row 1, column BilledCost: "${shown}" is not a number.`,
    )
  })
  it('cuts a Parquet text value of 1,000 NUL characters and escapes them', async () => {
    ws = await freshWorkspace()
    const path = await parquet('nul.parquet', 'VARCHAR', ["'1'", "'x' || repeat(chr(0), 1000)"])
    const record = await importFile(ws, path)
    const shown = `x${'\\u0000'.repeat(59)}…`
    expect(record.error?.location).toEqual({
      file: 'nul.parquet',
      row: 2,
      column: 'BilledCost',
      value: shown,
    })
    expect(record.error?.message).toBe(
      `nul.parquet, row 2, column BilledCost: "${shown}" is not a number.`,
    )
  })
})

describe('checkValues: a FOCUS Parquet file read with its types', () => {
  /** Records whether the value checks' own pass over the file ran (value-checks.ts). */
  const isCheckPass = (sql: string): string =>
    /^SELECT min\(source_row\) FILTER/.test(sql.trim()) ? 'checks' : 'other'

  it('is checked by the insert’s own casts, with no pass of the checks before it', async () => {
    ws = await freshWorkspace()
    const trace = traceWriter(ws, { classify: isCheckPass })
    const record = await importFile(ws, await parquet('good.parquet', 'DOUBLE', ['0.1', '1e-20']))
    expect(record.status).toBe('imported')
    expect(record.fixes).toEqual([{ code: 'ROUNDED_TO_18_DECIMALS', rows: 1 }])
    expect(trace.steps().checks).toBeUndefined()
  })

  it('tests no DOUBLE amount for a currency string: its text is a number Focal wrote', async () => {
    ws = await freshWorkspace()
    const inserts = insertsOf(ws)
    const record = await importFile(ws, await parquet('double.parquet', 'DOUBLE', ['0.1', '1e-20']))
    expect(record.status).toBe('imported')
    expect(inserts).toHaveLength(1)
    // The currency-string test's shape is the one with groups of thousands.
    expect(inserts[0]).not.toContain('(,[0-9]{3})+')
  })

  it('still names the row and column of a value that does not convert, read again with the checks', async () => {
    ws = await freshWorkspace()
    const trace = traceWriter(ws, { classify: isCheckPass })
    const record = await importFile(ws, await parquet('bad.parquet', 'DOUBLE', ['1', '2', '1e300']))
    expect(record.error).toMatchObject({
      code: 'BAD_VALUE',
      location: { file: 'bad.parquet', row: 3, column: 'BilledCost', value: '1e+300' },
    })
    expect(trace.steps().checks?.count).toBe(1)
    expect(await ws.all('SELECT count(*)::INTEGER AS n FROM cost_rows')).toEqual([{ n: 0 }])
  })
})
