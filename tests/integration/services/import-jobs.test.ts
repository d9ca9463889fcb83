/**
 * Import jobs under overlap, as two browser tabs make them: two imports started
 * together, a rule save while an import runs, and closing the workspace in the
 * middle of one. Every job ends (never stuck at "running"), every committed
 * change is whole, and the registry agrees with the rows.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import type { ImportJob } from '../../../shared/contract'
import { tempDir } from '../../helpers/paths'
import { DEMO, demoServices } from './support'

let services: FocalServices
let dir: string

beforeEach(async () => {
  services = (await demoServices()).services
  dir = tempDir()
})
afterEach(() => services.close())

/** The demo rows repeated `copies` times: a file big enough for imports to overlap. */
function bigFile(name: string, copies: number): { path: string; rows: number } {
  const [header, ...rows] = readFileSync(DEMO, 'utf8').trimEnd().split('\n')
  const body = Array.from({ length: copies }, () => rows.join('\n')).join('\n')
  const path = join(dir, name)
  writeFileSync(path, `${header}\n${body}\n`)
  return { path, rows: rows.length * copies }
}

async function stage(file: { path: string }, name: string): Promise<string> {
  return (await services.stageFile(file.path, name)).token
}

function jobEnd(jobId: string): Promise<ImportJob> {
  return new Promise((resolve) => {
    const take = (job: ImportJob): void => {
      if (job.jobId !== jobId || job.state === 'running') return
      stop()
      resolve(job)
    }
    const stop = services.onEvent((event, payload) => {
      if (event === 'import:progress') take(payload as ImportJob)
    })
    void services['import:status']({ jobId }).then(take)
  })
}

describe('import jobs', () => {
  it('imports two overlapping jobs and saves rules meanwhile: every change whole, nothing stuck', async () => {
    await services['workspace:create']({ name: 'overlap' })
    const a = bigFile('a.csv', 30)
    const b = bigFile('b.csv', 31)
    const [tokenA, tokenB] = [await stage(a, 'a.csv'), await stage(b, 'b.csv')]
    const first = await services['import:start']({ files: [tokenA] })
    // b repeats a's rows in a's billing scopes: counted beside a only because the request says so.
    const second = await services['import:start']({ files: [tokenB], onOverlap: 'keep-both' })
    const example = await services['allocation:example']({})
    const saved = await services['allocation:save']({ ruleSet: example.ruleSet, note: 'during' })
    expect(saved.created).toBe(true)
    const jobs = await Promise.all([jobEnd(first.jobId), jobEnd(second.jobId)])
    expect(jobs.map((j) => [j.state, j.results[0]?.record?.status, j.results[0]?.error])).toEqual([
      ['done', 'imported', null],
      ['done', 'imported', null],
    ])
    const imports = await services['imports:list']({})
    expect(imports.map((i) => [i.fileName, i.status, i.rowCount]).sort()).toEqual([
      ['a.csv', 'imported', a.rows],
      ['b.csv', 'imported', b.rows],
    ])
    expect(imports.find((i) => i.fileName === 'b.csv')?.keptBeside).toEqual([
      imports.find((i) => i.fileName === 'a.csv')?.id,
    ])
    expect((await services['workspace:info']({}))?.rowCount).toBe(a.rows + b.rows)
    expect((await services['allocation:get']({})).versions.map((v) => v.note)).toEqual(['during'])
  })

  it('closing the workspace during an import ends the job, and the workspace opens whole', async () => {
    await services['workspace:create']({ name: 'closing' })
    const a = bigFile('a.csv', 40)
    const job = await services['import:start']({ files: [await stage(a, 'a.csv')] })
    await new Promise((resolve) => setTimeout(resolve, 150))
    await services['workspace:close']({})
    const ended = await jobEnd(job.jobId)
    expect(ended.state).not.toBe('running')
    await services['workspace:open']({ name: 'closing' })
    const imports = await services['imports:list']({})
    const rows = (await services['workspace:info']({}))?.rowCount
    // All of the file or none of it, and the registry says which.
    if (imports.some((i) => i.status === 'imported')) expect(rows).toBe(a.rows)
    else expect(rows).toBe(0)
  })

  it('opening the workspace that is already open (a second tab) leaves its running import alone', async () => {
    await services['workspace:create']({ name: 'twice' })
    const a = bigFile('a.csv', 30)
    const job = await services['import:start']({ files: [await stage(a, 'a.csv')] })
    await new Promise((resolve) => setTimeout(resolve, 300))
    await services['workspace:open']({ name: 'twice' })
    const ended = await jobEnd(job.jobId)
    expect([ended.state, ended.results[0]?.record?.status]).toEqual(['done', 'imported'])
    const imports = await services['imports:list']({})
    expect(imports.map((i) => [i.fileName, i.status, i.rowCount])).toEqual([
      ['a.csv', 'imported', a.rows],
    ])
    expect((await services['workspace:info']({}))?.rowCount).toBe(a.rows)
  })
})
