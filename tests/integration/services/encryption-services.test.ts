/**
 * The encryption channels (services-encryption.ts): the open workspace encrypted and still
 * open, listed, decrypted under a new name and opened with the demo file's exact totals; a
 * wrong passphrase refused with nothing written; existing names refused; no passphrase kept
 * in any file of the data folder but the encrypted one.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, FocalFailure, validateRequest } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { csvSums } from '../../helpers/csv-sums'
import { demoServices, DEMO, importStaged } from './support'

const PASSPHRASE = 'carry me safely 7'
let services: FocalServices
let dataDir: string
let workspacesDir: string

beforeAll(async () => {
  ;({ services, dataDir } = await demoServices())
  workspacesDir = join(dataDir, 'workspaces')
  await services['workspace:create']({ name: 'client' })
  await importStaged(services, DEMO, 'focus-sample.csv')
})
afterAll(() => services.close())

/** Rows and BilledCost/EffectiveCost per currency, as What's loaded adds them up. */
async function totals(): Promise<
  Record<string, { rows: number; billed: string; effective: string }>
> {
  const lines = CHANNELS['loaded:summary'].response.parse(await services['loaded:summary']({}))
  const out: Record<string, { rows: number; billed: string; effective: string }> = {}
  for (const currency of new Set(lines.map((l) => l.currency ?? ''))) {
    const mine = lines.filter((l) => (l.currency ?? '') === currency)
    out[currency] = {
      rows: mine.reduce((n, l) => n + l.rows, 0),
      billed: sumDecimals(mine.map((l) => l.billedCost)),
      effective: sumDecimals(mine.map((l) => l.effectiveCost)),
    }
  }
  return out
}

/** The demo file added up here, not by DuckDB. */
function byHand(): Record<string, { rows: number; billed: string; effective: string }> {
  const billed = csvSums(DEMO, 'BilledCost')
  const effective = csvSums(DEMO, 'EffectiveCost')
  return Object.fromEntries(
    Object.entries(billed).map(([currency, b]) => [
      currency,
      { rows: b.rows, billed: b.sum, effective: effective[currency]?.sum ?? '' },
    ]),
  )
}

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

async function failure(promise: Promise<unknown>): Promise<FocalFailure> {
  const caught = await promise.then(
    () => null,
    (cause: unknown) => cause,
  )
  expect(caught).toBeInstanceOf(FocalFailure)
  return caught as FocalFailure
}

describe('encryption channels', () => {
  it('encrypts the open workspace, keeps it open, and refuses to write over the file', async () => {
    const before = await totals()
    expect(before).toEqual(byHand())
    const written = CHANNELS['workspace:encrypt'].response.parse(
      await services['workspace:encrypt']({ passphrase: PASSPHRASE }),
    )
    expect(written.fileName).toBe('client.focal.enc')
    expect(written.bytes).toBe(statSync(join(workspacesDir, 'client.focal')).size)
    expect((await services['workspace:info']({}))?.name).toBe('client')
    expect(await totals()).toEqual(before)
    const listed = CHANNELS['workspace:encrypted'].response.parse(
      await services['workspace:encrypted']({}),
    )
    expect(listed.map((e) => [e.name, e.sizeBytes])).toEqual([
      ['client', statSync(join(workspacesDir, 'client.focal.enc')).size],
    ])

    const file = join(workspacesDir, 'client.focal.enc')
    const first = sha(file)
    const again = await failure(services['workspace:encrypt']({ passphrase: PASSPHRASE }))
    expect(again.error.code).toBe('BAD_REQUEST')
    expect(again.error.message).toBe('client.focal.enc already exists; nothing was written.')
    expect(sha(file)).toBe(first)
    await services['workspace:encrypt']({ passphrase: PASSPHRASE, replace: true })
    // A fresh salt: the replaced file differs from the first.
    expect(sha(file)).not.toBe(first)
    expect((await services['workspace:info']({}))?.name).toBe('client')
  })

  it('a wrong passphrase or an existing name writes nothing; the right one opens the same totals', async () => {
    const files = (): string[] => readdirSync(workspacesDir).sort()
    const present = files()
    const wrong = await failure(
      services['workspace:decrypt']({ name: 'client', as: 'carried', passphrase: 'not the one 1' }),
    )
    expect(wrong.error.code).toBe('WRONG_PASSPHRASE')
    expect(wrong.error.message).not.toContain('not the one')
    expect(wrong.error.message).not.toContain(workspacesDir)
    expect(files()).toEqual(present)
    expect((await services['workspace:info']({}))?.name).toBe('client')

    const taken = await failure(
      services['workspace:decrypt']({ name: 'client', as: 'client', passphrase: PASSPHRASE }),
    )
    expect(taken.error.message).toBe(
      'A workspace named client already exists; nothing was written.',
    )
    const missing = await failure(
      services['workspace:decrypt']({ name: 'nobody', as: 'x', passphrase: PASSPHRASE }),
    )
    expect(missing.error.code).toBe('NOT_FOUND')
    expect(files()).toEqual(present)

    const opened = CHANNELS['workspace:decrypt'].response.parse(
      await services['workspace:decrypt']({
        name: 'client',
        as: 'carried',
        passphrase: PASSPHRASE,
      }),
    )
    expect(opened.name).toBe('carried')
    expect((await services['workspace:info']({}))?.name).toBe('carried')
    expect(await totals()).toEqual(byHand())
  })

  it('keeps the passphrase in no file of the data folder (log, workspaces, encrypted files)', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
      )
    const holding = walk(dataDir).filter((path) =>
      readFileSync(path).includes(Buffer.from(PASSPHRASE)),
    )
    expect(holding).toEqual([])
  })

  it('opens the workspace again when the encryption fails', async () => {
    await services['workspace:create']({ name: 'blocked' })
    // A folder where the file would go: the rename over it fails after the workspace closed.
    mkdirSync(join(workspacesDir, 'blocked.focal.enc', 'inside'), { recursive: true })
    await failure(services['workspace:encrypt']({ passphrase: PASSPHRASE, replace: true }))
    expect((await services['workspace:info']({}))?.name).toBe('blocked')
    expect(
      CHANNELS['workspace:encrypted'].response
        .parse(await services['workspace:encrypted']({}))
        .map((e) => e.name),
    ).toEqual(['client'])
  })

  it('refuses the scratch sample, and the contract refuses short passphrases and paths', async () => {
    await services['workspace:openSample']({})
    const scratch = await failure(services['workspace:encrypt']({ passphrase: PASSPHRASE }))
    expect(scratch.error.message).toBe(
      'The sample data is a scratch workspace and cannot be encrypted.',
    )
    const encrypt = CHANNELS['workspace:encrypt'].request
    // The hosts' refusal names the field, never the passphrase typed.
    const short = (() => {
      try {
        validateRequest('workspace:encrypt', { passphrase: 'secret7' })
      } catch (cause) {
        return cause as FocalFailure
      }
      return null
    })()
    expect(short?.error.code).toBe('BAD_REQUEST')
    expect(short?.error.message).toContain('passphrase')
    expect(short?.error.message).not.toContain('secret7')
    expect(encrypt.safeParse({ passphrase: 'short' }).success).toBe(false)
    expect(encrypt.safeParse({ passphrase: PASSPHRASE, path: '/tmp/x' }).success).toBe(false)
    const decrypt = CHANNELS['workspace:decrypt'].request
    for (const name of ['../client', '/tmp/client', 'C:\\client'])
      expect(decrypt.safeParse({ name, as: 'ok', passphrase: PASSPHRASE }).success).toBe(false)
    expect(decrypt.safeParse({ name: 'client', as: '../up', passphrase: PASSPHRASE }).success).toBe(
      false,
    )
  })
})
