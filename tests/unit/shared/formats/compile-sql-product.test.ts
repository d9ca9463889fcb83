/**
 * compile-sql.ts `product`: exact decimal multiplication by a whole number (Azure's
 * Quantity counted in pricing blocks) in real DuckDB, checked against BigInt arithmetic.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileMapping, mappedViewSql } from '../../../../shared/formats/compile-sql'
import type { FormatMapping } from '../../../../shared/formats/mapping-types'

/** `value × factor` with 18 decimals, by BigInt arithmetic on the digits as written. */
function expectedProduct(value: string, factor: string): string {
  const [whole = '', fraction = ''] = value.replace('-', '').split('.')
  const digits = BigInt(`${whole}${fraction.padEnd(18, '0')}`) * BigInt(factor)
  const text = digits.toString().padStart(19, '0')
  return `${value.startsWith('-') ? '-' : ''}${text.slice(0, -18)}.${text.slice(-18)}`
}

const NUMBERS: [string, string][] = [
  ['0.0004', '10000'],
  ['-1.5', '3'],
  ['0.123456789012345678', '100000000000'],
  ['0.123456789012345678', '744'],
  ['25', '10'],
  ['-0.000000000000000001', '1000'],
  ['7', '0'],
]
const AS_WRITTEN: [string | null, string | null][] = [
  ['7.25', '1'],
  ['7.25', null],
  ['1.42949E-05', '1'],
  ['n/a', '10'],
  ['5', 'ten'],
  ['5', '1.5'],
  ['99999999999999999999', '3'],
  [null, '10'],
]

let connection: DuckDBConnection
beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect()
  await connection.run('CREATE TABLE stage (c0 VARCHAR, c1 VARCHAR, c2 INTEGER)')
  for (const [i, [a, b]] of [...NUMBERS, ...AS_WRITTEN].entries())
    await connection.run(`INSERT INTO stage VALUES ($a, $b, ${i})`, { a, b })
})
afterAll(() => connection.closeSync())

/** The product text of every stage row, in order, and that text cast as Focal stores decimals. */
async function products(): Promise<{ text: string | null; stored: string | null }[]> {
  const mapping: FormatMapping = {
    id: 'test',
    title: 'Test',
    signature: { all: [] },
    columns: { p: { value: { product: { column: 'A' }, factor: { column: 'B' } } } },
    reconcile: { currency: 'A', billed: [], effective: [] },
  }
  const compiled = compileMapping(mapping, ['A', 'B', 'Order'])
  await connection.run(mappedViewSql(compiled, 'stage', 'mapped', 'c2'))
  const reader = await connection.runAndReadAll(
    'SELECT c0, CAST(TRY_CAST(c0 AS DECIMAL(38,18)) AS VARCHAR) FROM mapped ORDER BY source_row',
  )
  return reader.getRowsJson().map(([text, stored]) => ({
    text: text == null ? null : String(text),
    stored: stored == null ? null : String(stored),
  }))
}

describe('product', () => {
  it('multiplies by a whole number exactly; a factor of 1 or none keeps the number as written; what cannot be multiplied is written out to be refused', async () => {
    const got = await products()
    expect(got.slice(0, NUMBERS.length).map((g) => g.stored)).toEqual(
      NUMBERS.map(([a, b]) => expectedProduct(a, b)),
    )
    // A power of ten moves the point: the digits as written, the exponent raised.
    expect(got.slice(0, 3).map((g) => g.text)).toEqual([
      '0.0004e4',
      '-4.500000000000000000',
      '0.123456789012345678e11',
    ])
    expect(got.slice(NUMBERS.length).map((g) => g.text)).toEqual([
      '7.25',
      '7.25',
      '1.42949E-05',
      'n/a * 10',
      '5 * ten',
      '5 * 1.5',
      '99999999999999999999 * 3',
      null,
    ])
  })
})
