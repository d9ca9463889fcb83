/** Importing files: upload or stage them, run one import job, follow its progress. */
import type { StateCreator } from 'zustand'
import {
  toFocalError,
  type FocalError,
  type ImportJob,
  type ImportProgress,
  type ImportRecord,
  type OverlapChoice,
  type StagedFile,
  type AzureCostView,
} from '../../../shared/contract'
import type { FocalTransport } from '../api'
import { DONE, failed, failedWith, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The outcome for one file: its registry record, or the error that stopped it. */
export interface FileOutcome {
  readonly fileName: string
  readonly record: ImportRecord | null
  readonly error: FocalError | null
  /** The staged file, so a file refused for overlapping earlier imports can be imported again with a choice. */
  readonly token?: string
}

/** Import state and actions. */
export interface ImportSlice {
  readonly importTask: Task
  /** 'staging' while files are handed to the host (uploaded in the web host), then 'importing'. */
  readonly importPhase: 'staging' | 'importing' | null
  readonly staging: {
    readonly done: number
    readonly total: number
    readonly fileName: string
  } | null
  readonly importJobId: string | null
  readonly importProgress: ImportProgress | null
  readonly importOutcomes: readonly FileOutcome[]
  /** Files inside the imported ZIP archives that are not billing files, and why. */
  readonly importSkipped: readonly { readonly fileName: string; readonly reason: string }[]
  importFiles(files: File[]): Promise<void>
  /** Imports the file of outcome `index` (refused with OVERLAP) again with the user's choice. */
  resolveOverlap(index: number, choice: OverlapChoice): Promise<void>
  /** Imports the Azure file of outcome `index` (refused with AZURE_COST_VIEW) again as the export the user named. */
  resolveCostView(index: number, view: AzureCostView): Promise<void>
  /** Imports the AWS CUR delivery of outcome `index` (refused with INCOMPLETE_DELIVERY) with the parts that are there. */
  resolveIncomplete(index: number): Promise<void>
  /** Imports the FOCUS file of outcome `index` (refused with MISSING_COLUMNS) again with the values the user supplied. */
  resolveMissing(index: number, values: Readonly<Record<string, string>>): Promise<void>
  /** Imports the CSV of outcome `index` (no known format) again, read with the saved column mapping `name`. */
  importWithMapping(index: number, name: string): Promise<void>
  cancelImport(): Promise<void>
}

const finished = (job: ImportJob): boolean => job.state !== 'running'

/** What the user answered for a refused file: an overlap, an Azure cost view, an incomplete CUR delivery. */
interface Choices {
  readonly onOverlap?: OverlapChoice
  readonly azureCostView?: AzureCostView
  readonly allowIncomplete?: boolean
  /** A saved column mapping to read the file with (a CSV no known format matches). */
  readonly mapping?: string
  /** Values for required FOCUS columns the file lacks. */
  readonly assume?: Readonly<Record<string, string>>
}

/** Creates the import slice over a transport. */
export function createImportSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], ImportSlice> {
  return (set, get) => {
    /** Stages files one by one so one bad file is reported by name and the others still go. */
    const stage = async (
      files: File[],
    ): Promise<{ staged: StagedFile[]; refused: FileOutcome[] }> => {
      const staged: StagedFile[] = []
      const refused: FileOutcome[] = []
      for (const [index, file] of files.entries()) {
        set({ staging: { done: index, total: files.length, fileName: file.name } })
        try {
          staged.push(...(await api.pickAndStageFiles([file])))
        } catch (cause) {
          refused.push({ fileName: file.name, record: null, error: toFocalError(cause) })
        }
      }
      return { staged, refused }
    }

    /** Waits for a job to end, fed by progress events and one status call (events may precede the subscription). */
    const follow = (jobId: string): Promise<ImportJob> =>
      new Promise((resolve, reject) => {
        let settled = false
        const take = (job: ImportJob): void => {
          if (settled || job.jobId !== jobId) return
          set({ importProgress: job.progress })
          if (finished(job)) {
            settled = true
            unsubscribe()
            resolve(job)
          }
        }
        const unsubscribe = api.subscribe('import:progress', take)
        api['import:status']({ jobId }).then(take, (cause: unknown) => {
          unsubscribe()
          reject(cause)
        })
      })

    /** Runs one import job over staged tokens; outcomes carry their token. */
    const runJob = async (
      tokens: readonly string[],
      choices: Choices = {},
    ): Promise<FileOutcome[]> => {
      set({ importPhase: 'importing' })
      const { jobId } = await api['import:start']({
        files: [...tokens],
        ...(choices.onOverlap ? { onOverlap: choices.onOverlap } : {}),
        ...(choices.azureCostView ? { azureCostView: choices.azureCostView } : {}),
        ...(choices.allowIncomplete ? { allowIncomplete: true } : {}),
        ...(choices.mapping ? { mapping: choices.mapping } : {}),
        ...(choices.assume ? { assume: { ...choices.assume } } : {}),
      })
      set({ importJobId: jobId })
      const job = await follow(jobId)
      // Resolving an overlap re-runs its archive, which skips the same files again.
      const known = new Set(get().importSkipped.map((entry) => entry.fileName))
      const skipped = (job.skipped ?? []).filter((entry) => !known.has(entry.fileName))
      set({ importSkipped: [...get().importSkipped, ...skipped] })
      // A ZIP's results share its token (`source`), so an entry refused for overlap re-imports that archive.
      return job.results.map((result, i) => ({ ...result, token: tokens[result.source ?? i] }))
    }

    /** After a job: the task's outcome from the first error, and the loaded summary reloaded. */
    const settle = (outcomes: readonly FileOutcome[]): void => {
      const firstError = outcomes.find((outcome) => outcome.error !== null)?.error
      set({ importOutcomes: outcomes, importTask: firstError ? failedWith(firstError) : DONE })
    }

    /** Ends a run: no job, and the loaded summary reloaded. */
    const reload = async (): Promise<void> => {
      set({ importPhase: null, importJobId: null })
      // Imports change what is loaded; reload the summary whatever happened.
      get().workspaceChanged(await api['workspace:info']({}).catch(() => get().workspace))
    }

    /** Imports the file of outcome `index` again with the user's answer, replacing that outcome. */
    const rerun = async (index: number, choices: Choices): Promise<void> => {
      const outcome = get().importOutcomes[index]
      if (!outcome?.token || get().importTask.status === 'running') return
      set({ importTask: RUNNING, importProgress: null })
      try {
        const results = await runJob([outcome.token], choices)
        // From a ZIP, the entry this outcome is about (the others are already imported); for a
        // CUR manifest refused as incomplete, the parts of its delivery now imported.
        const mine = results.filter(
          (r) =>
            r.fileName === outcome.fileName || r.record?.delivery?.manifest === outcome.fileName,
        )
        const again = mine.length > 0 ? mine : results.slice(0, 1)
        const outcomes = get().importOutcomes.flatMap((o, i) =>
          i === index && again.length > 0 ? again : [o],
        )
        settle(outcomes)
      } catch (cause) {
        set({ importTask: failed(cause) })
      } finally {
        await reload()
      }
    }

    return {
      importTask: IDLE,
      importPhase: null,
      staging: null,
      importJobId: null,
      importProgress: null,
      importOutcomes: [],
      importSkipped: [],
      importFiles: async (files) => {
        if (files.length === 0 || get().importTask.status === 'running') return
        set({
          importTask: RUNNING,
          importPhase: 'staging',
          importOutcomes: [],
          importSkipped: [],
          importProgress: null,
          importJobId: null,
        })
        const { staged, refused } = await stage(files)
        set({ staging: null, importOutcomes: refused })
        if (staged.length === 0) {
          const first = refused[0]?.error
          set({ importTask: first ? failedWith(first) : DONE, importPhase: null })
          return
        }
        try {
          settle([...refused, ...(await runJob(staged.map((file) => file.token)))])
        } catch (cause) {
          set({ importTask: failed(cause) })
        } finally {
          await reload()
        }
      },
      resolveOverlap: (index, choice) => rerun(index, { onOverlap: choice }),
      resolveCostView: (index, view) => rerun(index, { azureCostView: view }),
      resolveIncomplete: (index) => rerun(index, { allowIncomplete: true }),
      importWithMapping: (index, name) => rerun(index, { mapping: name }),
      resolveMissing: (index, values) => rerun(index, { assume: values }),
      cancelImport: async () => {
        const jobId = get().importJobId
        if (jobId) await api['import:cancel']({ jobId }).catch(() => undefined)
      },
    }
  }
}
