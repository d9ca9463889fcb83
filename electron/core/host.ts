/**
 * What a host (Electron engine process, web host, CLI, tests) gives the core
 * services and gets back. The core never sees Electron or HTTP.
 */
import type {
  EventName,
  EventOf,
  FocalApi,
  ReportExportRequest,
  RowKey,
  RowSource,
  StagedFile,
} from '../../shared/contract'

/** Options a host passes when it creates the services. */
export interface ServicesOptions {
  /** Folder holding `<name>.focal` workspaces (created if missing). */
  workspacesDir: string
  /** Folder for scratch workspaces (the sample); emptied of stale files on start. */
  scratchDir: string
  /** The bundled FOCUS sample file, or null when the host ships none. */
  sampleFile: string | null
  /** Which host this is, reported by `app:info`. */
  host: 'electron' | 'web'
  /** The app version, reported by `app:info`. */
  version: string
  /** The bundled example rules and tables (resources/examples); absent: none. */
  examplesDir?: string | null
  /** Where `report:export` writes packs (the web host's data folder); absent: only host-chosen folders. */
  reportsDir?: string | null
}

/** A listener for events the services push (import progress, workspace changes). */
export type EventListener = <E extends EventName>(event: E, payload: EventOf<E>) => void

/** The core services: the contract's API plus what only hosts may call. */
export interface FocalServices extends FocalApi {
  /**
   * Registers a file the host has vetted (from a dialog, a drop, or an upload it
   * staged itself) and returns the token the UI may import it by. Paths never
   * come from the UI.
   */
  stageFile(path: string, name: string): Promise<StagedFile>
  /**
   * Exports a report pack into `folder`, a path the host vetted (the desktop
   * host's folder dialog). The renderer can never reach this: hosts expose it
   * only behind their own dialog.
   */
  exportReportTo(request: ReportExportRequest, folder: string): Promise<{ jobId: string }>
  /**
   * "Show in source" with a folder the host vetted (the desktop host's folder dialog, the CLI's
   * --sources): the folder joins the session's source folders, never the workspace. The
   * renderer can never reach this: hosts expose it only behind their own dialog.
   */
  rowSourceIn(key: RowKey, folder: string): Promise<RowSource>
  /** The path of one file of a finished export job, by its name in the job's list; NOT_FOUND otherwise. */
  reportFile(jobId: string, name: string): { path: string; name: string; sizeBytes: number }
  /**
   * Where a host should stage a file it copies for import (the web host's uploads): the open
   * sealed workspace's RAM folder, so its imports never touch the disk; null for the host's own.
   */
  stagingFolder(): string | null
  /** Subscribes to pushed events; returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void
  /** Closes the open workspace (checkpointing it to one file) and stops jobs. */
  close(): Promise<void>
}
