/** `focal copy` and `focal diagnostics`: carrying a workspace, and what to send when asking for help (electron/core/carry). */
import { existsSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { copyWorkspace } from '../core/carry/copy-workspace'
import { diagnosticsZip, gatherDiagnostics } from '../core/carry/diagnostics'
import { Workspace } from '../core/workspace/workspace'
import { parseCommand, usageError, WORKSPACE_OPTIONS } from './usage'

/** Help text of `focal copy`. */
export const COPY_HELP = `focal copy -w <workspace.focal> --out <copy.focal> [--json]
      Save As: the workspace copied whole into a new file (an existing one is refused),
      recorded in both audit chains (workspace.saveAs in the original, workspace.copiedFrom
      in the copy, with the original's name and last audit hash).`

/** Help text of `focal diagnostics`. */
export const DIAGNOSTICS_HELP = `focal diagnostics --out <file.zip> [-w <workspace.focal>] [--logs <folder>] [--json]
      What to send when asking for help, without client data: versions of Focal, Node,
      DuckDB and the OS, CPUs and memory, the workspace's format, row and import counts
      and size (no names, no values), and the local log's files from --logs (the app's
      data folder's logs folder).`

/** Runs `focal copy`; `argv` is everything after `copy`. Exit 0, 1 refused, 2 usage. */
export async function runCopyCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      ...WORKSPACE_OPTIONS,
      out: { type: 'string' },
    },
    COPY_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  if (positionals.length > 0) return usageError('focal copy takes no arguments.', COPY_HELP)
  if (!values.workspace) return usageError('focal copy needs -w <workspace.focal>.', COPY_HELP)
  if (!values.out || !values.out.endsWith('.focal'))
    return usageError('focal copy needs --out <copy.focal>.', COPY_HELP)
  // A workspace the app holds is copied from a snapshot, which is already whole.
  const ws = await Workspace.open(resolve(values.workspace), { whenLocked: 'snapshot' })
  try {
    const copied = await copyWorkspace(ws, resolve(values.out))
    console.log(
      values.json
        ? JSON.stringify({ ok: true, ...copied, out: basename(values.out) }, null, 2)
        : `Copied ${copied.source} to ${basename(values.out)}${copied.sourceAudited ? '' : ' (the original was held by another Focal: only the copy records it)'}.`,
    )
    return 0
  } finally {
    await ws.close()
  }
}

/** Runs `focal diagnostics`; `argv` is everything after `diagnostics`. Exit 0, 1 refused, 2 usage. */
export async function runDiagnosticsCommand(argv: string[], version: string): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      ...WORKSPACE_OPTIONS,
      out: { type: 'string' },
      logs: { type: 'string' },
    },
    DIAGNOSTICS_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  if (positionals.length > 0)
    return usageError('focal diagnostics takes no arguments.', DIAGNOSTICS_HELP)
  if (!values.out || !values.out.endsWith('.zip'))
    return usageError('focal diagnostics needs --out <file.zip>.', DIAGNOSTICS_HELP)
  if (existsSync(values.out))
    return usageError(`${basename(values.out)} exists; choose another name.`, DIAGNOSTICS_HELP)
  const logDir = values.logs ? resolve(values.logs) : null
  if (logDir && !existsSync(join(logDir)))
    return usageError(`No folder ${basename(logDir)}.`, DIAGNOSTICS_HELP)
  const ws = values.workspace
    ? await Workspace.open(resolve(values.workspace), { readOnly: true })
    : null
  try {
    const facts = await gatherDiagnostics(ws, { version, host: 'cli', logDir })
    writeFileSync(values.out, await diagnosticsZip(facts, logDir), { flag: 'wx' })
    console.log(
      values.json
        ? JSON.stringify({ ok: true, out: basename(values.out), ...facts }, null, 2)
        : `Wrote ${basename(values.out)}: versions, counts and logs, no client data.`,
    )
    return 0
  } finally {
    await ws?.close()
  }
}
