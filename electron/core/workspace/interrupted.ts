/**
 * Recovery of imports a killed process left behind. The attempt was committed
 * as "running" before any work (imports-registry beginAttempt); its rows never
 * were. DuckDB writes a big insert's row groups into the file before commit
 * (optimistic writes), so a kill leaves those blocks past the last block the
 * database uses: tens of MB that no checkpoint gives back.
 */
import { statSync, truncateSync } from 'node:fs'
import { settlePendingFingerprints } from '../ingest/pending-fingerprints'
import type { Workspace } from './workspace'

/**
 * DuckDB's single-file layout: three 4 KiB headers, then blocks numbered from 0
 * (duckdb/src/storage/single_file_block_manager.cpp, BLOCK_START).
 */
const HEADERS_BYTES = 3 * 4096

/**
 * Marks every attempt still "running" as interrupted (registry and audit log)
 * and checkpoints. Returns the byte length the file needs when it holds unused
 * blocks past its end, else null.
 */
export async function markInterrupted(ws: Workspace): Promise<number | null> {
  // An import stopped between its commit and its fingerprints (ingest/pending-fingerprints.ts).
  await settlePendingFingerprints(ws)
  const running = await ws.all("SELECT id, file_name FROM imports WHERE status = 'running'")
  if (running.length === 0) return null
  await ws.transaction(async () => {
    for (const row of running) {
      const fileName = String(row.file_name)
      const error = {
        code: 'CANCELLED',
        message: `Import of ${fileName} was interrupted: Focal stopped before it finished, and nothing of it was stored.`,
        hint: 'Import the file again.',
        location: { file: fileName },
      }
      await ws.run(
        "UPDATE imports SET status = 'interrupted', finished_at = now(), error = $2 WHERE id = $1",
        [Number(row.id), JSON.stringify(error)],
      )
      await ws.audit('import.interrupted', fileName, { importId: Number(row.id), error })
    }
  })
  await ws.run('CHECKPOINT')
  const [size] = await ws.all(
    'SELECT total_blocks::BIGINT AS blocks, block_size::BIGINT AS block FROM pragma_database_size()',
  )
  const needed = HEADERS_BYTES + Number(size?.blocks) * Number(size?.block)
  const actual = statSync(ws.path).size
  // Only a whole number of blocks past the end is trimmed; anything else is left as it is.
  const whole = (actual - HEADERS_BYTES) % Number(size?.block) === 0
  return Number.isFinite(needed) && needed < actual && whole ? needed : null
}

/** Cuts the unused blocks off the end of a closed workspace file. */
export function trimUnusedTail(path: string, bytes: number): void {
  truncateSync(path, bytes)
}
