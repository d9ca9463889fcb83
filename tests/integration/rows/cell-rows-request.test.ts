/**
 * The Explore table's drill-through request (renderer rows-request.ts) against the real engine:
 * every cell of a pivot, the "(Other)" fold and "(none)" included, opens exactly the rows its
 * figure sums.
 */
import { tableFromIPC } from 'apache-arrow'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { runPivot } from '../../../electron/core/query/pivot'
import { rowsPage } from '../../../electron/core/rows/rows-page'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { pivotView } from '../../../renderer/src/features/explore/pivot-view'
import { cellRowsRequest } from '../../../renderer/src/features/explore/rows-request'
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

describe('cellRowsRequest', () => {
  it('opens the rows of every cell of a top-3 pivot by month, the fold and "(none)" included', async () => {
    const spec: PivotSpec = {
      ...DEFAULT_PIVOT,
      rows: [
        { kind: 'column', name: 'ServiceCategory' },
        { kind: 'column', name: 'AvailabilityZone' },
      ],
      timeGrain: 'month',
      topN: 3,
    }
    const { meta, arrow } = await runPivot(ws, spec)
    const view = pivotView(tableFromIPC(arrow), meta)
    let folds = 0
    let nones = 0
    for (let row = 0; row < view.rowCount; row++) {
      const request = cellRowsRequest(spec, view, row, meta.truncated)
      expect(request).not.toBeNull()
      const billed: string[] = []
      let total = 0
      for (let offset = 0; ; offset += 500) {
        const page = await rowsPage(ws, { ...request!, offset, limit: 500 })
        total = page.total
        const at = page.columns.indexOf('BilledCost')
        billed.push(...page.rows.flatMap((r) => (r[at] === null ? [] : [r[at]!])))
        if (page.rows.length < 500) break
      }
      expect(total).toBe(view.count?.number(row))
      expect(sumDecimals(billed)).toBe(view.value?.text(row))
      if (view.other?.number(row) === 1) folds++
      if (view.dimensions[1]?.text(row) === null) nones++
    }
    expect(folds).toBeGreaterThan(0)
    expect(nones).toBeGreaterThan(0)
  })

  it.each(['week', 'quarter', 'day'] as const)(
    "opens the rows of every %s cell on its date basis with the pivot's conditions",
    async (grain) => {
      const spec: PivotSpec = {
        ...DEFAULT_PIVOT,
        rows: [{ kind: 'column', name: 'ChargeCategory' }],
        timeGrain: grain,
        dateBasis: grain === 'day' ? 'charge' : 'billing',
        topN: null,
        conditions: [
          { op: 'range', column: 'BilledCost', min: '0.000001', max: null },
          { op: 'tagPresent', key: 'environment' },
          { op: 'contains', dimension: { kind: 'column', name: 'ServiceName' }, text: 'aMaZoN' },
        ],
      }
      const { meta, arrow } = await runPivot(ws, spec)
      const view = pivotView(tableFromIPC(arrow), meta)
      expect(view.rowCount).toBeGreaterThan(0)
      for (let row = 0; row < view.rowCount; row++) {
        const request = cellRowsRequest(spec, view, row, meta.truncated)!
        expect(request.period?.grain).toBe(grain)
        const page = await rowsPage(ws, { ...request, limit: 500 })
        expect(page.total).toBe(view.count?.number(row))
        const at = page.columns.indexOf('BilledCost')
        const billed = page.rows.flatMap((r) => (r[at] === null ? [] : [r[at]!]))
        expect(page.rows.length).toBe(page.total)
        expect(sumDecimals(billed)).toBe(view.value?.text(row))
      }
    },
  )
})
