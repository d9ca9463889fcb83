/**
 * Sealed workspaces in the app (services-sealed.ts, through createServices as the hosts use
 * it): a sealed workspace is created, a file holding a marker imported into it and closed; the
 * sealed file changed, and the marker is nowhere in the data folder, the temp folder or the RAM
 * root. Reopened sealed it has the file's exact totals; a wrong passphrase and a second Focal
 * are refused with nothing written; switching to another workspace and stopping the services
 * encrypt it back too.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { createServices } from '../../../electron/core/services'
import { CHANNELS } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { tempDir } from '../../helpers/paths'
import { filesHolding, markedCsv, refusal } from '../crypto/fixture'
import { demoServices, importStaged } from './support'

const RAM = '/dev/shm'
const PASSPHRASE = 'sealed in the app 5'

const sessionFolders = (): string[] =>
  readdirSync(RAM).filter((name) => name.startsWith(`focal-sealed-${process.pid}-`))

/** Rows and BilledCost per currency, as What's loaded adds them up. */
async function billed(
  services: FocalServices,
): Promise<Record<string, { sum: string; rows: number }>> {
  const lines = CHANNELS['loaded:summary'].response.parse(await services['loaded:summary']({}))
  const out: Record<string, { sum: string; rows: number }> = {}
  for (const currency of new Set(lines.map((l) => l.currency ?? ''))) {
    const mine = lines.filter((l) => (l.currency ?? '') === currency)
    out[currency] = {
      sum: sumDecimals(mine.map((l) => l.billedCost)),
      rows: mine.reduce((n, l) => n + l.rows, 0),
    }
  }
  return out
}

describe.runIf(existsSync(RAM))('sealed workspace channels', () => {
  const source = markedCsv(tempDir())
  const savedTemp = process.env.TMPDIR
  let tmp: string
  let services: FocalServices
  let dataDir: string
  let sealed: string

  beforeAll(async () => {
    // The process's temp folder is a fresh one, so the search of it below is of this test alone.
    tmp = join(tempDir(), 'tmp')
    mkdirSync(tmp)
    process.env.TMPDIR = tmp
    ;({ services, dataDir } = await demoServices())
    sealed = join(dataDir, 'workspaces', 'client.focal.enc')
  })
  afterAll(async () => {
    await services.close()
    if (savedTemp === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = savedTemp
  })

  it('imports into RAM only and encrypts back on close', async () => {
    const before = new Set(sessionFolders())
    const created = CHANNELS['workspace:createSealed'].response.parse(
      await services['workspace:createSealed']({ name: 'client', passphrase: PASSPHRASE }),
    )
    expect(created).toMatchObject({ name: 'client', sealed: true, rowCount: 0 })
    const empty = readFileSync(sealed)
    const [folder] = sessionFolders().filter((name) => !before.has(name))
    expect(folder).toBeDefined()
    // Uploads and the engine's temp files go to the session's RAM folder.
    expect(services.stagingFolder()).toBe(join(RAM, folder ?? ''))
    expect(process.env.TMPDIR).toBe(join(RAM, folder ?? ''))

    const job = await importStaged(services, source.path, 'marked.csv')
    expect(job.state).toBe('done')
    expect(await billed(services)).toEqual(source.billed)
    // While open, the sealed file still holds the empty workspace.
    expect(readFileSync(sealed).equals(empty)).toBe(true)

    await services['workspace:close']({})
    expect(readFileSync(sealed).equals(empty)).toBe(false)
    expect(sessionFolders().filter((name) => !before.has(name))).toEqual([])
    expect(process.env.TMPDIR).toBe(tmp)
    expect(services.stagingFolder()).toBeNull()
    expect(readdirSync(join(dataDir, 'workspaces'))).toEqual(['client.focal.enc'])
    for (const place of [dataDir, tmp, RAM]) expect(filesHolding(place, source.marker)).toEqual([])
    // The search can fail: the source file holds the marker.
    expect(filesHolding(source.path, source.marker)).toEqual([source.path])
  })

  it('refuses a wrong passphrase and a second Focal, writing nothing', async () => {
    const bytes = readFileSync(sealed)
    const before = new Set(sessionFolders())
    const wrong = await refusal(
      services['workspace:openSealed']({ name: 'client', passphrase: 'sealed in the app 6' }),
    )
    expect(wrong.code).toBe('WRONG_PASSPHRASE')
    expect(wrong.message).toContain('client.focal.enc')
    expect(wrong.message).not.toContain(dataDir)
    expect(readFileSync(sealed).equals(bytes)).toBe(true)
    expect(sessionFolders().filter((name) => !before.has(name))).toEqual([])
    expect(await services['workspace:info']({})).toBeNull()

    const reopened = await services['workspace:openSealed']({
      name: 'client',
      passphrase: PASSPHRASE,
    })
    expect(reopened).toMatchObject({ name: 'client', sealed: true })
    expect(await billed(services)).toEqual(source.billed)
    // Another Focal on the same data folder (this process holds the lock: it is running).
    const other = await otherServices(dataDir)
    try {
      const locked = await refusal(
        other['workspace:openSealed']({ name: 'client', passphrase: PASSPHRASE }),
      )
      expect(locked.code).toBe('WORKSPACE_LOCKED')
      expect(locked.message).toContain('client.focal.enc is open in another Focal session')
    } finally {
      await other.close()
    }
    // A sealed workspace is not copied or re-encrypted into plaintext on disk.
    expect((await refusal(services['workspace:saveAs']({ name: 'copy' }))).code).toBe('BAD_REQUEST')
    expect((await refusal(services['workspace:encrypt']({ passphrase: PASSPHRASE }))).code).toBe(
      'BAD_REQUEST',
    )
    // Nothing but the sealed file and, while it is open, its lock (no data in it).
    expect(readdirSync(join(dataDir, 'workspaces'))).toEqual([
      'client.focal.enc',
      'client.focal.enc.lock',
    ])
  })

  it('encrypts back on a switch to another workspace and when the services stop', async () => {
    const before = readFileSync(sealed)
    await services['workspace:create']({ name: 'plain' })
    expect(readFileSync(sealed).equals(before)).toBe(false)
    expect(sessionFolders()).toEqual([])
    expect((await services['workspace:info']({}))?.sealed).toBeUndefined()

    await services['workspace:openSealed']({ name: 'client', passphrase: PASSPHRASE })
    const open = readFileSync(sealed)
    // What the web host does on SIGINT/SIGTERM and the app's engine on quit. Every save
    // encrypts with a new salt, so the file changes even with no change to the workspace.
    await services.close()
    expect(readFileSync(sealed).equals(open)).toBe(false)
    expect(sessionFolders()).toEqual([])
    for (const place of [dataDir, tmp, RAM]) expect(filesHolding(place, source.marker)).toEqual([])
    services = await otherServices(dataDir)
    await services['workspace:openSealed']({ name: 'client', passphrase: PASSPHRASE })
    expect(await billed(services)).toEqual(source.billed)
  })
})

/** Services over the same data folder, as a second Focal would make them. */
function otherServices(dataDir: string): Promise<FocalServices> {
  return createServices({
    workspacesDir: join(dataDir, 'workspaces'),
    scratchDir: join(dataDir, 'scratch'),
    sampleFile: null,
    host: 'web',
    version: 'test',
  })
}
