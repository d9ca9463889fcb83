/**
 * compile-sql.ts `quotient` and `product`: exact decimal division and multiplication by a
 * whole number in real DuckDB, checked against BigInt arithmetic written here.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileMapping, mappedViewSql } from '../../../../shared/formats/compile-sql'
import type { FormatMapping } from '../../../../shared/formats/mapping-types'
import { roundsPast18Decimals } from '../../../../electron/core/ingest/stage-sql'

/** `dividend / divisor` rounded half away from zero to 18 decimals, by BigInt arithmetic. */
function expectedQuotient(dividend: string, divisor: string): string {
  const [whole = '', fraction = ''] = dividend.replace('-', '').split('.')
  const scaled = BigInt(whole + fraction.padEnd(18, '0')) // |dividend| × 10^18
  const n = BigInt(divisor)
  let q = scaled / n
  if ((scaled % n) * 2n >= n) q += 1n
  const text = q.toString().padStart(19, '0')
  const sign = dividend.startsWith('-') && q !== 0n ? '-' : ''
  return `${sign}${text.slice(0, -18)}.${text.slice(-18)}`
}

const CASES: [string, string | null][] = [
  ['25', '10'],
  ['1', '3'],
  ['2', '3'],
  ['-2', '3'],
  ['0.000000000000000005', '10'],
  ['0.000000000000000004', '10'],
  ['123456789012345678.123456789012345678', '744'],
  ['7.25', '1'],
  ['7.25', null],
  ['n/a', '10'],
  ['5', 'ten'],
  ['5', '0'],
  ['', '10'],
  ['0.0004', '10000'],
  ['-1.5', '3'],
  ['1.42949E-05', '1000000000'],
  ['99999999999999999999', '10'],
]

let connection: DuckDBConnection
beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect()
  await connection.run('CREATE TABLE stage (c0 VARCHAR, c1 VARCHAR, c2 INTEGER)')
  for (const [i, [a, b]] of CASES.entries())
    await connection.run(`INSERT INTO stage VALUES ($a, $b, ${i})`, { a, b })
})
afterAll(() => connection.closeSync())

/** Each case's quotient (or product) text, the text cast as Focal stores decimals, and whether the rounding check fires. */
async function scaled(
  op: 'quotient' | 'product' = 'quotient',
): Promise<{ text: string | null; stored: string | null; rounded: boolean }[]> {
  const mapping: FormatMapping = {
    id: 'test',
    title: 'Test',
    signature: { all: [] },
    columns: {
      q: { value: { quotient: { column: 'A' }, divisor: { column: 'B' } } },
      p: { value: { product: { column: 'A' }, factor: { column: 'B' } } },
    },
    reconcile: { currency: 'A', billed: [], effective: [] },
  }
  const compiled = compileMapping(mapping, ['A', 'B', 'Order'])
  await connection.run('DROP VIEW IF EXISTS mapped')
  await connection.run(mappedViewSql(compiled, 'stage', 'mapped', 'c2'))
  const c = op === 'quotient' ? 'c0' : 'c1'
  const reader = await connection.runAndReadAll(
    `SELECT ${c}, CAST(TRY_CAST(${c} AS DECIMAL(38,18)) AS VARCHAR), coalesce(${roundsPast18Decimals(c)}, false)
     FROM mapped ORDER BY source_row`,
  )
  return (reader.getRowsJson() as [string | null, string | null, boolean][]).map(
    ([text, stored, rounded]) => ({ text, stored, rounded }),
  )
}

describe('quotient', () => {
  it('divides exactly; digits past the 18th decimal are kept for the stored value to round half away from zero and be flagged', async () => {
    const got = await scaled()
    for (const [i, [a, b]] of CASES.slice(0, 7).entries())
      expect(got[i]?.stored, `${a} / ${b}`).toBe(expectedQuotient(a, b ?? '1'))
    // Only 25 / 10 ends within 18 decimals.
    expect(got.slice(0, 7).map((g) => g.rounded)).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      true,
    ])
    expect(got[0]?.text).toBe('2.500000000000000000')
    expect(got[1]?.stored).toBe('0.333333333333333333')
    expect(got[3]?.stored).toBe('-0.666666666666666667')
    expect(got[4]?.stored).toBe('0.000000000000000001')
    expect(got[5]?.stored).toBe('0.000000000000000000')
  })

  it('a divisor of 1 or none keeps the number as written; text that is no number passes as written to be refused', async () => {
    const got = await scaled()
    expect(got.slice(7, 13).map((g) => g.text)).toEqual([
      '7.25',
      '7.25',
      'n/a',
      '5 / ten',
      '5 / 0',
      null,
    ])
  })
})

describe('product', () => {
  it('multiplies exactly by a whole number; a product too large to store or a factor that is no number passes as written', async () => {
    const got = await scaled('product')
    const texts = got.map((g) => g.text)
    expect(texts.slice(13)).toEqual([
      '4.000000000000000000',
      '-4.500000000000000000',
      '14294.900000000000000000',
      '99999999999999999999 * 10',
    ])
    expect(got.slice(13).some((g) => g.rounded)).toBe(false)
    // 25 × 10, 7.25 × 1 and × null (as written), text that is no number, and 5 × 0.
    expect([texts[0], texts[7], texts[8], texts[9], texts[10], texts[11]]).toEqual([
      '250.000000000000000000',
      '7.25',
      '7.25',
      'n/a',
      '5 * ten',
      '0.000000000000000000',
    ])
  })
})
