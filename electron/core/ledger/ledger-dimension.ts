/**
 * The dimension a ledger is by: as typed (a focus column or `tag:<key>`), else the owner
 * dimension, read with Explore's tag alias policy so a tag is named by its canonical key.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { dimensionLabel, parseDimension, type Dimension } from '../../../shared/pivot'
import { tagResolver, type TagResolver } from '../../../shared/tags/resolve'
import { focusColumnNames } from '../query/catalog'
import { loadTagGroups, loadTagResolver } from '../tags/tag-policy'
import type { Workspace } from '../workspace/workspace'

/** The owner dimension: `tag:owner` when the data has it, else `tag:team`, else SubAccountName. */
export async function ownerDimension(
  ws: Workspace,
  connection: DuckDBConnection = ws.writer,
): Promise<string> {
  const groups = await loadTagGroups(ws, connection)
  const canonical = new Set(groups.map((g) => g.canonical))
  // Through the alias policy, as Explore reads `tag:owner`: "Owner" or "OWNER" is the owner tag too.
  const resolve = tagResolver(groups)
  for (const key of ['owner', 'team']) {
    const found = resolve(key).canonical
    if (canonical.has(found)) return `tag:${found}`
  }
  const columns = await focusColumnNames(ws, connection)
  return columns.has('SubAccountName') ? 'SubAccountName' : 'BillingAccountName'
}

/**
 * The dimension of a ledger as typed (the owner dimension when none is), and its label: a tag
 * under its canonical key, so `tag:Team` and `tag:team` share one set of explanations.
 */
export async function resolveLedgerBy(
  ws: Workspace,
  by: string | undefined,
  connection: DuckDBConnection = ws.writer,
): Promise<{ label: string; dimension: Dimension; tags?: TagResolver }> {
  const dimension = parseDimension(by ?? (await ownerDimension(ws, connection)))
  if (dimension.kind === 'column') return { label: dimensionLabel(dimension), dimension }
  const tags = await loadTagResolver(ws, connection)
  return { label: `tag:${tags(dimension.key).canonical}`, dimension, tags }
}
