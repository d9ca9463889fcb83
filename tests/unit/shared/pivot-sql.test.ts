import { describe, expect, it } from 'vitest'
import { DEFAULT_PIVOT } from '../../../shared/pivot'
import { compilePivot, PivotSpecError } from '../../../shared/sql/pivot-sql'

const columns = new Set([
  'ServiceName',
  'BillingCurrency',
  'BilledCost',
  'ChargePeriodStart',
  'Tags',
  'ConsumedUnit',
  'ConsumedQuantity',
])

describe('compilePivot', () => {
  it('binds user values and tag keys as parameters, never as SQL text', () => {
    const compiled = compilePivot(
      {
        ...DEFAULT_PIVOT,
        rows: [{ kind: 'tag', key: `team"'); DROP TABLE x; --` }],
        filters: [
          {
            dimension: { kind: 'column', name: 'ServiceName' },
            op: 'notIn',
            values: ["a'b", null],
          },
        ],
        dateRange: { start: '2024-09-01', end: '2024-10-01' },
      },
      columns,
    )
    expect(compiled.sql).not.toContain('DROP TABLE')
    expect(compiled.sql).not.toContain("a'b")
    expect(compiled.params).toEqual([
      `/team"'); DROP TABLE x; --`,
      '2024-09-01',
      '2024-10-01',
      "a'b",
    ])
  })

  it('compiles a From date alone and an Until date alone as one bound each', () => {
    const from = compilePivot(
      { ...DEFAULT_PIVOT, dateRange: { start: '2024-09-15', end: null } },
      columns,
    )
    expect(from.params).toEqual(['2024-09-15'])
    expect(from.sql).toContain('"ChargePeriodStart" >= CAST($1 AS TIMESTAMPTZ)')
    expect(from.sql).not.toContain('"ChargePeriodStart" <')
    const until = compilePivot(
      { ...DEFAULT_PIVOT, dateRange: { start: null, end: '2024-09-15' } },
      columns,
    )
    expect(until.params).toEqual(['2024-09-15'])
    expect(until.sql).toContain('"ChargePeriodStart" < CAST($1 AS TIMESTAMPTZ)')
    expect(until.sql).not.toContain('"ChargePeriodStart" >=')
  })

  it('always groups money by currency and quantities by unit', () => {
    expect(
      compilePivot({ ...DEFAULT_PIVOT, rows: [] }, columns).columns.find((c) => c.role === 'unit')
        ?.name,
    ).toBe('BillingCurrency')
    const quantity = compilePivot(
      { ...DEFAULT_PIVOT, rows: [], measure: 'ConsumedQuantity' },
      columns,
    )
    expect(quantity.columns.find((c) => c.role === 'unit')?.name).toBe('ConsumedUnit')
    const count = compilePivot({ ...DEFAULT_PIVOT, rows: [], measure: 'RowCount' }, columns)
    expect(count.columns.some((c) => c.role === 'unit')).toBe(false)
  })

  it('refuses columns outside the catalog', () => {
    expect(() =>
      compilePivot({ ...DEFAULT_PIVOT, rows: [{ kind: 'column', name: 'Nope' }] }, columns),
    ).toThrow(PivotSpecError)
  })
})
