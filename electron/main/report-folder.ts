/**
 * The pure half of exporting a report from the desktop app (DESIGN.md: keep
 * main thin): the folder dialog's options, the check of the folder the user
 * picked before the engine may write there, and the watcher that opens the
 * folder once its pack is done ("the output folder opens when done").
 */
import { constants } from 'node:fs'
import { access, realpath, stat } from 'node:fs/promises'
import type { OpenDialogOptions } from 'electron'
import type { ReportExportRequest, ReportJob, Result } from '../../shared/contract'

/** The folder dialog: one folder, which the user may create on the spot. */
export const REPORT_FOLDER_DIALOG: OpenDialogOptions = {
  title: 'Choose the folder for the report pack',
  buttonLabel: 'Export here',
  properties: ['openDirectory', 'createDirectory'],
}

/** The dialog's choice as a real, writable folder (symlinks resolved), or why it cannot be used. */
export async function vetReportFolder(path: string): Promise<Result<string>> {
  const refuse = (message: string): Result<string> => ({
    ok: false,
    error: { code: 'IO_ERROR', message, hint: 'Choose another folder for the pack.' },
  })
  try {
    const real = await realpath(path)
    if (!(await stat(real)).isDirectory()) return refuse('The chosen path is not a folder.')
    await access(real, constants.W_OK)
    return { ok: true, value: real }
  } catch {
    return refuse('Focal cannot write to the chosen folder.')
  }
}

/**
 * Remembers which export job writes to which folder and opens the folder
 * when the job is done. A job may finish before its id is known here (a
 * tiny pack), so finished ids are remembered briefly too.
 */
export class PackFolderWatcher {
  private readonly folders = new Map<string, string>()
  private readonly finished = new Map<string, ReportJob['state']>()
  /** Folders of packs written in this session, by job, for "Open folder" (the last few). */
  private readonly written = new Map<string, string>()

  constructor(private readonly openFolder: (folder: string) => void) {}

  /** Main started `jobId` writing into `folder`. */
  expect(jobId: string, folder: string): void {
    const state = this.finished.get(jobId)
    if (state === undefined) this.folders.set(jobId, folder)
    else if (state === 'done') this.done(jobId, folder)
  }

  /** The folder main wrote a finished job's pack into, or null for a job it did not write. */
  folderOf(jobId: string): string | null {
    return this.written.get(jobId) ?? null
  }

  private done(jobId: string, folder: string): void {
    this.written.set(jobId, folder)
    for (const id of [...this.written.keys()].slice(0, -20)) this.written.delete(id)
    this.openFolder(folder)
  }

  /** Takes a `report:progress` event. */
  onProgress(job: Pick<ReportJob, 'jobId' | 'state'>): void {
    if (job.state === 'running') return
    const folder = this.folders.get(job.jobId)
    this.folders.delete(job.jobId)
    if (folder === undefined) {
      this.finished.set(job.jobId, job.state)
      // Keep only a few: an id unknown here is usually a job the web host or another window ran.
      for (const id of [...this.finished.keys()].slice(0, -20)) this.finished.delete(id)
      return
    }
    if (job.state === 'done') this.done(job.jobId, folder)
  }
}

/** What exporting to a chosen folder needs: the dialog, the engine, the watcher. */
export interface FolderExportDeps {
  /** Shows the folder dialog over the sender's window; null when cancelled. */
  choose(webContentsId: number): Promise<string | null>
  /** Starts the export in the engine (main's privileged port). */
  start(request: ReportExportRequest, folder: string): Promise<Result<{ jobId: string }>>
  watcher: PackFolderWatcher
}

/** Dialog → vetted folder → engine job → folder opened when done; null when the dialog was cancelled. */
export async function exportToChosenFolder(
  deps: FolderExportDeps,
  webContentsId: number,
  request: ReportExportRequest,
): Promise<Result<{ jobId: string } | null>> {
  const picked = await deps.choose(webContentsId)
  if (picked === null) return { ok: true, value: null }
  const folder = await vetReportFolder(picked)
  if (!folder.ok) return folder
  const started = await deps.start(request, folder.value)
  if (started.ok) deps.watcher.expect(started.value.jobId, folder.value)
  return started
}
