/**
 * `npm run bench -- --rows 1000000 [--repeats 20] [--format csv|parquet|both] [--profile]
 * [--only import|native|pivots|pack|validate|ui|ledger|budgets|anomalies] [--no-pack-exports] [--no-pack-near-limit]`: generates (or reuses) the synthetic
 * FOCUS 1.2 file, then measures in one run (a) plain DuckDB loading it, (b) Focal's
 * import of it, (c) issue 9's pivot set through the engine API, as direct SQL and raw (pivots.ts), (d) the monthly pack
 * (30 allocation rules, ~50 cost-center PDFs + XLSX; and the whole pack of a month just under Excel's row limit,
 * pack-near-limit.ts; each phase's wall, CPU and peak RSS), (e) plain DuckDB vs Focal on an AWS CUR
 * legacy and an Azure EA amortized CSV of the same row count (native.ts). Prints one JSON object on stdout;
 * progress on stderr. `--profile` adds a per-step breakdown of one more Focal import per
 * format (and per provider export with `native`) and the SQL statements of the pack runs. The import keeps its workspace and plain table in .bench/workspace/, so
 * `--only pivots` or `--only pack` reruns one part on them (importing once if none match).
 */
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DuckDBInstance } from '@duckdb/node-api'
import { ensureDataset, type Dataset } from './generate'
import { findKept, keep, type Kept } from './kept'
import { focalImport, plainLoad, type Format, type LoadResult } from './loads'
import { NATIVE_RATIO_TARGET, measureNative, type NativeLoad } from './native'
import { measureNearLimitPack, measurePack, type NearLimitPackBench, type PackBench } from './pack'
import { NEAR_LIMIT_ROWS, nearLimitWorkspace } from './pack-near-limit'
import { PIVOT_CASES, measurePivots, type PivotsBench } from './pivots'
import { profileImport, type ImportProfile } from './profile-import'
import { measureValidate, VALIDATE_RATIO_TARGET, type ValidateBench } from './validate'
import { CLICK_P95_TARGET_MS, measureUi, type UiBench } from './ui'
import { mb, peakRssMB, round, sampleLoadavg } from './stats'
import { measureLedger } from './ledger'
import { measureBudgets } from './budgets'
import { measureAnomalies } from './anomalies'

const IMPORT_RATIO_TARGET = 1.5
// Issue 9: p95 through the engine under 100 ms at 1M rows, under 1 s at 10M.
const pivotP95TargetMs = (rows: number): number => (rows > 1_000_000 ? 1000 : 100)
const OVERHEAD_TARGET = 1.3
const PACK_TARGET_MS = 60_000
// Issue 10: the pack's peak RSS under 4 GB.
const PACK_RSS_TARGET_MB = 4000

const started = performance.now()
const log = (message: string): void => {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`)
}

/** The parts of the bench; `--only` runs one of them. */
type Part =
  'import' | 'native' | 'pivots' | 'pack' | 'validate' | 'ui' | 'ledger' | 'budgets' | 'anomalies'
const PARTS: readonly Part[] = [
  'import',
  'native',
  'pivots',
  'pack',
  'validate',
  'ui',
  'ledger',
  'budgets',
  'anomalies',
]

/** Parsed command line. */
interface Options {
  rows: number
  repeats: number
  formats: Format[]
  profile: boolean
  parts: Part[]
  packExports: boolean
  /** Also the whole pack of a month just under Excel's row limit (pack-near-limit.ts). */
  packNearLimit: boolean
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '1000000' },
      repeats: { type: 'string', default: '20' },
      format: { type: 'string', default: 'both' },
      profile: { type: 'boolean', default: false },
      only: { type: 'string' },
      'pack-exports': { type: 'boolean', default: true },
      'pack-near-limit': { type: 'boolean', default: true },
    },
    allowNegative: true,
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
  const only = values.only
  if (only !== undefined && !PARTS.includes(only as Part))
    throw new Error(`--only must be ${PARTS.join(', ')}, got ${only}`)
  return {
    rows: count('rows', values.rows),
    repeats: count('repeats', values.repeats),
    formats: format === 'both' ? ['csv', 'parquet'] : [format],
    profile: values.profile,
    parts: only === undefined ? [...PARTS] : [only as Part],
    packExports: values['pack-exports'],
    packNearLimit: values['pack-near-limit'],
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

/** Plain load vs Focal import of one format, both into `work`. */
interface FormatLoad {
  plain: LoadResult
  focal: LoadResult
  ratio: number
  cpuRatio: number
}

async function loadFormat(
  dataset: Dataset,
  format: Format,
  work: string,
  rows: number,
): Promise<FormatLoad> {
  const file = dataset[format]
  await warmCache(file)
  log(`(a) plain DuckDB: CREATE TABLE AS ${format === 'csv' ? 'read_csv' : 'read_parquet'}`)
  const plain = await plainLoad(file, format, resolve(work, `plain-${format}.duckdb`), rows)
  globalThis.gc?.()
  log(`    ${plain.totalMs} ms; (b) focal import`)
  const focal = await focalImport(file, resolve(work, `focal-${format}.focal`), rows)
  globalThis.gc?.()
  const ratio = round(focal.totalMs / plain.totalMs, 2)
  const cpuRatio = round(focal.cpuMs / plain.cpuMs, 2)
  log(`    ${focal.totalMs} ms; ratio ${ratio} (CPU time ratio ${cpuRatio})`)
  return { plain, focal, ratio, cpuRatio }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  const runs = (part: Part): boolean => options.parts.includes(part)
  const loadStart = loadavg()
  const stopLoadavg = sampleLoadavg()
  const benchDir = resolve('.bench')
  // One scratch folder per run: two runs at once (a shared machine) must not delete each other's databases.
  const work = resolve(benchDir, `tmp-${process.pid}`)
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const memory: Record<string, number> = {}
  const loadavgAt: Record<string, number[]> = {}
  const phaseDone = (name: string): void => {
    memory[name] = peakRssMB()
    loadavgAt[name] = loadavg().map((x) => round(x, 2))
  }

  let native: Record<string, NativeLoad> | null = null
  if (runs('native')) {
    native = await measureNative(
      resolve(benchDir, 'data'),
      work,
      options.rows,
      log,
      options.profile,
    )
    phaseDone('afterNative')
  }
  const nativeTarget = native && {
    target: NATIVE_RATIO_TARGET,
    met: Object.values(native).every((n) => n.ratio <= NATIVE_RATIO_TARGET),
    ratios: Object.fromEntries(Object.entries(native).map(([name, n]) => [name, n.ratio])),
    cpuRatios: Object.fromEntries(Object.entries(native).map(([name, n]) => [name, n.cpuRatio])),
  }
  if (options.parts.every((part) => part === 'native')) {
    // Only the provider exports: no FOCUS dataset or workspace is needed.
    rmSync(work, { recursive: true, force: true })
    const report = {
      benchmark: 'focal bench',
      options: { rows: options.rows, parts: options.parts },
      machine: {
        cpus: cpus().length,
        loadavgStart: loadStart.map((x) => round(x, 2)),
        loadavgEnd: loadavg().map((x) => round(x, 2)),
        loadavg1DuringRun: stopLoadavg(),
      },
      native,
      memory: { peakRssMB: peakRssMB(), highWaterAfterPhaseMB: memory },
      targets: { nativeRatio: nativeTarget },
      totalMs: round(performance.now() - started),
    }
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    return
  }

  const dataset = await ensureDataset(
    resolve(benchDir, 'data'),
    options.rows,
    log,
    options.formats.includes('csv') || runs('validate'),
  )
  phaseDone('afterGenerate')
  // The pivots and the pack run on one format's databases: Parquet's when it is measured.
  const keptFormat: Format = options.formats.includes('parquet') ? 'parquet' : 'csv'
  const loads: Record<string, FormatLoad> = {}
  let kept: Kept | null = null
  if (runs('import')) {
    for (const format of options.formats) {
      loads[format] = await loadFormat(dataset, format, work, options.rows)
      phaseDone(`after_${format}`)
    }
  } else {
    kept = findKept(benchDir, options.rows, keptFormat)
    if (kept) log(`reusing the kept ${keptFormat} workspace ${kept.focal} (kept ${kept.keptAt})`)
    else {
      log(`no kept ${keptFormat} workspace for ${options.rows} rows: importing it once`)
      loads[keptFormat] = await loadFormat(dataset, keptFormat, work, options.rows)
      phaseDone(`after_${keptFormat}`)
    }
  }
  kept ??= keep(benchDir, options.rows, keptFormat, {
    focal: resolve(work, `focal-${keptFormat}.focal`),
    plain: resolve(work, `plain-${keptFormat}.duckdb`),
  })
  const workspace = kept

  const stats = await cardinality(workspace.plain)
  let pivots: PivotsBench | null = null
  if (runs('pivots')) {
    pivots = await measurePivots(workspace.focal, workspace.plain, options.repeats, log)
    phaseDone('afterPivots')
  }
  const importProfile: Record<string, ImportProfile> = {}
  for (const format of options.profile && runs('import') ? options.formats : []) {
    log(`profiling a ${format} import step by step`)
    importProfile[format] = await profileImport(
      dataset[format],
      resolve(work, `profile-${format}.focal`),
    )
  }
  let validate: Record<string, ValidateBench> | null = null
  if (runs('validate')) {
    const imported = Object.fromEntries(Object.entries(loads).map(([f, l]) => [f, l.focal]))
    const at = (format: Format): string => resolve(work, `validate-import-${format}.focal`)
    validate = await measureValidate(
      dataset,
      options.formats,
      at,
      options.rows,
      imported,
      options,
      log,
    )
    phaseDone('afterValidate')
  }
  // Click to rendered figures in the built app (ui.ts): needs `npm run build` first.
  let ui: UiBench | null = null
  if (runs('ui')) {
    ui = await measureUi(workspace.focal, work, log)
    phaseDone('afterUi')
  }
  let pack: PackBench | null = null
  if (runs('pack')) {
    pack = await measurePack(
      workspace.focal,
      work,
      resolve(benchDir, 'pack-out'),
      { exports: options.packExports, profile: options.profile },
      log,
    )
    phaseDone('afterPack')
  }
  let packNearLimit: NearLimitPackBench | null = null
  if (runs('pack') && options.packNearLimit) {
    packNearLimit = await measureNearLimitPack(
      await nearLimitWorkspace(benchDir, work, log),
      NEAR_LIMIT_ROWS,
      work,
      resolve(benchDir, 'pack-out', 'near-limit'),
      { profile: options.profile },
      log,
    )
    phaseDone('afterPackNearLimit')
  }
  // Issue 12's weekly review, each part on the kept workspace (or data of its own).
  const review: Record<string, Record<string, unknown>> = {}
  for (const [part, measure] of [
    ['ledger', measureLedger],
    ['budgets', measureBudgets],
    ['anomalies', measureAnomalies],
  ] as const) {
    if (!runs(part)) continue
    review[part] = await measure(workspace.focal, work, log)
    phaseDone(`after_${part}`)
  }
  rmSync(work, { recursive: true, force: true })

  const ratios = Object.fromEntries(
    Object.entries(loads).map(([format, load]) => [format, load.ratio]),
  )
  const cpuRatios = Object.fromEntries(
    Object.entries(loads).map(([format, load]) => [format, load.cpuRatio]),
  )
  const pivotMet = Object.fromEntries(
    (pivots?.results ?? []).map((p) => [p.name, p.engine.p95 < pivotP95TargetMs(options.rows)]),
  )
  const hasLoads = Object.keys(loads).length > 0
  const report = {
    benchmark: 'focal bench',
    startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
    options: {
      rows: options.rows,
      repeats: options.repeats,
      formats: options.formats,
      parts: options.parts,
      profile: options.profile,
      packExports: options.packExports,
      packNearLimit: options.packNearLimit,
    },
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
      loadavg1DuringRun: stopLoadavg(),
      loadavgAfterPhase: loadavgAt,
    },
    dataset: {
      focusVersion: '1.2',
      rows: dataset.rows,
      columns: dataset.columns,
      reused: dataset.reused,
      generateMs: dataset.generateMs === null ? null : round(dataset.generateMs),
      csvMB: existsSync(dataset.csv) ? mb(statSync(dataset.csv).size) : null,
      parquetMB: mb(statSync(dataset.parquet).size),
      files: { csv: dataset.csv, parquet: dataset.parquet },
      cardinality: stats,
    },
    workspace: {
      format: workspace.format,
      focal: workspace.focal,
      plain: workspace.plain,
      focalMB: mb(statSync(workspace.focal).size),
      keptAt: workspace.keptAt,
      reused: workspace.reused,
    },
    ...(hasLoads ? { load: loads, importRatio: { wall: ratios, cpu: cpuRatios } } : {}),
    ...(pivots
      ? {
          pivots: {
            on: `${keptFormat} import (focal) vs ${keptFormat} plain table (raw)`,
            repeats: options.repeats,
            cases: PIVOT_CASES,
            rollupBuildMs: pivots.rollupBuildMs,
            results: pivots.results,
          },
        }
      : {}),
    ...(options.profile && runs('import') ? { importProfile } : {}),
    ...(native ? { native } : {}),
    ...(pack ? { pack } : {}),
    ...(packNearLimit ? { packNearLimit } : {}),
    ...(validate ? { validate } : {}),
    ...(ui ? { ui } : {}),
    ...(Object.keys(review).length > 0 ? { review } : {}),
    memory: {
      peakRssMB: peakRssMB(),
      maxRSSKB: process.resourceUsage().maxRSS,
      highWaterAfterPhaseMB: memory,
    },
    targets: {
      ...(nativeTarget ? { nativeRatio: nativeTarget } : {}),
      ...(hasLoads
        ? {
            importRatio: {
              target: IMPORT_RATIO_TARGET,
              met: Object.values(ratios).every((r) => r <= IMPORT_RATIO_TARGET),
              ratios,
              cpuRatios,
            },
          }
        : {}),
      ...(validate
        ? {
            validateRatio: {
              target: VALIDATE_RATIO_TARGET,
              met: Object.values(validate).every((v) => v.ratio <= VALIDATE_RATIO_TARGET),
              ratios: Object.fromEntries(Object.entries(validate).map(([f, v]) => [f, v.ratio])),
            },
          }
        : {}),
      ...(pivots
        ? {
            pivotP95: {
              target: pivotP95TargetMs(options.rows),
              met: pivotMet,
              allMet: Object.values(pivotMet).every(Boolean),
              overheadTarget: OVERHEAD_TARGET,
              overheadMet: (pivots?.results ?? []).every((p) => p.overheadP95 <= OVERHEAD_TARGET),
            },
          }
        : {}),
      ...(ui
        ? {
            clickToRenderP95: {
              target: CLICK_P95_TARGET_MS,
              met: ui.targetMet,
              uncached: ui.uncached.p95,
              cached: ui.cached.p95,
            },
          }
        : {}),
      ...(pack
        ? {
            pack: {
              target: PACK_TARGET_MS,
              met: pack.packPdfXlsx.ms < PACK_TARGET_MS && pack.packPdfXlsx.reconciled,
              ms: pack.packPdfXlsx.ms,
              cpuMs: pack.packPdfXlsx.cpuMs,
              costCenterPdfs: pack.packPdfXlsx.pdfs.costCenterPdfsOnDisk,
              reconciled: pack.packPdfXlsx.reconciled,
              peakRssMB: pack.packPdfXlsx.rssPeakMB,
              rssTargetMB: PACK_RSS_TARGET_MB,
              rssMet: pack.packPdfXlsx.rssPeakMB < PACK_RSS_TARGET_MB,
              detailWritten: pack.packPdfXlsx.ran.detail.written,
            },
          }
        : {}),
      ...(packNearLimit
        ? {
            packNearLimit: {
              target: PACK_TARGET_MS,
              met: packNearLimit.pack.ms < PACK_TARGET_MS && packNearLimit.pack.reconciled,
              ms: packNearLimit.pack.ms,
              cpuMs: packNearLimit.pack.cpuMs,
              peakRssMB: packNearLimit.pack.rssPeakMB,
              rssTargetMB: PACK_RSS_TARGET_MB,
              rssMet: packNearLimit.pack.rssPeakMB < PACK_RSS_TARGET_MB,
              lines: packNearLimit.pack.ran.lines,
              detailWritten: packNearLimit.pack.ran.detail.written,
              reconciled: packNearLimit.pack.reconciled,
            },
          }
        : {}),
    },
    totalMs: round(performance.now() - started),
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
}

main().catch((cause: unknown) => {
  log(`failed: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`)
  process.exitCode = 1
})
