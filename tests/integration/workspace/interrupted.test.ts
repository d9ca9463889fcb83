/**
 * An import killed mid-way (SIGKILL of the real `focal import`) leaves its
 * trace: `focal imports` and the next open show it as interrupted, the audit
 * log says so, no row of it is stored, and the blocks it wrote are given back.
 */
import { spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listImports } from '../../../electron/core/workspace/imports-registry'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { ROOT, tempDir } from '../../helpers/paths'

const DEMO = join(ROOT, 'resources/demo/focus-sample.csv')
const FOCAL = join(ROOT, 'bin/focal.js')

/** The demo rows repeated: about 75 MB, so the insert writes blocks for seconds. */
function bigCsv(dir: string): string {
  const [header, ...rows] = readFileSync(DEMO, 'utf8').trimEnd().split('\n')
  const path = join(dir, 'big.csv')
  const fd = openSync(path, 'w')
  writeSync(fd, `${header}\n`)
  const body = `${rows.join('\n')}\n`
  for (let i = 0; i < 100; i += 1) writeSync(fd, body)
  closeSync(fd)
  return path
}

const sizeOf = (path: string): number => {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

/** Starts `focal import` and kills it (SIGKILL) once the workspace file has grown past `bytes`. */
async function killMidImport(workspace: string, file: string, bytes: number): Promise<number> {
  const child = spawn(process.execPath, [FOCAL, 'import', '-w', workspace, file], {
    stdio: 'ignore',
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const deadline = Date.now() + 120_000
  while (sizeOf(workspace) <= bytes) {
    if (child.exitCode !== null) throw new Error('the import ended before it could be killed')
    if (Date.now() > deadline) throw new Error('the workspace never grew')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  child.kill('SIGKILL')
  await exited
  return sizeOf(workspace)
}

async function run(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [FOCAL, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  await new Promise((resolve) => child.on('exit', resolve))
  return out
}

describe('an interrupted import', () => {
  it('is recorded, shown as interrupted, stores nothing, and its blocks are given back', async () => {
    const dir = tempDir()
    // An empty workspace of this format: what the killed one must shrink back to.
    const blank = await Workspace.open(join(dir, 'blank.focal'), { create: true })
    await blank.close()
    const emptySize = sizeOf(blank.path)
    const workspace = join(dir, 'killed.focal')
    const file = bigCsv(dir)
    const killedSize = await killMidImport(workspace, file, emptySize + 8_000_000)
    expect(killedSize).toBeGreaterThan(emptySize + 8_000_000)

    // focal imports opens read-only: the attempt is there, and said to be interrupted.
    const listed = JSON.parse(await run(['imports', '-w', workspace, '--json'])) as {
      imports: Array<{ fileName: string; status: string }>
    }
    expect(listed.imports.map((i) => [i.fileName, i.status])).toEqual([['big.csv', 'interrupted']])

    const ws = await Workspace.open(workspace)
    try {
      const [record] = await listImports(ws)
      expect(record).toMatchObject({ fileName: 'big.csv', status: 'interrupted', rowCount: 0 })
      expect(record?.error?.message).toContain('big.csv was interrupted')
      expect(record?.finishedAt).not.toBeNull()
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM cost_rows')).toEqual([{ n: 0 }])
      const audit = await ws.all(
        "SELECT subject FROM audit_log WHERE action = 'import.interrupted'",
      )
      expect(audit).toEqual([{ subject: 'big.csv' }])
    } finally {
      await ws.close()
    }
    // The 8 MB and more the killed insert wrote are gone: the file is back to an empty
    // workspace's size and the few blocks the import record, its audit entry and the
    // rewritten catalog take (about 2 MB).
    expect(sizeOf(workspace)).toBeLessThan(emptySize + 3_000_000)
  }, 180_000)
})
