/**
 * Carrying workspaces (shared/contract/carry.ts): Save As, the Recent list, where a
 * workspace's file is and the diagnostics export. Save As copies the open workspace
 * (carry/copy-workspace.ts), then the app switches to the copy.
 */
import { join } from 'node:path'
import type { FocalApi, WorkspaceInfo } from '../../shared/contract'
import { fail } from '../../shared/contract'
import type { CARRY_CHANNELS } from '../../shared/contract/carry'
import { copyWorkspace } from './carry/copy-workspace'
import { diagnosticsZip, gatherDiagnostics } from './carry/diagnostics'
import { forgetRecent, listRecent } from './carry/recent-list'
import { logEvent, logFolder } from './log/focal-log'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type CarryChannel = keyof typeof CARRY_CHANNELS

/** What the handlers need of the services. */
export interface CarryContext {
  /** The open workspace, or null. */
  current: () => Workspace | null
  /** Opens the workspace at `path` as the current one (services.ts switchTo, then announced). */
  openPath: (path: string) => Promise<WorkspaceInfo>
  workspacesDir: string
  dataDir: string
  version: string
  host: string
}

/** Creates the handlers. */
export function createCarryServices(context: CarryContext): Pick<FocalApi, CarryChannel> {
  const open = (): Workspace => context.current() ?? fail('NO_WORKSPACE', 'No workspace is open.')
  const recent = () => listRecent(context.dataDir, context.workspacesDir)
  return {
    'workspace:saveAs': async ({ name }) => {
      const ws = open()
      const copied = await copyWorkspace(ws, join(context.workspacesDir, `${name}.focal`))
      logEvent('workspace.saveAs', { workspace: copied.source, copy: copied.copy })
      return context.openPath(join(context.workspacesDir, `${name}.focal`))
    },
    'workspace:recent': async () => recent(),
    'workspace:forgetRecent': async ({ name }) => {
      forgetRecent(context.dataDir, name)
      return recent()
    },
    'workspace:location': async ({ name }) => ({
      folder: context.workspacesDir,
      fileName: `${name}.focal`,
    }),
    'app:diagnostics': async () => {
      const facts = await gatherDiagnostics(context.current(), {
        version: context.version,
        host: context.host,
        logDir: logFolder(),
      })
      const bytes = await diagnosticsZip(facts, logFolder())
      return {
        fileName: `focal-diagnostics-${facts.generatedAt.slice(0, 10)}.zip`,
        mediaType: 'application/zip',
        base64: bytes.toString('base64'),
      }
    },
  }
}
