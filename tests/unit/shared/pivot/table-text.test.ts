/**
 * The pivot grid as shown (shared/pivot/table-text.ts) and the CSV written from it
 * (electron/core/query/pivot-export.ts): headers, "(Other)", "(none)", subtotals, the total per
 * currency and the totals across the columns read as on the screen; the CSV keeps exact decimals.
 */
import { describe, expect, it } from 'vitest'
import { exportHeader, pivotCsv } from '../../../../electron/core/query/pivot-export'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../../shared/pivot'
import type { PivotTable, TableRow } from '../../../../shared/pivot/table'
import { gridRows, gridTsv, pivotGrid, wholeGrid } from '../../../../shared/pivot/table-text'

const spec: PivotSpec = {
  ...DEFAULT_PIVOT,
  rows: [
    { kind: 'column', name: 'ServiceName' },
    { kind: 'column', name: 'RegionId' },
  ],
  columns: { kind: 'time' },
  measures: [{ measure: 'BilledCost' }, { measure: 'RowCount' }],
  topN: 1,
}

const row = (
  kind: TableRow['kind'],
  keys: Array<string | null>,
  cells: Array<string | null>,
  extra: Partial<TableRow> = {},
): TableRow => ({ kind, folded: false, innerFolded: false, keys, cells, ...extra })

const table: PivotTable = {
  dateBasis: 'charge',
  rowHeaders: ['ServiceName', 'RegionId', 'BillingCurrency'],
  columnKeys: ['2024-01', '2024-02'],
  measures: [
    { label: 'BilledCost', kind: 'money' },
    { label: 'RowCount', kind: 'count' },
  ],
  cellHeaders: ['2024-01 BilledCost', '2024-01 RowCount', '2024-02 BilledCost', '2024-02 RowCount'],
  currencyIndex: 2,
  rows: [
    row('detail', ['EC2', 'us-east-1', 'USD'], ['1234.5678', '3', '0.004', '1']),
    row('detail', ['EC2', null, 'USD'], [null, null, '10', '1200']),
    row('subtotal', ['EC2', null, 'USD'], ['1234.5678', '3', '10.004', '1201']),
    row('other', [null, null, 'USD'], ['-0.5', '2', null, null], { folded: true }),
    row('subtotal', [null, null, 'USD'], ['-0.5', '2', null, null], { folded: true }),
    row('total', [null, null, 'USD'], ['1234.0678', '5', '10.004', '1201']),
  ],
}

// Intl writes a no-break space between the code and the digits; the screen shows it, so do copies.
describe('pivotGrid', () => {
  const grid = pivotGrid(spec, table)

  it('lays out the labels, the cells and the totals across as the screen shows them', () => {
    expect(grid.columns.map((c) => c.header)).toEqual([
      'ServiceName',
      'RegionId',
      'Currency',
      '2024-01 BilledCost',
      '2024-01 RowCount',
      '2024-02 BilledCost',
      '2024-02 RowCount',
      'Total BilledCost',
      'Total RowCount',
    ])
    expect(gridRows(grid).map((cells) => cells.map((c) => c.text))).toEqual([
      [
        'EC2',
        'us-east-1',
        'USD',
        'USD\u00a01,234.57',
        '3',
        'USD\u00a00.00',
        '1',
        'USD\u00a01,234.57',
        '4',
      ],
      ['EC2', '(none)', 'USD', '—', '—', 'USD\u00a010.00', '1,200', 'USD\u00a010.00', '1,200'],
      [
        'EC2',
        'Subtotal',
        'USD',
        'USD\u00a01,234.57',
        '3',
        'USD\u00a010.00',
        '1,201',
        'USD\u00a01,244.57',
        '1,204',
      ],
      ['(Other)', '', 'USD', 'USD\u00a0-0.50', '2', '—', '—', 'USD\u00a0-0.50', '2'],
      ['(Other)', 'Subtotal', 'USD', 'USD\u00a0-0.50', '2', '—', '—', 'USD\u00a0-0.50', '2'],
      [
        'Total',
        '',
        'USD',
        'USD\u00a01,234.07',
        '5',
        'USD\u00a010.00',
        '1,201',
        'USD\u00a01,244.07',
        '1,206',
      ],
    ])
    // The exact decimal stays beside the text: the total across is summed exactly.
    expect(grid.cell(0, 7).value).toBe('1234.5718')
    expect(grid.cell(0, 7).currency).toBe('USD')
  })

  it('copies a 2×3 selection and the whole grid as tab-separated text, headers included', () => {
    expect(gridTsv(grid, { rows: [2, 3], columns: [5, 3] })).toBe(
      'USD\u00a01,234.57\t3\tUSD\u00a010.00\nUSD\u00a0-0.50\t2\t—',
    )
    expect(gridTsv(grid, { rows: [-1, 0], columns: [0, 1] })).toBe(
      'ServiceName\tRegionId\nEC2\tus-east-1',
    )
    const all = gridTsv(grid, wholeGrid(grid)).split('\n')
    expect(all).toHaveLength(7)
    expect(all[6]).toBe(
      'Total\t\tUSD\tUSD\u00a01,234.07\t5\tUSD\u00a010.00\t1,201\tUSD\u00a01,244.07\t1,206',
    )
  })
})

describe('pivotCsv', () => {
  it('writes the header block, then the labels as shown and every figure as its exact decimal', () => {
    const header = exportHeader(
      'Team books',
      { ...spec, dateRange: { start: '2024-01-01', end: '2024-03-01' } },
      table,
      new Date('2026-11-30T08:00:00Z'),
    )
    const lines = pivotCsv(header, pivotGrid(spec, table)).split('\r\n')
    expect(lines.slice(0, 11)).toEqual([
      'Workspace,Team books',
      'Rows,"ServiceName, RegionId"',
      'Columns across,month buckets',
      'Filters,"top 1 ServiceName, the rest as (Other)"',
      'Date range,From 2024-01-01 until 2024-03-01 (exclusive)',
      'Date basis,"Charge period (ChargePeriodStart, UTC)"',
      'Measures,"BilledCost, RowCount"',
      "Currency,Amounts are in their row's BillingCurrency; different currencies never share a total.",
      'Layout,"Every row expanded: subtotals, (Other) and the total per currency as on the screen."',
      'Exported at,2026-11-30T08:00:00.000Z',
      '',
    ])
    expect(lines.slice(11)).toEqual([
      'ServiceName,RegionId,Currency,2024-01 BilledCost,2024-01 RowCount,2024-02 BilledCost,2024-02 RowCount,Total BilledCost,Total RowCount',
      'EC2,us-east-1,USD,1234.5678,3,0.004,1,1234.5718,4',
      'EC2,(none),USD,,,10,1200,10,1200',
      'EC2,Subtotal,USD,1234.5678,3,10.004,1201,1244.5718,1204',
      '(Other),,USD,-0.5,2,,,-0.5,2',
      '(Other),Subtotal,USD,-0.5,2,,,-0.5,2',
      'Total,,USD,1234.0678,5,10.004,1201,1244.0718,1206',
      '',
    ])
  })
})
