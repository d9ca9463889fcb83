/**
 * Money written as a currency string (the FOCUS spec's SaaS examples write `$10,000.00`):
 * the unambiguous forms are read into their exact decimal, flagged CURRENCY_STRING_PARSED
 * and reconciled by the second reader; anything ambiguous is refused with its row and column.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const HEADER =
  'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ConsumedQuantity'
const DATES = '2024-09-01T00:00:00Z,2024-09-02T00:00:00Z'

let ws: Workspace | undefined
afterEach(() => ws?.close())

/** A FOCUS CSV with one row per [BilledCost, currency] (quoted as written when it holds a comma). */
function csv(name: string, rows: ReadonlyArray<readonly [string, string]>): string {
  const path = join(tempDir(), name)
  const quote = (v: string): string => (v.includes(',') ? `"${v}"` : v)
  const lines = rows.map(([billed, currency]) => `${quote(billed)},1,${currency},${DATES},2`)
  writeFileSync(path, [HEADER, ...lines].join('\n') + '\n')
  return path
}

async function stored(): Promise<Array<[string, string, string[] | null]>> {
  const rows = await ws!.all(
    'SELECT BilledCost::VARCHAR AS b, BillingCurrency AS c, x_FixCodes AS f FROM focus ORDER BY x_SourceRow',
  )
  return rows.map((r) => [
    String(r.b),
    String(r.c),
    r.f == null ? null : (r.f as string[]).map(String),
  ])
}

const P = ['CURRENCY_STRING_PARSED']

describe('currency strings in FOCUS money columns', () => {
  it('reads symbol and thousands forms exactly, flags each such row and reconciles', async () => {
    ws = await freshWorkspace()
    const record = await importFile(
      ws,
      csv('currency.csv', [
        ['$10,000.00 ', 'USD'],
        ['-$1,234,567.891', 'USD'],
        ['$20.5', 'USD'],
        ['€1,000', 'EUR'],
        ['£0.01', 'GBP'],
        ['¥1,000', 'JPY'],
        ['2,000.25', 'EUR'],
        ['7.5', 'USD'],
      ]),
    )
    expect([record.status, record.error?.message]).toEqual(['imported', undefined])
    expect(record.reconciled).toBe(true)
    expect(record.fixes).toEqual([{ code: 'CURRENCY_STRING_PARSED', rows: 7 }])
    // USD: 10000 − 1234567.891 + 20.5 + 7.5; EUR: 1000 + 2000.25 (summed by hand).
    expect(
      Object.fromEntries(record.totals.map((t) => [t.currency, [t.billedSource, t.billedStored]])),
    ).toEqual({
      EUR: ['3000.25', '3000.25'],
      GBP: ['0.01', '0.01'],
      JPY: ['1000', '1000'],
      USD: ['-1224539.891', '-1224539.891'],
    })
    expect(await stored()).toEqual([
      ['10000.000000000000000000', 'USD', P],
      ['-1234567.891000000000000000', 'USD', P],
      ['20.500000000000000000', 'USD', P],
      ['1000.000000000000000000', 'EUR', P],
      ['0.010000000000000000', 'GBP', P],
      ['1000.000000000000000000', 'JPY', P],
      ['2000.250000000000000000', 'EUR', P],
      ['7.500000000000000000', 'USD', null],
    ])
  })

  it.each([
    ['a symbol that is not the row currency', '$10.00', 'EUR', '$10.00'],
    ['a decimal comma with thousands dots', '1.234,5', 'EUR', '1.234,5'],
    ['a decimal comma', '12,5', 'EUR', '12,5'],
    ['thousands groups of the wrong size', '1,23,456', 'USD', '1,23,456'],
    ['a symbol after the number', '10.00$', 'USD', '10.00$'],
  ])('refuses %s with its row and column', async (_what, value, currency, shown) => {
    ws = await freshWorkspace()
    const record = await importFile(
      ws,
      csv('ambiguous.csv', [
        ['$1.00', 'USD'],
        [value, currency],
      ]),
    )
    expect(record.status).toBe('failed')
    expect(record.error).toMatchObject({
      code: 'BAD_VALUE',
      location: { file: 'ambiguous.csv', row: 2, column: 'BilledCost', value: shown },
    })
  })

  it('reads no currency string in a quantity column', async () => {
    ws = await freshWorkspace()
    const path = join(tempDir(), 'quantity.csv')
    writeFileSync(path, `${HEADER}\n1,1,USD,${DATES},"1,000"\n`)
    const record = await importFile(ws, path)
    expect(record.error).toMatchObject({
      code: 'BAD_VALUE',
      location: { row: 1, column: 'ConsumedQuantity', value: '1,000' },
    })
  })

  it('reads the text null in money, quantity and date columns as null, as the spec examples write it', async () => {
    ws = await freshWorkspace()
    const path = join(tempDir(), 'null-text.csv')
    writeFileSync(
      path,
      `${HEADER},ChargeDescription\n` +
        `1.5,null,USD,${DATES},NULL,null\n` +
        `2,0.5,USD,2024-09-01T00:00:00Z, Null ,Null ,null\n`,
    )
    const record = await importFile(ws, path)
    expect([record.status, record.error?.message]).toEqual(['imported', undefined])
    expect(record.reconciled).toBe(true)
    expect(record.totals.map((t) => [t.billedSource, t.effectiveSource])).toEqual([['3.5', '0.5']])
    const rows = await ws.all(
      `SELECT EffectiveCost::VARCHAR AS e, ChargePeriodEnd IS NULL AS end_null, ConsumedQuantity::VARCHAR AS q,
         ChargeDescription AS d FROM focus ORDER BY x_SourceRow`,
    )
    // A text column keeps what the file wrote: only a number or a date cannot be the word null.
    expect(rows).toEqual([
      { e: null, end_null: false, q: null, d: 'null' },
      { e: '0.500000000000000000', end_null: true, q: null, d: 'null' },
    ])
  })

  it('imports the spec SaaS example with its README sums', async () => {
    ws = await freshWorkspace()
    const record = await importFile(
      ws,
      sample(
        'focus-spec-examples/data/saas_examples/simple_agreements/simple_saas_agreements_c.csv',
      ),
    )
    expect(record).toMatchObject({ status: 'imported', reconciled: true, rowCount: 3 })
    expect(record.fixes).toEqual([{ code: 'CURRENCY_STRING_PARSED', rows: 3 }])
    // The data README: BilledCost=35800 and ListCost=35800 after stripping `$` and `,`.
    const [row] = await ws.all(
      'SELECT sum(BilledCost)::VARCHAR AS b, sum(ListCost)::VARCHAR AS l FROM focus',
    )
    expect([row?.b, row?.l]).toEqual(['35800.000000000000000000', '35800.000000000000000000'])
  })
})
