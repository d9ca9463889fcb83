/**
 * The engine side of shared-cost pools: reads the per-pool totals and the
 * weights from the assigned rows, splits them exactly in TypeScript
 * (shared/allocate/pool-split.ts), and writes the small shares table the
 * lines query joins to spread each part over the pool's rows.
 */
import type { DuckDBValue } from '@duckdb/node-api'
import type { AllocationDimension, RuleSet } from '../../../shared/allocate/rule-set'
import {
  poolDefinitions,
  splitGroups,
  type Amounts,
  type GroupSplit,
  type PoolGroup,
} from '../../../shared/allocate/pool-split'
import { normalizeDecimal } from '../../../shared/money'
import { quoteIdent } from '../../../shared/sql/identifiers'
import type { Workspace } from '../workspace/workspace'

/** Reads groups and weights from `assigned`, splits them, and fills the `groups` and `shares` tables. */
export async function splitPools(
  ws: Workspace,
  options: {
    ruleSet: RuleSet
    dimension: AllocationDimension
    period: string
    assigned: string
    groups: string
    shares: string
    driverColumns: ReadonlyMap<string, string>
  },
): Promise<GroupSplit[]> {
  const a = quoteIdent(options.assigned)
  const groups: PoolGroup[] = (
    await ws.all(
      `SELECT pool, cur, gk, sum(amount)::VARCHAR AS total, count(*) AS n FROM ${a}
       WHERE kind = 'pool' GROUP BY ALL ORDER BY pool, cur, gk`,
    )
  ).map((r) => ({
    pool: String(r.pool),
    currency: String(r.cur),
    groupKey: String(r.gk),
    total: normalizeDecimal(String(r.total)),
    rows: Number(r.n),
  }))
  await ws.run(
    `CREATE TEMP TABLE ${quoteIdent(options.groups)} (pool VARCHAR, cur VARCHAR, gk VARCHAR, method VARCHAR, total DECIMAL(38,18), split BOOLEAN)`,
  )
  await ws.run(
    `CREATE TEMP TABLE ${quoteIdent(options.shares)} (pool VARCHAR, cur VARCHAR, gk VARCHAR, method VARCHAR, target VARCHAR, part DECIMAL(38,18), lo DECIMAL(10,9), hi DECIMAL(10,9), last BOOLEAN)`,
  )
  if (groups.length === 0) return []

  const definitions = poolDefinitions(options.ruleSet, options.dimension)
  const direct = nest(
    await ws.all(
      `SELECT cur AS k1, target AS k2, sum(amount)::VARCHAR AS v FROM ${a} WHERE kind = 'direct' GROUP BY ALL`,
    ),
  )
  const drivers = new Map<string, Amounts>()
  for (const [pool, column] of options.driverColumns) {
    const rows = await ws.all(
      `SELECT '' AS k1, target AS k2, sum(${quoteIdent(column)})::VARCHAR AS v FROM ${a}
       WHERE kind = 'direct' AND ${quoteIdent(column)} IS NOT NULL GROUP BY ALL`,
    )
    drivers.set(pool, nest(rows).get('') ?? new Map())
  }
  for (const pool of options.dimension.pools) {
    if (pool.method !== 'driver' || !('table' in pool.driver)) continue
    // Values for this period win over the table's values for every period.
    const rows = await ws.all(
      `WITH d AS (SELECT * FROM allocation_drivers WHERE name = $1 AND (period = $2 OR period IS NULL)),
            p AS (SELECT * FROM d WHERE period IS NOT NULL)
       SELECT '' AS k1, target AS k2, sum(value)::VARCHAR AS v
       FROM (SELECT * FROM p UNION ALL SELECT * FROM d WHERE period IS NULL AND NOT EXISTS (SELECT 1 FROM p))
       GROUP BY ALL`,
      [pool.driver.table, options.period],
    )
    drivers.set(pool.id, nest(rows).get('') ?? new Map())
  }
  const usageRows = await ws.all(
    `SELECT cur, coalesce(cdi, '') AS gk, target, sum(eff)::VARCHAR AS v FROM ${a}
     WHERE kind = 'direct' AND cds = 'Used' GROUP BY ALL`,
  )
  const commitmentUsage = new Map<string, Map<string, Map<string, string>>>()
  for (const r of usageRows) {
    const byGroup = getOr(commitmentUsage, String(r.cur), () => new Map())
    getOr(byGroup, String(r.gk), () => new Map()).set(String(r.target), String(r.v))
  }

  const splits = splitGroups(
    groups,
    definitions,
    { direct, drivers, commitmentUsage },
    options.ruleSet.scale,
  )
  await insertRows(
    ws,
    options.groups,
    splits.map((s) => [
      s.group.pool,
      s.group.currency,
      s.group.groupKey,
      s.definition.method,
      s.group.total,
      s.unsplit === null,
    ]),
  )
  await insertRows(
    ws,
    options.shares,
    splits.flatMap((s) =>
      s.shares.map((sh) => [
        s.group.pool,
        s.group.currency,
        s.group.groupKey,
        s.definition.method,
        sh.target,
        sh.part,
        sh.lo,
        sh.hi,
        sh.last,
      ]),
    ),
  )
  return splits
}

// Rows of (k1, k2, v) as k1 → k2 → v.
function nest(rows: ReadonlyArray<Record<string, unknown>>): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>()
  for (const r of rows) getOr(out, String(r.k1), () => new Map()).set(String(r.k2), String(r.v))
  return out
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key)
  if (value === undefined) {
    value = make()
    map.set(key, value)
  }
  return value
}

// Batched multi-row INSERT with bound values; the tables are small (pools × currencies × targets).
async function insertRows(
  ws: Workspace,
  table: string,
  rows: ReadonlyArray<ReadonlyArray<string | boolean>>,
): Promise<void> {
  const BATCH = 250
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH)
    const values: DuckDBValue[] = []
    const tuples = batch.map((row) => {
      const marks = row.map((v) => {
        values.push(v)
        return `$${values.length}`
      })
      return `(${marks.join(', ')})`
    })
    await ws.run(`INSERT INTO ${quoteIdent(table)} VALUES ${tuples.join(', ')}`, values)
  }
}
