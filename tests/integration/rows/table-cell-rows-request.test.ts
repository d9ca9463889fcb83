/**
 * The pivot table's drill-through request (renderer table-rows-request.ts) against the real
 * engine: every cell of a matrix — months or a dimension across, two measures, subtotals, the
 * grand total per currency and the "(Other)" folds of both levels — opens exactly the rows its
 * figures sum and count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { runPivotTable } from '../../../electron/core/query/pivot'
import { rowsPage } from '../../../electron/core/rows/rows-page'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { tableCellRowsRequest } from '../../../renderer/src/features/explore/table-rows-request'
import { sumDecimals } from '../../../shared/money'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import { sample } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
let ws: Workspace

beforeAll(async () => {
  ws = await freshWorkspace()
  await importFile(ws, SAMPLE)
})
afterAll(() => ws.close())

/** The BilledCost sum and row count of a request's rows, read page by page. */
async function drilled(
  request: NonNullable<ReturnType<typeof tableCellRowsRequest>>,
): Promise<{ billed: string; rows: number }> {
  const billed: string[] = []
  let rows = 0
  for (let offset = 0; ; offset += 500) {
    const page = await rowsPage(ws, { ...request, offset, limit: 500 })
    rows = page.total
    const at = page.columns.indexOf('BilledCost')
    billed.push(...page.rows.flatMap((r) => (r[at] === null ? [] : [r[at]!])))
    if (page.rows.length < 500) break
  }
  return { billed: sumDecimals(billed), rows }
}

/** Checks every non-empty cell of `spec`'s table; returns how many rows of each kind it saw. */
async function checkEveryCell(spec: PivotSpec): Promise<Record<string, number>> {
  const table = await runPivotTable(ws, spec)
  const seen: Record<string, number> = {}
  expect(table.measures.map((m) => m.label)).toEqual(['BilledCost', 'RowCount'])
  for (let row = 0; row < table.rows.length; row++) {
    const r = table.rows[row]!
    const kind = r.folded ? 'fold' : r.innerFolded ? 'innerFold' : r.kind
    seen[kind] = (seen[kind] ?? 0) + 1
    for (let cell = 0; cell < r.cells.length; cell += 2) {
      if (r.cells[cell + 1] === null) continue
      const request = tableCellRowsRequest(spec, table, row, cell)
      expect(request).not.toBeNull()
      const { billed, rows } = await drilled(request!)
      expect({ row, cell, rows }).toEqual({ row, cell, rows: Number(r.cells[cell + 1]) })
      expect({ row, cell, billed }).toEqual({ row, cell, billed: r.cells[cell] ?? '0' })
      seen.cells = (seen.cells ?? 0) + 1
    }
  }
  return seen
}

const measures: PivotSpec['measures'] = [{ measure: 'BilledCost' }, { measure: 'RowCount' }]

describe('tableCellRowsRequest', () => {
  it('opens every cell of two group-bys × months, both folds, subtotals and totals', async () => {
    const seen = await checkEveryCell({
      ...DEFAULT_PIVOT,
      rows: [
        { kind: 'column', name: 'ServiceCategory' },
        { kind: 'column', name: 'AvailabilityZone' },
      ],
      timeGrain: 'month',
      // The sample's charges are all in September; its billing periods span two months.
      dateBasis: 'billing',
      columns: { kind: 'time' },
      measures,
      topN: 2,
    })
    expect(seen.cells).toBeGreaterThan(12)
    expect(seen).toMatchObject({
      fold: expect.any(Number),
      innerFold: expect.any(Number),
      subtotal: expect.any(Number),
      total: expect.any(Number),
      detail: expect.any(Number),
    })
  })

  it('opens every cell of a dimension across, weeks as rows and conditions', async () => {
    const seen = await checkEveryCell({
      ...DEFAULT_PIVOT,
      rows: [{ kind: 'column', name: 'ServiceCategory' }],
      timeGrain: 'week',
      columns: { kind: 'column', name: 'ChargeCategory' },
      conditions: [{ op: 'tagPresent', key: 'environment' }],
      measures,
      topN: 3,
    })
    expect(seen.cells).toBeGreaterThan(10)
    expect(seen.fold).toBeGreaterThan(0)
    expect(seen.total).toBeGreaterThan(0)
  })
})
