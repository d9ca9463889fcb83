/**
 * The workspace's tag alias policy (issue 8): the automatic rule plus the overrides a
 * person saved, turned into canonical keys for every reader of `tag:<key>` (pivots,
 * allocation rules, reports, the ledger account), and edited with an audit record.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { TagEdit, TagGroup, TagOverride, TagPolicy } from '../../../shared/contract/tags'
import { normalizeDecimal } from '../../../shared/money'
import { jsonKeyPath } from '../../../shared/sql/identifiers'
import { applyTagEdit, describeTagEdit } from '../../../shared/tags/edit'
import {
  buildTagGroups,
  compareText,
  type TagKeyGroup,
  type TagKeyUse,
} from '../../../shared/tags/groups'
import { tagResolver, type TagResolver } from '../../../shared/tags/resolve'
import type { Workspace } from '../workspace/workspace'
import {
  HAS_TAG_ALIASES_SQL,
  TAG_ALIAS_TABLES,
  TAG_DATA_STAMP_SQL,
  TAG_KEY_COSTS_SQL,
  TAG_KEY_USES_SQL,
  TAG_OVERRIDES_SQL,
  tagGroupStatsSql,
} from './tag-policy-sql'

// Listing the keys in use reads every row's Tags; it changes only with imports, so it is
// kept per workspace until the import registry says otherwise.
const usesCache = new WeakMap<Workspace, { stamp: string; uses: TagKeyUse[] }>()

/** The original tag keys in use with their row counts (cached until the next import or supersession). */
export async function tagKeyUses(
  ws: Workspace,
  connection: DuckDBConnection = ws.writer,
): Promise<TagKeyUse[]> {
  const [row] = await ws.all(TAG_DATA_STAMP_SQL, [], connection)
  const stamp = String(row?.stamp ?? '')
  const cached = usesCache.get(ws)
  if (cached?.stamp === stamp) return cached.uses
  const uses = (await ws.all(TAG_KEY_USES_SQL, [], connection)).map((r) => ({
    key: String(r.key),
    rows: Number(r.n),
  }))
  usesCache.set(ws, { stamp, uses })
  return uses
}

/** The overrides saved in the workspace (none in a workspace that never had the table). */
export async function readTagOverrides(
  ws: Workspace,
  connection: DuckDBConnection = ws.writer,
): Promise<TagOverride[]> {
  const [exists] = await ws.all(HAS_TAG_ALIASES_SQL, [], connection)
  if (!exists?.n) return []
  return (await ws.all(TAG_OVERRIDES_SQL, [], connection)).map((r) => ({
    kind: r.kind === 'name' ? 'name' : 'key',
    key: String(r.key),
    canonical: String(r.canonical),
  }))
}

/** The canonical tag keys of the workspace, largest first. */
export async function loadTagGroups(
  ws: Workspace,
  connection: DuckDBConnection = ws.writer,
): Promise<TagKeyGroup[]> {
  const uses = await tagKeyUses(ws, connection)
  return buildTagGroups(uses, await readTagOverrides(ws, connection))
}

/** How `tag:<key>` reads in this workspace now. */
export async function loadTagResolver(
  ws: Workspace,
  connection: DuckDBConnection = ws.writer,
): Promise<TagResolver> {
  return tagResolver(await loadTagGroups(ws, connection))
}

/** The policy as the Tags screen and `focal tags aliases` show it: each canonical key with rows, cost and conflicts. */
export async function readTagPolicy(ws: Workspace): Promise<TagPolicy> {
  const connection = await ws.reader()
  try {
    const overrides = await readTagOverrides(ws, connection)
    const groups = buildTagGroups(await tagKeyUses(ws, connection), overrides)
    const byKey = new Map<string, Stat[]>()
    for (const r of await ws.all(TAG_KEY_COSTS_SQL, [], connection)) {
      const stat = {
        currency: r.c == null ? null : String(r.c),
        rows: Number(r.n),
        billed: String(r.billed),
        conflicts: 0,
      }
      byKey.set(String(r.key), [...(byKey.get(String(r.key)) ?? []), stat])
    }
    const byGroup = await multiKeyStats(ws, connection, groups)
    // Largest first by the rows that carry the key at all (a row with two aliases counts once).
    const described = groups
      .map((g) => describeGroup(g, byKey, byGroup.get(g) ?? byKey.get(g.keys[0]?.key ?? '') ?? []))
      .sort((a, b) => b.rows - a.rows || compareText(a.canonical, b.canonical))
    return { groups: described, overrides }
  } finally {
    connection.closeSync()
  }
}

/** Applies `edit`, stores the new overrides in one transaction and records it in the audit log. */
export async function editTagPolicy(ws: Workspace, edit: TagEdit): Promise<TagPolicy> {
  await ws.transaction(async () => {
    for (const ddl of TAG_ALIAS_TABLES) await ws.run(ddl)
    const before = await readTagOverrides(ws)
    const groups = buildTagGroups(await tagKeyUses(ws), before)
    const after = applyTagEdit(groups, before, edit)
    await ws.run('DELETE FROM tag_aliases')
    for (const o of after)
      await ws.run('INSERT INTO tag_aliases VALUES ($1, $2, $3)', [o.kind, o.key, o.canonical])
    await ws.audit(`tags.${edit.action}`, describeTagEdit(edit), { edit, overrides: after })
  })
  return readTagPolicy(ws)
}

/** Rows, BilledCost and disagreeing rows in one currency. */
interface Stat {
  currency: string | null
  rows: number
  billed: string
  conflicts: number
}

// A canonical key of one original key has that key's figures; only those of several need
// their rows counted once and their values compared, in one pass over the rows.
async function multiKeyStats(
  ws: Workspace,
  connection: DuckDBConnection,
  groups: readonly TagKeyGroup[],
): Promise<Map<TagKeyGroup, Stat[]>> {
  const several = groups.filter((g) => g.keys.length > 1)
  const stats = new Map<TagKeyGroup, Stat[]>(several.map((g) => [g, []]))
  if (several.length === 0) return stats
  const paths: string[] = []
  const positions = several.map((g) => g.keys.map((u) => paths.push(jsonKeyPath(u.key))))
  const rows = await ws.all(tagGroupStatsSql(positions, paths.length), paths, connection)
  several.forEach((g, i) => {
    for (const r of rows) {
      if (Number(r[`n${i}`]) === 0) continue
      stats.get(g)?.push({
        currency: r.c == null ? null : String(r.c),
        rows: Number(r[`n${i}`]),
        billed: String(r[`b${i}`]),
        conflicts: Number(r[`x${i}`]),
      })
    }
  })
  return stats
}

function describeGroup(
  group: TagKeyGroup,
  byKey: ReadonlyMap<string, readonly Stat[]>,
  mine: readonly Stat[],
): TagGroup {
  const cost = (stats: readonly Stat[]): TagGroup['cost'] =>
    stats
      .map((s) => ({ currency: s.currency, billed: normalizeDecimal(s.billed) }))
      .sort((a, b) => compareText(a.currency ?? '', b.currency ?? ''))
  return {
    canonical: group.canonical,
    aliases: group.keys.map((u) => ({
      key: u.key,
      rows: u.rows,
      cost: cost(byKey.get(u.key) ?? []),
      explicit: group.explicit.has(u.key),
    })),
    rows: mine.reduce((sum, s) => sum + s.rows, 0),
    cost: cost(mine),
    conflicts: mine.reduce((sum, s) => sum + s.conflicts, 0),
  }
}
