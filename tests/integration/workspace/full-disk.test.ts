/**
 * A full disk during import (issue 11, "Crash-safe"): the workspace lives on a
 * real size-limited file system (a 12 MB tmpfs) and the source outside it, so
 * only the workspace's own writes fill it. The import fails as DISK_FULL naming
 * the file, the attempt is recorded as failed, the workspace keeps exactly the
 * totals it had and stays usable in the same session, and nothing is left beside
 * it (no WAL, no DuckDB spill folder `<workspace>.tmp`, no gate folder).
 * Mounting needs root (as in CI); elsewhere (a developer's Mac) the suite is skipped.
 */
import { execFileSync } from 'node:child_process'
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { FocalFailure, type FocalError } from '../../../shared/contract'
import { importFile } from '../../../electron/core/ingest/import-file'
import { listImports } from '../../../electron/core/workspace/imports-registry'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { ROOT, tempDir } from '../../helpers/paths'
import { storedTotals } from '../../helpers/workspace'

const DEMO = join(ROOT, 'resources/demo/focus-sample.csv')
const MOUNTS: string[] = []

/** A new 12 MB tmpfs, or null when this process may not mount one. */
function smallDisk(): string | null {
  if (process.getuid?.() !== 0) return null
  const dir = join(tempDir(), 'disk')
  mkdirSync(dir)
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=12m', 'tmpfs', dir], { stdio: 'ignore' })
  } catch {
    return null
  }
  MOUNTS.push(dir)
  return dir
}

const probe = smallDisk()
const canMount = probe !== null

afterAll(() => {
  for (const dir of MOUNTS.splice(0)) execFileSync('umount', ['-l', dir])
})

/** The demo rows repeated `copies` times, as CSV text. */
function demoRows(copies: number): string {
  const [header, ...rows] = readFileSync(DEMO, 'utf8').trimEnd().split('\n')
  return `${header}\n${`${rows.join('\n')}\n`.repeat(copies)}`
}

/** A big CSV written outside the small disk. */
function bigCsv(dir: string, copies: number): string {
  const path = join(dir, 'big.csv')
  const fd = openSync(path, 'w')
  writeSync(fd, demoRows(copies))
  closeSync(fd)
  return path
}

/** A workspace on the small disk holding the demo file's 1000 rows. */
async function workspaceOnSmallDisk(disk: string): Promise<Workspace> {
  const ws = await Workspace.open(join(disk, 'client.focal'), { create: true })
  const first = await importFile(ws, DEMO)
  expect(first.status).toBe('imported')
  return ws
}

describe.skipIf(!canMount)('an import that fills the disk (needs root to mount a tmpfs)', () => {
  it('fails at the checkpoint as DISK_FULL, and the workspace is unchanged and still usable', async () => {
    const disk = probe!
    const ws = await workspaceOnSmallDisk(disk)
    const before = await storedTotals(ws)
    expect(before.USD?.rows).toBe(1000)
    // Gzip keeps the gate folder's copy small (about 1 MB); its 60,000 rows need far more than is left.
    const source = join(tempDir(), 'many.csv.gz')
    writeFileSync(source, gzipSync(demoRows(60)))

    const record = await importFile(ws, source)
    expect(record.status).toBe('failed')
    expect(record.error?.code).toBe('DISK_FULL')
    expect(record.error?.message).toContain('many.csv.gz')
    expect(record.error?.message).toContain('disk holding the workspace is full')
    expect(record.error?.hint).toMatch(/^Free space on that disk/)
    expect(record.error?.message).not.toContain(disk)

    // The same session goes on: exactly the old totals, the attempt recorded as failed, in the audit log too.
    expect(await storedTotals(ws)).toEqual(before)
    expect((await listImports(ws)).map((i) => [i.fileName, i.status])).toEqual([
      ['many.csv.gz', 'failed'],
      ['focus-sample.csv', 'imported'],
    ])
    const [logged] = await ws.all(
      "SELECT details FROM audit_log WHERE action = 'import.failed' AND subject = 'many.csv.gz'",
    )
    expect(String(logged?.details)).toContain('DISK_FULL')
    await ws.close()

    expect(readdirSync(disk)).toEqual(['client.focal'])
    const reopened = await Workspace.open(join(disk, 'client.focal'))
    expect(await storedTotals(reopened)).toEqual(before)
    expect((await listImports(reopened)).map((i) => i.status)).toEqual(['failed', 'imported'])
    await reopened.close()
  }, 300_000)

  it('fails as DISK_FULL when the source cannot even be copied beside the workspace', async () => {
    const disk = smallDisk()
    expect(disk).not.toBeNull()
    const ws = await workspaceOnSmallDisk(disk!)
    const before = await storedTotals(ws)
    // Another disk: the gate folder copies the file, and 15 MB does not fit.
    const record = await importFile(ws, bigCsv(tempDir(), 20))
    expect(record.status).toBe('failed')
    expect(record.error?.code).toBe('DISK_FULL')
    expect(record.error?.message).toMatch(/^big\.csv was not imported: the disk holding/)
    expect(await storedTotals(ws)).toEqual(before)
    // Still usable: a write goes through (the demo file again is recorded as a duplicate).
    expect((await importFile(ws, DEMO)).status).toBe('duplicate')
    await ws.close()
    expect(readdirSync(disk!)).toEqual(['client.focal'])
  }, 300_000)

  it('fails as DISK_FULL at the WAL when not even the attempt fits, and goes on once space is freed', async () => {
    const disk = smallDisk()
    expect(disk).not.toBeNull()
    const ws = await workspaceOnSmallDisk(disk!)
    const before = await storedTotals(ws)
    const source = join(tempDir(), 'some.csv.gz')
    // The demo's first 500 rows: not a duplicate of the first import, an overlap kept beside it.
    writeFileSync(source, gzipSync(`${demoRows(1).split('\n').slice(0, 501).join('\n')}\n`))
    // Every byte taken: the commit of the attempt's "running" row cannot write the WAL.
    const filler = join(disk!, 'filler')
    const free = Number(
      execFileSync('df', ['-k', '--output=avail', disk!]).toString().split('\n')[1],
    )
    writeFileSync(filler, Buffer.alloc(free * 1024))

    const failure = await importFile(ws, source).then(
      () => null,
      (cause: unknown) => (cause instanceof FocalFailure ? cause.error : cause),
    )
    expect(failure).toMatchObject({ code: 'DISK_FULL', location: { file: 'some.csv.gz' } })
    expect((failure as FocalError).message).toMatch(/^some\.csv\.gz was not imported: the disk/)
    expect(await storedTotals(ws)).toEqual(before)
    expect((await listImports(ws)).map((i) => i.status)).toEqual(['imported'])

    // Space freed: the same session imports the file.
    rmSync(filler)
    const record = await importFile(ws, source, { onOverlap: 'keep-both' })
    expect(record.error ?? null).toBeNull()
    expect(record.status).toBe('imported')
    expect((await storedTotals(ws)).USD?.rows).toBe(1500)
    await ws.close()
    expect(readdirSync(disk!)).toEqual(['client.focal'])
  }, 300_000)
})
