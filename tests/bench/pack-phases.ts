/**
 * Per-phase figures of one writePack run, as the issue asks the bench to
 * report them: wall time, CPU time (process.cpuUsage, all threads: DuckDB's
 * and zlib's too) and the peak RSS sampled within the phase. The phases are
 * cut from writePack's own signals: the lines source's calls (allocation),
 * its progress events, and the Detail sheet's row callback, so the XLSX's
 * Detail is told apart from its other sheets.
 */
import type { PackProgress } from '../../electron/core/report/pack'
import { mark, mb, round, since, type Mark } from './stats'

/** Where the time of a pack goes. */
export type PackPhase =
  'allocation' | 'facts' | 'pdf' | 'xlsx-summary' | 'xlsx-detail' | 'csv' | 'export' | 'manifest'

/** One phase's figures (summed when a phase recurs, e.g. the workbook's sheets before and after Detail). */
export interface PhaseFigures {
  ms: number
  cpuMs: number
  rssPeakMB: number
}

/** What each phase holds, for the JSON (so a reader knows what a figure covers). */
export const PHASE_MEANING: Record<PackPhase, string> = {
  allocation:
    'the lines source: allocateLines of the period (and of each earlier month of the trend)',
  facts:
    'the report facts over the lines (totals, daily, top N, pools, ledger), the model, the journal',
  pdf: 'the summary PDF and one PDF per cost center',
  'xlsx-summary':
    'the workbook without Detail: Summary, Per cost center, Journal and Audit sheets and closing the zip',
  'xlsx-detail':
    'the XLSX Detail sheet: every line streamed from DuckDB into the sheet (or its note)',
  csv: 'the summary and journal CSVs',
  export: 'the allocated FOCUS CSV and/or Parquet (DuckDB COPY)',
  manifest: "the files' SHA-256s, the manifest, the audit entry and the export record",
}

/** A stopwatch that books wall, CPU and peak RSS to the phase running now. */
export class PhaseClock {
  readonly phases: Partial<Record<PackPhase, PhaseFigures>> = {}
  private current: PackPhase | null = null
  private started: Mark = mark()
  private peak = 0
  private lastDetailRows: number | null = null
  private readonly timer: NodeJS.Timeout

  constructor() {
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, process.memoryUsage.rss())
    }, 20)
  }

  /** Books the time so far to the current phase and starts `next`. */
  switchTo(next: PackPhase | null): void {
    const now = mark()
    if (this.current) {
      const t = since(this.started, now)
      const p = (this.phases[this.current] ??= { ms: 0, cpuMs: 0, rssPeakMB: 0 })
      p.ms += t.ms
      p.cpuMs += t.cpuMs
      p.rssPeakMB = Math.max(p.rssPeakMB, mb(Math.max(this.peak, process.memoryUsage.rss())))
    }
    this.current = next
    this.started = now
    this.peak = process.memoryUsage.rss()
  }

  /** The phase now running. */
  get running(): PackPhase | null {
    return this.current
  }

  /** writePack's progress: a new phase starts (the workbook's first sheets count as xlsx-summary). */
  progress(p: PackProgress): void {
    const phase: PackPhase = p.phase === 'xlsx' ? 'xlsx-summary' : p.phase
    if (phase !== this.current && !(p.phase === 'xlsx' && this.current === 'xlsx-detail'))
      this.switchTo(phase)
  }

  /** The Detail sheet's row callback: 0 as it starts, then after each chunk, then its total again at its end. */
  detailRows(rows: number): void {
    if (this.current !== 'xlsx-detail') this.switchTo('xlsx-detail')
    else if (rows === this.lastDetailRows) this.switchTo('xlsx-summary')
    this.lastDetailRows = rows
  }

  /** Rows the Detail sheet holds (null: the sheet was not streamed, e.g. the note past Excel's limit). */
  get detailSheetRows(): number | null {
    return this.lastDetailRows
  }

  /** Ends the last phase and the sampling; returns the figures rounded. */
  stop(): Partial<Record<PackPhase, PhaseFigures>> {
    this.switchTo(null)
    clearInterval(this.timer)
    return Object.fromEntries(
      Object.entries(this.phases).map(([k, v]) => [
        k,
        { ms: round(v.ms), cpuMs: round(v.cpuMs), rssPeakMB: v.rssPeakMB },
      ]),
    )
  }
}
