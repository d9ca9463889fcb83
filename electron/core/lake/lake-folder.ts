/**
 * The folder a lake export goes to. DuckDB writes only inside the workspace's gate
 * (file-gate.ts), and a partitioned COPY writes a folder tree, not one file, so the
 * tree is written in the gate and then moved entry by entry into the chosen folder
 * (a rename on the same disk, else a copy). The manifest moves last: a folder with a
 * manifest is a finished export.
 */
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, join, relative, sep } from 'node:path'
import { fail } from '../../../shared/contract'

/** The manifest's file name at the lake's root. */
export const LAKE_MANIFEST = '_focal_manifest.json'

/**
 * Checks the folder the lake goes to: missing or empty is fine; one holding an earlier
 * Focal lake export (its manifest) is replaced when `force`; anything else is refused,
 * even with `force`, so a mistyped --out never deletes files Focal did not write. Returns
 * the entries to replace: they are removed only once the new lake is written and checked
 * (moveLakeInto), so a failed export leaves the earlier one whole.
 */
export async function prepareLakeFolder(out: string, force: boolean): Promise<string[]> {
  const entries = await readdir(out).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code === 'ENOENT') return null
    if (cause.code === 'ENOTDIR')
      fail('BAD_REQUEST', `${basename(out)} is a file, not a folder.`, {
        hint: 'Give --out a new or empty folder.',
      })
    return fail('IO_ERROR', `Cannot read the folder ${basename(out)}.`)
  })
  if (entries === null || entries.length === 0) return []
  const earlier = entries.includes(LAKE_MANIFEST)
  if (!force || !earlier)
    fail(
      'BAD_REQUEST',
      `The folder ${basename(out)} is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}); nothing was written.`,
      {
        hint: earlier
          ? 'It holds an earlier lake export: add --force to replace it, or give --out a new folder.'
          : 'Give --out a new or empty folder (--force replaces only an earlier Focal lake export).',
      },
    )
  return entries
}

/**
 * Removes the earlier lake's `replaced` entries (its manifest first, so a half-replaced
 * folder never looks finished), then moves every entry of `from` (the tree DuckDB wrote
 * in the gate) into `out`, the manifest last.
 */
export async function moveLakeInto(
  from: string,
  out: string,
  replaced: readonly string[],
): Promise<void> {
  const order = [...replaced].sort(
    (a, b) => Number(b === LAKE_MANIFEST) - Number(a === LAKE_MANIFEST),
  )
  for (const entry of order) await rm(join(out, entry), { recursive: true, force: true })
  await mkdir(out, { recursive: true })
  const entries = (await readdir(from)).sort(
    (a, b) => Number(a === LAKE_MANIFEST) - Number(b === LAKE_MANIFEST),
  )
  for (const entry of entries) {
    const source = join(from, entry)
    const target = join(out, entry)
    try {
      await rename(source, target)
    } catch {
      // Another disk: a copy, then the gate's copy goes.
      await cp(source, target, { recursive: true })
      await rm(source, { recursive: true, force: true })
    }
  }
  await rm(from, { recursive: true, force: true })
}

/** Every file under `root`, as paths relative to it with "/" separators, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir)) {
      const path = join(dir, entry)
      if ((await stat(path)).isDirectory()) await walk(path)
      else found.push(relative(root, path).split(sep).join('/'))
    }
  }
  await walk(root)
  return found.sort()
}
