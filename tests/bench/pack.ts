/**
 * The monthly pack of the issue: "50 cost-center PDFs + XLSX from a 1M-row
 * month with 30 rules; < 60 s on 2 cores for the whole pack". On a copy of
 * the kept workspace (kept.ts) it imports the rules' account mapping, then
 * measures, each on a freshly opened workspace (cold DuckDB cache):
 * (1) allocateLines alone; (2) writePack with pdf + xlsx — what `focal report
 * chargeback --rules … --format pdf,xlsx` runs, allocation included; (3)
 * writePack with csv + parquet. It counts the PDFs on disk and re-checks the
 * reconciliation line (targets + Unallocated = period total, per currency,
 * exactly) against sums read straight from cost_rows.
 */
import { copyFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { allocateLines, dropLines } from '../../electron/core/allocate/allocate'
import { UNALLOCATED } from '../../electron/core/allocate/lines'
import { importMappingCsv } from '../../electron/core/allocate/tables'
import { duckdbMemoryLimit } from '../../electron/core/db/memory-limit'
import { allocationLinesSource } from '../../electron/core/report/allocation-source'
import { EXCEL_MAX_ROWS } from '../../electron/core/report/detail'
import type { LinesSource } from '../../electron/core/report/lines-source'
import { TARGET_FOLDER } from '../../electron/core/report/pack-files'
import {
  ALL_FORMATS,
  writePack,
  type PackFormat,
  type PackResult,
} from '../../electron/core/report/pack'
import { FORMAT_3_TABLES } from '../../electron/core/workspace/schema'
import { Workspace } from '../../electron/core/workspace/workspace'
import { decimalsEqual, normalizeDecimal, subtractDecimals, sumDecimals } from '../../shared/money'
import type { ReportModel } from '../../shared/report'
import { PHASE_MEANING, PhaseClock, type PackPhase, type PhaseFigures } from './pack-phases'
import { ACCOUNT_MAPPING, EXPECTED_COST_CENTERS, packRuleSet } from './pack-rules'
import { mark, measure, mb, round, roundStep, since, type Measured, type StepTime } from './stats'
import { traceWriter, type TracedStep } from './trace-sql'

/** The synthetic month (synthetic.ts). */
const PERIOD = '2025-06'
const METRIC = 'BilledCost'

/** The reconciliation line of one currency, as the pack states it and as re-checked here. */
export interface ReconciliationCheck {
  currency: string
  /** Sum of the cost centers' exact amounts (from the report model). */
  targets: string
  unallocated: string
  /** targets + unallocated. */
  sum: string
  /** The pack's period total. */
  periodTotal: string
  /** sum(BilledCost) of the month read straight from cost_rows, independently of the engine. */
  costRowsTotal: string
  /** The pack's own verdict (model.reconciliation[].ok). */
  packOk: boolean
  /** sum = periodTotal = costRowsTotal, compared as exact decimals. */
  exact: boolean
}

/** One writePack run. */
export interface PackRun extends Measured {
  formats: PackFormat[]
  /** Phases as writePack times them, ms. */
  timingsMs: Record<string, number>
  /** Wall, CPU and peak RSS per phase (pack-phases.ts; "allocation" is cut out of "facts"). */
  phases: Partial<Record<PackPhase, PhaseFigures>>
  /** What ran, stated plainly so two runs can be compared. */
  ran: {
    formatsRequested: PackFormat[]
    /** Kinds of the files written (a workbook past Excel's limit brings the Parquet detail along). */
    kindsWritten: string[]
    sourceRows: number
    lines: number
    rules: number
    costCenters: number
    pdfs: number
    files: number
    /** Whether the XLSX Detail sheet holds every line; sheetRows: data rows it was streamed (null: not streamed). */
    detail: { written: boolean; sheetRows: number | null }
    workspace: string
  }
  /** The LinesSource calls writePack made (the allocation inside the "facts" phase). */
  allocationCalls: StepTime[]
  costCenters: number
  files: { count: number; byKind: Record<string, { files: number; MB: number }> }
  pdfs: { costCenterPdfsReturned: number; costCenterPdfsOnDisk: number; summaryPdf: boolean }
  /** Lines of the period; inWorkbook: the XLSX Detail sheet holds them (else it names the Parquet/CSV). */
  detail: { lines: number; inWorkbook: boolean }
  reconciliation: ReconciliationCheck[]
  reconciled: boolean
  outDir: string
  /** With --profile: every SQL statement of the run, by statement. */
  statements?: Record<string, TracedStep>
}

/** Everything the pack part reports. */
export interface PackBench {
  period: string
  metric: string
  ruleSet: {
    name: string
    rules: number
    pools: Array<{ id: string; method: string }>
    policies: Record<string, string>
    expectedCostCenters: number
  }
  workspaceCopyMs: number
  mapping: { name: string; rows: number; ms: number }
  allocation: Measured & {
    lines: number
    costCenters: number
    unallocatedLines: number
    poolSplits: number
    residues: number
    coverage: Array<{ currency: string; percent: string | null }>
    engineReconciled: boolean
    statements?: Record<string, TracedStep>
  }
  packPdfXlsx: PackRun
  packCsvParquet: PackRun | null
  /** DuckDB's memory_limit for these runs (core/db/memory-limit.ts; FOCAL_MEMORY_LIMIT overrides). */
  duckdbMemoryLimit: string
  /** What each phase of `phases` holds. */
  phaseMeaning: Record<PackPhase, string>
}

/** Runs the pack part on a copy of `keptWorkspace`; outputs go to `outRoot`. */
export async function measurePack(
  keptWorkspace: string,
  workDir: string,
  outRoot: string,
  options: { exports: boolean; profile: boolean },
  log: (message: string) => void,
): Promise<PackBench> {
  const ruleSet = packRuleSet()
  const dimension = ruleSet.dimensions[0]!
  const { path, workspaceCopyMs, mapping } = await prepareCopy(keptWorkspace, workDir, 'pack', log)

  log(`pack: (1) allocateLines, ${dimension.rules.length} rules, alone`)
  globalThis.gc?.()
  const allocation = await withWorkspace(path, async (ws) => {
    const trace = options.profile ? traceWriter(ws) : null
    const { value: result, measured } = await measure(() =>
      allocateLines(ws, { period: PERIOD, metric: METRIC, ruleSet }),
    )
    await dropLines(ws, result.table)
    const targets = new Set(result.summary.map((s) => s.target))
    targets.delete(UNALLOCATED)
    return {
      ...measured,
      lines: result.rows,
      costCenters: targets.size,
      unallocatedLines: result.summary
        .filter((s) => s.target === UNALLOCATED)
        .reduce((n, s) => n + s.lines, 0),
      poolSplits: result.pools.length,
      residues: result.residues.length,
      coverage: result.coverage.currencies.map((c) => ({
        currency: c.currency,
        percent: c.percent,
      })),
      engineReconciled: result.reconciliation.every((r) => r.equal),
      ...(trace ? { statements: trace.steps() } : {}),
    }
  })
  log(
    `    ${allocation.ms} ms (CPU ${allocation.cpuMs} ms), ${allocation.lines} lines, ${allocation.costCenters} cost centers`,
  )

  rmSync(outRoot, { recursive: true, force: true })
  const source = allocationLinesSource({ ruleSet })
  log('pack: (2) writePack pdf + xlsx (allocation included)')
  const packPdfXlsx = await packRun(
    path,
    source,
    ['pdf', 'xlsx'],
    join(outRoot, 'pdf-xlsx'),
    options.profile,
  )
  log(
    `    ${packPdfXlsx.ms} ms (CPU ${packPdfXlsx.cpuMs} ms), ${packPdfXlsx.pdfs.costCenterPdfsOnDisk} cost-center PDFs, phases ${JSON.stringify(packPdfXlsx.phases)}`,
  )
  let packCsvParquet: PackRun | null = null
  if (options.exports) {
    log('pack: (3) writePack csv + parquet (allocation included)')
    packCsvParquet = await packRun(
      path,
      source,
      ['csv', 'parquet'],
      join(outRoot, 'csv-parquet'),
      options.profile,
    )
    log(
      `    ${packCsvParquet.ms} ms (CPU ${packCsvParquet.cpuMs} ms), phases ${JSON.stringify(packCsvParquet.phases)}`,
    )
  }
  rmSync(path, { force: true })
  rmSync(`${path}.wal`, { force: true })
  return {
    period: PERIOD,
    metric: METRIC,
    ruleSet: {
      name: ruleSet.name ?? '',
      rules: dimension.rules.length,
      pools: dimension.pools.map((p) => ({ id: p.id, method: p.method })),
      policies: { ...ruleSet.policies },
      expectedCostCenters: EXPECTED_COST_CENTERS,
    },
    workspaceCopyMs,
    mapping,
    allocation,
    packPdfXlsx,
    packCsvParquet,
    duckdbMemoryLimit: duckdbMemoryLimit(),
    phaseMeaning: PHASE_MEANING,
  }
}

/** The near-limit case: the whole pack (every format, Detail written) on its own month. */
export interface NearLimitPackBench {
  period: string
  /** Source rows of the month and the allocated lines they make, against Excel's limit. */
  sourceRows: number
  excelDataRows: number
  pack: PackRun
  /** DuckDB's memory_limit for the run. */
  duckdbMemoryLimit: string
  phaseMeaning: Record<PackPhase, string>
}

/**
 * Issue 10's case: a month whose allocated lines fall just under Excel's
 * 1,048,576 rows (pack-near-limit.ts), 30 rules, 50 cost centers, the whole
 * pack — 50 PDFs, the XLSX with its Detail sheet written, the CSVs, the
 * allocated FOCUS CSV and Parquet, the manifest — on a freshly opened copy.
 */
export async function measureNearLimitPack(
  keptWorkspace: string,
  sourceRows: number,
  workDir: string,
  outRoot: string,
  options: { profile: boolean },
  log: (message: string) => void,
): Promise<NearLimitPackBench> {
  const { path } = await prepareCopy(keptWorkspace, workDir, 'near-limit', log)
  rmSync(outRoot, { recursive: true, force: true })
  log(`pack near the XLSX limit (${sourceRows} source rows): writePack, every format`)
  const pack = await packRun(
    path,
    allocationLinesSource({ ruleSet: packRuleSet() }),
    [...ALL_FORMATS],
    outRoot,
    options.profile,
  )
  log(
    `    ${pack.ms} ms (CPU ${pack.cpuMs} ms), ${pack.ran.lines} lines, Detail rows ${pack.ran.detail.sheetRows}, phases ${JSON.stringify(pack.phases)}`,
  )
  rmSync(path, { force: true })
  rmSync(`${path}.wal`, { force: true })
  return {
    period: PERIOD,
    sourceRows,
    excelDataRows: EXCEL_MAX_ROWS - 1,
    pack,
    duckdbMemoryLimit: duckdbMemoryLimit(),
    phaseMeaning: PHASE_MEANING,
  }
}

/**
 * Copies the kept workspace and imports the rules' account mapping into the
 * copy. A workspace kept by an earlier run of this format-3 development line
 * may predate a table added to FORMAT_3_TABLES since; the copy gets them all
 * (the statements are CREATE … IF NOT EXISTS), as an upgraded workspace has.
 */
async function prepareCopy(
  keptWorkspace: string,
  workDir: string,
  name: string,
  log: (message: string) => void,
): Promise<{ path: string; workspaceCopyMs: number; mapping: PackBench['mapping'] }> {
  const path = join(workDir, `${name}.focal`)
  const copyStart = mark()
  copyFileSync(keptWorkspace, path)
  const workspaceCopyMs = round(since(copyStart).ms)
  log(`pack: importing mapping "${ACCOUNT_MAPPING.name}" into a copy of the kept workspace`)
  const csv = join(workDir, `${ACCOUNT_MAPPING.name}.csv`)
  writeFileSync(csv, ACCOUNT_MAPPING.csv())
  const mapping = await withWorkspace(path, async (ws) => {
    for (const statement of FORMAT_3_TABLES) await ws.run(statement)
    const t = mark()
    const imported = await importMappingCsv(ws, ACCOUNT_MAPPING.name, csv)
    return { name: imported.name, rows: imported.rows, ms: round(since(t).ms) }
  })
  return { path, workspaceCopyMs, mapping }
}

/** Opens the workspace, runs `work`, closes it (the close's checkpoint is not part of any timing). */
async function withWorkspace<T>(path: string, work: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await Workspace.open(path)
  try {
    return await work(ws)
  } finally {
    ws.close()
  }
}

/** One writePack on a freshly opened workspace, measured, with its output checked. */
async function packRun(
  path: string,
  inner: LinesSource,
  formats: PackFormat[],
  outDir: string,
  profile: boolean,
): Promise<PackRun> {
  globalThis.gc?.()
  const allocationCalls: StepTime[] = []
  const source: LinesSource = async (ws, period, metric) => {
    const t = mark()
    try {
      return await inner(ws, period, metric)
    } finally {
      allocationCalls.push(roundStep(since(t)))
    }
  }
  source.check = inner.check
  return withWorkspace(path, async (ws) => {
    const trace = profile ? traceWriter(ws) : null
    const clock = new PhaseClock()
    const timedSource: LinesSource = async (w, period, metric) => {
      const before = clock.running
      clock.switchTo('allocation')
      try {
        return await source(w, period, metric)
      } finally {
        clock.switchTo(before)
      }
    }
    timedSource.check = source.check
    const { value: result, measured } = await measure(() =>
      writePack(
        ws,
        {
          kind: 'chargeback',
          period: PERIOD,
          metric: METRIC,
          source: timedSource,
          outDir,
          formats,
          onDetailRows: (rows) => clock.detailRows(rows),
        },
        (p) => clock.progress(p),
      ),
    )
    const detailSheetRows = clock.detailSheetRows
    const phases = clock.stop()
    const statements = trace?.steps()
    const onDisk = readdirSync(join(outDir, TARGET_FOLDER)).filter((f) => f.endsWith('.pdf'))
    const reconciliation = await checkReconciliation(ws, result.model)
    return {
      ...measured,
      formats,
      timingsMs: result.timings,
      phases,
      ran: {
        formatsRequested: formats,
        kindsWritten: [...new Set(result.files.map((f) => f.kind))],
        sourceRows: await periodRows(ws),
        lines: result.model.detailLines,
        rules: packRuleSet().dimensions[0]?.rules.length ?? 0,
        costCenters: result.model.targets.filter((t) => !t.unallocated).length,
        pdfs: result.files.filter((f) => f.kind === 'target-pdf' || f.kind === 'summary-pdf')
          .length,
        files: result.files.length,
        detail: {
          written: detailSheetRows !== null && detailSheetRows === result.model.detailLines,
          sheetRows: detailSheetRows,
        },
        workspace: 'a copy of the kept workspace, freshly opened (cold DuckDB cache)',
      },
      allocationCalls,
      costCenters: result.model.targets.filter((t) => !t.unallocated).length,
      files: describeFiles(result),
      pdfs: {
        costCenterPdfsReturned: result.files.filter((f) => f.kind === 'target-pdf').length,
        costCenterPdfsOnDisk: onDisk.length,
        summaryPdf: result.files.some((f) => f.kind === 'summary-pdf'),
      },
      detail: {
        lines: result.model.detailLines,
        // As planPack/detailSheet: a header row plus at most EXCEL_MAX_ROWS - 1 data rows.
        inWorkbook: formats.includes('xlsx') && result.model.detailLines <= EXCEL_MAX_ROWS - 1,
      },
      reconciliation,
      reconciled: reconciliation.every((r) => r.packOk && r.exact),
      outDir,
      ...(statements ? { statements } : {}),
    }
  })
}

/** Source rows of the month in cost_rows. */
async function periodRows(ws: Workspace): Promise<number> {
  const [row] = await ws.all(
    `SELECT count(*)::BIGINT AS n FROM cost_rows
     WHERE strftime(coalesce(BillingPeriodStart, date_trunc('month', ChargePeriodStart)), '%Y-%m') = $1`,
    [PERIOD],
  )
  return Number(row?.n ?? 0)
}

function describeFiles(result: PackResult): PackRun['files'] {
  const byKind: Record<string, { files: number; MB: number }> = {}
  for (const f of result.files) {
    const entry = (byKind[f.kind] ??= { files: 0, MB: 0 })
    entry.files++
    entry.MB += f.bytes
  }
  for (const entry of Object.values(byKind)) entry.MB = mb(entry.MB)
  return { count: result.files.length, byKind }
}

/** The pack's reconciliation line re-derived from its targets and compared with cost_rows' own sums. */
async function checkReconciliation(
  ws: Workspace,
  model: ReportModel,
): Promise<ReconciliationCheck[]> {
  const rows = await ws.all(
    `SELECT coalesce(BillingCurrency, '') AS cur, sum(coalesce(BilledCost, 0))::VARCHAR AS t
     FROM cost_rows WHERE strftime(coalesce(BillingPeriodStart, date_trunc('month', ChargePeriodStart)), '%Y-%m') = $1
     GROUP BY 1 ORDER BY 1`,
    [PERIOD],
  )
  const direct = new Map(rows.map((r) => [String(r.cur), normalizeDecimal(String(r.t))]))
  const currencies = new Set([...model.currencies, ...direct.keys()])
  return [...currencies].sort().map((currency) => {
    const amounts = (unallocated: boolean): string[] =>
      model.targets
        .filter((t) => t.unallocated === unallocated)
        .flatMap((t) => t.amounts.filter((a) => a.currency === currency).map((a) => a.exact))
    const targets = sumDecimals(amounts(false))
    const unallocated = sumDecimals(amounts(true))
    const sum = sumDecimals([targets, unallocated])
    const line = model.reconciliation.find((l) => l.currency === currency)
    const periodTotal = line?.periodTotal ?? '0'
    const costRowsTotal = direct.get(currency) ?? '0'
    return {
      currency,
      targets,
      unallocated,
      sum,
      periodTotal,
      costRowsTotal,
      packOk: line?.ok ?? false,
      exact:
        decimalsEqual(subtractDecimals(sum, periodTotal), '0') &&
        decimalsEqual(periodTotal, costRowsTotal),
    }
  })
}
