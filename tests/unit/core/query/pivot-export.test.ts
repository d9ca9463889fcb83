/** The header block of a pivot export (pivot-export.ts): filters, dates and basis in words. */
import { describe, expect, it } from 'vitest'
import {
  exportFileName,
  exportHeader,
  filtersText,
} from '../../../../electron/core/query/pivot-export'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../../shared/pivot'
import type { PivotTable } from '../../../../shared/pivot/table'

const table: PivotTable = {
  dateBasis: 'billing',
  rowHeaders: ['ServiceName', 'BillingCurrency'],
  columnKeys: [],
  measures: [
    { label: 'EffectiveCost', kind: 'money' },
    { label: 'PercentOfTotal(BilledCost)', kind: 'ratio' },
  ],
  cellHeaders: ['EffectiveCost', 'PercentOfTotal(BilledCost)'],
  currencyIndex: 1,
  rows: [],
}

describe('filtersText', () => {
  it('says every filter and condition, a missing value as (none), and the top N fold', () => {
    const spec: PivotSpec = {
      ...DEFAULT_PIVOT,
      topN: 10,
      filters: [
        { dimension: { kind: 'column', name: 'RegionId' }, op: 'in', values: ['eu-west-1', null] },
        { dimension: { kind: 'tag', key: 'team' }, op: 'notIn', values: ['ops'] },
      ],
      conditions: [
        { op: 'contains', dimension: { kind: 'column', name: 'ResourceId' }, text: 'prod' },
        { op: 'range', column: 'BilledCost', min: '0.01', max: null },
        { op: 'dates', column: 'ChargePeriodStart', start: '2024-09-01', end: '2024-10-01' },
        { op: 'tagMissing', key: 'owner' },
      ],
    }
    expect(filtersText(spec)).toBe(
      'RegionId is eu-west-1, (none); tag:team is not ops; ResourceId contains "prod"; ' +
        'BilledCost from 0.01 to any; ChargePeriodStart from 2024-09-01 to before 2024-10-01; ' +
        'tag owner missing; top 10 ServiceName, the rest as (Other)',
    )
    expect(filtersText({ ...DEFAULT_PIVOT, topN: null })).toBe('None')
  })
})

describe('exportHeader', () => {
  it('states an open date range, the billing basis and the measures as their headers read', () => {
    const spec = { ...DEFAULT_PIVOT, topN: null, dateRange: { start: '2024-09-01', end: null } }
    const header = Object.fromEntries(
      exportHeader('Books', spec, table, new Date('2026-01-02T03:04:05Z')),
    )
    const until = exportHeader(
      'Books',
      { ...spec, dateRange: { start: null, end: '2024-10-01' } },
      table,
      new Date(),
    )
    expect(until[4]).toEqual(['Date range', 'Until 2024-10-01 (exclusive)'])
    expect(header).toMatchObject({
      Workspace: 'Books',
      Rows: 'ServiceName',
      'Columns across': 'none',
      'Date range': 'From 2024-09-01',
      'Date basis': 'Billing period (BillingPeriodStart, UTC)',
      Measures: 'EffectiveCost, PercentOfTotal(BilledCost)',
      'Exported at': '2026-01-02T03:04:05.000Z',
    })
  })

  it('names the file after the workspace, safe on every system, and the day', () => {
    expect(exportFileName('Q3 books/ACME', 'xlsx', new Date('2026-01-02T23:59:00Z'))).toBe(
      'pivot-Q3-books-ACME-2026-01-02.xlsx',
    )
  })
})
