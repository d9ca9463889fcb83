/**
 * The report channels of the core services: the pack's summary for the
 * screen, and exporting the pack as a background job. Where the pack goes is
 * the host's business, never the UI's: the web host's data folder
 * (`<reports>/<workspace>/<kind>-<period>/`) for `report:export`, or a folder
 * the desktop host's own dialog produced, through the host-only `exportTo`.
 */
import { join } from 'node:path'
import {
  fail,
  type EventName,
  type EventOf,
  type FocalApi,
  type ReportExportRequest,
} from '../../shared/contract'
import { ReportJobs } from './report/report-jobs'
import { previewReport } from './report/preview'
import {
  readLedgerMapping,
  readReportSettings,
  saveLedgerMapping,
  saveReportSettings,
} from './report/settings'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type ReportChannel =
  | 'report:preview'
  | 'report:export'
  | 'report:status'
  | 'report:settings'
  | 'report:saveSettings'
  | 'report:ledger'
  | 'report:saveLedger'

/** What the report handlers need from the services. */
export interface ReportContext {
  workspace(): Workspace
  emit<E extends EventName>(event: E, payload: EventOf<E>): void
  /** Where `report:export` writes packs; null when the host only writes to chosen folders. */
  reportsDir: string | null
}

/** The report handlers plus the host-only parts. */
export interface ReportServices {
  api: Pick<FocalApi, ReportChannel>
  /** Exports into a folder the host vetted (a dialog's choice); never called with a UI value. */
  exportTo(request: ReportExportRequest, folder: string): Promise<{ jobId: string }>
  /** A finished job's file by its name in the job's list; NOT_FOUND for anything else. */
  file(jobId: string, name: string): { path: string; name: string; sizeBytes: number }
  cancelAll(): void
}

/** Creates the report handlers. */
export function createReportServices(context: ReportContext): ReportServices {
  const jobs = new ReportJobs((job) => context.emit('report:progress', job))
  return {
    api: {
      'report:preview': async (request) => previewReport(context.workspace(), request),
      'report:export': async (request) => {
        if (!context.reportsDir)
          fail('BAD_REQUEST', 'Choose the output folder: this host writes packs where you pick.')
        const ws = context.workspace()
        const folder = join(
          context.reportsDir,
          ws.name.replace(/[^A-Za-z0-9 ._-]/g, '_'),
          `${request.kind}-${request.period}`,
        )
        // The folder is ours, one per workspace, kind and period: a new export replaces the last.
        const jobId = jobs.start(ws, { ...request, overwrite: true }, folder, 'download')
        return { jobId }
      },
      'report:settings': async () => readReportSettings(context.workspace()),
      'report:saveSettings': async (settings) => saveReportSettings(context.workspace(), settings),
      'report:ledger': async () => readLedgerMapping(context.workspace()),
      'report:saveLedger': async (request) => saveLedgerMapping(context.workspace(), request),
      'report:status': async ({ jobId }) =>
        jobs.get(jobId) ?? fail('NOT_FOUND', `No report job ${jobId}.`),
    },
    exportTo: async (request, folder) => ({
      jobId: jobs.start(context.workspace(), request, folder, 'folder'),
    }),
    file: (jobId, name) => jobs.file(jobId, name),
    cancelAll: () => jobs.cancelAll(),
  }
}
