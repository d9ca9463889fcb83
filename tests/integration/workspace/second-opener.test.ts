/**
 * A workspace another process holds for writing (issue 11): a read-only open, the app's open
 * and the CLI get a read-only snapshot with a message, never a lock error or a corrupt file;
 * the holder's file is not changed, a write to the snapshot is refused, and the snapshot's
 * copy is gone once it closes. The holder is a real second process with the file open in
 * DuckDB for writing, a committed change still in its .wal.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { Workspace } from '../../../electron/core/workspace/workspace'
import type { FocalFailure } from '../../../shared/contract'
import { focal } from '../../helpers/cli'
import { ROOT, sample } from '../../helpers/paths'
import { freshWorkspace, storedTotals } from '../../helpers/workspace'
import { demoServices } from '../services/support'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')

let holder: ChildProcess | null = null
afterEach(() => {
  holder?.kill('SIGKILL')
  holder = null
})

/**
 * Opens `path` for writing in another process, commits one change the main file does not
 * have yet (it stays in the .wal: no checkpoint), and keeps holding it.
 */
async function holdInAnotherProcess(path: string): Promise<number> {
  const script = `
    const { DuckDBInstance } = require('@duckdb/node-api')
    ;(async () => {
      const db = await DuckDBInstance.create(${JSON.stringify(path)})
      const c = await db.connect()
      await c.run("SET checkpoint_threshold = '1GB'")
      await c.run("INSERT INTO meta VALUES ('held_note', 'committed by the holder')")
      process.stdout.write('holding\\n')
      setInterval(() => {}, 1000)
    })().catch((e) => { console.error(e); process.exit(1) })`
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: 'pipe' })
  holder = child
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => (String(d).includes('holding') ? resolve() : null))
    child.on('exit', (code) => reject(new Error(`the holder exited with ${code}`)))
  })
  return child.pid!
}

const digest = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex')

async function importedWorkspace(name: string): Promise<{ path: string; totals: unknown }> {
  const ws = await freshWorkspace(name)
  expect((await importFile(ws, SAMPLE)).status).toBe('imported')
  const totals = await storedTotals(ws)
  await ws.close()
  return { path: ws.path, totals }
}

describe('a workspace another process holds', () => {
  it('opens read-only as a snapshot with its committed changes, refuses writes, leaves the held file alone and removes its copy', async () => {
    const { path, totals } = await importedWorkspace('held')
    const pid = await holdInAnotherProcess(path)
    const before = digest(path)

    const ws = await Workspace.open(path, { readOnly: true })
    expect(ws.snapshot?.message).toMatch(
      new RegExp(
        `^held\\.focal is open for writing in another Focal window or command \\(process ${pid}\\): opened read-only, as a snapshot of \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\.`,
      ),
    )
    expect([ws.readOnly, ws.name, ws.snapshot?.heldBy]).toEqual([true, 'held', pid])
    expect(await storedTotals(ws)).toEqual(totals)
    // The holder's committed change, still only in its .wal, is in the snapshot.
    const [note] = await ws.all("SELECT value FROM meta WHERE key = 'held_note'")
    expect(note?.value).toBe('committed by the holder')
    const write = await ws.run("INSERT INTO meta VALUES ('x', 'y')").catch((e: unknown) => e)
    expect((write as FocalFailure).error).toMatchObject({
      code: 'WORKSPACE_LOCKED',
      message: `Nothing was changed: ${ws.snapshot?.message}`,
    })
    const copyDir = dirname(ws.path)
    expect(copyDir).not.toBe(dirname(path))
    await ws.close()
    expect(existsSync(copyDir)).toBe(false)
    expect(digest(path)).toBe(before)

    // A writable open is still refused by default; the app's open asks for a snapshot.
    const refused = await Workspace.open(path).catch((cause: unknown) => cause)
    expect((refused as FocalFailure).error.code).toBe('WORKSPACE_LOCKED')
    const app = await Workspace.open(path, { whenLocked: 'snapshot' })
    expect(app.readOnly).toBe(true)
    await app.close()

    holder?.kill('SIGKILL')
    await new Promise((resolve) => holder?.once('exit', resolve))
    holder = null
    const again = await Workspace.open(path)
    expect([again.snapshot, again.readOnly]).toEqual([null, false])
    expect(await storedTotals(again)).toEqual(totals)
    await again.close()
  })

  it('in the app: workspace:open gives the snapshot with its sentence; a change (an FX rates import) is refused saying why', async () => {
    const { services, dataDir } = await demoServices()
    try {
      await services['workspace:create']({ name: 'shared' })
      await services['workspace:close']({})
      const path = join(dataDir, 'workspaces', 'shared.focal')
      await holdInAnotherProcess(path)
      const info = await services['workspace:open']({ name: 'shared' })
      expect(info.readOnlySnapshot).toMatch(
        /^shared\.focal is open for writing in another Focal window or command \(process \d+\): opened read-only/,
      )
      expect(info.rowCount).toBe(0)
      const fx = await services['fx:import']({
        fileName: 'rates.csv',
        text: 'month,from,to,rate,source\n2024-09,USD,EUR,0.9012,Treasury\n',
      }).catch((cause: unknown) => cause)
      expect((fx as FocalFailure).error.message).toMatch(
        /^Nothing was changed: shared\.focal is open for writing/,
      )
      expect((await services['fx:list']({})).imports).toEqual([])
    } finally {
      await services.close()
    }
  })

  it('the CLI reads it from a snapshot and says so on stderr, the output unchanged', async () => {
    const { path } = await importedWorkspace('cli')
    await holdInAnotherProcess(path)
    const result = await focal('imports', '-w', path, '--json')
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/^Note: cli\.focal is open for writing in another Focal window/)
    expect(JSON.parse(result.stdout)).toMatchObject({ imports: [{ status: 'imported' }] })
  })
})
