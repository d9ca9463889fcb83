/**
 * A workspace file's format, when it is opened: a new file gets every table of this format
 * (schema.ts) and its `workspace.create` audit entry; an existing one must be a Focal
 * workspace of this format or an older one (migrate.ts upgrades it), never a newer one,
 * which is refused untouched.
 */
import { basename } from 'node:path'
import { fail } from '../../../shared/contract'
import { CREATE_WORKSPACE, WORKSPACE_FORMAT } from './schema'
import type { Workspace } from './workspace'

/** Creates every table of this format in a new, empty file, in one transaction, and logs it. */
export async function createWorkspaceTables(ws: Workspace): Promise<void> {
  await ws.transaction(async () => {
    for (const statement of CREATE_WORKSPACE) await ws.run(statement)
    await ws.run("INSERT INTO meta VALUES ('focal_format', ?), ('created_at', now()::VARCHAR)", [
      String(WORKSPACE_FORMAT),
    ])
  })
  await ws.audit('workspace.create', ws.name, { format: WORKSPACE_FORMAT })
}

/** Refuses a DuckDB file that is not a Focal workspace, or one a newer Focal wrote. */
export async function checkWorkspaceFormat(ws: Workspace): Promise<void> {
  let format: string | undefined
  try {
    const rows = await ws.all("SELECT value FROM meta WHERE key = 'focal_format'")
    format = rows[0]?.value as string | undefined
  } catch {
    format = undefined
  }
  if (format === undefined) {
    fail('WORKSPACE_INVALID', `${basename(ws.path)} is a DuckDB file but not a Focal workspace.`)
  }
  if (Number(format) > WORKSPACE_FORMAT) {
    fail(
      'WORKSPACE_INVALID',
      `${basename(ws.path)} was written by a newer Focal (format ${format}).`,
      {
        hint: 'Update Focal to open it.',
      },
    )
  }
}
