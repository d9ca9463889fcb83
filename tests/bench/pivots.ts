/**
 * The five typical pivots, each measured three ways in the same run, repeats
 * interleaved so machine noise hits all alike:
 * - raw: the plain SQL a DuckDB user would write, on the plain-loaded table;
 * - focalSql: the SQL Focal compiles for the spec, on the workspace (query only);
 * - focal: `runPivot` end to end (catalog lookup, own connection, query, JSON values, Arrow IPC).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { focusColumnNames } from '../../electron/core/query/catalog'
import { runPivot } from '../../electron/core/query/pivot'
import { Workspace } from '../../electron/core/workspace/workspace'
import type { Dimension, PivotSpec } from '../../shared/pivot'
import { compilePivot } from '../../shared/sql/pivot-sql'
import { round, summarize, type Summary } from './stats'

/** One benchmarked pivot: the Focal spec and the equivalent plain SQL over table `t`. */
export interface PivotCase {
  name: string
  spec: PivotSpec
  rawSql: string
}

const column = (name: string): Dimension => ({ kind: 'column', name })
const spec = (rows: Dimension[], extra: Partial<PivotSpec> = {}): PivotSpec => ({
  rows,
  measure: 'BilledCost',
  timeGrain: 'none',
  dateRange: null,
  filters: [],
  topN: null,
  ...extra,
})

/** The pivots of the issue: by service; service × day; top 50 resources; by tag team; distinct accounts. */
export const PIVOT_CASES: readonly PivotCase[] = [
  {
    name: 'costByService',
    spec: spec([column('ServiceName')]),
    rawSql:
      'SELECT ServiceName, BillingCurrency, sum(BilledCost) AS cost FROM t GROUP BY ALL ORDER BY cost DESC',
  },
  {
    name: 'costByServiceByDay',
    spec: spec([column('ServiceName')], { timeGrain: 'day' }),
    rawSql:
      "SELECT date_trunc('day', ChargePeriodStart) AS day, ServiceName, BillingCurrency, sum(BilledCost) AS cost FROM t GROUP BY ALL ORDER BY day, cost DESC",
  },
  {
    name: 'top50Resources',
    spec: spec([column('ResourceId')], { topN: 50 }),
    // Focal also folds the rest into "(Other)"; the plain query just keeps the top 50.
    rawSql:
      'SELECT ResourceId, BillingCurrency, sum(BilledCost) AS cost FROM t GROUP BY ALL ORDER BY abs(cost) DESC LIMIT 50',
  },
  {
    name: 'costByTagTeam',
    spec: spec([{ kind: 'tag', key: 'team' }]),
    rawSql:
      "SELECT json_extract_string(Tags, '$.team') AS team, BillingCurrency, sum(BilledCost) AS cost FROM t GROUP BY ALL ORDER BY cost DESC",
  },
  {
    name: 'distinctAccounts',
    spec: spec([column('SubAccountId')], { measure: 'RowCount' }),
    rawSql: 'SELECT SubAccountId, count(*) AS n FROM t GROUP BY ALL ORDER BY n DESC',
  },
]

/** Latencies of one pivot (ms) and the Focal/raw ratios. */
export interface PivotResult {
  name: string
  resultRows: number
  arrowBytes: number
  raw: Summary
  focalSql: Summary
  focal: Summary
  /** focal ÷ raw at p50 and p95. */
  focalRatioP50: number
  focalRatioP95: number
  /** focal − focalSql at p50: what runPivot adds around its query (connections, catalog, values, Arrow). */
  focalOverheadP50: number
}

/** Opens both databases read-side, warms each query once, then runs `repeats` interleaved rounds. */
export async function measurePivots(
  workspacePath: string,
  plainPath: string,
  repeats: number,
  log: (message: string) => void,
): Promise<PivotResult[]> {
  const ws = await Workspace.open(workspacePath)
  const plain = await DuckDBInstance.create(plainPath, { access_mode: 'READ_ONLY' })
  const rawConnection = await plain.connect()
  // The workspace's focus view is in UTC; so must the plain day truncation be.
  await rawConnection.run("SET TimeZone = 'UTC'")
  const sqlConnection = await ws.reader()
  try {
    const names = await focusColumnNames(ws)
    const runners = PIVOT_CASES.map((pivot) => {
      const compiled = compilePivot(pivot.spec, names)
      return {
        pivot,
        raw: () => rawConnection.runAndReadAll(pivot.rawSql),
        focalSql: () => sqlConnection.runAndReadAll(compiled.sql, [...compiled.params]),
        focal: () => runPivot(ws, pivot.spec),
        samples: { raw: [] as number[], focalSql: [] as number[], focal: [] as number[] },
        resultRows: 0,
        arrowBytes: 0,
      }
    })
    log(`pivots: warm-up, then ${repeats} rounds of ${runners.length} pivots × 3 ways`)
    for (let pass = -1; pass < repeats; pass++) {
      for (const runner of runners) {
        const raw = await timed(runner.raw)
        const focalSql = await timed(runner.focalSql)
        const focal = await timed(runner.focal)
        if (pass < 0) {
          runner.resultRows = focal.value.meta.rowCount
          runner.arrowBytes = focal.value.arrow.byteLength
          continue
        }
        runner.samples.raw.push(raw.ms)
        runner.samples.focalSql.push(focalSql.ms)
        runner.samples.focal.push(focal.ms)
      }
    }
    return runners.map(({ pivot, samples, resultRows, arrowBytes }) => {
      const [raw, focalSql, focal] = [
        summarize(samples.raw),
        summarize(samples.focalSql),
        summarize(samples.focal),
      ]
      return {
        name: pivot.name,
        resultRows,
        arrowBytes,
        raw,
        focalSql,
        focal,
        focalRatioP50: round(focal.p50 / raw.p50, 2),
        focalRatioP95: round(focal.p95 / raw.p95, 2),
        focalOverheadP50: round(focal.p50 - focalSql.p50),
      }
    })
  } finally {
    closeQuietly(sqlConnection)
    closeQuietly(rawConnection)
    plain.closeSync()
    ws.close()
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now()
  const value = await work()
  return { ms: performance.now() - started, value }
}

function closeQuietly(connection: DuckDBConnection): void {
  try {
    connection.closeSync()
  } catch {
    // already closed
  }
}
