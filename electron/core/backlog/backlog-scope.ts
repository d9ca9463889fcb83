/**
 * An item's scope as SQL: a pivot filter set, or a saved view's filters and conditions (its
 * date range is left out: the realized savings windows set the days). Compiled by the pivot
 * compiler's own WHERE (pivot-where-sql.ts), tags through the workspace's alias policy, so the
 * rows a backlog figure sums are the rows the Rows drawer opens.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { fail } from '../../../shared/contract'
import type { BacklogScope } from '../../../shared/contract/backlog'
import type { Condition, Filter } from '../../../shared/pivot'
import { PivotSpecError, whereSql, type WhereContext } from '../../../shared/sql/pivot-where-sql'
import { maskFilters } from '../presentation/mask-text'
import { focusColumns } from '../rows/rows-page'
import type { TagResolver } from '../../../shared/tags/resolve'
import { loadTagResolver } from '../tags/tag-policy'
import { getView } from '../views/saved-views'
import type { Workspace } from '../workspace/workspace'

/** A scope's filters and conditions, a saved view's read from the workspace. */
export interface ScopeFilters {
  readonly filters: readonly Filter[]
  readonly conditions: readonly Condition[]
}

/** The filters and conditions a scope stands for; fails naming a saved view that does not exist. */
export async function scopeFilters(ws: Workspace, scope: BacklogScope): Promise<ScopeFilters> {
  // Read on a reader, masked while presentation mode is on: the stored real values as aliases.
  if (scope.kind === 'filter') return { ...scope, filters: maskFilters(ws, scope.filters) }
  const { spec } = await getView(ws, scope.view)
  return { filters: maskFilters(ws, spec.filters), conditions: spec.conditions ?? [] }
}

/** The focus view's column names and the tag alias policy, as the scope compiler needs them. */
export async function scopeContext(
  ws: Workspace,
  connection: DuckDBConnection,
): Promise<{ columns: ReadonlySet<string>; tags: TagResolver }> {
  const columns = new Set((await focusColumns(ws, connection)).map((c) => c.name))
  return { columns, tags: await loadTagResolver(ws, connection) }
}

/** The scope's WHERE conditions in `context`; a column the workspace lacks is a BAD_VALUE naming it. */
export function scopeWhere(context: WhereContext, scope: ScopeFilters): string[] {
  try {
    return whereSql(context, {
      dateRange: null,
      filters: scope.filters,
      conditions: scope.conditions,
    })
  } catch (cause) {
    if (cause instanceof PivotSpecError)
      fail('BAD_VALUE', `The backlog item's scope: ${cause.message}`, {
        hint: 'Pick the scope from the columns and tag keys in Explore, or save it as a view first.',
      })
    throw cause
  }
}
