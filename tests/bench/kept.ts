/**
 * The databases the import phase leaves behind for the later parts: the Focal
 * workspace and the plain DuckDB table of one format and row count, kept in
 * .bench/workspace/ with a manifest written last. `--only pivots|pack` reuses
 * them when the manifest matches (same rows, format and generator version),
 * so one part can be rerun without importing again.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Format } from './loads'
import { removeDatabase } from './loads'
import { GENERATOR_VERSION } from './synthetic'

/** A kept pair of databases. */
export interface Kept {
  rows: number
  format: Format
  /** The Focal workspace (.focal) the import wrote. */
  focal: string
  /** The plain DuckDB table `t` of the same file. */
  plain: string
  keptAt: string
  /** True when found from an earlier run, false when this run's import just made it. */
  reused: boolean
}

interface Manifest {
  generatorVersion: number
  rows: number
  format: Format
  keptAt: string
}

function paths(benchDir: string, rows: number, format: Format) {
  const base = join(benchDir, 'workspace', `${format}-${rows}`)
  return { focal: `${base}.focal`, plain: `${base}.duckdb`, manifest: `${base}.json` }
}

/** The kept databases for `rows` and `format`, or null when there are none (or they do not match). */
export function findKept(benchDir: string, rows: number, format: Format): Kept | null {
  const p = paths(benchDir, rows, format)
  if (!existsSync(p.manifest) || !existsSync(p.focal) || !existsSync(p.plain)) return null
  const m = JSON.parse(readFileSync(p.manifest, 'utf8')) as Manifest
  if (m.generatorVersion !== GENERATOR_VERSION || m.rows !== rows || m.format !== format)
    return null
  return { rows, format, focal: p.focal, plain: p.plain, keptAt: m.keptAt, reused: true }
}

/** Moves a freshly imported workspace and plain database into the keep folder, replacing older ones. */
export function keep(
  benchDir: string,
  rows: number,
  format: Format,
  from: { focal: string; plain: string },
): Kept {
  const p = paths(benchDir, rows, format)
  mkdirSync(join(benchDir, 'workspace'), { recursive: true })
  rmSync(p.manifest, { force: true })
  for (const [source, target] of [
    [from.focal, p.focal],
    [from.plain, p.plain],
  ] as const) {
    removeDatabase(target)
    renameSync(source, target)
    if (existsSync(`${source}.wal`)) renameSync(`${source}.wal`, `${target}.wal`)
  }
  const keptAt = new Date().toISOString()
  const manifest: Manifest = { generatorVersion: GENERATOR_VERSION, rows, format, keptAt }
  writeFileSync(p.manifest, JSON.stringify(manifest, null, 2))
  return { rows, format, focal: p.focal, plain: p.plain, keptAt, reused: false }
}
