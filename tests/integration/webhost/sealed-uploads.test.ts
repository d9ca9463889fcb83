/**
 * The web host with a sealed workspace open (services-sealed.ts, uploads.ts): a file the page
 * uploads is staged in the session's RAM folder, not the host's upload folder on disk, and is
 * imported from there; stopping the host (what SIGINT/SIGTERM do) encrypts the workspace back
 * and removes the RAM folder, uploaded file and all, leaving the marker nowhere on disk.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { filesHolding, markedCsv } from '../crypto/fixture'
import { tempDir } from '../../helpers/paths'
import { call, startTestHost, TOKEN } from './support'

const RAM = '/dev/shm'
const PASSPHRASE = 'uploaded into memory 8'

const mine = (parent: string, prefix: string): string[] =>
  readdirSync(parent)
    .filter((name) => name.startsWith(`${prefix}${process.pid}-`))
    .map((name) => join(parent, name))

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

describe.runIf(existsSync(RAM))('web host uploads with a sealed workspace open', () => {
  it('stages them in the RAM folder and removes them with it when the host stops', async () => {
    const source = markedCsv(tempDir())
    const host = await startTestHost()
    const dataDir = join(host.staticDir, '..')
    const created = await call(host, 'workspace:createSealed', {
      name: 'client',
      passphrase: PASSPHRASE,
    })
    expect(created.json).toMatchObject({ ok: true, value: { name: 'client', sealed: true } })
    const [session] = mine(RAM, 'focal-sealed-')
    expect(session).toBeDefined()

    const upload = await fetch(`http://127.0.0.1:${host.port}/api/upload?name=marked.csv`, {
      method: 'POST',
      headers: { 'x-focal-token': TOKEN },
      body: readFileSync(source.path),
    })
    const staged = (await upload.json()) as { ok: boolean; value: { token: string } }
    expect(staged.ok).toBe(true)
    // In the session's RAM folder; nothing in the host's upload folder on disk.
    expect(filesUnder(session ?? '').filter((f) => f.endsWith('/marked.csv'))).toHaveLength(1)
    const uploadFolders = mine(tmpdir(), 'focal-uploads-')
    expect(uploadFolders.flatMap(filesUnder)).toEqual([])

    const started = await call(host, 'import:start', { files: [staged.value.token] })
    const { jobId } = started.json.value as { jobId: string }
    let job = (await call(host, 'import:status', { jobId })).json.value as { state: string }
    while (job.state === 'running') {
      await new Promise((wait) => setTimeout(wait, 50))
      job = (await call(host, 'import:status', { jobId })).json.value as { state: string }
    }
    expect(job.state).toBe('done')
    const info = await call(host, 'workspace:info')
    expect(info.json.value).toMatchObject({ sealed: true, rowCount: 100 })

    await host.close()
    expect(mine(RAM, 'focal-sealed-')).toEqual([])
    expect(readdirSync(join(dataDir, 'workspaces'))).toEqual(['client.focal.enc'])
    for (const place of [dataDir, RAM, ...uploadFolders.filter(existsSync)])
      expect(filesHolding(place, source.marker)).toEqual([])
  })
})
