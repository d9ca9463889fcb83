/**
 * The transport inside Electron: each contract call goes to its own named
 * function on `window.focal` (the preload's bridge, typed by
 * shared/contract/bridge.ts). Results are unwrapped here, so the UI sees
 * values or a thrown FocalFailure exactly as with the web transport.
 */
import {
  CHANNELS,
  FocalFailure,
  type Channel,
  type EventName,
  type EventOf,
  type FocalApi,
  type Result,
  type StagedFile,
} from '../../../shared/contract'
import { methodOf, type FocalBridge } from '../../../shared/contract/bridge'
import type { FocalTransport } from './transport'

/** The Electron transport, plus the native open dialog only this host has. */
export type ElectronTransport = FocalTransport & {
  /** Shows the native dialog (CSV, CSV.gz, Parquet) and stages the choice; [] when cancelled. */
  openFilesDialog(): Promise<StagedFile[]>
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new FocalFailure(result.error)
  return result.value
}

/** The bridge the preload exposed; throws when the page is not in Focal's Electron window. */
export function focalBridge(): FocalBridge {
  const bridge = (window as unknown as { focal?: FocalBridge }).focal
  if (!bridge)
    throw new Error('window.focal is missing: this page is not running in the Focal app.')
  return bridge
}

/** Creates the transport over `bridge` (by default `window.focal`). */
export function createElectronTransport(bridge: FocalBridge = focalBridge()): ElectronTransport {
  const methods = bridge as unknown as Record<
    string,
    (request: unknown) => Promise<Result<unknown>>
  >
  const api = Object.fromEntries(
    (Object.keys(CHANNELS) as Channel[]).map((channel) => {
      const method = methods[methodOf(channel)]
      if (typeof method !== 'function')
        throw new Error(`window.focal has no function for ${channel}.`)
      return [channel, async (request: unknown) => unwrap(await method(request ?? {}))]
    }),
  ) as unknown as FocalApi

  return {
    ...api,
    subscribe<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void {
      return bridge.onEvent(event, listener)
    },
    async pickAndStageFiles(files: File[]): Promise<StagedFile[]> {
      if (files.length === 0) return []
      return unwrap(await bridge.stageDroppedFiles(files))
    },
    async openFilesDialog(): Promise<StagedFile[]> {
      return unwrap(await bridge.openFilesDialog())
    },
    async exportReport(request) {
      return unwrap(await bridge.exportReportToFolder(request))
    },
    // The pack is in the folder the user chose, which main opens when it is done.
    reportFileUrl: () => null,
    reportZipUrl: () => null,
    openReportFolder: async (jobId) => unwrap(await bridge.openReportFolder(jobId)),
    showWorkspaceInFolder: async (name) => unwrap(await bridge.showWorkspaceInFolder(name)),
    sourceFromFolder: async (key) => unwrap(await bridge.showInSourceFromFolder(key)),
    // The renderer never names a path here: main's dialog chooses the folder.
    sourceInFolder: null,
    keychain: {
      status: async (names) => unwrap(await bridge.keychainStatus(names)),
      openSealed: async (request) => unwrap(await bridge.keychainOpenSealed(request)),
      forget: async (name) => unwrap(await bridge.keychainForget(name)),
    },
  }
}
