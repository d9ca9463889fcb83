/**
 * The filter editor's values compiler (shared/sql/pivot-values-sql.ts) on a real in-memory
 * DuckDB: counts under the other filters, the search bound and matched literally, tag keys
 * holding `"`, `.`, `\`, `'` and `*` read their own data, and the cap counts what it left out.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_PIVOT, type Dimension, type PivotSpec } from '../../../shared/pivot'
import {
  compilePivotValues,
  containsPattern,
  sameDimension,
} from '../../../shared/sql/pivot-values-sql'
import { PivotSpecError } from '../../../shared/sql/pivot-where-sql'

const EVIL = `a"b.c\\d'e*f`
const ROWS: Array<[string | null, string, string, string]> = [
  // ServiceName, BilledCost, BillingCurrency, Tags
  ['Compute', '1.10', 'USD', JSON.stringify({ team: 'web', [EVIL]: 'x' })],
  ['Compute', '2.20', 'EUR', JSON.stringify({ team: 'data' })],
  ['Storage', '0.30', 'USD', JSON.stringify({ team: 'web', [EVIL]: 'y' })],
  ['100%_off', '5', 'USD', JSON.stringify({})],
  ['100X_off', '7', 'USD', JSON.stringify({ '*': 'star' })],
  [null, '0.01', 'USD', JSON.stringify({ team: 'web' })],
]
const COLUMNS = new Set([
  'ServiceName',
  'BilledCost',
  'BillingCurrency',
  'Tags',
  'ChargePeriodStart',
])

let instance: DuckDBInstance
let connection: DuckDBConnection

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:')
  connection = await instance.connect()
  await connection.run(
    `CREATE TABLE focus ("ServiceName" VARCHAR, "BilledCost" DECIMAL(38,10), "BillingCurrency" VARCHAR, "Tags" VARCHAR, "ChargePeriodStart" TIMESTAMPTZ)`,
  )
  for (const [service, cost, currency, tags] of ROWS)
    await connection.run(
      `INSERT INTO focus VALUES ($1, CAST($2 AS DECIMAL(38,10)), $3, $4, TIMESTAMPTZ '2026-01-01 00:00:00+00')`,
      [service, cost, currency, tags],
    )
})
afterAll(() => {
  connection.closeSync()
  instance.closeSync()
})

const spec = (patch: Partial<PivotSpec> = {}): PivotSpec => ({
  ...DEFAULT_PIVOT,
  timeGrain: 'none',
  topN: null,
  ...patch,
})
const service: Dimension = { kind: 'column', name: 'ServiceName' }

async function values(
  s: PivotSpec,
  dimension: Dimension,
  search = '',
  limit = 500,
): Promise<Array<{ value: string | null; rows: number; costs: string }>> {
  const compiled = compilePivotValues(s, dimension, search, limit, COLUMNS, { guardJson: true })
  const rows = (
    await connection.runAndReadAll(compiled.sql, [...compiled.params])
  ).getRowObjectsJson() as Array<{
    value: string | null
    rows: string | number
    costs: Array<{ currency: string; amount: string }>
    matched: string | number
  }>
  return rows.map((r) => ({
    value: r.value,
    rows: Number(r.rows),
    costs: r.costs.map((c) => `${c.currency} ${Number(c.amount)}`).join(' + '),
  }))
}

describe('compilePivotValues', () => {
  it('lists every value with its rows and cost per currency, most rows first, (none) as null', async () => {
    expect(await values(spec(), service)).toEqual([
      { value: 'Compute', rows: 2, costs: 'EUR 2.2 + USD 1.1' },
      { value: null, rows: 1, costs: 'USD 0.01' },
      { value: '100%_off', rows: 1, costs: 'USD 5' },
      { value: '100X_off', rows: 1, costs: 'USD 7' },
      { value: 'Storage', rows: 1, costs: 'USD 0.3' },
    ])
  })

  it("applies the other filters but not the dimension's own, so excluded values stay choosable", async () => {
    const s = spec({
      filters: [
        { dimension: service, op: 'in', values: ['Storage'] },
        { dimension: { kind: 'tag', key: 'team' }, op: 'in', values: ['web'] },
      ],
      conditions: [{ op: 'startsWith', dimension: service, text: 'S' }],
    })
    expect((await values(s, service)).map((v) => [v.value, v.rows])).toEqual([
      [null, 1],
      ['Compute', 1],
      ['Storage', 1],
    ])
    // The tag's own filter is dropped when its values are listed; the service filter holds.
    expect((await values(s, { kind: 'tag', key: 'team' })).map((v) => [v.value, v.rows])).toEqual([
      ['web', 1],
    ])
  })

  it('matches the search literally and case-insensitively: % and _ are not wildcards', async () => {
    expect((await values(spec(), service, '%_')).map((v) => v.value)).toEqual(['100%_off'])
    expect((await values(spec(), service, '0x_')).map((v) => v.value)).toEqual(['100X_off'])
    expect((await values(spec(), service, 'COMP')).map((v) => v.value)).toEqual(['Compute'])
    // "(none)" is how the missing value reads, so searching for it finds it.
    expect((await values(spec(), service, 'non')).map((v) => v.value)).toEqual([null])
    expect(await values(spec(), service, `'; DROP TABLE focus; --`)).toEqual([])
    const compiled = compilePivotValues(spec(), service, `x'); DROP TABLE focus; --`, 10, COLUMNS)
    expect(compiled.sql).not.toContain('DROP')
    expect(containsPattern('a%b_c\\d')).toBe('%a\\%b\\_c\\\\d%')
  })

  it('reads tag keys holding " . \\ \' and * as their own data', async () => {
    expect(
      (await values(spec(), { kind: 'tag', key: EVIL })).map((v) => [v.value, v.rows]),
    ).toEqual([
      [null, 4],
      ['x', 1],
      ['y', 1],
    ])
    const star = await values(spec(), { kind: 'tag', key: '*' })
    expect(star.map((v) => [v.value, v.rows])).toEqual([
      [null, 5],
      ['star', 1],
    ])
    const compiled = compilePivotValues(spec(), { kind: 'tag', key: EVIL }, '', 10, COLUMNS)
    expect(compiled.sql).not.toContain(EVIL)
  })

  it('caps the list; the query still counts every match', async () => {
    const compiled = compilePivotValues(spec(), service, '', 2, COLUMNS)
    const rows = (
      await connection.runAndReadAll(compiled.sql, [...compiled.params])
    ).getRowObjectsJson()
    expect(rows.length).toBe(2)
    expect(Number(rows[0]!.matched)).toBe(5)
  })

  it('refuses a column the catalog lacks', () => {
    expect(() =>
      compilePivotValues(spec(), { kind: 'column', name: 'x"; DROP' }, '', 10, COLUMNS),
    ).toThrow(PivotSpecError)
  })

  it('tells a column from a tag of the same name', () => {
    expect(sameDimension(service, { kind: 'tag', key: 'ServiceName' })).toBe(false)
    expect(sameDimension({ kind: 'tag', key: 'a' }, { kind: 'tag', key: 'a' })).toBe(true)
  })
})

describe('the equals condition', () => {
  it('keeps values equal to the text, case-insensitively, and never the missing value', async () => {
    const s = spec({ conditions: [{ op: 'equals', dimension: service, text: 'compute' }] })
    expect((await values(s, { kind: 'tag', key: 'team' })).map((v) => [v.value, v.rows])).toEqual([
      ['data', 1],
      ['web', 1],
    ])
  })
})
