/**
 * `--profile`: where an import's time goes. Runs importFile once more with the
 * workspace's writer connection wrapped (trace-sql.ts) to time every SQL
 * statement it issues (BEGIN/COMMIT included), and records the Node-side gaps
 * between statements.
 * Nothing in electron/core is changed. The import (import-file.ts) hashes the
 * file while DuckDB stages it and awaits the hash before the duplicate check;
 * it re-hashes beside the checks and the insert and awaits that before commit,
 * so the waits show up as "node work before: registry: duplicate check" and
 * "node work before: count fixes" (the beforeCommit wait). Reconciliation's
 * second read of a CSV runs in Node beside staging (source-totals.ts); its
 * time alone is measured after the import, like the SHA-256.
 */
import { importFile } from '../../electron/core/ingest/import-file'
import { sha256File } from '../../electron/core/ingest/hash'
import { csvTotals } from '../../electron/core/ingest/csv-totals'
import { FOCUS_COST_COLUMNS } from '../../electron/core/ingest/source-columns'
import type { SourceColumns } from '../../electron/core/ingest/source-terms'
import { detectFormat } from '../../shared/formats/detect'
import { Workspace } from '../../electron/core/workspace/workspace'
import { removeDatabase } from './loads'
import { mark, roundStep, since, type StepTime } from './stats'
import { traceWriter } from './trace-sql'

export type { StepTime } from './stats'

/** Time per import step, in the order steps first occurred. */
export interface ImportProfile {
  total: StepTime
  close: StepTime
  /** SHA-256 of the whole file on its own (importFile hashes it twice: while staging and to verify). */
  sha256Alone: StepTime
  /** Reconciliation's second read of a CSV on its own, CPU time included (null for Parquet: it is a SQL step). */
  sourceTotalsAlone: (StepTime & { cpuMs: number }) | null
  /** Per step: time and number of statements. */
  steps: Record<string, StepTime & { count: number }>
}

// What each statement of importFile is, from its SQL (import-file.ts, stage-sql.ts, value-checks.ts,
// store-rows.ts, validate.ts, imports-registry.ts). A CSV is staged as a TEMP TABLE of text; a Parquet
// file as a TEMP VIEW over read_parquet, so every later step that reads the stage reads the file.
const STEPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^DESCRIBE SELECT \* FROM read_parquet/, 'describe parquet'],
  // A native export (AWS CUR, Azure) is read through its mapping's view (native-stage.ts).
  [/^CREATE TEMP VIEW "mapped_/, 'native: create mapping view (reads nothing)'],
  [/AS prepaid,/, 'native: Azure cost view evidence'],
  [/^CREATE TEMP TABLE/, 'stage: read CSV into temp table'],
  // A view over the file: Parquet, or a CSV read in place by the insert (store-in-place.ts).
  [/^CREATE TEMP VIEW/, 'stage: create view over the file (reads nothing)'],
  [/FROM imports WHERE sha256/i, 'registry: duplicate check'],
  [/^SELECT count\(\*\)::BIGINT AS n FROM "stage/, 'stage row count'],
  [/^SELECT min\((rowid|source_row)\) FILTER/, 'value checks (TRY_CAST per money/date column)'],
  [/^BEGIN TRANSACTION/, 'begin'],
  [/^INSERT INTO cost_rows/, 'insert normalized rows (casts, fix codes)'],
  [
    /FROM read_parquet\(\$1, file_row_number = true\) GROUP BY 1/,
    'reconcile: source sums (second read)',
  ],
  [/FROM cost_rows WHERE x_ImportId = \$1 GROUP BY 1/, 'reconcile: stored sums'],
  [/unnest\(x_FixCodes\)/, 'count fixes'],
  [/count\(\*\) FILTER \(WHERE .* FROM cost_rows/s, 'FOCUS rule checks'],
  [/^INSERT INTO import_scopes/, 'delivery scopes (import_scopes)'],
  // Computed right after the import's commit unless an earlier import overlaps it (pending-fingerprints.ts).
  [/^UPDATE import_scopes AS s SET fingerprint/, 'delivery fingerprint (import_scopes)'],
  [/^SELECT DISTINCT import_id FROM import_scopes/, 'delivery fingerprint: pending check'],
  [/^UPDATE cost_rows SET x_SourceRow/, 'number rows read in place'],
  [/^SELECT count\(\*\)::BIGINT AS n FROM cost_rows WHERE x_ImportId/, 'count rows read in place'],
  [/^INSERT INTO "?rollup_/, 'rollups: build'],
  [/^DELETE FROM "?rollup_/, 'rollups: clear'],
  [/^SELECT stamp, stamp IS NOT DISTINCT FROM/, 'rollups: freshness check'],
  [/^COMMIT/, 'commit'],
  [/^DROP (TABLE|VIEW)/, 'drop stage'],
]

/** What the second reader sums: a native export's reconcile terms (as run-import.ts picks them), else FOCUS's. */
function sourceColumns(header: readonly string[]): SourceColumns {
  const detected = detectFormat(header)
  if (detected.kind !== 'native') return FOCUS_COST_COLUMNS
  const { reconcile, caseInsensitive = false } = detected.mapping
  return { terms: reconcile, caseInsensitive }
}

function stepOf(sql: string): string {
  const text = sql.trim()
  return (
    STEPS.find(([pattern]) => pattern.test(text))?.[1] ??
    'registry, audit, schema (small statements)'
  )
}

/** Imports `file` into a fresh workspace at `dbPath` with every statement timed. */
export async function profileImport(file: string, dbPath: string): Promise<ImportProfile> {
  removeDatabase(dbPath)
  const ws = await Workspace.open(dbPath, { create: true })
  const trace = traceWriter(ws, { classify: stepOf, gaps: true })
  const started = mark()
  const record = await importFile(ws, file)
  const imported = mark()
  if (record.status !== 'imported')
    throw new Error(`profiled import failed: ${JSON.stringify(record.error)}`)
  trace.add('node work after last statement', since(trace.lastEnd(), imported))
  ws.close()
  const closed = mark()
  await sha256File(file)
  const hashed = mark()
  let sourceTotalsAlone: ImportProfile['sourceTotalsAlone'] = null
  if (!file.endsWith('.parquet')) {
    const cpu = process.cpuUsage()
    await csvTotals(file, file.endsWith('.gz'), sourceColumns)
    const used = process.cpuUsage(cpu)
    sourceTotalsAlone = {
      ...roundStep(since(hashed, mark())),
      cpuMs: Math.round((used.user + used.system) / 1000),
    }
  }
  removeDatabase(dbPath)
  return {
    total: roundStep(since(started, closed)),
    close: roundStep(since(imported, closed)),
    sha256Alone: roundStep(since(closed, hashed)),
    sourceTotalsAlone,
    steps: trace.steps(),
  }
}
