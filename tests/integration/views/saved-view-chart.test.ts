/**
 * The chart kind is part of a saved view (shared/pivot PivotSpecSchema `chart`): it is stored,
 * read back, exported and imported with the pivot; a view saved before charts had kinds stays valid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  deleteView,
  exportView,
  importView,
  listViews,
  saveView,
} from '../../../electron/core/views/saved-views'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import { freshWorkspace } from '../../helpers/workspace'

let ws: Workspace
beforeAll(async () => {
  ws = await freshWorkspace('view-chart')
})
afterAll(() => ws.close())

const HEATMAP: PivotSpec = {
  ...DEFAULT_PIVOT,
  rows: [{ kind: 'column', name: 'SubAccountName' }],
  timeGrain: 'day',
  chart: { kind: 'heatmap' },
}

describe('a saved view’s chart kind', () => {
  it('is stored and read back with the pivot', async () => {
    await saveView(ws, 'daily heatmap', HEATMAP)
    const [view] = await listViews(ws)
    expect(view?.spec.chart).toEqual({ kind: 'heatmap' })
  })

  it('travels in an exported view file and comes back on import', async () => {
    const text = await exportView(ws, 'daily heatmap')
    expect((JSON.parse(text) as { spec: PivotSpec }).spec.chart).toEqual({ kind: 'heatmap' })
    await deleteView(ws, 'daily heatmap')
    await importView(ws, text, 'daily-heatmap.focal-view.json')
    const [view] = await listViews(ws)
    expect(view?.spec).toEqual(HEATMAP)
  })

  it('is optional: a view without one reads as before', async () => {
    await deleteView(ws, 'daily heatmap')
    await saveView(ws, 'plain', DEFAULT_PIVOT)
    const [view] = await listViews(ws)
    expect(view?.spec).toEqual(DEFAULT_PIVOT)
    expect(view?.spec.chart).toBeUndefined()
  })

  it('refuses a kind Focal does not draw, naming the view', async () => {
    await ws.run(
      `UPDATE saved_views SET spec = '${JSON.stringify({ ...DEFAULT_PIVOT, chart: { kind: 'radar' } })}' WHERE name = 'plain'`,
    )
    await expect(listViews(ws)).rejects.toThrow(/saved view plain/)
  })
})
