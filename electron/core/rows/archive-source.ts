/**
 * The source of a file imported from a ZIP (`<archive>.zip/<inner path>`): the import record
 * holds the inner file's SHA-256, the audit log the archive's own (import-archive.ts). The
 * archive is found by its SHA-256, the inner file re-read by name, and its own SHA-256 must
 * match the import's before a line of it is shown.
 */
import { rm } from 'node:fs/promises'
import { extractArchive } from '../ingest/zip-archive'
import { sha256File } from '../ingest/hash'
import type { Workspace } from '../workspace/workspace'
import type { SourceLinks } from './source-links'

/** The archive display name and inner path of a ZIP member's import name, or null for a plain file. */
export function archiveMember(fileName: string): { archive: string; inner: string } | null {
  const at = fileName.toLowerCase().indexOf('.zip/')
  return at < 0 ? null : { archive: fileName.slice(0, at + 4), inner: fileName.slice(at + 5) }
}

/** The archive's identity as the audit log recorded it for the import `importId`. */
export async function archiveOf(
  ws: Workspace,
  importId: number,
): Promise<{ sha256: string; sizeBytes: number } | null> {
  const rows = await ws.all(
    "SELECT details FROM audit_log WHERE action = 'import.archive' ORDER BY logged_at DESC",
  )
  for (const row of rows) {
    const details = JSON.parse(String(row.details ?? '{}')) as {
      sha256?: string
      sizeBytes?: number
      importIds?: number[]
    }
    if (details.importIds?.includes(importId) && details.sha256 && details.sizeBytes !== undefined)
      return { sha256: details.sha256, sizeBytes: details.sizeBytes }
  }
  return null
}

/**
 * Runs `read` on the inner file extracted from the archive at hand, then removes it; null when
 * the archive is not at hand, or the inner file is missing or is not the one imported.
 */
export async function withArchiveMember<T>(
  ws: Workspace,
  importId: number,
  member: { archive: string; inner: string },
  innerSha256: string,
  links: SourceLinks,
  read: (path: string) => Promise<T>,
): Promise<T | null> {
  const archive = await archiveOf(ws, importId)
  if (!archive) return null
  const path = await links.find(archive.sha256, archive.sizeBytes)
  if (path === null) return null
  let dir: string | null = null
  try {
    const extracted = await extractArchive(path, member.archive, {
      onDir: (made) => {
        dir = made
      },
    })
    const file = extracted.files.find((f) => f.innerPath === member.inner)
    if (!file || (await sha256File(file.path)) !== innerSha256) return null
    return await read(file.path)
  } finally {
    if (dir !== null) await rm(dir, { recursive: true, force: true })
  }
}
