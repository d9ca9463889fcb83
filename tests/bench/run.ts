/**
 * `npm run bench -- --rows 1000000 [--repeats 20] [--format csv|parquet|both] [--profile]`:
 * generates (or reuses) the synthetic FOCUS 1.2 file, then measures in one run
 * (a) plain DuckDB loading it, (b) Focal's import of it, (c) five pivots, raw
 * and through the engine API. Prints one JSON object on stdout; progress on stderr.
 * `--profile` adds a per-step breakdown of one more Focal import per format.
 */
import { createReadStream, mkdirSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DuckDBInstance } from '@duckdb/node-api'
import { ensureDataset } from './generate'
import { focalImport, plainLoad, type Format, type LoadResult } from './loads'
import { PIVOT_CASES, measurePivots } from './pivots'
import { profileImport, type ImportProfile } from './profile-import'
import { mb, peakRssMB, round } from './stats'

const IMPORT_RATIO_TARGET = 1.5
const PIVOT_P95_TARGET_MS = 150

const started = performance.now()
const log = (message: string): void => {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`)
}

/** Parsed command line. */
interface Options {
  rows: number
  repeats: number
  formats: Format[]
  profile: boolean
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '1000000' },
      repeats: { type: 'string', default: '20' },
      format: { type: 'string', default: 'both' },
      profile: { type: 'boolean', default: false },
    },
  })
  const count = (name: string, text: string): number => {
    const n = Number(text)
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--${name} must be a positive integer, got ${text}`)
    return n
  }
  const format = values.format
  if (format !== 'csv' && format !== 'parquet' && format !== 'both')
    throw new Error('--format must be csv, parquet or both')
  return {
    rows: count('rows', values.rows),
    repeats: count('repeats', values.repeats),
    formats: format === 'both' ? ['csv', 'parquet'] : [format],
    profile: values.profile,
  }
}

async function duckdbVersion(): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  const version = (await connection.runAndReadAll('SELECT version() AS v')).getRowObjectsJson()[0]
    ?.v
  connection.closeSync()
  instance.closeSync()
  return String(version)
}

/** Reads the file once so both loads start from the same (warm) page cache. */
async function warmCache(file: string): Promise<void> {
  for await (const _chunk of createReadStream(file, { highWaterMark: 8 << 20 })) {
    // reading is the point
  }
}

/** Distinct counts of the generated data, read from the plain table. */
async function cardinality(plainPath: string): Promise<Record<string, unknown>> {
  const instance = await DuckDBInstance.create(plainPath, { access_mode: 'READ_ONLY' })
  const connection = await instance.connect()
  try {
    const sql = `SELECT count(*)::INT AS rows, count(DISTINCT ServiceName)::INT AS services,
      count(DISTINCT ResourceId)::INT AS resources, count(DISTINCT SubAccountId)::INT AS subAccounts,
      count(DISTINCT BillingAccountId)::INT AS billingAccounts, count(DISTINCT RegionId)::INT AS regions,
      count(DISTINCT json_extract_string(Tags, '$.team'))::INT AS teams,
      count(DISTINCT date_trunc('day', ChargePeriodStart))::INT AS days,
      round(100 * avg((BillingCurrency = 'EUR')::INT), 1)::DOUBLE AS eurRowsPct,
      round(100 * avg((ChargeCategory = 'Usage')::INT), 1)::DOUBLE AS usageRowsPct,
      round(100 * avg((Tags IS NULL)::INT), 1)::DOUBLE AS untaggedRowsPct
      FROM t`
    return (await connection.runAndReadAll(sql)).getRowObjectsJson()[0] ?? {}
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  const loadStart = loadavg()
  const benchDir = resolve('.bench')
  const work = resolve(benchDir, 'tmp')
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const memory: Record<string, number> = {}

  const dataset = await ensureDataset(resolve(benchDir, 'data'), options.rows, log)
  memory.afterGenerate = peakRssMB()
  const loads: Record<
    string,
    { plain: LoadResult; focal: LoadResult; ratio: number; cpuRatio: number }
  > = {}
  for (const format of options.formats) {
    const file = dataset[format]
    await warmCache(file)
    log(`(a) plain DuckDB: CREATE TABLE AS ${format === 'csv' ? 'read_csv' : 'read_parquet'}`)
    const plain = await plainLoad(
      file,
      format,
      resolve(work, `plain-${format}.duckdb`),
      options.rows,
    )
    globalThis.gc?.()
    log(`    ${plain.totalMs} ms; (b) focal import`)
    const focal = await focalImport(file, resolve(work, `focal-${format}.focal`), options.rows)
    globalThis.gc?.()
    const ratio = round(focal.totalMs / plain.totalMs, 2)
    const cpuRatio = round(focal.cpuMs / plain.cpuMs, 2)
    log(`    ${focal.totalMs} ms; ratio ${ratio} (CPU time ratio ${cpuRatio})`)
    loads[format] = { plain, focal, ratio, cpuRatio }
    memory[`after_${format}`] = peakRssMB()
  }

  const pivotFormat: Format = options.formats.includes('parquet') ? 'parquet' : 'csv'
  const stats = await cardinality(resolve(work, `plain-${pivotFormat}.duckdb`))
  const pivots = await measurePivots(
    resolve(work, `focal-${pivotFormat}.focal`),
    resolve(work, `plain-${pivotFormat}.duckdb`),
    options.repeats,
    log,
  )
  memory.afterPivots = peakRssMB()
  const importProfile: Record<string, ImportProfile> = {}
  for (const format of options.profile ? options.formats : []) {
    log(`profiling a ${format} import step by step`)
    importProfile[format] = await profileImport(
      dataset[format],
      resolve(work, `profile-${format}.focal`),
    )
  }
  rmSync(work, { recursive: true, force: true })

  const ratios = Object.fromEntries(
    Object.entries(loads).map(([format, load]) => [format, load.ratio]),
  )
  const cpuRatios = Object.fromEntries(
    Object.entries(loads).map(([format, load]) => [format, load.cpuRatio]),
  )
  const pivotMet = Object.fromEntries(
    pivots.map((p) => [p.name, p.focal.p95 < PIVOT_P95_TARGET_MS]),
  )
  const report = {
    benchmark: 'focal bench',
    startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
    machine: {
      cpus: cpus().length,
      availableParallelism: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? null,
      totalMemGB: round(totalmem() / 2 ** 30),
      platform: `${process.platform} ${release()} ${process.arch}`,
      node: process.version,
      duckdb: await duckdbVersion(),
      loadavgStart: loadStart.map((x) => round(x, 2)),
      loadavgEnd: loadavg().map((x) => round(x, 2)),
    },
    dataset: {
      focusVersion: '1.2',
      rows: dataset.rows,
      columns: dataset.columns,
      reused: dataset.reused,
      generateMs: dataset.generateMs === null ? null : round(dataset.generateMs),
      csvMB: mb(statSync(dataset.csv).size),
      parquetMB: mb(statSync(dataset.parquet).size),
      files: { csv: dataset.csv, parquet: dataset.parquet },
      cardinality: stats,
    },
    load: loads,
    importRatio: { wall: ratios, cpu: cpuRatios },
    pivots: {
      on: `${pivotFormat} import (focal) vs ${pivotFormat} plain table (raw)`,
      repeats: options.repeats,
      cases: PIVOT_CASES.map((c) => ({ name: c.name, spec: c.spec, rawSql: c.rawSql })),
      results: pivots,
    },
    ...(options.profile ? { importProfile } : {}),
    memory: {
      peakRssMB: peakRssMB(),
      maxRSSKB: process.resourceUsage().maxRSS,
      highWaterAfterPhaseMB: memory,
    },
    targets: {
      importRatio: {
        target: IMPORT_RATIO_TARGET,
        met: Object.values(ratios).every((r) => r <= IMPORT_RATIO_TARGET),
        ratios,
      },
      pivotP95: {
        target: PIVOT_P95_TARGET_MS,
        met: pivotMet,
        allMet: Object.values(pivotMet).every(Boolean),
      },
    },
    totalMs: round(performance.now() - started),
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
}

main().catch((cause: unknown) => {
  log(`failed: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`)
  process.exitCode = 1
})
