/**
 * The tag alias policy as presentation mode reads it: a tag value's alias is made of its
 * canonical key (presentation-sql.ts), so the original keys one tag merges (`Team`, `team`)
 * show one alias for one value, the alias a budget or an anomaly on `tag:team` shows. Loaded
 * with every masked reader (and when the mode switches on), so a policy edit counts from the
 * next read; kept per workspace for the values masked in TypeScript (mask-values.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { LITERAL_TAGS, tagResolver, type TagResolver } from '../../../shared/tags/resolve'
import { loadTagGroups } from '../tags/tag-policy'
import type { Workspace } from '../workspace/workspace'
import type { TagCanonicals } from './presentation-sql'

interface Loaded {
  readonly canonicals: TagCanonicals
  readonly resolve: TagResolver
}

const loaded = new WeakMap<Workspace, Loaded>()

/** Reads the policy of `ws` and keeps it; answers its original keys that read as another key. */
export async function loadTagCanonicals(
  ws: Workspace,
  connection: DuckDBConnection = ws.writer,
): Promise<TagCanonicals> {
  const groups = await loadTagGroups(ws, connection)
  const canonicals = new Map<string, string>()
  for (const g of groups)
    for (const u of g.keys) if (u.key !== g.canonical) canonicals.set(u.key, g.canonical)
  loaded.set(ws, { canonicals, resolve: tagResolver(groups) })
  return canonicals
}

/** How `tag:<key>` resolves under the policy last loaded (the key alone before any load). */
export function resolveTagKey(
  ws: Workspace,
  key: string,
): { canonical: string; keys: readonly string[] } {
  return (loaded.get(ws)?.resolve ?? LITERAL_TAGS)(key)
}
