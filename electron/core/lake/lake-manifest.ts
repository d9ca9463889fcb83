/**
 * The lake's manifest (`_focal_manifest.json`): what was exported, from which workspace,
 * by which Focal, and per partition its files with their SHA-256s, row counts and exact
 * totals per currency, so a lake engine's reading can be checked to the cent.
 */
import { normalizeDecimal, sumDecimals } from '../../../shared/money'
import type { Row } from '../workspace/workspace'
import type { LAKE_MONEY } from './lake-sql'

/** Rows and exact totals of one currency (BillingCurrency; null when a row has none). */
export interface LakeTotals {
  readonly currency: string | null
  readonly rows: number
  readonly BilledCost: string
  readonly EffectiveCost: string
  readonly ListCost: string
  readonly ContractedCost: string
}

/** One written Parquet file. */
export interface LakeFile {
  /** Path from the lake's root, "/"-separated. */
  readonly path: string
  readonly bytes: number
  readonly sha256: string
}

/** One partition folder: its values, files and figures. */
export interface LakePartitionEntry {
  /** The folder from the lake's root, e.g. BillingPeriod=2024-09/ProviderName=AWS. */
  readonly path: string
  /** Each partition column's value (null: DuckDB's __HIVE_DEFAULT_PARTITION__). */
  readonly values: Readonly<Record<string, string | null>>
  readonly rows: number
  readonly totals: readonly LakeTotals[]
  readonly files: readonly LakeFile[]
}

/** The whole manifest. */
export interface LakeManifest {
  readonly manifest: 'focal-lake/1'
  readonly workspace: string
  readonly focalVersion: string
  readonly focusVersion: string
  readonly exportedAt: string
  readonly partitionColumns: readonly string[]
  /** How to read it back with DuckDB (other engines: Hive partitioning on the same folder). */
  readonly read: string
  readonly rows: number
  readonly totals: readonly LakeTotals[]
  readonly partitions: readonly LakePartitionEntry[]
  /** Why the rows carry no allocation columns (see lake-export.ts). */
  readonly allocation: string
}

/** The DuckDB value "no value" is written as in a partition folder's name. */
const HIVE_NULL = '__HIVE_DEFAULT_PARTITION__'

/** A query row (currency, rows, the money sums) as totals, each sum in its shortest exact form. */
export function toTotals(row: Row): LakeTotals {
  const money = (name: string): string =>
    row[name] == null ? '0' : normalizeDecimal(String(row[name]))
  return {
    currency: row.currency == null ? null : String(row.currency),
    rows: Number(row.rows),
    BilledCost: money('BilledCost'),
    EffectiveCost: money('EffectiveCost'),
    ListCost: money('ListCost'),
    ContractedCost: money('ContractedCost'),
  }
}

/** Adds up totals of the same currency (exactly), sorted by currency code, none last. */
export function mergeTotals(parts: readonly LakeTotals[]): LakeTotals[] {
  const by = new Map<string | null, LakeTotals[]>()
  for (const t of parts) by.set(t.currency, [...(by.get(t.currency) ?? []), t])
  return (
    [...by.entries()]
      // Rows without a currency last, as DuckDB orders NULLs.
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, list]) => {
        const sum = (m: (typeof LAKE_MONEY)[number]): string => sumDecimals(list.map((t) => t[m]))
        return {
          currency,
          rows: list.reduce((n, t) => n + t.rows, 0),
          BilledCost: sum('BilledCost'),
          EffectiveCost: sum('EffectiveCost'),
          ListCost: sum('ListCost'),
          ContractedCost: sum('ContractedCost'),
        }
      })
  )
}

/** The partition values a folder path names (`k=v` segments, URL-encoded by DuckDB). */
export function partitionValues(folder: string): Record<string, string | null> {
  const values: Record<string, string | null> = {}
  for (const segment of folder.split('/')) {
    const at = segment.indexOf('=')
    if (at <= 0) continue
    const value = decodeURIComponent(segment.slice(at + 1))
    values[segment.slice(0, at)] = value === HIVE_NULL ? null : value
  }
  return values
}

/** True when two lists of totals state the same figures (order by currency). */
export function sameTotals(a: readonly LakeTotals[], b: readonly LakeTotals[]): boolean {
  return JSON.stringify(mergeTotals(a)) === JSON.stringify(mergeTotals(b))
}
