/**
 * Import jobs: several staged files imported one after another, each in its
 * own transaction, with progress pushed as events and cancellation. Jobs run
 * one at a time (two tabs starting imports queue behind each other), so the
 * duplicate check of one file cannot race the commit of another; every job
 * ends done, failed or cancelled, never stuck at running.
 */
import { randomUUID } from 'node:crypto'
import {
  toFocalError,
  type AzureCostView,
  type ImportJob,
  type ImportProgress,
  type OverlapChoice,
} from '../../shared/contract'
import { importSource } from './ingest/import-source'
import { importWithMapping } from './mappings/import-with-mapping'
import type { LoadedMapping } from './mappings/mapping-file'
import type { Workspace } from './workspace/workspace'
import { logEvent } from './log/focal-log'

/** A file a host vetted, by token. */
export interface StagedEntry {
  readonly path: string
  readonly name: string
  readonly sizeBytes: number
  /** The column mapping the user chose to read the file with (a CSV no known format matches). */
  readonly mapping?: LoadedMapping
}

/** What the user chose for a job's files: overlaps, and the cost view of ambiguous Azure files. */
interface Choices {
  onOverlap?: OverlapChoice
  azureCostView?: AzureCostView
  /** Import an AWS CUR delivery with parts missing (cur-delivery.ts); each record says so. */
  allowIncomplete?: boolean
  /** Values for required FOCUS columns the files lack (assumed-columns.ts); each record lists them. */
  assume?: Readonly<Record<string, string>>
}

/** The import a file goes through: read with the user's column mapping when one was chosen. */
function importWith(file: StagedEntry): typeof importSource {
  const { mapping } = file
  return mapping
    ? (ws, path, options) => importWithMapping(ws, path, mapping, options)
    : importSource
}

/** Runs and tracks import jobs for one services instance. */
export class ImportJobs {
  private readonly jobs = new Map<string, { job: ImportJob; controller: AbortController }>()
  /** The tail of the job queue. */
  private queue: Promise<void> = Promise.resolve()

  constructor(
    private readonly publish: (job: ImportJob) => void,
    private readonly onFileDone: () => void,
  ) {}

  /**
   * Starts importing `files` into `ws`, with the user's choice for overlapping files and the
   * cost view of Azure files whose rows do not tell it; returns the job id at once.
   */
  start(
    ws: Workspace,
    files: readonly StagedEntry[],
    onOverlap?: OverlapChoice,
    azureCostView?: AzureCostView,
    allowIncomplete?: boolean,
    assume?: Readonly<Record<string, string>>,
  ): string {
    const jobId = randomUUID()
    const controller = new AbortController()
    const job: ImportJob = { jobId, state: 'running', progress: null, results: [] }
    this.jobs.set(jobId, { job, controller })
    this.queue = this.queue.then(() =>
      this.runCaught(ws, job, files, controller.signal, {
        onOverlap,
        azureCostView,
        allowIncomplete,
        ...(assume ? { assume } : {}),
      }),
    )
    return jobId
  }

  /** The current state of a job, or undefined. */
  get(jobId: string): ImportJob | undefined {
    return this.jobs.get(jobId)?.job
  }

  /** Cancels a job: the running file rolls back, the rest are not started. */
  cancel(jobId: string): boolean {
    const entry = this.jobs.get(jobId)
    entry?.controller.abort()
    return entry !== undefined
  }

  /** Cancels every running job and waits for none (their transactions roll back). */
  cancelAll(): void {
    for (const { controller } of this.jobs.values()) controller.abort()
  }

  /** Runs a job; whatever goes wrong ends it as failed with a message, never stuck running. */
  private async runCaught(
    ws: Workspace,
    job: ImportJob,
    files: readonly StagedEntry[],
    signal: AbortSignal,
    choices: Choices,
  ): Promise<void> {
    try {
      await this.run(ws, job, files, signal, choices)
    } catch (cause) {
      const error = toFocalError(cause)
      logEvent('error', { code: error.code, message: error.message })
      const done = job.results.at(-1)?.source
      const fileName = files[done === undefined ? 0 : done + 1]?.name ?? files.at(-1)?.name ?? ''
      job.results.push({ fileName, record: null, error })
      job.state = signal.aborted ? 'cancelled' : 'failed'
      try {
        this.publish(structuredClone(job))
      } catch {
        // A listener that throws must not stop the next job.
      }
    }
  }

  private async run(
    ws: Workspace,
    job: ImportJob,
    files: readonly StagedEntry[],
    signal: AbortSignal,
    choices: Choices,
  ): Promise<void> {
    let lastPublish = 0
    for (const [fileIndex, file] of files.entries()) {
      if (signal.aborted) break
      const onProgress = (p: Omit<ImportProgress, 'jobId' | 'fileIndex' | 'fileCount'>): void => {
        job.progress = { ...p, jobId: job.jobId, fileIndex, fileCount: files.length }
        const now = Date.now()
        if (now - lastPublish >= 100) {
          lastPublish = now
          this.publish(structuredClone(job))
        }
      }
      // A ZIP gives one result per billing file inside, named `<archive>.zip/<inner path>`.
      const started = Date.now()
      logEvent('import.start', { file: file.name })
      const { records, skipped } = await importWith(file)(ws, file.path, {
        displayName: file.name,
        onProgress,
        signal,
        ...choices,
      })
      // The local log: counts, time and codes only, never a value (log/focal-log.ts).
      for (const record of records)
        logEvent('import.finish', {
          file: record.fileName,
          rows: record.rowCount,
          durationMs: Date.now() - started,
          status: record.status,
          errorCode: record.error?.code ?? null,
        })
      for (const record of records)
        job.results.push({
          fileName: record.fileName,
          record,
          error: record.error,
          source: fileIndex,
        })
      if (skipped.length > 0) job.skipped = [...(job.skipped ?? []), ...skipped]
      const rowsDone = records.reduce((sum, record) => sum + record.rowCount, 0)
      job.progress = {
        jobId: job.jobId,
        fileIndex,
        fileCount: files.length,
        fileName: file.name,
        phase: 'done',
        bytesDone: file.sizeBytes,
        bytesTotal: file.sizeBytes,
        rowsDone,
      }
      this.onFileDone()
      this.publish(structuredClone(job))
    }
    job.state = signal.aborted
      ? 'cancelled'
      : job.results.every((r) => r.record?.status === 'imported')
        ? 'done'
        : 'failed'
    this.publish(structuredClone(job))
  }
}
