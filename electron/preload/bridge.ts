/**
 * Builds `window.focal` from the few primitives the preload has, as a pure
 * function so the test can check its exact surface with a recording invoke:
 * one named function per contract channel (CONVENTIONS.md #3), events limited
 * to the contract's, and never `ipcRenderer` or a generic invoke (Electron
 * security checklist #20 in current docs: do not expose Electron APIs).
 */
import type {
  EventName,
  ReportExportRequest,
  Result,
  RowKey,
  RowSource,
  StagedFile,
} from '../../shared/contract'
import {
  CHANNEL_NAMES,
  EVENT_NAMES,
  HOST_CHANNELS,
  PORT_CHANNELS,
  methodOf,
  type FocalBridge,
  type PickedFile,
} from '../../shared/contract/bridge'
import type { EngineEvent } from '../engine/protocol'

/** What the preload gives the builder. */
export interface BridgeDeps {
  /** `ipcRenderer.invoke`: answered by main's router with a Result. */
  invoke(channel: string, body: unknown): Promise<unknown>
  /** Calls the engine over this window's port (waits until main has sent it). */
  callEngine(channel: string, body: unknown): Promise<Result<unknown>>
  /** `webUtils.getPathForFile`: '' for anything that is not a file on disk. */
  pathForFile(file: PickedFile): string
}

/** The bridge plus the hook the preload feeds engine events into. */
export interface BuiltBridge {
  bridge: FocalBridge
  /** Delivers an event from the engine port to the renderer's listeners. */
  dispatchEvent(event: EngineEvent): void
}

async function settle(pending: Promise<unknown>): Promise<Result<unknown>> {
  try {
    return (await pending) as Result<unknown>
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause)
    return { ok: false, error: { code: 'INTERNAL', message } }
  }
}

/** Builds the bridge object the preload exposes with contextBridge. */
export function buildBridge(deps: BridgeDeps): BuiltBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>(
    EVENT_NAMES.map((name) => [name, new Set()]),
  )
  const methods: Record<string, (body: unknown) => Promise<Result<unknown>>> = {}
  for (const channel of CHANNEL_NAMES) {
    const viaPort = PORT_CHANNELS.includes(channel)
    methods[methodOf(channel)] = (body) =>
      settle(viaPort ? deps.callEngine(channel, body) : deps.invoke(channel, body))
  }

  const bridge = {
    ...methods,
    onEvent(event: EventName, listener: (payload: unknown) => void) {
      const set = listeners.get(event)
      if (!set || typeof listener !== 'function')
        throw new TypeError(`Unknown event ${String(event)}.`)
      set.add(listener)
      return () => void set.delete(listener)
    },
    openFilesDialog: () =>
      settle(deps.invoke(HOST_CHANNELS.openFiles, {})) as Promise<Result<StagedFile[]>>,
    exportReportToFolder: (request: ReportExportRequest) =>
      settle(deps.invoke(HOST_CHANNELS.exportReport, request)) as Promise<
        Result<{ jobId: string } | null>
      >,
    openReportFolder: (jobId: string) =>
      settle(deps.invoke(HOST_CHANNELS.openReportFolder, { jobId })) as Promise<Result<boolean>>,
    showWorkspaceInFolder: (name: string) =>
      settle(deps.invoke(HOST_CHANNELS.showWorkspaceInFolder, { name })) as Promise<
        Result<boolean>
      >,
    keychainStatus: (names: readonly string[]) =>
      settle(deps.invoke(HOST_CHANNELS.keychainStatus, { names: Array.from(names) })),
    keychainOpenSealed: (request: unknown) =>
      settle(deps.invoke(HOST_CHANNELS.keychainOpenSealed, request)),
    keychainForget: (name: string) => settle(deps.invoke(HOST_CHANNELS.keychainForget, { name })),
    showInSourceFromFolder: (key: RowKey) =>
      settle(deps.invoke(HOST_CHANNELS.showInSource, key)) as Promise<Result<RowSource | null>>,
    async stageDroppedFiles(files: readonly PickedFile[]): Promise<Result<StagedFile[]>> {
      const list = Array.from(files ?? [])
      const paths = list.map((file) => deps.pathForFile(file))
      const notOnDisk = list.filter((_file, i) => !paths[i]).map((file) => file.name)
      if (list.length === 0 || notOnDisk.length > 0) {
        const message =
          list.length === 0
            ? 'No files were given.'
            : `Not a file on this computer: ${notOnDisk.join(', ')}.`
        return { ok: false, error: { code: 'BAD_REQUEST', message } }
      }
      return (await settle(deps.invoke(HOST_CHANNELS.stageDropped, { paths }))) as Result<
        StagedFile[]
      >
    },
  } as FocalBridge

  return {
    bridge,
    dispatchEvent(message) {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload)
    },
  }
}
