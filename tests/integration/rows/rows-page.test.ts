/** rowsPage: the rows behind a pivot cell are exactly the rows its figure sums, page after page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { runPivot } from '../../../electron/core/query/pivot'
import { rowsPage } from '../../../electron/core/rows/rows-page'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import type { RowsPageRequest } from '../../../shared/contract/rows'
import { sumDecimals, toScaled } from '../../../shared/money'
import { DEFAULT_PIVOT, type Filter, type PivotSpec } from '../../../shared/pivot'
import { pivotRows } from '../../helpers/arrow'
import { csvSums } from '../../helpers/csv-sums'
import { sample } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
let ws: Workspace

beforeAll(async () => {
  ws = await freshWorkspace()
  await importFile(ws, SAMPLE)
})
afterAll(() => ws.close())

const request = (patch: Partial<RowsPageRequest>): RowsPageRequest => ({
  dateRange: null,
  filters: [],
  period: null,
  sort: null,
  offset: 0,
  limit: 500,
  ...patch,
})

/** Every row of a request, page by page, with the BilledCost column's values. */
async function allPages(
  base: RowsPageRequest,
  limit: number,
): Promise<{ total: number; billed: string[]; keys: string[] }> {
  const billed: string[] = []
  const keys: string[] = []
  let total = 0
  for (let offset = 0; ; offset += limit) {
    const page = await rowsPage(ws, { ...base, offset, limit })
    total = page.total
    const at = page.columns.indexOf('BilledCost')
    const id = page.columns.indexOf('x_ImportId')
    const row = page.columns.indexOf('x_SourceRow')
    for (const r of page.rows) {
      if (r[at] !== null) billed.push(r[at]!)
      keys.push(`${r[id]}:${r[row]}`)
    }
    if (page.rows.length < limit) break
  }
  return { total, billed, keys }
}

const cellFilters = (row: Record<string, unknown>, names: string[]): Filter[] =>
  names.map((name) => ({
    dimension: name.startsWith('tag:')
      ? { kind: 'tag', key: name.slice(4) }
      : { kind: 'column', name },
    op: 'in',
    values: [row[name] == null ? null : String(row[name])],
  }))

describe('rowsPage', () => {
  it('pages through every ServiceName cell: BilledCost sums to the cell figure and the file', async () => {
    const spec: PivotSpec = { ...DEFAULT_PIVOT, timeGrain: 'none', topN: null }
    const { meta, arrow } = await runPivot(ws, spec)
    const oracle = csvSums(SAMPLE, 'BilledCost', 'ServiceName')
    const cells = pivotRows(meta, arrow)
    expect(cells.length).toBeGreaterThan(5)
    for (const cell of cells) {
      const filters = cellFilters(cell, ['ServiceName', 'BillingCurrency'])
      const { total, billed, keys } = await allPages(request({ filters }), 37)
      expect(total).toBe(cell.rows)
      expect(new Set(keys).size).toBe(total)
      expect(sumDecimals(billed)).toBe(cell.BilledCost)
      expect(sumDecimals(billed)).toBe(oracle[String(cell.ServiceName)]?.sum)
    }
  })

  it('reads a month × tag cell, "(none)" included, as the pivot groups it', async () => {
    const spec: PivotSpec = {
      ...DEFAULT_PIVOT,
      rows: [{ kind: 'tag', key: 'application' }],
      timeGrain: 'month',
      topN: null,
      dateRange: { start: '2024-09-01', end: null },
    }
    const { meta, arrow } = await runPivot(ws, spec)
    const cells = pivotRows(meta, arrow)
    expect(cells.some((c) => c['tag:application'] === null)).toBe(true)
    expect(cells.some((c) => c['tag:application'] !== null)).toBe(true)
    // The "(none)" cell and the largest named ones: each is a full count and sum.
    const chosen = [cells.find((c) => c['tag:application'] === null)!, ...cells.slice(0, 6)]
    for (const cell of chosen) {
      const { total, billed } = await allPages(
        request({
          dateRange: spec.dateRange,
          period: { grain: 'month', value: String(cell.Month) },
          filters: cellFilters(cell, ['tag:application', 'BillingCurrency']),
        }),
        500,
      )
      expect(total).toBe(cell.rows)
      expect(sumDecimals(billed)).toBe(cell.BilledCost)
    }
  })

  it('sorts by any catalog column, descending, and refuses a column the workspace lacks', async () => {
    const page = await rowsPage(
      ws,
      request({ sort: { column: 'BilledCost', descending: true }, limit: 5 }),
    )
    const at = page.columns.indexOf('BilledCost')
    const values = csvSums(SAMPLE, 'BilledCost', 'BilledCost')
    const largest = Object.keys(values)
      .filter((v) => v !== 'NULL' && v !== '')
      .map((v) => sumDecimals([v]))
      .sort((a, b) => Number(b) - Number(a))
    expect(page.rows[0]?.[at]).toBe(largest[0])
    expect(page.total).toBe(1000)
    await expect(
      rowsPage(ws, request({ sort: { column: 'No"Such', descending: false } })),
    ).rejects.toThrow(/Unknown column No"Such/)
  })

  it('orders a page by the stored values, not their text: source rows 1, 2, 3 … and amounts by size', async () => {
    const first = await rowsPage(ws, request({ limit: 12 }))
    const row = first.columns.indexOf('x_SourceRow')
    expect(first.rows.map((r) => r[row])).toEqual(
      Array.from({ length: 12 }, (_, i) => String(i + 1)),
    )
    const sorted = await rowsPage(
      ws,
      request({ sort: { column: 'BilledCost', descending: true }, offset: 100, limit: 200 }),
    )
    const at = sorted.columns.indexOf('BilledCost')
    const scaled = sorted.rows.map((r) => toScaled(r[at] ?? '0'))
    expect(scaled.length).toBe(200)
    for (let i = 1; i < scaled.length; i++) expect(scaled[i]! <= scaled[i - 1]!).toBe(true)
  })
})
