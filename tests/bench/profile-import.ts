/**
 * `--profile`: where an import's time goes. Runs importFile once more with the
 * workspace's run/all wrapped to time every SQL statement it issues, and
 * records the Node-side gaps between statements (the SHA-256 wait and the
 * verify re-hash show up there). Nothing in electron/core is changed.
 */
import { importFile } from '../../electron/core/ingest/import-file'
import { sha256File } from '../../electron/core/ingest/hash'
import { Workspace } from '../../electron/core/workspace/workspace'
import { removeDatabase } from './loads'
import { round } from './stats'

/** Wall and CPU time (all threads) of one step, in ms. */
export interface StepTime {
  ms: number
  cpuMs: number
}

/** Time per import step, in the order steps first occurred. */
export interface ImportProfile {
  total: StepTime
  close: StepTime
  /** SHA-256 of the whole file on its own (importFile hashes it twice: during staging and to verify). */
  sha256Alone: StepTime
  steps: Record<string, StepTime>
}

// What each statement of importFile is, from its SQL (import-file.ts, value-checks.ts, store-rows.ts, validate.ts).
const STEPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^DESCRIBE SELECT \* FROM read_parquet/, 'describe parquet'],
  [/^CREATE TEMP TABLE/, 'stage: read file into temp table'],
  [/FROM imports WHERE sha256/i, 'registry: duplicate check'],
  [/^SELECT count\(\*\)::BIGINT AS n FROM "stage/, 'stage row count'],
  [/min\(rowid\) FILTER/, 'value checks (TRY_CAST per money/date column)'],
  [/^INSERT INTO cost_rows/, 'insert normalized rows (casts, fix codes, ORDER BY rowid)'],
  [/sum\(CAST\(.*FROM "stage/s, 'reconcile: source sums (stage)'],
  [/FROM cost_rows WHERE x_ImportId = \$1 GROUP BY 1/, 'reconcile: stored sums'],
  [/unnest\(x_FixCodes\)/, 'count fixes'],
  [/count\(\*\) FILTER \(WHERE .* FROM cost_rows/s, 'FOCUS rule checks'],
  [/^DROP TABLE/, 'drop stage'],
]

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
  const steps = new Map<string, StepTime>()
  const add = (step: string, time: StepTime): void => {
    const sum = steps.get(step) ?? { ms: 0, cpuMs: 0 }
    steps.set(step, { ms: sum.ms + time.ms, cpuMs: sum.cpuMs + time.cpuMs })
  }
  let last = mark()
  const trace =
    <A extends [string, ...unknown[]], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const step = stepOf(args[0])
      const start = mark()
      // Time not spent in SQL: hashing, the verify re-hash, stat calls, JS.
      if (start.wall - last.wall > 1) add(`node work before: ${step}`, since(last, start))
      try {
        return await call(...args)
      } finally {
        last = mark()
        add(step, since(start, last))
      }
    }
  ws.run = trace(ws.run.bind(ws))
  ws.all = trace(ws.all.bind(ws))
  const started = mark()
  const record = await importFile(ws, file)
  const imported = mark()
  if (record.status !== 'imported')
    throw new Error(`profiled import failed: ${JSON.stringify(record.error)}`)
  add('node work after last statement', since(last, imported))
  ws.close()
  const closed = mark()
  await sha256File(file)
  const hashed = mark()
  removeDatabase(dbPath)
  return {
    total: since(started, closed),
    close: since(imported, closed),
    sha256Alone: since(closed, hashed),
    steps: Object.fromEntries(
      [...steps].map(([step, t]) => [step, { ms: round(t.ms), cpuMs: round(t.cpuMs) }]),
    ),
  }
}

/** A point in time: wall clock and process CPU usage. */
function mark(): { wall: number; cpu: NodeJS.CpuUsage } {
  return { wall: performance.now(), cpu: process.cpuUsage() }
}

function since(from: ReturnType<typeof mark>, to: ReturnType<typeof mark>): StepTime {
  const cpu = (to.cpu.user - from.cpu.user + to.cpu.system - from.cpu.system) / 1000
  return { ms: round(to.wall - from.wall), cpuMs: round(cpu) }
}
