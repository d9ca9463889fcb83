/**
 * "Show in folder" for a workspace in the desktop app (issue 11): main finds the file by the
 * workspace's name in its own workspaces folder (the engine's: `<userData>/workspaces`) and
 * asks the file manager to show it. The page names a workspace, never a path (CONVENTIONS.md #4).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { app, shell } from 'electron'
import type { Result } from '../../shared/contract'

/** The file of workspace `name` in `workspacesDir`, or null when there is none. */
export function workspaceFile(workspacesDir: string, name: string): string | null {
  const path = join(workspacesDir, `${name}.focal`)
  return existsSync(path) ? path : null
}

/** Shows workspace `name` (already checked against WorkspaceName) in the file manager. */
export async function showWorkspaceInFolder(name: string): Promise<Result<boolean>> {
  const path = workspaceFile(join(app.getPath('userData'), 'workspaces'), name)
  if (path === null)
    return {
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: `No workspace named ${name} in Focal's workspaces folder.`,
        hint: 'Remove it from the Recent list, or open another workspace.',
      },
    }
  shell.showItemInFolder(path)
  return { ok: true, value: true }
}
