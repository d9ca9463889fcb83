/**
 * Carrying workspaces on the Workspace screen (shared/contract/carry.ts): the Recent list,
 * Save As (the app then works in the copy), where a workspace's file is, and the
 * diagnostics ZIP. Kept under one `carry` key (CONVENTIONS.md #9).
 */
import type { StateCreator } from 'zustand'
import type { RecentWorkspace } from '../../../shared/contract'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** A file the core sent as base64, to offer as a download. */
export interface CarryFile {
  readonly fileName: string
  readonly mediaType: string
  readonly base64: string
}

/** The carrying state. */
export interface CarryState {
  readonly recent: readonly RecentWorkspace[]
  readonly saveAsTask: Task
  readonly diagnosticsTask: Task
  /** Where a workspace's file is, once asked: its folder and file name. */
  readonly location: { readonly folder: string; readonly fileName: string } | null
}

/** Carrying state and actions. */
export interface CarrySlice {
  readonly carry: CarryState
  loadRecent(): Promise<void>
  /** Copies the open workspace to `name` and opens the copy; errors land in saveAsTask. */
  saveAs(name: string): Promise<boolean>
  forgetRecent(name: string): Promise<void>
  locate(name: string): Promise<void>
  /** The diagnostics ZIP, or null when it failed (the error is in diagnosticsTask). */
  diagnostics(): Promise<CarryFile | null>
}

/** Creates the carrying slice over a transport. */
export function createCarrySlice(api: FocalTransport): StateCreator<AppState, [], [], CarrySlice> {
  return (set, get) => {
    const patch = (change: Partial<CarryState>): void =>
      set((s) => ({ carry: { ...s.carry, ...change } }))
    return {
      carry: { recent: [], saveAsTask: IDLE, diagnosticsTask: IDLE, location: null },
      loadRecent: async () => {
        try {
          patch({ recent: await api['workspace:recent']({}) })
        } catch {
          // The list is a convenience: the full list below it still opens every workspace.
        }
      },
      saveAs: async (name) => {
        patch({ saveAsTask: RUNNING })
        try {
          const info = await api['workspace:saveAs']({ name })
          get().workspaceChanged(info)
          patch({ saveAsTask: DONE, location: null })
          await Promise.all([get().refreshWorkspaces(), get().loadRecent()])
          return true
        } catch (cause) {
          patch({ saveAsTask: failed(cause) })
          return false
        }
      },
      forgetRecent: async (name) => {
        try {
          patch({ recent: await api['workspace:forgetRecent']({ name }) })
        } catch {
          // Nothing lost: the entry stays listed until the next try.
        }
      },
      locate: async (name) => {
        try {
          // The desktop app opens the file manager at the file; the web host says where it is.
          if (api.showWorkspaceInFolder) await api.showWorkspaceInFolder(name)
          patch({ location: await api['workspace:location']({ name }) })
        } catch {
          patch({ location: null })
        }
      },
      diagnostics: async () => {
        patch({ diagnosticsTask: RUNNING })
        try {
          const file = await api['app:diagnostics']({})
          patch({ diagnosticsTask: DONE })
          return file
        } catch (cause) {
          patch({ diagnosticsTask: failed(cause) })
          return null
        }
      },
    }
  }
}
