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

/** The two weeks' sums: `this` is [start, end), `last` [lastStart, start). */
function sums(ctx: WhereContext, scope: LedgerScope, from: string): string {
  const metric = requireColumn(scope.columns, scope.metric)
  const start = at(ctx, scope.start)
  return `coalesce(sum(${metric}) FILTER (WHERE "ChargePeriodStart" >= ${start}), 0) AS tw,
    coalesce(sum(${metric}) FILTER (WHERE "ChargePeriodStart" < ${start}), 0) AS lw
    FROM ${from} WHERE "ChargePeriodStart" >= ${at(ctx, scope.lastStart)}
      AND "ChargePeriodStart" < ${at(ctx, scope.end)}`
}

/**
 * Per currency: its total (r = 0), the top `top` values by |delta| (r = 1 … top, ties by value)
 * and the rest folded into one line (r = -1, with its count of values). Sums stay DECIMAL.
 */
export function ledgerValuesSql(scope: LedgerScope, top: number): LedgerQuery {
  const ctx = context(scope)
  const dimension = dimensionValueSql(ctx, scope.dimension)
  const sql = `WITH g AS (SELECT "BillingCurrency" AS c, ${dimension} AS v, ${sums(ctx, scope, 'focus')}
      GROUP BY 1, 2),
    ranked AS (SELECT c, v, tw, lw,
      row_number() OVER (PARTITION BY c ORDER BY abs(tw - lw) DESC, v NULLS LAST) AS r FROM g)
  SELECT c, v, CAST(tw AS VARCHAR) AS tw, CAST(lw AS VARCHAR) AS lw, r, 1 AS n FROM ranked WHERE r <= ${top}
  UNION ALL SELECT c, NULL, CAST(sum(tw) AS VARCHAR), CAST(sum(lw) AS VARCHAR), -1, count(*)
    FROM ranked WHERE r > ${top} GROUP BY c
  UNION ALL SELECT c, NULL, CAST(sum(tw) AS VARCHAR), CAST(sum(lw) AS VARCHAR), 0, count(*)
    FROM g GROUP BY c
  ORDER BY c NULLS LAST, r`
  return { sql, params: ctx.params }
}

/** This week's cost per currency and UTC day. */
export function ledgerDaysSql(scope: LedgerScope): LedgerQuery {
  const ctx = context(scope)
  const metric = requireColumn(scope.columns, scope.metric)
  const sql = `SELECT "BillingCurrency" AS c,
      strftime(date_trunc('day', "ChargePeriodStart"), '%Y-%m-%d') AS day,
      CAST(sum(${metric}) AS VARCHAR) AS cost
    FROM focus WHERE "ChargePeriodStart" >= ${at(ctx, scope.start)}
      AND "ChargePeriodStart" < ${at(ctx, scope.end)}
    GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2`
  return { sql, params: ctx.params }
}

/**
 * The drivers of the movers `movers` (currency and value pairs): per driver column the
 * DRIVERS_PER_COLUMN values whose change is largest, in one scan of the two weeks.
 */
export function ledgerDriversSql(
  scope: LedgerScope,
  movers: ReadonlyArray<{ currency: string | null; value: string | null }>,
): LedgerQuery | null {
  const drivers = DRIVER_COLUMNS.filter((c) => scope.columns.has(c))
  if (drivers.length === 0 || movers.length === 0) return null
  const ctx = context(scope)
  const dimension = dimensionValueSql(ctx, scope.dimension)
  const which = movers
    .map(
      (m) =>
        `("BillingCurrency" IS NOT DISTINCT FROM ${m.currency === null ? 'NULL' : ctx.bind(m.currency)}` +
        ` AND ${dimension} IS NOT DISTINCT FROM ${m.value === null ? 'NULL' : ctx.bind(m.value)})`,
    )
    .join(' OR ')
  const keys = drivers.map((d, i) => `CAST(${quoteIdent(d)} AS VARCHAR) AS k${i}`)
  const sets = drivers.map((_, i) => `(c, v, k${i})`).join(', ')
  const sql = `WITH base AS (SELECT "BillingCurrency" AS c, ${dimension} AS v, ${keys.join(', ')},
      "ChargePeriodStart", ${quoteIdent(scope.metric)}
      FROM focus WHERE ${which}),
    g AS (SELECT c, v, ${drivers.map((_, i) => `k${i}`).join(', ')},
      ${drivers.length > 1 ? `grouping(${drivers.map((_, i) => `k${i}`).join(', ')})` : '0'} AS gid,
      ${sums(ctx, scope, 'base')}
      GROUP BY GROUPING SETS (${sets}))
  SELECT c, v, CASE gid ${drivers.map((d, i) => `WHEN ${groupingId(drivers.length, i)} THEN ${quoteLiteral(d)}`).join(' ')} END AS col,
    coalesce(${drivers.map((_, i) => `k${i}`).join(', ')}) AS k,
    CAST(tw AS VARCHAR) AS tw, CAST(lw AS VARCHAR) AS lw
  FROM g
  QUALIFY row_number() OVER (PARTITION BY c, v, gid ORDER BY abs(tw - lw) DESC, k NULLS LAST)
    <= ${DRIVERS_PER_COLUMN}
  ORDER BY c NULLS LAST, v NULLS LAST, gid, abs(tw - lw) DESC, k NULLS LAST`
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
