/**
 * Focal's main process: app lifecycle only. Security policy, IPC and the
 * engine live in their own modules (DESIGN.md, Processes: keep main thin).
 */
import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  Menu,
  protocol,
  safeStorage,
  session,
  type MenuItemConstructorOptions,
} from 'electron'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, devOrigin, type Trust } from './app-origin'
import { serveAppRequest } from './app-protocol'
import { startEngine, type EngineClient } from './engine-client'
import { registerIpc } from './ipc'
import { Keychain } from './keychain'
import { menuTemplate } from './menu-template'
import { denyPermissions, guardContents } from './navigation'
import { networkPolicy, offlineSwitches } from './network-policy'
import { appPaths, findSampleFile } from './paths'
import { createWindow, isOurWindow } from './window'

const devServerUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null
const trust: Trust = {
  devServerUrl: devServerUrl && devOrigin({ devServerUrl }) ? devServerUrl : null,
}
const paths = appPaths({
  mainDir: import.meta.dirname,
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  isPackaged: app.isPackaged,
})
let engine: EngineClient | null = null

// One instance: DuckDB lets one process write a workspace (DESIGN.md, One writer).
const primary = app.requestSingleInstanceLock()
if (!primary) app.quit()

for (const [name, value] of offlineSwitches(trust)) app.commandLine.appendSwitch(name, value)
app.enableSandbox() // Electron security checklist #4, for every renderer
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
app.on('web-contents-created', (_event, contents) => guardContents(contents, trust))

app.on('second-instance', () => {
  const [win] = BrowserWindow.getAllWindows()
  if (win?.isMinimized()) win.restore()
  win?.focus()
})

void app.whenReady().then(() => {
  if (!primary) return
  session.defaultSession.webRequest.onBeforeRequest(networkPolicy(trust))
  denyPermissions(session.defaultSession)
  const template = menuTemplate(process.platform, !app.isPackaged) as MenuItemConstructorOptions[]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, paths.renderer))
  engine = startEngine(paths.engine, {
    userData: app.getPath('userData'),
    sample: findSampleFile(paths.demoDir),
    version: app.getVersion(),
  })
  // Passphrases the person chose to remember, as OS-keychain blobs only (keychain.ts).
  const keychain = new Keychain(join(app.getPath('userData'), 'keychain'), safeStorage)
  registerIpc({ ...trust, isOurWindow }, engine, keychain)
  createWindow(paths.preload, trust, !app.isPackaged)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0)
      createWindow(paths.preload, trust, !app.isPackaged)
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

// Let the engine checkpoint the workspace to one file before the app exits, and encrypt a
// sealed one back and remove its RAM folder (services-sealed.ts): scrypt plus AES over a large
// workspace takes seconds, and a kill before it ends would lose the session's changes.
const ENGINE_STOP_GRACE_MS = 120_000
let stopping = false
app.on('will-quit', (event) => {
  if (!engine || stopping) return
  stopping = true
  event.preventDefault()
  void engine.stop(ENGINE_STOP_GRACE_MS).finally(() => app.quit())
})
