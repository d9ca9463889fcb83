/**
 * "Show in source" in the desktop app, the Electron half: main's folder dialog over the
 * sender's window, then the engine reads the row's line there (host:rowSource). The folder
 * never reaches the page, and the engine keeps it for the session only, not in the workspace.
 */
import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron'
import type { Result, RowKey, RowSource } from '../../shared/contract'
import type { EngineClient } from './engine-client'

/** The dialog's options: one folder, searched at any depth for the file by its SHA-256. */
export const SOURCE_FOLDER_DIALOG: OpenDialogOptions = {
  title: 'Choose the folder that holds the source file',
  buttonLabel: 'Look here',
  properties: ['openDirectory'],
}

/** Shows the dialog and reads the row's source line in the folder; null when cancelled. */
export async function showInSourceFolder(
  webContentsId: number,
  key: RowKey,
  engine: Pick<EngineClient, 'rowSourceIn'>,
): Promise<Result<RowSource | null>> {
  const owner = BrowserWindow.getAllWindows().find((w) => w.webContents.id === webContentsId)
  const choice = owner
    ? await dialog.showOpenDialog(owner, SOURCE_FOLDER_DIALOG)
    : await dialog.showOpenDialog(SOURCE_FOLDER_DIALOG)
  const folder = choice.canceled ? null : (choice.filePaths[0] ?? null)
  if (folder === null) return { ok: true, value: null }
  return engine.rowSourceIn(key, folder)
}
