/**
 * Embedded sources on the Workspace screen (shared/contract/sources.ts): whether the open
 * workspace keeps a compressed copy of each imported file, and how many it holds. Kept under
 * one `sources` key (CONVENTIONS.md #9).
 */
import type { StateCreator } from 'zustand'
import type { SourcesState } from '../../../shared/contract'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The embedded sources state. */
export interface EmbeddedSourcesState {
  /** The setting and what is embedded, or null before it is read (or when none is open). */
  readonly state: SourcesState | null
  /** The dataVersion `state` was read at; older means an import may have added a file. */
  readonly version: number
  readonly task: Task
}

/** Embedded sources state and actions. */
export interface SourcesSlice {
  readonly sources: EmbeddedSourcesState
  /** Reads the setting and the counts of the open workspace. */
  loadSources(): Promise<void>
  /** Turns embedding on or off for later imports; errors land in the task. */
  setEmbedSources(embedSources: boolean): Promise<boolean>
}

/** Creates the embedded sources slice over a transport. */
export function createSourcesSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], SourcesSlice> {
  return (set, get) => {
    const patch = (change: Partial<EmbeddedSourcesState>): void =>
      set((s) => ({ sources: { ...s.sources, ...change } }))
    return {
      sources: { state: null, version: -1, task: IDLE },
      loadSources: async () => {
        const version = get().dataVersion
        try {
          patch({ state: await api['sources:get']({}), version })
        } catch (cause) {
          patch({ state: null, version, task: failed(cause) })
        }
      },
      setEmbedSources: async (embedSources) => {
        patch({ task: RUNNING })
        try {
          const state = await api['sources:set']({ embedSources })
          patch({ state, version: get().dataVersion, task: DONE })
          return true
        } catch (cause) {
          patch({ task: failed(cause) })
          return false
        }
      },
    }
  }
}
