/**
 * The built `focal sealed`: a sealed workspace is never on disk in plaintext. A workspace is
 * created sealed, a CSV holding a marker imported, a pivot run; then every file Focal could have
 * written — the workspace folder, the temp folder it was given, its home, the RAM root — is
 * searched for the marker (UTF-8 and UTF-16): none; reopened, the totals are the CSV's.
 */
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { normalizeDecimal } from '../../../shared/money'
import type { FocalRun } from '../../helpers/cli'
import { ROOT, tempDir } from '../../helpers/paths'
import { filesHolding, markedCsv } from '../crypto/fixture'

const run = promisify(execFile)
const SECRET = 'plum orbit candle 42'
const RAM = '/dev/shm'

/** `focal <args…>` with `env` added to this process's environment, whatever its exit code. */
async function focalWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<FocalRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin/focal.js'), ...args], {
      env: { ...process.env, ...env },
    })
    return { code: 0, stdout, stderr }
  } catch (cause) {
    const e = cause as FocalRun
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

function sessionFolders(): string[] {
  return readdirSync(RAM).filter((name) => name.startsWith('focal-sealed-'))
}

describe.runIf(existsSync(RAM))('focal sealed', () => {
  it('keeps every plaintext byte off the disk, and reopens with the same totals', async () => {
    const sources = tempDir()
    const { path: csv, marker, billed } = markedCsv(sources)
    const dir = tempDir()
    const tmp = join(tempDir(), 'tmp')
    const home = join(tempDir(), 'home')
    mkdirSync(tmp)
    mkdirSync(home)
    const sealed = join(dir, 'client.focal.enc')
    const before = new Set(sessionFolders())
    const focal = (...args: string[]): Promise<FocalRun> =>
      focalWith({ FOCAL_PASSPHRASE: SECRET, TMPDIR: tmp, HOME: home }, ...args)

    const imported = await focal('sealed', sealed, '--create', '--', 'import', csv, '--json')
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout)).toMatchObject({ ok: true, workspace: 'client.focal' })
    const pivot = await focal('sealed', sealed, '--', 'pivot', '--rows', 'ResourceId', '--json')
    expect(pivot.code).toBe(0)
    expect(pivot.stdout).toContain(marker)
    const spill = await focal(
      'sealed',
      sealed,
      '--',
      'query',
      '--json',
      "SELECT current_setting('temp_directory') AS t",
    )
    // DuckDB spills beside the database: in the session's RAM folder.
    expect(JSON.parse(spill.stdout).rows[0].t).toMatch(
      /^\/dev\/shm\/focal-sealed-\d+-\w+\/client\.focal\.tmp$/,
    )

    expect(readdirSync(dir)).toEqual(['client.focal.enc'])
    expect(sessionFolders().filter((name) => !before.has(name))).toEqual([])
    for (const place of [dir, tmp, home, RAM]) expect(filesHolding(place, marker)).toEqual([])

    // The search can fail: the source file and a decrypted copy hold the marker.
    expect(filesHolding(sources, marker)).toEqual([csv])
    const plain = join(tempDir(), 'plain.focal')
    expect((await focal('decrypt', sealed, '--out', plain)).code).toBe(0)
    expect(filesHolding(plain, marker)).toEqual([plain])

    const totals = await focal(
      'sealed',
      sealed,
      '--',
      'query',
      '--json',
      'SELECT BillingCurrency AS c, count(*)::INTEGER AS n, sum(BilledCost)::VARCHAR AS b FROM focus GROUP BY 1',
    )
    expect(totals.code).toBe(0)
    const rows = JSON.parse(totals.stdout).rows as { c: string; n: number; b: string }[]
    expect(
      Object.fromEntries(rows.map((r) => [r.c, { sum: normalizeDecimal(r.b), rows: r.n }])),
    ).toEqual(billed)
  })

  it('refuses a wrong passphrase, leaving the sealed file and no RAM folder', async () => {
    const sources = tempDir()
    const { path: csv } = markedCsv(sources)
    const dir = tempDir()
    const sealed = join(dir, 'client.focal.enc')
    const imported = await focalWith(
      { FOCAL_PASSPHRASE: SECRET },
      'sealed',
      sealed,
      '--create',
      '--',
      'import',
      csv,
    )
    expect(imported.code).toBe(0)
    const bytes = readFileSync(sealed)
    const before = new Set(sessionFolders())
    const wrong = await focalWith(
      { FOCAL_PASSPHRASE: 'plum orbit candle 43' },
      'sealed',
      sealed,
      '--',
      'info',
    )
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain(
      'error [WRONG_PASSPHRASE]: Wrong passphrase for client.focal.enc',
    )
    expect(readFileSync(sealed).equals(bytes)).toBe(true)
    expect(readdirSync(dir)).toEqual(['client.focal.enc'])
    expect(sessionFolders().filter((name) => !before.has(name))).toEqual([])
  })

  it('on Ctrl-C still encrypts the workspace back and removes its RAM folder', async () => {
    const { path: csv } = markedCsv(tempDir())
    const dir = tempDir()
    const sealed = join(dir, 'client.focal.enc')
    const parent = spawn(
      process.execPath,
      [join(ROOT, 'bin/focal.js'), 'sealed', sealed, '--create', '--', 'import', csv],
      { env: { ...process.env, FOCAL_PASSPHRASE: SECRET }, stdio: 'ignore' },
    )
    const mine = (): string[] =>
      sessionFolders().filter((name) => name.startsWith(`focal-sealed-${parent.pid}-`))
    const closed = new Promise<number | null>((done) => parent.on('close', (code) => done(code)))
    // Interrupted once the plaintext is in RAM: it must not stay there.
    while (mine().length === 0) await new Promise((wait) => setTimeout(wait, 20))
    parent.kill('SIGINT')
    expect(await closed).toBe(130)
    expect(mine()).toEqual([])
    expect(readdirSync(dir)).toEqual(['client.focal.enc'])
    const info = await focalWith(
      { FOCAL_PASSPHRASE: SECRET },
      'sealed',
      sealed,
      '--',
      'info',
      '--json',
    )
    expect(info.code).toBe(0)
  })
})
