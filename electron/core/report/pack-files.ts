/**
 * Which files a pack writes and where: names from the kind and period
 * ("chargeback-2024-09-…"), one PDF per cost center in cost-centers/, and a
 * folder check so an earlier pack is never half-overwritten by accident.
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fail } from '../../../shared/contract'
import type { ReportModel, TargetReport } from '../../../shared/report'
import { EXCEL_MAX_ROWS } from './detail'
import { uniqueSlugs } from './file-names'

/** What a pack can contain: PDFs, the workbook, summary (+ a chargeback's journal) CSV, and the allocated FOCUS data. */
export type PackFormat = 'pdf' | 'xlsx' | 'csv' | 'focus-csv' | 'parquet'

/** Every format name, for parsing --format. */
export const PACK_FORMATS: readonly PackFormat[] = ['pdf', 'xlsx', 'csv', 'focus-csv', 'parquet']

/** The folder holding the per-cost-center PDFs. */
export const TARGET_FOLDER = 'cost-centers'

/** The files of one pack, relative to its folder (null: not written). */
export interface PackPlan {
  prefix: string
  summaryPdf: string | null
  targetPdfs: Array<{ target: TargetReport; file: string }>
  xlsx: string | null
  summaryCsv: string | null
  journalCsv: string | null
  focusCsv: string | null
  parquet: string | null
  manifest: string
  /** Files to write, for progress. */
  steps: number
}

/** Plans the files; a workbook whose Detail cannot hold the period brings the Parquet export with it. */
export function planPack(
  model: ReportModel,
  formats: readonly PackFormat[],
  detailLimit?: number,
): PackPlan {
  const want = new Set(formats)
  const limit = Math.min(detailLimit ?? EXCEL_MAX_ROWS - 1, EXCEL_MAX_ROWS - 1)
  if (want.has('xlsx') && model.detailLines > limit && !want.has('focus-csv')) want.add('parquet')
  const prefix = `${model.kind}-${model.period}`
  // An Unallocated with no lines gets no PDF; the summary still shows it at zero.
  const targets = want.has('pdf')
    ? model.targets.filter((t) => !t.unallocated || t.amounts.some((a) => a.lines > 0))
    : []
  const slugs = uniqueSlugs(targets.map((t) => t.target))
  const plan: Omit<PackPlan, 'steps'> = {
    prefix,
    summaryPdf: want.has('pdf') ? `${prefix}-summary.pdf` : null,
    targetPdfs: targets.map((target, i) => ({
      target,
      file: join(TARGET_FOLDER, `${prefix}-${slugs[i]}.pdf`),
    })),
    xlsx: want.has('xlsx') ? `${prefix}.xlsx` : null,
    summaryCsv: want.has('csv') ? `${prefix}-summary.csv` : null,
    // Only a chargeback is booked: a showback states cost for information and carries no journal.
    journalCsv: want.has('csv') && model.kind === 'chargeback' ? `${prefix}-journal.csv` : null,
    focusCsv: want.has('focus-csv') ? `${prefix}-allocated.focus.csv` : null,
    parquet: want.has('parquet') ? `${prefix}-allocated.parquet` : null,
    manifest: `${prefix}-manifest.json`,
  }
  const singles = [plan.summaryPdf, plan.xlsx, plan.summaryCsv, plan.focusCsv, plan.parquet].filter(
    Boolean,
  )
  return { ...plan, steps: singles.length + plan.targetPdfs.length + 1 }
}

/** Every file of a plan, relative. */
export function planFiles(plan: PackPlan): string[] {
  return [
    plan.summaryPdf,
    ...plan.targetPdfs.map((t) => t.file),
    plan.xlsx,
    plan.summaryCsv,
    plan.journalCsv,
    plan.focusCsv,
    plan.parquet,
    plan.manifest,
  ].filter((f): f is string => f !== null)
}

/**
 * Creates the folder; refuses when files of the same pack already exist
 * unless `overwrite`, in which case this pack's earlier cost-center PDFs that
 * the new plan does not write are removed too (so no stale cost center lingers).
 */
export async function preparePackFolder(
  outDir: string,
  plan: PackPlan,
  overwrite: boolean,
): Promise<void> {
  const files = planFiles(plan)
  const existing = files.filter((f) => existsSync(join(outDir, f)))
  if (existing.length > 0 && !overwrite)
    fail('IO_ERROR', `The folder already holds a ${plan.prefix} pack (${existing[0]}).`, {
      hint: 'Choose another folder, or overwrite the earlier pack (focal report … --overwrite).',
      details: { existing: existing.slice(0, 20) },
    })
  try {
    await mkdir(join(outDir, TARGET_FOLDER), { recursive: true })
    if (overwrite) {
      const keep = new Set(files)
      for (const name of await readdir(join(outDir, TARGET_FOLDER))) {
        const relative = join(TARGET_FOLDER, name)
        if (name.startsWith(`${plan.prefix}-`) && name.endsWith('.pdf') && !keep.has(relative))
          await rm(join(outDir, relative))
      }
    }
  } catch (cause) {
    fail(
      'IO_ERROR',
      `Cannot write to the output folder: ${cause instanceof Error ? cause.message : String(cause)}`,
    )
  }
}
