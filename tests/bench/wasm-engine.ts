/**
 * Measures duckdb-wasm (its Node blocking bundle, the eh build a browser would use) against native
 * DuckDB on the same CSV files and the Explore pivots, to decide whether a browser-only Focal is
 * worth keeping. One engine per process, so neither bills the other's memory:
 * `node bench.js <native|wasm> <csv>...` (this file bundled like scripts/bench.mjs) prints one
 * JSON line per file. CSV_OPTS is appended to read_csv's arguments: FOCUS datetimes end in `Z`,
 * which the sniffer types TIMESTAMPTZ, which needs ICU, which wasm offline cannot load (the read
 * hangs even with autoload off), so wasm needs `, timestampformat = '%Y-%m-%dT%H:%M:%SZ'`.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { PIVOT_CASES } from './pivots'
import { peakRssMB, round, summarize } from './stats'

/** A SQL runner: the one call both engines share here. */
type Run = (sql: string) => Promise<number>

/** Registers a file under its base name; native reads the path as is. */
type Register = (path: string) => string

const REPEATS = 20
// The offline substitute for json_extract_string on Tags: a core function wasm has without extensions.
const TAG_BY_REGEXP =
  'SELECT regexp_extract(Tags, \'"team":\\s*"([^"]*)"\', 1) AS team, BillingCurrency, sum(BilledCost) AS cost FROM t GROUP BY ALL ORDER BY cost DESC'

async function nativeEngine(): Promise<[Run, Register]> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' })
  const connection = await instance.connect()
  await connection.run("SET TimeZone = 'UTC'")
  return [async (sql) => (await connection.runAndReadAll(sql)).currentRowCount, (path) => path]
}

async function wasmEngine(): Promise<[Run, Register]> {
  const require = createRequire(import.meta.url)
  const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs')
  const dist = dirname(entry)
  const duckdb = require(entry)
  const bundle = (name: string) => ({
    mainModule: join(dist, `duckdb-${name}.wasm`),
    mainWorker: join(dist, `duckdb-node-${name}.worker.cjs`),
  })
  const db = await duckdb.createDuckDB(
    { mvp: bundle('mvp'), eh: bundle('eh') },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  )
  await db.instantiate()
  db.open({})
  const connection = db.connect()
  // Offline, an autoload would fetch from extensions.duckdb.org and hang; fail cleanly instead.
  connection.query('SET autoload_known_extensions = false')
  // As a browser would: the picked file's bytes registered in memory (registerFileBuffer).
  const register: Register = (path) => {
    const name = path.split('/').pop() ?? 'file.csv'
    db.registerFileBuffer(name, new Uint8Array(readFileSync(path)))
    return name
  }
  return [async (sql) => connection.query(sql).numRows, register]
}

async function measureFile(
  run: Run,
  register: Register,
  path: string,
): Promise<Record<string, unknown>> {
  await run('DROP TABLE IF EXISTS t')
  const started = performance.now()
  const csv = register(path)
  const rows = await run(
    `CREATE TABLE t AS SELECT * FROM read_csv('${csv}'${process.env.CSV_OPTS ?? ''})`,
  )
  const loadMs = round(performance.now() - started)
  const count = await run('SELECT * FROM t')
  const pivots: Record<string, unknown> = {}
  const cases = [
    ...PIVOT_CASES.map((c) => ({ name: c.name, sql: c.rawSql })),
    { name: 'costByTagTeamRegexp', sql: TAG_BY_REGEXP },
  ]
  for (const { name, sql } of cases) {
    try {
      await run(sql)
      const samples: number[] = []
      for (let i = 0; i < REPEATS; i++) {
        const t0 = performance.now()
        await run(sql)
        samples.push(performance.now() - t0)
      }
      const summary = summarize(samples)
      pivots[name] = { p50: summary.p50, p95: summary.p95 }
    } catch (error) {
      pivots[name] = { error: String(error).slice(0, 160) }
    }
  }
  return {
    file: path.split('/').pop(),
    rows: count || rows,
    loadMs,
    pivots,
    peakRssMB: peakRssMB(),
  }
}

const [engineName, ...files] = process.argv.slice(2)
const startedAt = performance.now()
const [run, register] = engineName === 'wasm' ? await wasmEngine() : await nativeEngine()
const initMs = round(performance.now() - startedAt)
for (const file of files) {
  console.log(
    JSON.stringify({ engine: engineName, initMs, ...(await measureFile(run, register, file)) }),
  )
}
