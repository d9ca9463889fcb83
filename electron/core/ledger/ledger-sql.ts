/**
 * SQL of the weekly cost ledger (issue 12): two adjacent ISO weeks of the focus view summed
 * per currency and dimension value in one scan, ranked by the size of the change; the days of
 * the week; the drivers beneath the movers; the weeks with data; and the stored explanations.
 * A week is [Monday, next Monday) on ChargePeriodStart in UTC (the session's TimeZone). The
 * dimension's SQL is Explore's (shared/sql/pivot-where-sql.ts), so `tag:team` reads the same
 * keys through the alias policy; every value is bound.
 */
import type { CostMetricName } from '../../../shared/contract/allocation'
import type { Dimension } from '../../../shared/pivot'
import { quoteIdent, quoteLiteral } from '../../../shared/sql/identifiers'
import {
  dimensionValueSql,
  requireColumn,
  whereContext,
  type WhereContext,
} from '../../../shared/sql/pivot-where-sql'
import type { TagResolver } from '../../../shared/tags/resolve'

/** Created with a new workspace and on the upgrade to format 5 (schema.ts FORMAT_5_TABLES). */
export const LEDGER_TABLES: readonly string[] = [
  // One explanation per (week, dimension, value), so it survives a regenerated ledger and a
  // new import; a NULL value is the rows without one. currency and metric say what it was
  // written against.
  `CREATE TABLE IF NOT EXISTS ledger_explanations (
    week VARCHAR NOT NULL, dimension VARCHAR NOT NULL, value VARCHAR, currency VARCHAR,
    metric VARCHAR, text VARCHAR NOT NULL, owner VARCHAR NOT NULL, signed_by VARCHAR,
    signed_at TIMESTAMPTZ, updated_by VARCHAR NOT NULL, updated_at TIMESTAMPTZ NOT NULL)`,
]

/** The columns whose values are a mover's drivers, when the workspace has them. */
export const DRIVER_COLUMNS = ['ServiceName', 'ResourceId', 'SkuId'] as const

/** Drivers listed per column beneath a mover. */
export const DRIVERS_PER_COLUMN = 5

/** A compiled query and its bound values. */
export interface LedgerQuery {
  readonly sql: string
  readonly params: string[]
}

/** What every ledger query needs: the catalog, the tag policy and the two weeks. */
export interface LedgerScope {
  readonly columns: ReadonlySet<string>
  readonly tags?: TagResolver
  readonly guardJson?: boolean
  readonly dimension: Dimension
  readonly metric: CostMetricName
  /** Last week's Monday, this week's Monday, next Monday (YYYY-MM-DD). */
  readonly lastStart: string
  readonly start: string
  readonly end: string
}

function context(scope: LedgerScope): WhereContext & { params: string[] } {
  return whereContext(scope.columns, {
    ...(scope.tags ? { tags: scope.tags } : {}),
    ...(scope.guardJson === undefined ? {} : { guardJson: scope.guardJson }),
  })
}

const at = (ctx: WhereContext, day: string): string => `CAST(${ctx.bind(day)} AS TIMESTAMPTZ)`

/**
 * The whole ledger in one query, so the two weeks are read once and a tag dimension (a JSON
 * read) is worked out once per row. Each output row has a `kind`:
 * - `total` per currency (n: its count of values), `mover` for the top `top` values by |delta|
 *   (r: 1 … top, ties by value), `rest` for the others folded (n: their count);
 * - `day`: this week's cost per UTC day (k: YYYY-MM-DD);
 * - `driver`: beneath a mover (c, v), per driver column (col) the DRIVERS_PER_COLUMN values (k)
 *   whose change is largest.
 * tw is this week [start, end), lw last week [lastStart, start); sums stay DECIMAL.
 */
export function ledgerSql(scope: LedgerScope, top: number): LedgerQuery {
  const ctx = context(scope)
  const dimension = dimensionValueSql(ctx, scope.dimension)
  const metric = requireColumn(scope.columns, scope.metric)
  const drivers = DRIVER_COLUMNS.filter((c) => scope.columns.has(c))
  const ks = drivers.map((_, i) => `k${i}`)
  const keys = drivers.map((d, i) => `, CAST(${quoteIdent(d)} AS VARCHAR) AS k${i}`).join('')
  const start = at(ctx, scope.start)
  const sums = `coalesce(sum(x) FILTER (WHERE cur), 0) AS tw, coalesce(sum(x) FILTER (WHERE NOT cur), 0) AS lw`
  const driverCtes =
    drivers.length === 0
      ? ''
      : `,
    picked AS (SELECT span.* FROM span SEMI JOIN ranked
      ON ranked.r <= ${top} AND span.c IS NOT DISTINCT FROM ranked.c AND span.v IS NOT DISTINCT FROM ranked.v),
    dg AS (SELECT c, v, ${ks.join(', ')}, ${drivers.length > 1 ? `grouping(${ks.join(', ')})` : '0'} AS gid, ${sums}
      FROM picked GROUP BY GROUPING SETS (${ks.map((k) => `(c, v, ${k})`).join(', ')})),
    drivers AS (SELECT c, v, CASE gid ${drivers.map((d, i) => `WHEN ${groupingId(drivers.length, i)} THEN ${quoteLiteral(d)}`).join(' ')} END AS col,
      coalesce(${ks.join(', ')}) AS k, tw, lw FROM dg
      QUALIFY row_number() OVER (PARTITION BY c, v, gid ORDER BY abs(tw - lw) DESC, k NULLS LAST)
        <= ${DRIVERS_PER_COLUMN})`
  const sql = `WITH span AS MATERIALIZED (SELECT "BillingCurrency" AS c, ${dimension} AS v${keys},
      "ChargePeriodStart" >= ${start} AS cur,
      CASE WHEN "ChargePeriodStart" >= ${start} THEN date_trunc('day', "ChargePeriodStart") END AS d,
      ${metric} AS x
      FROM focus WHERE "ChargePeriodStart" >= ${at(ctx, scope.lastStart)}
        AND "ChargePeriodStart" < ${at(ctx, scope.end)}),
    g AS MATERIALIZED (SELECT c, v, ${sums} FROM span GROUP BY c, v),
    ranked AS MATERIALIZED (SELECT c, v, tw, lw,
      row_number() OVER (PARTITION BY c ORDER BY abs(tw - lw) DESC, v NULLS LAST) AS r FROM g)${driverCtes}
  SELECT 'mover' AS kind, c, v, NULL AS col, NULL AS k, CAST(tw AS VARCHAR) AS tw, CAST(lw AS VARCHAR) AS lw, r, 1 AS n
    FROM ranked WHERE r <= ${top}
  UNION ALL SELECT 'rest', c, NULL, NULL, NULL, CAST(sum(tw) AS VARCHAR), CAST(sum(lw) AS VARCHAR), -1, count(*)
    FROM ranked WHERE r > ${top} GROUP BY c
  UNION ALL SELECT 'total', c, NULL, NULL, NULL, CAST(sum(tw) AS VARCHAR), CAST(sum(lw) AS VARCHAR), 0, count(*)
    FROM g GROUP BY c
  UNION ALL SELECT 'day', c, NULL, NULL, strftime(d, '%Y-%m-%d'), CAST(sum(x) AS VARCHAR), '0', NULL, NULL
    FROM span WHERE cur GROUP BY c, d${
      drivers.length === 0
        ? ''
        : `
  UNION ALL SELECT 'driver', c, v, col, k, CAST(tw AS VARCHAR), CAST(lw AS VARCHAR), NULL, NULL FROM drivers`
    }
  ORDER BY c NULLS LAST, kind, r, k NULLS LAST`
  return { sql, params: ctx.params }
}

/** grouping(k0 … kn-1) of the set that groups by k`i`: every bit set but its own (DuckDB's GROUPING). */
function groupingId(count: number, i: number): number {
  return count === 1 ? 0 : ((1 << count) - 1) ^ (1 << (count - 1 - i))
}

/** The ISO weeks (their Mondays) with rows, and the end of the latest charge period. */
export const LEDGER_WEEKS_SQL = `SELECT strftime(date_trunc('week', "ChargePeriodStart"), '%Y-%m-%d') AS monday,
    strftime(max("ChargePeriodEnd"), '%Y-%m-%dT%H:%M:%S') AS last_end
  FROM focus WHERE "ChargePeriodStart" IS NOT NULL GROUP BY 1 ORDER BY 1 DESC`

/** The explanations of a week and dimension. */
export const LEDGER_EXPLANATIONS_SQL = `SELECT value, text, owner, updated_by,
    strftime(updated_at, '%Y-%m-%dT%H:%M:%SZ') AS updated_at, signed_by,
    strftime(signed_at, '%Y-%m-%dT%H:%M:%SZ') AS signed_at
  FROM ledger_explanations WHERE week = $1 AND dimension = $2`

/** One explanation by its key; $3 may be NULL (the rows without a value). */
export const LEDGER_EXPLANATION_SQL = `${LEDGER_EXPLANATIONS_SQL} AND value IS NOT DISTINCT FROM $3`

/** Removes an explanation before it is written again (DuckDB keys cannot hold the NULL value). */
export const DELETE_LEDGER_EXPLANATION_SQL = `DELETE FROM ledger_explanations
  WHERE week = $1 AND dimension = $2 AND value IS NOT DISTINCT FROM $3`

/** Writes an explanation; a changed text clears the sign-off (the owner signs what is written). */
export const INSERT_LEDGER_EXPLANATION_SQL = `INSERT INTO ledger_explanations
  (week, dimension, value, currency, metric, text, owner, signed_by, signed_at, updated_by, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CAST($9 AS TIMESTAMPTZ), $10, CAST($11 AS TIMESTAMPTZ))`

/** Signs an explanation off. */
export const SIGN_LEDGER_EXPLANATION_SQL = `UPDATE ledger_explanations
  SET signed_by = $4, signed_at = CAST($5 AS TIMESTAMPTZ)
  WHERE week = $1 AND dimension = $2 AND value IS NOT DISTINCT FROM $3`
