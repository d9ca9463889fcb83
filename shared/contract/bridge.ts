/**
 * The shape of `window.focal`, the typed bridge the Electron preload exposes
 * (CONVENTIONS.md #3): one named function per contract channel, never a
 * generic invoke. Each returns a Result, because errors cross process
 * boundaries as values (CONVENTIONS.md #5).
 */
import { CHANNELS, EVENTS } from './channels'
import type { Channel, EventName, EventOf, RequestOf, ResponseOf } from './channels'
import type { Result } from './errors'
import type { KeychainOpenRequest, KeychainStatus } from './encryption'
import type { StagedFile, WorkspaceInfo } from './models'
import type { ReportExportRequest } from './report'
import type { RowKey, RowSource } from './rows'

/** The bridge method name of a channel: `workspace:openSample` → `workspaceOpenSample`. */
export type MethodOf<C extends string> = C extends `${infer D}:${infer V}`
  ? `${D}${Capitalize<V>}`
  : never

/** Returns the bridge method name of a channel. */
export function methodOf<C extends Channel>(channel: C): MethodOf<C> {
  const [domain = '', verb = ''] = channel.split(':')
  return `${domain}${verb.charAt(0).toUpperCase()}${verb.slice(1)}` as MethodOf<C>
}

/** Every contract channel, in contract order. */
export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[]

/** Every event name the bridge lets the renderer subscribe to. */
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[]

/**
 * Channels the preload sends straight to the engine over the window's
 * MessagePort (DESIGN.md, Processes): their results carry Arrow bytes that
 * should not pass through main. The engine validates them as main would.
 */
export const PORT_CHANNELS: readonly Channel[] = ['pivot:run', 'pivot:cancel']

/** Channels that only the desktop host has: file dialogs, drops, the engine port. */
export const HOST_CHANNELS = {
  /** Shows the open dialog in main; answers StagedFile tokens, never paths. */
  openFiles: 'files:open',
  /** Paths of the user's own drop, from `webUtils.getPathForFile`; main vets them. */
  stageDropped: 'files:stageDropped',
  /** The preload asks main for its MessagePort to the engine. */
  connectEngine: 'engine:connect',
  /** Main answers `connectEngine` with this message, carrying the port. */
  enginePort: 'engine:port',
  /** Main asks for the output folder in its own dialog, then has the engine write the pack there. */
  exportReport: 'report:exportToFolder',
  /** Main asks for the folder holding a row's source file in its own dialog, then shows the line. */
  showInSource: 'rows:sourceFromFolder',
  /** Main opens the folder it wrote a pack into, named by the export job; never a path from the page. */
  openReportFolder: 'report:openFolder',
  /** Main shows a workspace's file in the file manager, named by the workspace; never a path from the page. */
  showWorkspaceInFolder: 'workspace:showInFolder',
  /** The keychain opt-in: whether it is available and which sealed files it remembers. */
  keychainStatus: 'keychain:status',
  /** Main opens a sealed file with a typed or remembered passphrase; the page never sees the latter. */
  keychainOpenSealed: 'keychain:openSealed',
  /** Main forgets a sealed file's remembered passphrase. */
  keychainForget: 'keychain:forget',
} as const

/** Something dropped or picked in the page: a DOM `File` (kept structural, shared has no DOM). */
export interface PickedFile {
  readonly name: string
  readonly size: number
}

/** One function per contract channel, named by `methodOf`. */
export type ChannelMethods = {
  [C in Channel as MethodOf<C>]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
}

/** The extras of the desktop host, beyond the contract channels. */
export interface HostMethods {
  /** Subscribes to a contract event; returns the unsubscribe function. */
  onEvent<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void
  /** Opens the native file dialog (CSV, CSV.gz, Parquet); empty list when cancelled. */
  openFilesDialog(): Promise<Result<StagedFile[]>>
  /** Stages files the user dropped or picked; main checks each is a regular readable file. */
  stageDroppedFiles(files: readonly PickedFile[]): Promise<Result<StagedFile[]>>
  /**
   * Asks for the output folder in main's dialog and starts the export there;
   * null when the dialog was cancelled. The folder opens when the pack is done.
   */
  exportReportToFolder(request: ReportExportRequest): Promise<Result<{ jobId: string } | null>>
  /**
   * Asks for the folder holding a row's source file in main's dialog and reads the row's line
   * there; null when the dialog was cancelled. The folder stays linked for the session.
   */
  showInSourceFromFolder(key: RowKey): Promise<Result<RowSource | null>>
  /** Opens again the folder main wrote the job's pack into (a job of this session); NOT_FOUND otherwise. */
  openReportFolder(jobId: string): Promise<Result<boolean>>
  /** Shows the named workspace's file in the file manager (the workspaces folder only); NOT_FOUND otherwise. */
  showWorkspaceInFolder(name: string): Promise<Result<boolean>>
  /** The keychain's state for the named sealed files (electron/main/keychain.ts). */
  keychainStatus(names: readonly string[]): Promise<Result<KeychainStatus>>
  /** Opens a sealed file with a typed passphrase (remembering it if asked) or the remembered one. */
  keychainOpenSealed(request: KeychainOpenRequest): Promise<Result<WorkspaceInfo>>
  /** Forgets the remembered passphrase of a sealed file. */
  keychainForget(name: string): Promise<Result<null>>
}

/** `window.focal`: the whole bridge. */
export type FocalBridge = ChannelMethods & HostMethods
