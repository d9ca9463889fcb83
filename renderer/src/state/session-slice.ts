/** The session: which screen, which host, which workspace is open. */
import type { StateCreator } from 'zustand'
import type { AppInfo, WorkspaceEntry, WorkspaceInfo } from '../../../shared/contract'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The app's screens, in navigation order. */
export const SCREENS = [
  'workspace',
  'import',
  'loaded',
  'explore',
  'tags',
  'allocate',
  'reports',
  'review',
  'savings',
  'audit',
] as const
/** One of SCREENS. */
export type Screen = (typeof SCREENS)[number]

/** Session state and actions. */
export interface SessionSlice {
  readonly screen: Screen
  readonly appInfo: AppInfo | null
  readonly workspace: WorkspaceInfo | null
  readonly workspaces: readonly WorkspaceEntry[]
  /** Starting up, opening, creating or closing a workspace. */
  readonly sessionTask: Task
  /** Bumped whenever the workspace or its content changes, so screens know to reload. */
  readonly dataVersion: number
  navigate(screen: Screen): void
  start(): Promise<void>
  refreshWorkspaces(): Promise<void>
  openSample(): Promise<void>
  createWorkspace(name: string): Promise<void>
  openWorkspace(name: string): Promise<void>
  closeWorkspace(): Promise<void>
  /** Takes a new workspace summary (after an import or an event) and invalidates derived data. */
  workspaceChanged(info: WorkspaceInfo | null): void
}

/** Creates the session slice over a transport. */
export function createSessionSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], SessionSlice> {
  return (set, get) => {
    /** Runs a workspace operation, then shows `then` with fresh data. */
    const switchTo = async (open: () => Promise<WorkspaceInfo>, then: Screen): Promise<void> => {
      set({ sessionTask: RUNNING })
      try {
        const info = await open()
        get().workspaceChanged(info)
        set({ sessionTask: DONE, screen: then })
        void get().refreshWorkspaces()
      } catch (cause) {
        set({ sessionTask: failed(cause) })
      }
    }

    return {
      screen: 'workspace',
      appInfo: null,
      workspace: null,
      workspaces: [],
      sessionTask: IDLE,
      dataVersion: 0,
      navigate: (screen) => set({ screen }),
      start: async () => {
        set({ sessionTask: RUNNING })
        try {
          const [appInfo, workspaces] = await Promise.all([
            api['app:info']({}),
            api['workspace:list']({}),
          ])
          // A reload while the host still holds a workspace lands on it, not on the chooser.
          const screen: Screen = appInfo.workspace ? 'loaded' : 'workspace'
          set({ appInfo, workspaces, workspace: appInfo.workspace, screen, sessionTask: DONE })
          api.subscribe('workspace:changed', (info) => get().workspaceChanged(info))
        } catch (cause) {
          set({ sessionTask: failed(cause) })
        }
      },
      refreshWorkspaces: async () => {
        try {
          set({ workspaces: await api['workspace:list']({}) })
        } catch {
          // The list is a convenience; the open workspace still works without it.
        }
      },
      openSample: () => switchTo(() => api['workspace:openSample']({}), 'loaded'),
      createWorkspace: (name) => switchTo(() => api['workspace:create']({ name }), 'import'),
      openWorkspace: (name) => switchTo(() => api['workspace:open']({ name }), 'loaded'),
      closeWorkspace: async () => {
        set({ sessionTask: RUNNING })
        try {
          await api['workspace:close']({})
          get().workspaceChanged(null)
          set({ sessionTask: DONE, screen: 'workspace' })
        } catch (cause) {
          set({ sessionTask: failed(cause) })
        }
      },
      workspaceChanged: (info) =>
        set((state) => ({ workspace: info, dataVersion: state.dataVersion + 1 })),
    }
  }
}

/** The name people see: scratch workspaces (the sample) have generated file names nobody should have to read. */
export function workspaceTitle(info: WorkspaceInfo): string {
  return info.scratch ? 'Sample data' : info.name
}
