/** Saved views in a workspace: stored, renamed and deleted with an audit record, checked when read back. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  deleteView,
  exportView,
  importView,
  listViews,
  renameView,
  saveView,
} from '../../../electron/core/views/saved-views'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import { freshWorkspace } from '../../helpers/workspace'

let ws: Workspace
beforeAll(async () => {
  ws = await freshWorkspace('views')
})
afterAll(() => ws.close())

const SPEC: PivotSpec = {
  ...DEFAULT_PIVOT,
  columns: { kind: 'time' },
  measures: [{ measure: 'BilledCost' }, { measure: 'DistinctCount', column: 'SubAccountId' }],
  conditions: [{ op: 'tagMissing', key: 'team' }],
}

describe('saved views', () => {
  it('saves, replaces, renames and deletes, each in the audit log', async () => {
    await saveView(ws, 'monthly', DEFAULT_PIVOT)
    await saveView(ws, 'monthly', SPEC)
    await renameView(ws, 'monthly', 'by month')
    expect((await listViews(ws)).map((v) => [v.name, v.spec])).toEqual([['by month', SPEC]])
    await expect(renameView(ws, 'nope', 'x')).rejects.toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
    await deleteView(ws, 'by month')
    expect(await listViews(ws)).toEqual([])
    const audit = await ws.all(
      "SELECT action, subject FROM audit_log WHERE action LIKE 'view.%' ORDER BY logged_at, action",
    )
    expect(audit.map((a) => a.action)).toEqual([
      'view.save',
      'view.update',
      'view.rename',
      'view.delete',
    ])
  })

  it('refuses a stored spec the schema does not accept, naming the view and what to do', async () => {
    await saveView(ws, 'broken', DEFAULT_PIVOT)
    await ws.run(`UPDATE saved_views SET spec = '{"rows":"ServiceName"}' WHERE name = 'broken'`)
    await expect(listViews(ws)).rejects.toThrow(/saved view broken .*delete it and save it again/)
    await ws.run(`DELETE FROM saved_views WHERE name = 'broken'`)
  })

  it('round-trips an export, which holds the name and spec only', async () => {
    await saveView(ws, 'shared', SPEC)
    const text = await exportView(ws, 'shared')
    expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(['focalView', 'name', 'spec'])
    await deleteView(ws, 'shared')
    expect(await importView(ws, text, 'shared.json')).toBe('shared')
    expect((await listViews(ws))[0]?.spec).toEqual(SPEC)
    await expect(importView(ws, '{"focalView":2}', 'old.json')).rejects.toThrow(
      /old\.json is not a Focal view file/,
    )
  })
})
