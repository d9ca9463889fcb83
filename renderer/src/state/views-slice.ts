/**
 * Saved views in Explore: the workspace's views (a name and a pivot spec), opening one into the
 * pivot being edited, and undo/redo of pivot changes in this session (spec-history.ts).
 */
import type { StateCreator } from 'zustand'
import type { SavedViewInfo, ViewFileDownload } from '../../../shared/contract'
import type { PivotSpec } from '../../../shared/pivot'
import type { FocalTransport } from '../api'
import { EMPTY_HISTORY, recordSpec, redoSpec, undoSpec, type SpecHistory } from './spec-history'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The views as last read, the dataVersion they were read at, and the last change's outcome. */
export interface ViewsState {
  readonly task: Task
  readonly list: readonly SavedViewInfo[]
  readonly version: number
  readonly change: Task
  /** The view last saved or opened, to offer its name again. */
  readonly current: string | null
}

/** What a save or an import did: `exists` when the name is taken and replace was not asked. */
export type ViewSaveOutcome = 'saved' | 'exists' | 'failed'

/** Saved-views state and actions. */
export interface ViewsSlice {
  readonly views: ViewsState
  readonly specHistory: SpecHistory
  refreshViews(): Promise<void>
  saveView(name: string, replace: boolean): Promise<ViewSaveOutcome>
  /** Replaces the pivot being edited with the view's (undo brings the previous one back). */
  openView(name: string): void
  renameView(name: string, to: string): Promise<boolean>
  duplicateView(name: string, to: string): Promise<boolean>
  deleteView(name: string): Promise<boolean>
  exportView(name: string): Promise<ViewFileDownload | null>
  importView(fileName: string, text: string, replace: boolean): Promise<ViewSaveOutcome>
  /** Records the pivot as it is now as one step of the session's history. */
  recordSpec(spec: PivotSpec): void
  undoSpec(): void
  redoSpec(): void
}

/** Creates the saved-views slice over a transport. */
export function createViewsSlice(api: FocalTransport): StateCreator<AppState, [], [], ViewsSlice> {
  return (set, get) => {
    const patch = (change: Partial<ViewsState>): void =>
      set((state) => ({ views: { ...state.views, ...change } }))
    const reread = async (): Promise<void> => {
      patch({ list: await api['views:list']({}), version: get().dataVersion })
    }
    // Runs a change, then rereads the list; false (with the error kept) when it failed.
    const change = async (work: () => Promise<unknown>): Promise<boolean> => {
      patch({ change: RUNNING })
      try {
        await work()
        await reread()
        patch({ change: DONE })
        return true
      } catch (cause) {
        patch({ change: failed(cause) })
        return false
      }
    }
    // A taken name is a question for the person (replace it?), not an error to show.
    // `current` names the view the pivot shows: a save is that, an import opens nothing.
    const saving = async (
      work: () => Promise<SavedViewInfo>,
      shown: boolean,
    ): Promise<ViewSaveOutcome> => {
      let savedName: string | null = null
      const ok = await change(async () => {
        savedName = (await work()).name
      })
      if (ok) {
        if (shown) patch({ current: savedName })
        return 'saved'
      }
      if (typeof get().views.change.error?.details?.exists === 'string') {
        patch({ change: IDLE })
        return 'exists'
      }
      return 'failed'
    }
    // Moves through the history; nothing changes (and nothing reruns) at either end.
    const travel = (move: (history: SpecHistory) => SpecHistory): void => {
      const history = move(get().specHistory)
      if (history !== get().specHistory && history.present)
        set({ specHistory: history, spec: history.present })
    }
    return {
      views: { task: IDLE, list: [], version: -1, change: IDLE, current: null },
      specHistory: EMPTY_HISTORY,
      refreshViews: async () => {
        patch({ task: RUNNING })
        try {
          await reread()
          patch({ task: DONE })
        } catch (cause) {
          patch({ task: failed(cause), version: get().dataVersion })
        }
      },
      saveView: (name, replace) =>
        saving(() => api['views:save']({ name, spec: get().spec, replace }), true),
      openView: (name) => {
        const view = get().views.list.find((v) => v.name === name)
        if (!view) return
        set({ spec: view.spec })
        get().recordSpec(view.spec)
        patch({ current: view.name })
      },
      renameView: (name, to) =>
        change(async () => {
          const renamed = await api['views:rename']({ name, to })
          if (get().views.current === name) patch({ current: renamed.name })
        }),
      duplicateView: (name, to) => change(() => api['views:duplicate']({ name, to })),
      deleteView: (name) =>
        change(async () => {
          await api['views:delete']({ name })
          if (get().views.current === name) patch({ current: null })
        }),
      exportView: async (name) => {
        try {
          return await api['views:export']({ name })
        } catch (cause) {
          patch({ change: failed(cause) })
          return null
        }
      },
      importView: (fileName, text, replace) =>
        saving(() => api['views:import']({ fileName, text, replace }), false),
      recordSpec: (spec) => set((state) => ({ specHistory: recordSpec(state.specHistory, spec) })),
      undoSpec: () => travel(undoSpec),
      redoSpec: () => travel(redoSpec),
    }
  }
}
