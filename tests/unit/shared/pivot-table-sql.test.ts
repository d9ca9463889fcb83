/** The pivot table compiler and its exact measure arithmetic: identifiers checked, values bound, ratios in decimal. */
import { describe, expect, it } from 'vitest'
import { DEFAULT_PIVOT, PivotSpecSchema, type PivotSpec } from '../../../shared/pivot'
import { previousBucket } from '../../../shared/pivot/table'
import { divideDecimals, measureValue } from '../../../shared/pivot/table-measures'
import { compilePivot } from '../../../shared/sql/pivot-sql'
import { compilePivotTable } from '../../../shared/sql/pivot-table-sql'
import { PivotSpecError } from '../../../shared/sql/pivot-where-sql'

const columns = new Set([
  'ServiceName',
  'BillingCurrency',
  'BilledCost',
  'ListCost',
  'EffectiveCost',
  'ChargePeriodStart',
  'BillingPeriodStart',
  'Tags',
  'ConsumedUnit',
  'ConsumedQuantity',
])
const spec = (patch: Partial<PivotSpec>): PivotSpec => ({ ...DEFAULT_PIVOT, topN: null, ...patch })

describe('compilePivotTable', () => {
  it('binds every user value, tag key and condition text; identifiers come quoted from the catalog', () => {
    const evil = `x"'); DROP TABLE cost_rows; --`
    const compiled = compilePivotTable(
      spec({
        rows: [{ kind: 'tag', key: evil }],
        columns: { kind: 'column', name: 'ServiceName' },
        filters: [{ dimension: { kind: 'column', name: 'ServiceName' }, op: 'in', values: [evil] }],
        conditions: [
          { op: 'contains', dimension: { kind: 'tag', key: evil }, text: evil },
          { op: 'range', column: 'BilledCost', min: '-1.5', max: null },
          { op: 'tagMissing', key: evil },
        ],
        measures: [{ measure: 'BilledCost' }, { measure: 'Savings' }],
      }),
      columns,
    )
    expect(compiled.sql).not.toContain('DROP')
    expect(compiled.params).toContain(evil)
    expect(compiled.params).toContain('-1.5')
    expect(compiled.sql).toContain('"ServiceName"')
  })

  it('refuses columns the catalog lacks, in rows, columns, conditions and measures', () => {
    const bad = 'Nope"; --'
    for (const patch of [
      { rows: [{ kind: 'column' as const, name: bad }] },
      { columns: { kind: 'column' as const, name: bad } },
      { conditions: [{ op: 'range' as const, column: bad, min: '1', max: null }] },
      { measures: [{ measure: 'DistinctCount' as const, column: bad }] },
      { measures: [{ measure: 'PricingQuantity' as const }] },
    ])
      expect(() => compilePivotTable(spec(patch), columns)).toThrow(PivotSpecError)
    expect(() =>
      compilePivotTable(spec({ columns: { kind: 'time' }, timeGrain: 'none' }), columns),
    ).toThrow(/time grain/)
  })

  it('keeps today’s specs valid and reads weeks and quarters by the basis asked for', () => {
    expect(PivotSpecSchema.parse(DEFAULT_PIVOT)).toEqual(DEFAULT_PIVOT)
    const week = compilePivot(spec({ timeGrain: 'week', dateBasis: 'billing' }), columns)
    expect(week.sql).toContain(`date_trunc('week', "BillingPeriodStart")`)
    expect(week.columns[0]).toEqual({ name: 'Week', role: 'time' })
    const quarter = compilePivot(spec({ timeGrain: 'quarter' }), columns)
    expect(quarter.sql).toContain(`date_trunc('quarter', "ChargePeriodStart")`)
    expect(quarter.sql).toContain(`'-Q'`)
  })
})

describe('pivot table arithmetic', () => {
  it('divides exactly at 18 decimals, half away from zero, null on zero', () => {
    expect(divideDecimals('2', '3')).toBe('0.666666666666666667')
    expect(divideDecimals('-2', '3')).toBe('-0.666666666666666667')
    expect(divideDecimals('1', '-8')).toBe('-0.125')
    expect(divideDecimals('123456789012345678.5', '0.5')).toBe('246913578024691357')
    expect(divideDecimals('1', '0')).toBeNull()
    expect(divideDecimals(null, '1')).toBeNull()
  })

  it('derives savings, the rate and changes; a missing previous period gives null', () => {
    const own = { total: null, previous: null }
    expect(measureValue({ measure: 'Savings' }, { ...own, own: ['10.10', '7.6'] })).toBe('2.5')
    expect(measureValue({ measure: 'EffectiveSavingsRate' }, { ...own, own: ['0', '0'] })).toBe(
      null,
    )
    expect(
      measureValue(
        { measure: 'ChangePercentVsPrevious' },
        { ...own, own: ['-5'], previous: ['-10'] },
      ),
    ).toBe('0.5')
    expect(measureValue({ measure: 'ChangeVsPrevious' }, { ...own, own: ['5'] })).toBeNull()
  })

  it('steps back one bucket per grain', () => {
    expect(previousBucket('day', '2024-03-01')).toBe('2024-02-29')
    expect(previousBucket('week', '2024-01-01')).toBe('2023-12-25')
    expect(previousBucket('month', '2024-01')).toBe('2023-12')
    expect(previousBucket('quarter', '2024-Q1')).toBe('2023-Q4')
    expect(previousBucket('quarter', '2024-Q3')).toBe('2024-Q2')
  })
})
