/**
 * The only folder DuckDB may touch outside the workspace file (DESIGN.md,
 * Workspace: "DuckDB's file access is limited to the file being imported").
 *
 * A workspace is data from someone else, so its SQL must not reach local
 * files. DuckDB's `allowed_directories` and `enable_external_access` are fixed
 * when the database opens, so each open workspace gets one private folder
 * (mode 0700) and is allowed that folder alone. A file Focal reads with DuckDB
 * (an import, a mapping CSV) is admitted into it for that read only — a hard
 * link, so no bytes are copied, or a copy when the file lives on another disk —
 * and a file DuckDB writes (a report's Parquet) is written there and then moved
 * to the folder the user chose. Every other path DuckDB is asked for is refused
 * with "file system operations are disabled by configuration".
 */
import { randomBytes } from 'node:crypto'
import { constants, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { copyFile, link, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Names this process gave admitted files (a counter keeps them unique). */
let admitted = 0

/** A file DuckDB may read until `release` is called. */
export interface AdmittedFile {
  /** The path to hand DuckDB (inside the gate folder). */
  readonly path: string
  /** Removes the admitted copy or link; the original is never touched. */
  release(): Promise<void>
}

/** A file DuckDB writes inside the gate, moved to its destination by `commit`. */
export interface GatedOutput {
  /** The path to hand DuckDB's COPY ... TO. */
  readonly path: string
  /** Moves the written file to its destination. */
  commit(): Promise<void>
  /** Deletes the written file when the export failed. */
  discard(): Promise<void>
}

/** The prefix of gate folders, `<prefix><pid>-<random>`, so a later run can tell whose a folder was. */
const PREFIX = '.focal-files-'

/** One open workspace's gate folder. */
export class FileGate {
  private constructor(readonly dir: string) {}

  /**
   * Makes the gate folder beside the workspace file (so admitting an import
   * from the same disk is a hard link, not a copy) and removes gate folders
   * that processes no longer running left there.
   */
  static create(workspacePath: string): FileGate {
    const parent = dirname(workspacePath)
    removeStaleFolders(parent, PREFIX)
    return new FileGate(mkdtempSync(join(parent, `${PREFIX}${process.pid}-`)))
  }

  /** Lets DuckDB read `path` (under a name that keeps its extension, which DuckDB reads compression from). */
  async admit(path: string): Promise<AdmittedFile> {
    const target = join(this.dir, uniqueName(path))
    try {
      await link(path, target)
    } catch {
      // Another disk, or a file system without hard links: a copy (a reflink where the disk can).
      await copyFile(path, target, constants.COPYFILE_FICLONE)
    }
    return { path: target, release: () => rm(target, { force: true }) }
  }

  /** A place for DuckDB to write `destination`. */
  output(destination: string): GatedOutput {
    const target = join(this.dir, uniqueName(destination))
    return {
      path: target,
      commit: async () => {
        try {
          await rename(target, destination)
        } catch {
          await copyFile(target, destination)
          await rm(target, { force: true })
        }
      },
      discard: () => rm(target, { force: true }),
    }
  }

  /** Removes the folder and whatever is still admitted. */
  close(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

function uniqueName(path: string): string {
  admitted += 1
  return `${admitted}-${randomBytes(4).toString('hex')}-${basename(path)}`
}

/**
 * Removes the folders in `parent` named `<prefix><pid>-…` whose process is no
 * longer running: what a killed Focal left (gate folders, ZIP extractions).
 */
export function removeStaleFolders(parent: string, prefix: string): void {
  let names: string[]
  try {
    names = readdirSync(parent)
  } catch {
    return
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) ? /^(\d+)-/.exec(name.slice(prefix.length))?.[1] : undefined
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue
    rmSync(join(parent, name), { recursive: true, force: true })
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (cause) {
    // EPERM: the process exists but belongs to someone else.
    return (cause as NodeJS.ErrnoException).code === 'EPERM'
  }
}
