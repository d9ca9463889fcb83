/**
 * Save As and `focal copy` (issue 11, "a consultant can carry"): the workspace copied whole
 * into a new file. The writer queue is held while DuckDB checkpoints (folding the .wal into
 * the file) and the file is copied, so no write lands between the two. Both files say it in
 * their audit chains: `workspace.saveAs` in the original, `workspace.copiedFrom` in the
 * copy with the source's name and the hash of its last entry, which links the copy's
 * chain to the original's.
 */
import { constants, copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { fail } from '../../../shared/contract'
import { LAST_ENTRY_SQL } from '../audit/audit-sql'
import { Workspace } from '../workspace/workspace'

/** What a copy records of its source. */
export interface CopiedFrom {
  /** The copy's display name. */
  copy: string
  /** The source's display name. */
  source: string
  /** The source's last audit entry when copied (its `workspace.saveAs`), or null for an empty log. */
  sourceHead: { seq: number; hash: string } | null
  /** False when the source was a read-only snapshot, so its own log could not say it was copied. */
  sourceAudited: boolean
}

/** Copies the open workspace `ws` to `dest` (a new file; an existing one is refused). */
export async function copyWorkspace(ws: Workspace, dest: string): Promise<CopiedFrom> {
  const copy = basename(dest).replace(/\.focal$/i, '')
  const head = await ws.exclusive(async () => {
    if (existsSync(dest))
      fail('BAD_REQUEST', `A workspace named ${copy} already exists.`, {
        hint: 'Choose another name, or open that workspace instead.',
      })
    // A read-only snapshot (another Focal holds the file) is already whole and cannot be written.
    if (!ws.readOnly) {
      await ws.audit('workspace.saveAs', ws.name, { copy })
      // DuckDB refuses a checkpoint while a reader (a pivot) has a transaction open; the .wal
      // is then copied beside the file, which stays consistent with it: the writer is ours.
      await ws.run('CHECKPOINT').catch(() => undefined)
    }
    const [last] = await ws.all(LAST_ENTRY_SQL)
    const wal = `${ws.path}.wal`
    const partial = `${dest}.partial`
    try {
      copyFileSync(ws.path, partial, constants.COPYFILE_EXCL)
      if (existsSync(wal) && statSync(wal).size > 0) copyFileSync(wal, `${dest}.wal`)
      renameSync(partial, dest)
    } catch (cause) {
      rmSync(partial, { force: true })
      rmSync(`${dest}.wal`, { force: true })
      throw cause
    }
    return last && last.seq !== null ? { seq: Number(last.seq), hash: String(last.hash) } : null
  })
  const record: CopiedFrom = {
    copy,
    source: ws.name,
    sourceHead: head,
    sourceAudited: !ws.readOnly,
  }
  const copied = await Workspace.open(dest)
  try {
    await copied.audit('workspace.copiedFrom', copy, {
      source: record.source,
      sourceHead: record.sourceHead,
      sourceAudited: record.sourceAudited,
    })
  } finally {
    await copied.close()
  }
  return record
}
