/**
 * Export jobs: one pack written in the background with progress pushed as
 * `report:progress` events, then kept (in memory) with its folder and file
 * list, so a host can hand out exactly those files and nothing else.
 */
import { randomUUID } from 'node:crypto'
import { join, sep } from 'node:path'
import {
  fail,
  toFocalError,
  type ReportExportRequest,
  type ReportJob,
} from '../../../shared/contract'
import type { Workspace } from '../workspace/workspace'
import { writePack } from './pack'
import { linesSourceOf } from './report-request'
import { readLedgerMapping, readReportSettings } from './settings'
import { logEvent } from '../log/focal-log'

/** Finished jobs kept for downloads; older ones are forgotten (their files stay on disk). */
const KEEP_JOBS = 50

interface Entry {
  job: ReportJob
  folder: string
  controller: AbortController
}

/** Runs and tracks the export jobs of one services instance. */
export class ReportJobs {
  private readonly jobs = new Map<string, Entry>()

  constructor(private readonly publish: (job: ReportJob) => void) {}

  /** Starts writing the pack of `request` into `folder`; one pack at a time. */
  start(
    ws: Workspace,
    request: ReportExportRequest,
    folder: string,
    delivery: ReportJob['delivery'],
  ): string {
    if ([...this.jobs.values()].some((e) => e.job.state === 'running'))
      fail('BAD_REQUEST', 'A pack is being written; wait until it is done.')
    const jobId = randomUUID()
    const job: ReportJob = {
      jobId,
      kind: request.kind,
      period: request.period,
      state: 'running',
      phase: 'facts',
      done: 0,
      total: 1,
      file: null,
      files: [],
      delivery,
      error: null,
    }
    const entry = { job, folder, controller: new AbortController() }
    this.jobs.set(jobId, entry)
    for (const old of [...this.jobs.keys()].slice(0, -KEEP_JOBS)) this.jobs.delete(old)
    void this.run(ws, request, entry)
    return jobId
  }

  /** A job's state, or undefined. */
  get(jobId: string): ReportJob | undefined {
    const job = this.jobs.get(jobId)?.job
    return job && structuredClone(job)
  }

  /**
   * The path of one file of a finished job. `name` must be one of the job's
   * own file names, compared as a whole string, so nothing else is reachable.
   */
  file(jobId: string, name: string): { path: string; name: string; sizeBytes: number } {
    const entry = this.jobs.get(jobId)
    const file = entry?.job.files.find((f) => f.name === name)
    if (!entry || !file) fail('NOT_FOUND', 'No such file in that report.')
    return {
      path: join(entry.folder, ...file.name.split('/')),
      name: file.name.split('/').pop() ?? file.name,
      sizeBytes: file.sizeBytes,
    }
  }

  /** Stops every running job (before the workspace closes). */
  cancelAll(): void {
    for (const { controller } of this.jobs.values()) controller.abort()
  }

  private async run(ws: Workspace, request: ReportExportRequest, entry: Entry): Promise<void> {
    const { job } = entry
    const send = (): void => this.publish(structuredClone(job))
    const started = Date.now()
    try {
      const { companyName, creditAccount } = await readReportSettings(ws)
      const ledger = await readLedgerMapping(ws)
      const result = await writePack(
        ws,
        {
          company: companyName,
          creditAccount,
          ledgerMapping: ledger.rows,
          kind: request.kind,
          period: request.period,
          metric: request.metric,
          source: linesSourceOf(request.source),
          outDir: entry.folder,
          formats: request.formats,
          overwrite: request.overwrite ?? false,
          reportingCurrency: request.reportingCurrency ?? null,
          unitMetric: request.unitMetric ? { metric: request.unitMetric } : null,
          signal: entry.controller.signal,
        },
        (p) => {
          Object.assign(job, { phase: p.phase, done: p.done, total: p.total, file: p.file ?? null })
          send()
        },
      )
      // Names use "/" whatever the OS, so the UI and the download route see one spelling.
      job.files = result.files.map((f) => ({
        name: f.path.split(sep).join('/'),
        kind: f.kind,
        sizeBytes: f.bytes,
        sha256: f.sha256,
      }))
      Object.assign(job, { state: 'done', done: job.total, file: null })
    } catch (cause) {
      job.error = toFocalError(cause)
      job.state = job.error.code === 'CANCELLED' ? 'cancelled' : 'failed'
    }
    // The local log: what was exported and how long it took, never a figure (log/focal-log.ts).
    logEvent('report.export', {
      kind: request.kind,
      period: request.period,
      durationMs: Date.now() - started,
      state: job.state,
    })
    send()
  }
}
