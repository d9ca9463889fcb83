/**
 * Which body the focus view has: the plain one (schema.ts FOCAL_VIEWS), or, once a workspace
 * holds both an actual and an amortized Azure cost details import, the one that merges them
 * (FOCUS_VIEW_MERGED). The merge's extra test costs every query over the view, so a workspace
 * pays for it only when it can change a total. The choice is read from the imports, never
 * from the stored view: catalog-guard.ts writes this body again over any other.
 */
import { quoteIdent } from '../../../shared/sql/identifiers'
import { FOCAL_VIEWS, FOCUS_VIEW_MERGED } from './schema'
import type { Workspace } from './workspace'

/** True when the workspace holds an import of each Azure cost view (the view then merges them). */
export const BOTH_COST_VIEWS_SQL = `SELECT count(DISTINCT cost_view) = 2 AS both FROM import_cost_views`

/** The bodies of the views Focal defines, as this workspace's imports call for them. */
export async function focalViewBodies(ws: Workspace): Promise<Readonly<Record<string, string>>> {
  const [row] = await ws.all(BOTH_COST_VIEWS_SQL)
  return row?.both === true ? { ...FOCAL_VIEWS, focus: FOCUS_VIEW_MERGED } : FOCAL_VIEWS
}

/** Writes the merging focus view once the imports call for it (in the caller's transaction). */
export async function refreshFocusView(ws: Workspace): Promise<void> {
  const { focus } = await focalViewBodies(ws)
  if (focus === FOCUS_VIEW_MERGED)
    await ws.run(`CREATE OR REPLACE VIEW ${quoteIdent('focus')} AS ${focus}`)
}
