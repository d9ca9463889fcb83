/**
 * Every IPC message passes here before anything acts on it, as a pure
 * function of plain objects so the exploit tests can drive it: the channel
 * must be on the allowlist, the sender must be the main frame of one of our
 * windows showing an app page (Electron security checklist #17), and the body
 * must match the contract (CONVENTIONS.md #2). Answers are Results; nothing
 * throws across the boundary (CONVENTIONS.md #5).
 */
import { z } from '../../shared/zod'
import { KEYCHAIN_REQUESTS } from '../../shared/contract/encryption'
import {
  ReportExportRequestSchema,
  RowKeySchema,
  toFocalError,
  validateRequest,
  WorkspaceName,
  type ReportExportRequest,
  type Channel,
  type Result,
  type RowKey,
  type RowSource,
  type StagedFile,
} from '../../shared/contract'
import { CHANNEL_NAMES, HOST_CHANNELS } from '../../shared/contract/bridge'
import { isAppUrl, type Trust } from './app-origin'

/** What main knows about the sender of one IPC message. */
export interface SenderInfo {
  /** URL of the sending frame; null when the frame is gone or was navigated away. */
  frameUrl: string | null
  /** True when the sender is its page's main frame, not an iframe. */
  isMainFrame: boolean
  /** The sender's webContents id. */
  webContentsId: number
}

/** The parts of an Electron IPC event the sender check reads. */
export interface IpcEventLike {
  senderFrame: { url: string; parent: unknown } | null
  sender: { id: number }
}

/** Reads the facts the policy needs from an IPC event; a vanished frame has no URL. */
export function senderOf(event: IpcEventLike): SenderInfo {
  const webContentsId = event.sender.id
  try {
    const frame = event.senderFrame
    if (frame === null) return { frameUrl: null, isMainFrame: false, webContentsId }
    return { frameUrl: frame.url, isMainFrame: frame.parent === null, webContentsId }
  } catch {
    // Electron throws when a disposed frame is read: treat it as gone.
    return { frameUrl: null, isMainFrame: false, webContentsId }
  }
}

/** Whom main accepts messages from. */
export interface SenderPolicy extends Trust {
  /** True for the webContents ids of windows main created. */
  isOurWindow(webContentsId: number): boolean
}

/** Why a sender is refused, or null when it is trusted. */
export function senderProblem(sender: SenderInfo, policy: SenderPolicy): string | null {
  if (!policy.isOurWindow(sender.webContentsId)) return 'not a Focal window'
  if (!sender.isMainFrame) return 'not the main frame'
  if (sender.frameUrl === null || !isAppUrl(sender.frameUrl, policy)) return 'not an app page'
  return null
}

/** Request schemas of the host channels main answers itself. */
export const HOST_REQUESTS = {
  [HOST_CHANNELS.openFiles]: z.object({}).strict(),
  [HOST_CHANNELS.stageDropped]: z
    .object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(500) })
    .strict(),
  // The contract's export request exactly: kind, period, metric, source, formats — never a folder.
  [HOST_CHANNELS.exportReport]: ReportExportRequestSchema,
  // A row by its identity only: the folder comes from main's own dialog, never from the page.
  [HOST_CHANNELS.showInSource]: RowKeySchema,
  // A job id only: main opens the folder it chose for that job itself, never one the page names.
  [HOST_CHANNELS.openReportFolder]: z.object({ jobId: z.string().min(1).max(64) }).strict(),
  // A workspace's name only (no separator, no ".."): main finds it in its own workspaces folder.
  [HOST_CHANNELS.showWorkspaceInFolder]: z.object({ name: WorkspaceName }).strict(),
  [HOST_CHANNELS.keychainStatus]: KEYCHAIN_REQUESTS.status,
  [HOST_CHANNELS.keychainOpenSealed]: KEYCHAIN_REQUESTS.openSealed,
  [HOST_CHANNELS.keychainForget]: KEYCHAIN_REQUESTS.forget,
} as const

/** The keychain's host channels (electron/main/keychain-ipc.ts answers them). */
export const KEYCHAIN_CHANNELS = [
  HOST_CHANNELS.keychainStatus,
  HOST_CHANNELS.keychainOpenSealed,
  HOST_CHANNELS.keychainForget,
] as const
/** A keychain host channel. */
export type KeychainChannel = (typeof KEYCHAIN_CHANNELS)[number]

/** A host channel main answers itself. */
export type HostChannel = keyof typeof HOST_REQUESTS

/** Every channel `ipcMain.handle` is registered for: the contract plus the host channels. */
export const INVOKE_CHANNELS: readonly string[] = [...CHANNEL_NAMES, ...Object.keys(HOST_REQUESTS)]

/** What the router hands validated requests to. */
export interface RouterTargets {
  /** Forwards a validated contract request to the engine. */
  forward(channel: Channel, request: unknown): Promise<Result<unknown>>
  /** Shows the open dialog for the sender's window and stages the chosen files. */
  openFiles(webContentsId: number): Promise<Result<StagedFile[]>>
  /** Vets and stages the paths of a drop. */
  stageDropped(paths: string[]): Promise<Result<StagedFile[]>>
  /** Asks for the output folder over the sender's window and starts the export there. */
  exportReport(
    webContentsId: number,
    request: ReportExportRequest,
  ): Promise<Result<{ jobId: string } | null>>
  /** Asks for the source folder over the sender's window and reads the row's line there. */
  showInSource(webContentsId: number, key: RowKey): Promise<Result<RowSource | null>>
  /** Opens the folder main wrote the job's pack into. */
  openReportFolder(jobId: string): Promise<Result<boolean>>
  /** Shows the named workspace's file in the file manager. */
  showWorkspaceInFolder(name: string): Promise<Result<boolean>>
  /** Answers a keychain channel (its request validated). */
  keychain(channel: KeychainChannel, request: unknown): Promise<Result<unknown>>
}

const refused = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'BAD_REQUEST', message },
})

/** Builds the function `ipc.ts` calls for every invoke: check, validate, route, wrap. */
export function createIpcRouter(policy: SenderPolicy, targets: RouterTargets) {
  return async function route(
    channel: string,
    sender: SenderInfo,
    body: unknown,
  ): Promise<Result<unknown>> {
    try {
      if (!INVOKE_CHANNELS.includes(channel))
        return refused(`Unknown channel ${JSON.stringify(channel)}.`)
      const problem = senderProblem(sender, policy)
      if (problem) return refused(`Refused IPC from an untrusted sender (${problem}).`)
      if (Object.hasOwn(HOST_REQUESTS, channel)) {
        const parsed = HOST_REQUESTS[channel as HostChannel].safeParse(body ?? {})
        if (!parsed.success) return refused(`Invalid request for ${channel}.`)
        if ((KEYCHAIN_CHANNELS as readonly string[]).includes(channel))
          return await targets.keychain(channel as KeychainChannel, parsed.data)
        if (channel === HOST_CHANNELS.openFiles)
          return await targets.openFiles(sender.webContentsId)
        if (channel === HOST_CHANNELS.showInSource)
          return await targets.showInSource(sender.webContentsId, parsed.data as RowKey)
        if (channel === HOST_CHANNELS.showWorkspaceInFolder)
          return await targets.showWorkspaceInFolder((parsed.data as { name: string }).name)
        if (channel === HOST_CHANNELS.openReportFolder)
          return await targets.openReportFolder((parsed.data as { jobId: string }).jobId)
        if (channel === HOST_CHANNELS.exportReport)
          return await targets.exportReport(
            sender.webContentsId,
            parsed.data as ReportExportRequest,
          )
        return await targets.stageDropped((parsed.data as { paths: string[] }).paths)
      }
      const valid = validateRequest<Channel>(channel, body)
      return await targets.forward(valid.channel, valid.request)
    } catch (cause) {
      return { ok: false, error: toFocalError(cause) }
    }
  }
}

/** True when a sender may receive an engine port (same checks as any invoke). */
export function mayConnectEngine(sender: SenderInfo, policy: SenderPolicy): boolean {
  return senderProblem(sender, policy) === null
}
