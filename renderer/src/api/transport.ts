/**
 * What the UI talks to: the API contract plus events and file staging. One
 * implementation per host (web host over HTTP, Electron over the preload bridge).
 */
import type {
  EventName,
  EventOf,
  FocalApi,
  KeychainOpenRequest,
  KeychainStatus,
  ReportExportRequest,
  RowKey,
  RowSource,
  StagedFile,
  WorkspaceInfo,
} from '../../../shared/contract'

/** The contract's API, pushed events, and a way to hand the host files the user chose. */
export interface FocalTransport extends FocalApi {
  /** Listens to one pushed event; returns the unsubscribe function. */
  subscribe<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void
  /** Hands files the user dropped or picked to the host, which stages them and returns import tokens. */
  pickAndStageFiles(files: File[]): Promise<StagedFile[]>
  /**
   * Starts writing a report pack: the web host writes it under its own data
   * folder; the desktop app first asks for a folder in main's dialog. Null
   * when the user cancelled that dialog. The page never names a folder.
   */
  exportReport(request: ReportExportRequest): Promise<{ jobId: string } | null>
  /** Where the page can download a pack file, or null where files land in a folder the user chose. */
  reportFileUrl(jobId: string, name: string): string | null
  /** Where the page can download a whole pack as one ZIP, or null where files land in a chosen folder. */
  reportZipUrl(jobId: string): string | null
  /** Opens again the folder the desktop app wrote a pack into, by its job; null in the web host. */
  readonly openReportFolder: ((jobId: string) => Promise<boolean>) | null
  /** Shows a workspace's file in the file manager (the desktop app); null in the web host, which says where it is. */
  readonly showWorkspaceInFolder: ((name: string) => Promise<boolean>) | null
  /**
   * "Show in source" in a folder the user picks in main's dialog (null when cancelled); null
   * where the host has no folder dialog (the web host). The page never names a folder.
   */
  readonly sourceFromFolder: ((key: RowKey) => Promise<RowSource | null>) | null
  /**
   * "Show in source" in a folder the person types: the web host, which has no folder dialog
   * and runs on their machine (electron/webhost/source-folder.ts); null in the desktop app.
   */
  readonly sourceInFolder: ((key: RowKey, folder: string) => Promise<RowSource>) | null
  /**
   * The OS keychain opt-in for sealed passphrases, answered by the desktop app's main process
   * (electron/main/keychain-ipc.ts); null in the web host, which never remembers one.
   */
  readonly keychain: {
    status(names: readonly string[]): Promise<KeychainStatus>
    openSealed(request: KeychainOpenRequest): Promise<WorkspaceInfo>
    forget(name: string): Promise<null>
  } | null
}
