/**
 * `focal export lake`: the normalized rows as Hive-partitioned Parquet with a manifest of
 * files, SHA-256s, row counts and totals (electron/core/lake), for a larger engine to read.
 */
import { resolve } from 'node:path'
import { exportLake, LAKE_PARTITION_NAMES } from '../core/lake/lake-export'
import type { LakeTotals } from '../core/lake/lake-manifest'
import { Workspace } from '../core/workspace/workspace'
import { refused, textTable } from './format'
import { parseCommand, usageError, WORKSPACE_OPTIONS } from './usage'

/** Help text of `focal export lake`. */
export const LAKE_HELP = `focal export lake -w <workspace.focal> --out <folder> [--partition BillingPeriod,ProviderName]
               [--force] [--json]
      Write the normalized rows (the focus view: FOCUS columns and x_ provenance such
      as x_ImportId and x_SourceRow; superseded rows left out as every total leaves
      them out) as Hive-partitioned Parquet, money as DECIMAL(38,18), partitioned by
      ${LAKE_PARTITION_NAMES.join(' and/or ')} (default BillingPeriod), with
      _focal_manifest.json at the root: per partition its files with SHA-256, rows and
      totals per currency. The folder must be new or empty; --force replaces an earlier
      lake export there (never other files). Read it with DuckDB:
      read_parquet('<folder>/**/*.parquet', hive_partitioning = true).`

function usage(message: string): number {
  return usageError(message, LAKE_HELP)
}

/** Runs `focal export …`; `argv` is everything after `export`. Exit 0, 1 refused, 2 usage. */
export async function runExportCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      ...WORKSPACE_OPTIONS,
      out: { type: 'string' },
      partition: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
    LAKE_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  if (positionals[0] !== 'lake' || positionals.length !== 1)
    return usage(
      positionals[0] && positionals[0] !== 'lake'
        ? `Unknown export ${positionals[0]}; focal export writes a lake.`
        : 'focal export needs lake (focal export lake …).',
    )
  if (!values.workspace) return usage('focal export lake needs -w <workspace.focal>.')
  if (!values.out) return usage('focal export lake needs --out <folder>.')
  const partitions = values.partition?.split(',').map((p) => p.trim())
  const ws = await Workspace.open(resolve(values.workspace))
  try {
    const { manifest, manifestSha256 } = await exportLake(ws, {
      out: resolve(values.out),
      ...(partitions ? { partitions } : {}),
      force: values.force,
      focalVersion: process.env.npm_package_version ?? '0.1.0',
    })
    if (values.json) {
      console.log(JSON.stringify({ ok: true, manifestSha256, ...manifest }, null, 2))
      return 0
    }
    const files = manifest.partitions.reduce((n, p) => n + p.files.length, 0)
    console.log(
      [
        `Lake written: ${manifest.rows} rows in ${manifest.partitions.length} partition${manifest.partitions.length === 1 ? '' : 's'} (${files} Parquet file${files === 1 ? '' : 's'}), partitioned by ${manifest.partitionColumns.join(', ')}.`,
        `Manifest _focal_manifest.json, SHA-256 ${manifestSha256}.`,
        '',
        totalsTable(manifest.totals),
      ].join('\n'),
    )
    return 0
  } catch (cause) {
    return refused(cause, values.json)
  } finally {
    await ws.close()
  }
}

/** Rows and exact totals per currency, as a text table. */
export function totalsTable(totals: readonly LakeTotals[]): string {
  return textTable(
    ['currency', 'rows', 'BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost'],
    totals.map((t) => [
      t.currency ?? '(none)',
      String(t.rows),
      t.BilledCost,
      t.EffectiveCost,
      t.ListCost,
      t.ContractedCost,
    ]),
    new Set([1, 2, 3, 4, 5]),
  )
}
