/**
 * Exporting a report from the desktop app, the Electron half: main's folder
 * dialog over the sender's window and `shell.openPath` when the pack is done.
 * Everything else (vetting the folder, starting the engine job, knowing when
 * it is done) is in report-folder.ts, which the tests drive.
 */
import { BrowserWindow, dialog, shell } from 'electron'
import type { ReportExportRequest, ReportJob, Result } from '../../shared/contract'
import type { EngineClient } from './engine-client'
import { PackFolderWatcher, REPORT_FOLDER_DIALOG, exportToChosenFolder } from './report-folder'

/** Shows the dialog and starts the export; null when the dialog was cancelled. */
export type ExportToFolder = (
  webContentsId: number,
  request: ReportExportRequest,
) => Promise<Result<{ jobId: string } | null>>

/** Wires the export to `engine`; returns the router's target and a function that stops watching. */
export function createFolderExport(engine: EngineClient): {
  exportToFolder: ExportToFolder
  /** "Open folder": opens the folder of a pack main wrote in this session, by its job. */
  openFolder: (jobId: string) => Promise<Result<boolean>>
  dispose: () => void
} {
  const watcher = new PackFolderWatcher((folder) => void shell.openPath(folder))
  const dispose = engine.onEvent((message) => {
    if (message.event === 'report:progress') watcher.onProgress(message.payload as ReportJob)
  })
  const choose = async (webContentsId: number): Promise<string | null> => {
    const owner = BrowserWindow.getAllWindows().find((w) => w.webContents.id === webContentsId)
    const choice = owner
      ? await dialog.showOpenDialog(owner, REPORT_FOLDER_DIALOG)
      : await dialog.showOpenDialog(REPORT_FOLDER_DIALOG)
    return choice.canceled ? null : (choice.filePaths[0] ?? null)
  }
  const start = engine.exportReport.bind(engine)
  return {
    exportToFolder: (webContentsId, request) =>
      exportToChosenFolder({ choose, start, watcher }, webContentsId, request),
    openFolder: async (jobId) => {
      const folder = watcher.folderOf(jobId)
      if (folder === null)
        return {
          ok: false,
          error: {
            code: 'NOT_FOUND',
            message: 'Focal did not write that pack in this session.',
            hint: 'Export the pack again; its folder opens when it is done.',
          },
        }
      // openPath answers an error message, or '' when the folder opened.
      const problem = await shell.openPath(folder)
      return problem
        ? {
            ok: false,
            error: { code: 'IO_ERROR', message: `The folder cannot be opened: ${problem}` },
          }
        : { ok: true, value: true }
    },
    dispose,
  }
}
