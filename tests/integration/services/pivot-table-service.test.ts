/**
 * The pivot table channel (issue 9, Pivot) on the demo workspace: services × days with two
 * measures, each service's days adding up exactly to the file's own sums, one total per currency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { DEFAULT_PIVOT } from '../../../shared/pivot'
import { csvSums } from '../../helpers/csv-sums'
import { DEMO, demoServices } from './support'

let services: FocalServices

beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
})
afterAll(() => services.close())

describe('pivot:table', () => {
  it('lays out services × days with two measures that add up to the file', async () => {
    const table = await services['pivot:table']({
      spec: {
        ...DEFAULT_PIVOT,
        topN: null,
        timeGrain: 'day',
        columns: { kind: 'time' },
        measures: [{ measure: 'BilledCost' }, { measure: 'RowCount' }],
        sort: { by: 'BilledCost', direction: 'desc' },
      },
    })
    expect(CHANNELS['pivot:table'].response.parse(table)).toEqual(table)
    expect(table.measures.map((m) => m.label)).toEqual(['BilledCost', 'RowCount'])
    expect(table.columnKeys.length).toBeGreaterThan(1)
    const service = table.rowHeaders.indexOf('ServiceName')
    const billed = csvSums(DEMO, 'BilledCost', 'ServiceName')
    const across = (cells: ReadonlyArray<string | null>, measure: number): string =>
      sumDecimals(cells.filter((_, i) => i % 2 === measure && cells[i] !== null) as string[])
    const details = table.rows.filter((r) => r.kind === 'detail')
    expect(details.length).toBe(Object.keys(billed).length)
    for (const row of details) {
      const expected = billed[row.keys[service] ?? '']!
      expect(across(row.cells, 0)).toBe(expected.sum)
      expect(across(row.cells, 1)).toBe(String(expected.rows))
    }
    // Largest first by the services' totals across the days.
    const totals = details.map((r) => across(r.cells, 0))
    expect([...totals].sort((a, b) => Number(b) - Number(a))).toEqual(totals)
    const perCurrency = csvSums(DEMO, 'BilledCost')
    const grand = table.rows.filter((r) => r.kind === 'total')
    expect(grand.map((r) => r.keys[table.currencyIndex])).toEqual(Object.keys(perCurrency).sort())
    for (const row of grand)
      expect(across(row.cells, 0)).toBe(perCurrency[row.keys[table.currencyIndex] ?? '']!.sum)
  })

  it('refuses a sort by a column the table does not have, naming the ones it has', async () => {
    await expect(
      services['pivot:table']({
        spec: {
          ...DEFAULT_PIVOT,
          measures: [{ measure: 'BilledCost' }],
          sort: { by: 'Nope', direction: 'asc' },
        },
      }),
    ).rejects.toThrow(/No result column Nope; sort by one of/)
  })
})
