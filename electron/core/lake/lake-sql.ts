/**
 * SQL of the lake export (issue 11, "Beyond one machine"): the focus view's rows — so
 * superseded rows stay out exactly as every total leaves them out — written as
 * Hive-partitioned Parquet, and the figures the manifest states, read back from the
 * written files themselves.
 */
import { quoteIdent } from '../../../shared/sql/identifiers'
import { PERIOD_SQL } from '../report/line-queries'

/**
 * The columns a lake can be partitioned by, and the value of each. They are added beside
 * the FOCUS columns and only named in the folder path (`BillingPeriod=2024-09/`): DuckDB
 * leaves partition columns out of the files, so every FOCUS column stays in each file with
 * its type. BillingPeriod is YYYY-MM of BillingPeriodStart (ChargePeriodStart's month when
 * absent, as reports count it); ProviderName is FOCUS's name before 1.3 for
 * ServiceProviderName, the name lake tables commonly partition on.
 */
export const LAKE_PARTITIONS: Readonly<Record<string, string>> = {
  BillingPeriod: PERIOD_SQL,
  ProviderName: 'ServiceProviderName',
}

/** A partition column's name. */
export type LakePartition = keyof typeof LAKE_PARTITIONS

/** The money columns whose totals the manifest states per currency (FOCUS 1.4 cost columns). */
export const LAKE_MONEY = ['BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost'] as const

/** COPY of the focus view to the folder $1, partitioned by `partitions` (names from LAKE_PARTITIONS). */
export function lakeCopySql(partitions: readonly string[]): string {
  const keys = partitions.map((p) => `${LAKE_PARTITIONS[p] ?? 'NULL'} AS ${quoteIdent(p)}`)
  // No ORDER BY: sorting 10M wide rows costs minutes and gigabytes (focus-export.ts); lake
  // engines sort as they read. Zstd as the pack's Parquet; money stays DECIMAL(38,18).
  return `COPY (SELECT *, ${keys.join(', ')} FROM focus)
  TO $1 (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (${partitions.map(quoteIdent).join(', ')}))`
}

/** Exact totals per currency of a select ($1 … bound by the caller), money as text. */
function totalsSelect(from: string, groupBy: string): string {
  const sums = LAKE_MONEY.map((m) => `sum(${quoteIdent(m)})::VARCHAR AS ${quoteIdent(m)}`)
  return `SELECT ${groupBy}${groupBy ? ', ' : ''}BillingCurrency AS currency, count(*)::BIGINT AS rows,
    ${sums.join(', ')} FROM ${from} GROUP BY ALL ORDER BY ALL`
}

/** Row count and totals per written file and currency, read back from the files under the folder $1. */
export const LAKE_FILE_TOTALS_SQL = totalsSelect(
  `read_parquet($1 || '/**/*.parquet', filename = true, hive_partitioning = false)`,
  'filename',
)

/** Row count and totals per currency of the focus view: what the written files must add up to. */
export const LAKE_WORKSPACE_TOTALS_SQL = totalsSelect('focus', '')
