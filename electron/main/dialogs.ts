/**
 * The open dialog for billing exports. Paths exist only in main: the user
 * picks them here, they are vetted and staged, and the renderer receives
 * StagedFile tokens (CONVENTIONS.md #4).
 */
import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron'
import type { Result, StagedFile } from '../../shared/contract'
import { stagePaths, type StageFile } from './staging'

/** The dialog's options: files only, several at once, the formats Focal imports. */
export const OPEN_EXPORTS_DIALOG: OpenDialogOptions = {
  title: 'Import billing exports',
  buttonLabel: 'Import',
  properties: ['openFile', 'multiSelections'],
  filters: [
    {
      name: 'Billing exports (CSV, CSV.gz, Parquet, JSON lines, ZIP)',
      extensions: ['csv', 'gz', 'parquet', 'json', 'jsonl', 'ndjson', 'zip'],
    },
    { name: 'All files', extensions: ['*'] },
  ],
}

/** Shows the dialog over the sender's window; resolves with staged tokens, or [] when cancelled. */
export async function openExportsDialog(
  webContentsId: number,
  stage: StageFile,
): Promise<Result<StagedFile[]>> {
  const owner = BrowserWindow.getAllWindows().find((win) => win.webContents.id === webContentsId)
  const choice = owner
    ? await dialog.showOpenDialog(owner, OPEN_EXPORTS_DIALOG)
    : await dialog.showOpenDialog(OPEN_EXPORTS_DIALOG)
  if (choice.canceled || choice.filePaths.length === 0) return { ok: true, value: [] }
  return stagePaths(choice.filePaths, stage)
}
