/**
 * The pivot set of issue 9 (pivot-cases.ts), each measured three ways in the same run, repeats
 * interleaved so machine noise hits all alike:
 * - engine: the API the app calls (runPivotTable for `pivot:table`, rowsPage for `rows:page`):
 *   its own connection, catalog, tag policy, query, laying out the table;
 * - direct: the very SQL text (and bound values) the engine ran for it, captured from its
 *   connection, run again on one workspace connection in the same process and materialized
 *   whole (`run`: every row computed, none converted to JavaScript values);
 * - raw: a plain hand-written query answering the same question on the plain-loaded table.
 * overhead = engine ÷ direct (target ≤ 1.3×); vsRaw = engine ÷ raw.
 */
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api'
import { runPivotTable } from '../../electron/core/query/pivot'
import { buildLazyRollups, refreshRollups } from '../../electron/core/query/rollup'
import { rowsPage } from '../../electron/core/rows/rows-page'
import { Workspace } from '../../electron/core/workspace/workspace'
import { PIVOT_CASES, type PivotCase } from './pivot-cases'
import { round, summarize, type Summary } from './stats'

export { PIVOT_CASES }

/** Latencies of one case (ms) and its ratios. */
export interface PivotResult {
  name: string
  /** Rows of the laid-out table (or of the page), and the cell's total rows for a drill-through. */
  resultRows: number
  totalRows: number | null
  /** The statements the engine ran for the case, first 160 characters each (the full text is replayed). */
  sql: string[]
  engine: Summary
  direct: Summary
  raw: Summary
  /** engine ÷ direct at p50 and p95: what the engine adds around the compiler's SQL. */
  overheadP50: number
  overheadP95: number
  /** engine ÷ raw at p95: Focal against plain DuckDB on a plain table. */
  vsRawP95: number
}

interface Statement {
  sql: string
  values: DuckDBValue[] | undefined
}

/**
 * Records the statements every DuckDB connection runs while `recording` is on, so the bench
 * replays exactly what the engine sent, whichever connection it took (a new reader, a spare
 * one kept by the workspace); nothing in electron/core is changed. Returns the undo.
 */
function captureStatements(statements: Statement[], recording: () => boolean): () => void {
  // Every way of running a statement (runAndReadAll, runAndRead) ends in `run`.
  const prototype = DuckDBConnection.prototype
  const original = prototype.run
  prototype.run = function (this: DuckDBConnection, sql: string, values?: DuckDBValue[]) {
    if (recording()) statements.push({ sql, values })
    return original.call(this, sql, values)
  } as typeof original
  return () => {
    prototype.run = original
  }
}

/** The cases' results, and the rollup rebuild the workspace needed first (null when they were current). */
export interface PivotsBench {
  rollupBuildMs: number | null
  /** Time to build the lazy rollups (pivot-rollup-sql.ts), 0-ish when they were current. */
  lazyRollupBuildMs: number
  results: PivotResult[]
}

/**
 * Opens both databases, brings the workspace's rollups up to date (a workspace kept from before
 * they existed builds them here, timed), warms each case once (capturing its SQL), then runs
 * `repeats` interleaved rounds.
 */
export async function measurePivots(
  workspacePath: string,
  plainPath: string,
  repeats: number,
  log: (message: string) => void,
): Promise<PivotsBench> {
  const ws = await Workspace.open(workspacePath)
  const buildStarted = performance.now()
  const built = await refreshRollups(ws)
  const rollupBuildMs = built ? round(performance.now() - buildStarted) : null
  if (built) log(`pivots: built the rollups of the kept workspace in ${rollupBuildMs} ms`)
  // The monthly resource rollup is built when a resource pivot first asks for it (after an
  // import, that pivot reads the rows meanwhile): timed here, before the timed rounds.
  const lazyStarted = performance.now()
  await buildLazyRollups(ws)
  const lazyRollupBuildMs = round(performance.now() - lazyStarted)
  log(`pivots: the lazy rollups are current (${lazyRollupBuildMs} ms)`)
  const plain = await DuckDBInstance.create(plainPath, { access_mode: 'READ_ONLY' })
  const rawConnection = await plain.connect()
  // The workspace's focus view is in UTC; so must the plain day truncation be.
  await rawConnection.run("SET TimeZone = 'UTC'")
  const directConnection = await ws.reader()
  const captured: Statement[] = []
  let recording = false
  const stopCapture = captureStatements(captured, () => recording)
  try {
    const runners = PIVOT_CASES.map((pivot) => ({
      pivot,
      engine: engineCall(ws, pivot),
      raw: async () => {
        for (const sql of pivot.rawSql.split(';')) await rawConnection.runAndReadAll(sql)
      },
      direct: [] as Statement[],
      samples: { engine: [] as number[], direct: [] as number[], raw: [] as number[] },
      resultRows: 0,
      totalRows: null as number | null,
    }))
    log(`pivots: warm-up, then ${repeats} rounds of ${runners.length} cases × 3 ways`)
    for (let pass = -1; pass < repeats; pass++) {
      for (const runner of runners) {
        if (pass < 0) {
          const from = captured.length
          recording = true
          const answer = await runner.engine().finally(() => (recording = false))
          // The case's own queries are the last the engine ran: the table query, or the
          // drill-through's count and page; before them come the catalog and tag policy reads.
          runner.direct = captured.slice(from).slice(runner.pivot.kind === 'rows' ? -2 : -1)
          if (!runner.direct.some((d) => /\bFROM (focus|cost_rows|"rollup_)/.test(d.sql)))
            throw new Error(`${runner.pivot.name}: the engine's query was not captured`)
          runner.resultRows = answer.rows
          runner.totalRows = answer.total
        }
        // Engine and direct take turns going first, so neither always follows the previous
        // case's heavy plain query.
        const replay = () =>
          timed(async () => {
            for (const s of runner.direct) await directConnection.run(s.sql, s.values)
          })
        const directFirst = pass % 2 === 1
        const early = directFirst ? await replay() : await timed(runner.engine)
        const late = directFirst ? await timed(runner.engine) : await replay()
        const [engine, direct] = directFirst ? [late, early] : [early, late]
        const raw = await timed(runner.raw)
        if (pass < 0) continue
        runner.samples.engine.push(engine)
        runner.samples.direct.push(direct)
        runner.samples.raw.push(raw)
      }
    }
    const results = runners.map((runner) => {
      const engine = summarize(runner.samples.engine)
      const direct = summarize(runner.samples.direct)
      const raw = summarize(runner.samples.raw)
      return {
        name: runner.pivot.name,
        resultRows: runner.resultRows,
        totalRows: runner.totalRows,
        sql: runner.direct.map((s) => s.sql.replace(/\s+/g, ' ').slice(0, 160)),
        engine,
        direct,
        raw,
        overheadP50: round(engine.p50 / direct.p50, 2),
        overheadP95: round(engine.p95 / direct.p95, 2),
        vsRawP95: round(engine.p95 / raw.p95, 2),
      }
    })
    return { rollupBuildMs, lazyRollupBuildMs, results }
  } finally {
    stopCapture()
    closeQuietly(directConnection)
    closeQuietly(rawConnection)
    plain.closeSync()
    ws.close()
  }
}

/** The engine call of a case, answering the rows it laid out (and a drill-through's total). */
function engineCall(
  ws: Workspace,
  pivot: PivotCase,
): () => Promise<{ rows: number; total: number | null }> {
  if (pivot.kind === 'rows')
    return async () => {
      const page = await rowsPage(ws, pivot.request)
      return { rows: page.rows.length, total: page.total }
    }
  return async () => {
    const laid = await runPivotTable(ws, pivot.spec)
    return { rows: laid.rows.length, total: null }
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

function closeQuietly(connection: DuckDBConnection): void {
  try {
    connection.closeSync()
  } catch {
    // already closed
  }
}
