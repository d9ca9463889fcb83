/**
 * Allocate: the rule set being edited (a draft, kept as the allocation
 * model's own JSON value), the period and metric it is previewed on, the live
 * preview, and the saved versions. The engine validates every draft, so the
 * UI never has to agree with it on what a valid rule set is.
 */
import type { StateCreator } from 'zustand'
import type {
  AllocationPreview,
  AllocationState,
  CostMetricName,
  FocalError,
} from '../../../shared/contract'
import { toFocalError } from '../../../shared/contract'
import { RuleSetSchema, type RuleSet } from '../../../shared/allocate/rule-set'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** Allocate state and actions. */
export interface AllocateSlice {
  readonly allocPeriods: readonly { period: string; rows: number }[]
  readonly allocPeriod: string | null
  readonly allocMetric: CostMetricName
  /** Id of the dimension being edited and previewed. */
  readonly allocDimension: string | null
  readonly draft: RuleSet | null
  /** Where the draft came from, in words ("Example rules", "Version 2", "rules.json"). */
  readonly draftOrigin: string | null
  readonly saved: AllocationState | null
  readonly allocLoadTask: Task
  /** The dataVersion the periods and versions were loaded at. */
  readonly allocVersion: number
  /** The workspace the draft belongs to: another workspace starts from its own saved rules. */
  readonly allocWorkspace: string | null
  readonly allocPreview: AllocationPreview | null
  readonly allocPreviewTask: Task
  readonly saveTask: Task
  /** What the last save did, in one sentence. */
  readonly saveMessage: string | null
  /** Why the last rule file (or the example) was not loaded; the draft is left as it was. */
  readonly rulesFileError: { readonly source: string; readonly error: FocalError } | null
  loadAllocation(): Promise<void>
  setAllocView(change: { period?: string; metric?: CostMetricName; dimension?: string }): void
  /** Replaces the draft (e.g. with an empty rule set), saying where it came from. */
  startDraft(ruleSet: RuleSet, origin: string): void
  /** Applies an edit to a copy of the draft. */
  editDraft(recipe: (draft: RuleSet) => void): void
  loadExampleRules(): Promise<void>
  /** Checks a rule file's text with the engine; on success it becomes the draft. */
  importRules(text: string, fileName: string): Promise<void>
  runAllocPreview(): Promise<void>
  saveRules(note: string): Promise<boolean>
}

let previewCounter = 0

/** A rule file that is not JSON, as an error the preview panel shows like the engine's. */
function notJson(fileName: string, cause: unknown): FocalError {
  return {
    code: 'BAD_VALUE',
    message: `${fileName} is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`,
  }
}

/** Creates the allocate slice over a transport. */
export function createAllocateSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], AllocateSlice> {
  return (set, get) => {
    const takeDraft = (ruleSet: RuleSet, origin: string): void =>
      set((state) => ({
        draft: ruleSet,
        draftOrigin: origin,
        saveMessage: null,
        rulesFileError: null,
        allocDimension: ruleSet.dimensions.some((d) => d.id === state.allocDimension)
          ? state.allocDimension
          : (ruleSet.dimensions[0]?.id ?? null),
      }))
    return {
      allocPeriods: [],
      allocPeriod: null,
      allocMetric: 'BilledCost',
      allocDimension: null,
      draft: null,
      draftOrigin: null,
      saved: null,
      allocLoadTask: IDLE,
      allocVersion: -1,
      allocWorkspace: null,
      allocPreview: null,
      allocPreviewTask: IDLE,
      saveTask: IDLE,
      saveMessage: null,
      rulesFileError: null,
      loadAllocation: async () => {
        const version = get().dataVersion
        const workspace = get().workspace?.name ?? null
        if (workspace !== get().allocWorkspace)
          set({
            allocWorkspace: workspace,
            draft: null,
            draftOrigin: null,
            allocPreview: null,
            allocPreviewTask: IDLE,
            saveMessage: null,
            reportPreview: null,
            reportPreviewFor: null,
            reportJob: null,
          })
        set({ allocLoadTask: RUNNING })
        try {
          const [periods, saved] = await Promise.all([
            api['allocation:periods']({}),
            api['allocation:get']({}),
          ])
          const period = get().allocPeriod
          set({
            allocPeriods: periods,
            // The latest period is the month being closed, the usual reason to be here.
            allocPeriod: periods.some((p) => p.period === period)
              ? period
              : (periods.at(-1)?.period ?? null),
            saved,
            allocVersion: version,
            allocLoadTask: DONE,
          })
          if (!get().draft && saved.latest)
            takeDraft(saved.latest.ruleSet, `Version ${saved.latest.version}`)
        } catch (cause) {
          set({ allocLoadTask: failed(cause), allocVersion: version })
        }
      },
      setAllocView: (change) =>
        set((state) => ({
          allocPeriod: change.period ?? state.allocPeriod,
          allocMetric: change.metric ?? state.allocMetric,
          allocDimension: change.dimension ?? state.allocDimension,
        })),
      startDraft: (ruleSet, origin) => takeDraft(ruleSet, origin),
      editDraft: (recipe) => {
        const draft = get().draft
        if (!draft) return
        const next = structuredClone(draft)
        recipe(next)
        set({ draft: next, saveMessage: null })
      },
      loadExampleRules: async () => {
        try {
          const example = await api['allocation:example']({})
          takeDraft(example.ruleSet, 'Example rules')
        } catch (cause) {
          set({ rulesFileError: { source: 'The example rules', error: toFocalError(cause) } })
        }
      },
      importRules: async (text, fileName) => {
        const { allocPeriod: period, allocMetric: metric } = get()
        let value: unknown
        try {
          value = JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text)
        } catch (cause) {
          set({ rulesFileError: { source: fileName, error: notJson(fileName, cause) } })
          return
        }
        if (!period) return
        try {
          const ruleSet = value as Record<string, unknown>
          const preview = await api['allocation:preview']({ ruleSet, period, metric })
          // The engine accepted it, so the schema fills in its defaults the same way here.
          takeDraft(RuleSetSchema.parse(value), fileName)
          set({ allocPreview: preview, allocPreviewTask: DONE })
        } catch (cause) {
          set({ rulesFileError: { source: fileName, error: toFocalError(cause) } })
        }
      },
      runAllocPreview: async () => {
        const { draft, allocPeriod: period, allocMetric: metric, allocDimension } = get()
        if (!draft || !period) return
        previewCounter += 1
        const mine = previewCounter
        set({ allocPreviewTask: RUNNING })
        try {
          const dimension = allocDimension ?? undefined
          const ruleSet = draft as unknown as Record<string, unknown>
          const preview = await api['allocation:preview']({ ruleSet, period, metric, dimension })
          if (mine === previewCounter) set({ allocPreview: preview, allocPreviewTask: DONE })
        } catch (cause) {
          if (mine === previewCounter) set({ allocPreviewTask: failed(cause) })
        }
      },
      saveRules: async (note) => {
        const draft = get().draft
        if (!draft) return false
        set({ saveTask: RUNNING, saveMessage: null })
        try {
          const ruleSet = draft as unknown as Record<string, unknown>
          const saved = await api['allocation:save']({ ruleSet, note })
          set({
            saveTask: DONE,
            saveMessage: saved.message,
            saved: await api['allocation:get']({}),
            draftOrigin: `Version ${saved.version}`,
          })
          void get().runAllocPreview()
          return true
        } catch (cause) {
          set({ saveTask: { status: 'failed', error: toFocalError(cause) } })
          return false
        }
      },
    }
  }
}
