/**
 * Reports: what the pack is about (kind, period, metric, source), its
 * preview, and the export job followed through `report:progress` events.
 * Where the files go is the host's business; the page only learns their
 * names, sizes and SHA-256s (and, in the web host, where to download them).
 */
import type { StateCreator } from 'zustand'
import type {
  ReportFormat,
  ReportJob,
  ReportLedger,
  ReportPreview,
  ReportRequest,
} from '../../../shared/contract'
import type { FocalTransport } from '../api'
import { DONE, failed, failedWith, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** Reports state and actions. */
export interface ReportsSlice {
  readonly report: ReportRequest
  readonly reportFormats: readonly ReportFormat[]
  readonly reportPreview: ReportPreview | null
  /** The request the shown preview was made for. */
  readonly reportPreviewFor: ReportRequest | null
  readonly reportPreviewTask: Task
  readonly reportJob: ReportJob | null
  readonly exportTask: Task
  /** True when the desktop dialog was cancelled (nothing was written). */
  readonly exportCancelled: boolean
  setReport(change: Partial<ReportRequest>): void
  setReportFormats(formats: readonly ReportFormat[]): void
  previewReport(): Promise<void>
  exportPack(): Promise<void>
  /** Where the page can download a file of a pack, or null where files land in a chosen folder. */
  reportFileUrl(jobId: string, name: string): string | null
  /** Where the page can download a whole pack as one ZIP, or null where files land in a chosen folder. */
  reportZipUrl(jobId: string): string | null
  /** True where the host can open the folder a pack was written to (the desktop app). */
  readonly canOpenReportFolder: boolean
  /** Opens the folder of a written pack again; a failure lands in `openFolderTask`. */
  openReportFolder(jobId: string): Promise<void>
  readonly openFolderTask: Task
  /** The company name printed on PDF covers, kept in the workspace; undefined until loaded. */
  readonly companyName: string | null | undefined
  loadReportSettings(): Promise<void>
  saveCompanyName(name: string): Promise<void>
  /** The journal's settings kept in the workspace: the invoice's credit account and the ledger mapping. */
  readonly journalSettings: JournalSettings
  saveCreditAccount(account: string): Promise<void>
  /** Uploads a ledger mapping CSV (target,ledger_account,cost_center_code); errors land in the task. */
  uploadLedger(file: File): Promise<void>
  clearLedger(): Promise<void>
}

/** The journal's settings and the state of their last save. */
export interface JournalSettings {
  /** Undefined until loaded. */
  readonly creditAccount: string | null | undefined
  readonly ledger: ReportLedger | null
  readonly task: Task
}

/** Default formats: the PDFs, the workbook and the CSVs finance asks for; the data exports on request. */
export const DEFAULT_FORMATS: readonly ReportFormat[] = ['pdf', 'xlsx', 'csv']

/** Creates the reports slice over a transport. */
export function createReportsSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], ReportsSlice> {
  return (set, get) => {
    /** Waits for a job to end, fed by progress events and one status call (events may come first). */
    const follow = (jobId: string): Promise<ReportJob> =>
      new Promise((resolve, reject) => {
        let settled = false
        const take = (job: ReportJob): void => {
          if (settled || job.jobId !== jobId) return
          set({ reportJob: job })
          if (job.state !== 'running') {
            settled = true
            unsubscribe()
            resolve(job)
          }
        }
        const unsubscribe = api.subscribe('report:progress', take)
        api['report:status']({ jobId }).then(take, (cause: unknown) => {
          unsubscribe()
          reject(cause)
        })
      })

    return {
      report: {
        kind: 'chargeback',
        period: '',
        metric: 'BilledCost',
        source: { rules: 'saved' },
      },
      reportFormats: DEFAULT_FORMATS,
      reportPreview: null,
      reportPreviewFor: null,
      reportPreviewTask: IDLE,
      reportJob: null,
      exportTask: IDLE,
      exportCancelled: false,
      setReport: (change) => set((state) => ({ report: { ...state.report, ...change } })),
      setReportFormats: (formats) => set({ reportFormats: formats }),
      reportFileUrl: (jobId, name) => api.reportFileUrl(jobId, name),
      reportZipUrl: (jobId) => api.reportZipUrl(jobId),
      canOpenReportFolder: api.openReportFolder !== null,
      openFolderTask: IDLE,
      openReportFolder: async (jobId) => {
        if (!api.openReportFolder) return
        set({ openFolderTask: RUNNING })
        try {
          await api.openReportFolder(jobId)
          set({ openFolderTask: DONE })
        } catch (cause) {
          set({ openFolderTask: failed(cause) })
        }
      },
      companyName: undefined,
      journalSettings: { creditAccount: undefined, ledger: null, task: IDLE },
      loadReportSettings: async () => {
        const [settings, ledger] = await Promise.all([
          api['report:settings']({}),
          api['report:ledger']({}),
        ])
        set({
          companyName: settings.companyName,
          journalSettings: {
            creditAccount: settings.creditAccount ?? null,
            ledger,
            task: IDLE,
          },
        })
      },
      saveCreditAccount: async (account) => {
        const journal = (patch: Partial<JournalSettings>): void =>
          set((s) => ({ journalSettings: { ...s.journalSettings, ...patch } }))
        try {
          const settings = await api['report:saveSettings']({
            companyName: get().companyName ?? null,
            creditAccount: account.trim() || null,
          })
          journal({ creditAccount: settings.creditAccount ?? null, task: DONE })
        } catch (cause) {
          journal({ task: failed(cause) })
        }
      },
      uploadLedger: async (file) => {
        const journal = (patch: Partial<JournalSettings>): void =>
          set((s) => ({ journalSettings: { ...s.journalSettings, ...patch } }))
        journal({ task: RUNNING })
        try {
          const ledger = await api['report:saveLedger']({
            fileName: file.name,
            text: await file.text(),
          })
          journal({ ledger, task: DONE })
        } catch (cause) {
          journal({ task: failed(cause) })
        }
      },
      clearLedger: async () => {
        const ledger = await api['report:saveLedger']({ clear: true })
        set((s) => ({ journalSettings: { ...s.journalSettings, ledger, task: IDLE } }))
      },
      saveCompanyName: async (name) => {
        const settings = await api['report:saveSettings']({ companyName: name.trim() || null })
        set({ companyName: settings.companyName })
      },
      previewReport: async () => {
        const request = get().report
        if (!request.period) return
        set({ reportPreviewTask: RUNNING })
        try {
          const preview = await api['report:preview'](request)
          // A newer request made meanwhile wins; this answer is for an old one.
          if (get().report !== request) return
          set({ reportPreview: preview, reportPreviewFor: request, reportPreviewTask: DONE })
        } catch (cause) {
          if (get().report === request)
            set({ reportPreviewTask: failed(cause), reportPreview: null, reportPreviewFor: null })
        }
      },
      exportPack: async () => {
        if (get().exportTask.status === 'running') return
        const reportingCurrency = get().fx.reportingCurrency
        const unitMetric = get().unitCosts.packUnitMetric
        const request = {
          ...get().report,
          formats: [...get().reportFormats],
          // Only a whole ISO code; a half-typed one is not sent.
          ...(/^[A-Z]{3}$/.test(reportingCurrency) ? { reportingCurrency } : {}),
          // A showback's unit costs, when a metric is picked (core/unit-costs/pack-unit-costs.ts).
          ...(unitMetric && get().report.kind === 'showback' ? { unitMetric } : {}),
        }
        set({ exportTask: RUNNING, reportJob: null, exportCancelled: false })
        try {
          const started = await api.exportReport(request)
          if (!started) {
            set({ exportTask: IDLE, exportCancelled: true })
            return
          }
          const job = await follow(started.jobId)
          set({ exportTask: job.error ? failedWith(job.error) : DONE })
        } catch (cause) {
          set({ exportTask: failed(cause) })
        }
      },
    }
  }
}
