/**
 * The monthly pack ("burst"): reads the report facts once, then writes one PDF
 * per cost center, the summary PDF, the workbook, the CSVs, the allocated
 * FOCUS data and a manifest with every file's SHA-256 into one folder. The
 * same function serves the CLI and the app (a future report:* channel), and
 * it returns per-phase timings so a benchmark can time it.
 */
import { stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fail } from '../../../shared/contract'
import { parseDimension, type Dimension } from '../../../shared/pivot'
import {
  budgetsOfPeriod,
  buildJournal,
  buildReportModel,
  isPeriod,
  journalStatements,
  packReference,
  type Budget,
  type Journal,
  type LedgerMapping,
  type ReportKind,
  type ReportModel,
} from '../../../shared/report'
import type { CostMetric } from '../allocate/lines'
import { packBudgets } from '../budgets/pack-budgets'
import { packCloseFacts, recordPackExport } from '../close/pack-close'
import { withReportingCurrency } from '../fx/report-currency'
import { sha256File } from '../ingest/hash'
import { writePackUnitCosts, type PackUnitMetric } from '../unit-costs/pack-unit-costs'
import type { Workspace } from '../workspace/workspace'
import { writeCsvFiles } from './csv'
import { findReportFonts } from './fonts'
import { exportAllocatedFocus } from './focus-export'
import { maskedNotice, withMaskedWriter } from '../presentation/presentation-mode'
import type { LinesSource } from './lines-source'
import { planPack, preparePackFolder, type PackFormat, type PackPlan } from './pack-files'
import { writeSummaryPdf } from './pdf/summary-pdf'
import { writeTargetPdf } from './pdf/target-pdf'
import { dropLines, readFacts } from './read-facts'
import { writeWorkbook } from './xlsx'

export type { PackFormat } from './pack-files'

/** What to produce. */
export interface PackOptions {
  kind: ReportKind
  /** YYYY-MM. */
  period: string
  metric: CostMetric
  /** Where the lines come from: `dimensionLinesSource(by)` or the allocation engine. */
  source: LinesSource
  outDir: string
  formats?: readonly PackFormat[]
  company?: string | null
  /** A PNG or JPEG for the cover. */
  logo?: string | null
  /** Rows of the top-resources and by-service tables before "Other". */
  topN?: number
  /** Budgets from a file; when absent, the workspace's budgets of the period (core/budgets/pack-budgets.ts). */
  budgets?: readonly Budget[]
  /** Ledger account of journal lines of cost centers the mapping does not name; default tag:ledger_account. */
  ledger?: Dimension
  /** Ledger account and code per cost center (the ledger mapping CSV); it wins over `ledger`. */
  ledgerMapping?: readonly LedgerMapping[]
  /** The account the cloud invoice was booked to: the journal's credit side. */
  creditAccount?: string | null
  /** Replace the files of an earlier pack of the same kind and period in outDir. */
  overwrite?: boolean
  /** Also state the figures in this currency (ISO code), converted with the workspace's rates (core/fx). */
  reportingCurrency?: string | null
  /** A showback pack's unit-cost section: the business metric its cost is divided by (core/unit-costs). */
  unitMetric?: PackUnitMetric | null
  fontsDir?: string
  /** Data rows the XLSX Detail sheet may hold (default: Excel's limit). */
  detailLimit?: number
  /** Told the XLSX Detail sheet's rows written so far (0 as it starts, after each chunk, again at its end); the bench times the sheet by it. */
  onDetailRows?: (rows: number) => void
  now?: Date
  signal?: AbortSignal
}

/** Progress of a pack: which step, how many of how many, the file being written. */
export interface PackProgress {
  phase: 'facts' | 'pdf' | 'xlsx' | 'csv' | 'export' | 'manifest'
  done: number
  total: number
  file?: string
}

/** A file the pack wrote, relative to outDir. */
export interface PackFile {
  path: string
  kind:
    | 'summary-pdf'
    | 'target-pdf'
    | 'xlsx'
    | 'summary-csv'
    | 'journal-csv'
    | 'focus-csv'
    | 'parquet'
    | 'changes-csv'
    | 'unit-cost-csv'
    | 'manifest'
  bytes: number
  sha256: string
}

/** What writePack returns. */
export interface PackResult {
  files: PackFile[]
  model: ReportModel
  /** A chargeback's journal; null for a showback, which is informational and never booked. */
  journal: Journal | null
  /** Milliseconds per phase. */
  timings: Record<string, number>
}

/** Default formats: everything. */
export const ALL_FORMATS: readonly PackFormat[] = ['pdf', 'xlsx', 'csv', 'focus-csv', 'parquet']

/** Writes the pack; throws a FocalFailure (NO_ROWS, RECONCILIATION_FAILED, IO_ERROR …) before writing on bad input. */
export async function writePack(
  ws: Workspace,
  options: PackOptions,
  onProgress: (progress: PackProgress) => void = () => undefined,
): Promise<PackResult> {
  if (!isPeriod(options.period))
    fail('BAD_REQUEST', `"${options.period}" is not a period; use YYYY-MM.`)
  const timings: Record<string, number> = {}
  const time = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now()
    try {
      return await work()
    } finally {
      timings[phase] = (timings[phase] ?? 0) + performance.now() - started
    }
  }
  const fonts = findReportFonts(options.fontsDir)
  const logo = options.logo ?? null
  if (logo && !(await stat(logo).catch(() => null))?.isFile())
    fail('NOT_FOUND', `The logo file ${basename(logo)} does not exist.`)
  const check = (): void => {
    if (options.signal?.aborted) fail('CANCELLED', 'The report was cancelled.')
  }

  check()
  onProgress({ phase: 'facts', done: 0, total: 1 })
  // Presentation mode: the facts and the detail files read aliases (presentation-mode.ts).
  const read = await time('facts', async () =>
    withMaskedWriter(ws, async () =>
      readFacts(ws, {
        kind: options.kind,
        period: options.period,
        metric: options.metric,
        source: options.source,
        company: options.company ?? null,
        topN: options.topN ?? 10,
        // A budgets file wins; without one, the workspace's budgets of the month (core/budgets).
        budgets: options.budgets
          ? budgetsOfPeriod(options.budgets, options.period)
          : await packBudgets(ws, options.period, options.source.dimension ?? null),
        ledger: options.ledger ?? parseDimension('tag:ledger_account'),
        now: options.now,
      }),
    ),
  )
  try {
    const notice = maskedNotice(ws)
    const model = await withReportingCurrency(
      ws,
      notice ? { ...buildReportModel(read.facts), masked: notice } : buildReportModel(read.facts),
      options.reportingCurrency,
    )
    const unreconciled = model.reconciliation.filter((l) => !l.ok)
    if (unreconciled.length > 0)
      fail(
        'RECONCILIATION_FAILED',
        `The allocated lines do not add up to the period total of ${options.metric}.`,
        {
          hint: 'Nothing was written. The allocation rules lost or duplicated cost; check the rule set.',
          details: {
            differences: unreconciled.map((l) => ({
              currency: l.currency,
              difference: l.difference,
            })),
          },
        },
      )
    // Only a chargeback is booked; a showback has no journal in any of its files.
    const journal =
      model.kind === 'chargeback'
        ? buildJournal(model, read.ledger, {
            reference: packReference(model),
            creditAccount: options.creditAccount ?? null,
            mapping: options.ledgerMapping,
          })
        : null
    check()
    const plan = planPack(model, options.formats ?? ALL_FORMATS, options.detailLimit)
    await preparePackFolder(options.outDir, plan, options.overwrite ?? false)
    const total = plan.steps
    let done = 0
    const step = (phase: PackProgress['phase'], file: string): void => {
      check()
      onProgress({ phase, done: done++, total, file })
    }
    const at = (relative: string): string => join(options.outDir, relative)
    // Fingerprints, and a reopened month's changes since its close (close/pack-close.ts),
    // which the summary PDF states too.
    const closing = await packCloseFacts(ws, model, read.facts.current, plan.prefix, options.outDir)
    // Written before the PDFs, workbook and CSVs, so an unknown metric fails early (showback: a
    // chargeback states what each cost center is charged, not what a unit costs).
    const unitCosts =
      options.unitMetric && options.kind === 'showback'
        ? await writePackUnitCosts(ws, {
            period: options.period,
            costMetric: options.metric,
            unit: options.unitMetric,
            outDir: options.outDir,
            prefix: plan.prefix,
          })
        : null

    if (plan.summaryPdf) {
      step('pdf', plan.summaryPdf)
      await time('pdf', () =>
        writeSummaryPdf(
          at(plan.summaryPdf ?? ''),
          model,
          { fonts, logo },
          journal ?? undefined,
          closing.changes,
        ),
      )
    }
    for (const { target, file } of plan.targetPdfs) {
      step('pdf', file)
      await time('pdf', () => writeTargetPdf(at(file), model, target, { fonts, logo }))
    }
    if (plan.xlsx) {
      step('xlsx', plan.xlsx)
      await time('xlsx', () =>
        writeWorkbook(at(plan.xlsx ?? ''), ws, {
          model,
          journal,
          linesTable: read.lines.table,
          detailLimit: options.detailLimit,
          onDetailRows: options.onDetailRows,
          fullDetail: [plan.focusCsv, plan.parquet].filter((f): f is string => f !== null),
          changes: closing.changes,
        }),
      )
    }
    if (plan.summaryCsv) {
      step('csv', plan.summaryCsv)
      const paths = {
        summary: at(plan.summaryCsv),
        journal: plan.journalCsv ? at(plan.journalCsv) : null,
      }
      await time('csv', () => writeCsvFiles(paths, model, journal))
    }
    const exportInput = {
      table: read.lines.table,
      period: model.period,
      metric: options.metric,
      ruleVersion: model.allocation?.ruleVersion ?? null,
    }
    for (const [format, file] of [
      ['csv', plan.focusCsv],
      ['parquet', plan.parquet],
    ] as const) {
      if (!file) continue
      step('export', file)
      await time('export', () =>
        withMaskedWriter(ws, () => exportAllocatedFocus(ws, exportInput, format, at(file))),
      )
    }
    step('manifest', plan.manifest)
    const files = await time('manifest', () => describeFiles(options.outDir, plan))
    files.push(...closing.files)
    if (unitCosts) files.push(unitCosts)
    await writeFile(
      at(plan.manifest),
      JSON.stringify({ ...manifest(model, journal, files), ...closing.manifest }, null, 2) + '\n',
      'utf8',
    )
    const manifestFile = await describeFile(options.outDir, plan.manifest, 'manifest')
    onProgress({ phase: 'manifest', done: total, total })
    if (!ws.readOnly)
      await ws.audit(`report.${options.kind}`, model.period, {
        metric: model.metric,
        groupedBy: model.groupedBy,
        ruleSet: model.ruleSet,
        reconciled: true,
        // The figures as stated, so "Explain this number" can show what was recorded (core/evidence).
        figures: model.targets.flatMap((t) =>
          t.amounts.map((a) => ({
            target: t.target,
            currency: a.currency,
            exact: a.exact,
            charged: a.charged,
            lines: a.lines,
          })),
        ),
        files: [...files, manifestFile].map((f) => ({ path: f.path, sha256: f.sha256 })),
      })
    await recordPackExport(ws, model, read.facts.current, closing, [...files, manifestFile])
    const rounded = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)]))
    return { files: [...files, manifestFile], model, journal, timings: rounded }
  } finally {
    await dropLines(ws, read.lines.table)
  }
}

async function describeFile(dir: string, path: string, kind: PackFile['kind']): Promise<PackFile> {
  const full = join(dir, path)
  const [info, sha256] = await Promise.all([stat(full), sha256File(full)])
  return { path, kind, bytes: info.size, sha256 }
}

async function describeFiles(dir: string, plan: PackPlan): Promise<PackFile[]> {
  const list: Array<[string | null, PackFile['kind']]> = [
    [plan.summaryPdf, 'summary-pdf'],
    ...plan.targetPdfs.map((t): [string, PackFile['kind']] => [t.file, 'target-pdf']),
    [plan.xlsx, 'xlsx'],
    [plan.summaryCsv, 'summary-csv'],
    [plan.journalCsv, 'journal-csv'],
    [plan.focusCsv, 'focus-csv'],
    [plan.parquet, 'parquet'],
  ]
  const files: PackFile[] = []
  for (const [path, kind] of list) if (path) files.push(await describeFile(dir, path, kind))
  return files
}

function manifest(model: ReportModel, journal: Journal | null, files: PackFile[]): object {
  return {
    packId: packReference(model),
    report: model.kind,
    period: model.period,
    metric: model.metric,
    groupedBy: model.groupedBy,
    ruleSet: model.ruleSet,
    generatedAt: model.generatedAt,
    reconciliation: model.reconciliation,
    // The same figures as the PDFs, the workbook and the CSVs, for a script to check against.
    costCenters: model.targets.flatMap((t) =>
      t.amounts.map((a) => ({
        costCenter: t.target,
        currency: a.currency,
        lines: a.lines,
        charged: a.charged,
        exact: a.exact,
        ...(a.budget === null ? {} : { budget: a.budget }),
      })),
    ),
    ...(journal
      ? {
          journal: {
            creditAccount: journal.creditAccount,
            statements: journalStatements(journal),
            balances: journal.balances,
            unposted: journal.unposted,
          },
        }
      : {}),
    imports: model.imports,
    // Converted figures with the rate, its date and source per original currency (core/fx).
    ...(model.reporting ? { reportingCurrency: model.reporting } : {}),
    files,
  }
}
