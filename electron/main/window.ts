/**
 * Creates Focal's window with the hardened options and keeps the set of our
 * webContents ids, which the IPC sender check consults (Electron security
 * checklist #17).
 */
import { BrowserWindow } from 'electron'
import { APP_ENTRY_URL, type Trust } from './app-origin'
import { windowOptions } from './window-options'

const ours = new Set<number>()

/** True for the webContents of a window this module created and that is still open. */
export function isOurWindow(webContentsId: number): boolean {
  return ours.has(webContentsId)
}

/** Opens a window on the app's entry page (or the dev server in development). */
export function createWindow(preloadPath: string, trust: Trust, devTools: boolean): BrowserWindow {
  const win = new BrowserWindow(windowOptions({ preloadPath, devTools }))
  const id = win.webContents.id
  ours.add(id)
  win.on('closed', () => ours.delete(id))
  win.once('ready-to-show', () => win.show())
  void win.loadURL(trust.devServerUrl ?? APP_ENTRY_URL)
  return win
}
