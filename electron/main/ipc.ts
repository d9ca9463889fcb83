/**
 * The only file that touches `ipcMain` (CONVENTIONS.md #2): one handler per
 * allowed channel, each a thin call into the pure router of ipc-policy.ts,
 * which checks the sender (Electron security checklist #17), validates the
 * body against the contract and answers a Result.
 */
import { ipcMain, type IpcMainEvent } from 'electron'
import type { Result, WorkspaceInfo } from '../../shared/contract'
import { HOST_CHANNELS } from '../../shared/contract/bridge'
import { openExportsDialog } from './dialogs'
import type { EngineClient } from './engine-client'
import {
  INVOKE_CHANNELS,
  createIpcRouter,
  mayConnectEngine,
  senderOf,
  type SenderPolicy,
} from './ipc-policy'
import { createKeychainTarget } from './keychain-ipc'
import type { Keychain } from './keychain'
import { createFolderExport } from './report-export'
import { showInSourceFolder } from './source-folder'
import { stagePaths } from './staging'
import { showWorkspaceInFolder } from './workspace-folder'

/** Registers every handler; returns a function that removes them again. */
export function registerIpc(
  policy: SenderPolicy,
  engine: EngineClient,
  keychain: Keychain,
): () => void {
  const stage = engine.stageFile.bind(engine)
  const reports = createFolderExport(engine)
  const route = createIpcRouter(policy, {
    forward: (channel, request) => engine.call(channel, request),
    openFiles: (webContentsId) => openExportsDialog(webContentsId, stage),
    stageDropped: (paths) => stagePaths(paths, stage),
    exportReport: reports.exportToFolder,
    showInSource: (webContentsId, key) => showInSourceFolder(webContentsId, key, engine),
    openReportFolder: reports.openFolder,
    showWorkspaceInFolder,
    keychain: createKeychainTarget(
      keychain,
      (request) => engine.call('workspace:openSealed', request) as Promise<Result<WorkspaceInfo>>,
    ),
  })
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, body: unknown) => route(channel, senderOf(event), body))
  }
  const onConnect = (event: IpcMainEvent) => {
    if (mayConnectEngine(senderOf(event), policy)) engine.connectWindow(event.sender)
  }
  ipcMain.on(HOST_CHANNELS.connectEngine, onConnect)
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel)
    ipcMain.removeListener(HOST_CHANNELS.connectEngine, onConnect)
    reports.dispose()
  }
}
