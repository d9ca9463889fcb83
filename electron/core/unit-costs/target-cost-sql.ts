/**
 * The SQL of an allocation target's cost per bucket (target-cost.ts), read from one
 * allocated-lines table (shared/allocate/lines-sql.ts) with the pivot's own time labels, so
 * a bucket of a target and a bucket of a filter slice are the same days.
 */
import type { DuckDBValue } from '@duckdb/node-api'
import type { UnitCostRequest } from '../../../shared/contract/unit-costs'
import { quoteIdent } from '../../../shared/sql/identifiers'
import { bucketSql } from './unit-costs-sql'

/** Most direct rows of one bucket whose identities are read: a Rows drawer filter holds 10,000 values. */
export const DIRECT_KEYS_MAX = 10_000

/** One bucket and currency of a target's lines in one billing period, as DuckDB returns it. */
export interface TargetLineRow {
  readonly period: string
  readonly currency: string
  readonly cost: string
  readonly n: number | string
  readonly direct_cost: string
  readonly direct_n: number | string
  readonly direct_keys: Array<{ import_id: number | string; source_row: number | string }> | null
}

/** Per bucket of ChargePeriodStart and currency: the target's lines, their direct part and its rows. */
export function targetLinesSql(
  table: string,
  request: Pick<UnitCostRequest, 'grain' | 'dateRange'> & { target: string },
): { sql: string; params: DuckDBValue[] } {
  const params: DuckDBValue[] = [request.target]
  const where = ['target = $1']
  const { start = null, end = null } = request.dateRange ?? {}
  if (start) {
    params.push(start)
    where.push(`"ChargePeriodStart" >= CAST($${params.length} AS TIMESTAMPTZ)`)
  }
  if (end) {
    params.push(end)
    where.push(`"ChargePeriodStart" < CAST($${params.length} AS TIMESTAMPTZ)`)
  }
  const direct = 'pool IS NULL'
  const sql = `SELECT ${bucketSql(request.grain, '"ChargePeriodStart"')} AS period,
    coalesce("BillingCurrency", '') AS currency, CAST(sum(amount) AS VARCHAR) AS cost,
    count(*)::BIGINT AS n,
    CAST(coalesce(sum(amount) FILTER (WHERE ${direct}), 0) AS VARCHAR) AS direct_cost,
    count(*) FILTER (WHERE ${direct})::BIGINT AS direct_n,
    CASE WHEN count(*) FILTER (WHERE ${direct}) <= ${DIRECT_KEYS_MAX}
      THEN list({'import_id': "x_ImportId", 'source_row': "x_SourceRow"}) FILTER (WHERE ${direct})
    END AS direct_keys
  FROM ${quoteIdent(table)} WHERE ${where.join(' AND ')}
  GROUP BY 1, 2 ORDER BY 1, 2`
  return { sql, params }
}
