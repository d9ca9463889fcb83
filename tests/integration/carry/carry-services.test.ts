/**
 * Carrying workspaces through the services (services-carry.ts): Save As copies the open
 * workspace whole (same totals, both audit chains say it, the copy's chain verifies) and
 * switches to it; the Recent list; the local log and the diagnostics ZIP hold no client data,
 * checked with a marker account id and marker amounts imported from a real file.
 */
import { WORKSPACE_FORMAT } from '../../../electron/core/workspace/schema'
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, type ImportJob } from '../../../shared/contract'
import { csvSums, parseCsv } from '../../helpers/csv-sums'
import { sumDecimals } from '../../../shared/money'
import { tempDir } from '../../helpers/paths'
import { readZipEntries } from '../../helpers/zip-reader'
import { DEMO, demoServices, importStaged } from '../services/support'

const ACCOUNT_MARKER = 'ZQXACCT7731'
const AMOUNT_MARKER = '987654.3217'

let services: FocalServices
let dataDir: string
let markedCsv: string

/** Imports `path` as `name` and waits for the job's end. */
async function importFile(path: string, name: string): Promise<ImportJob> {
  return importStaged(services, path, name)
}

/** The demo file with the marker as every billing account id and as the first row's BilledCost. */
function markedCopy(): string {
  const text = readFileSync(DEMO, 'utf8').split('"1234567890123"').join(`"${ACCOUNT_MARKER}"`)
  const [header, first, ...rest] = text.split('\n')
  const cells = (first ?? '').split(',')
  cells[1] = AMOUNT_MARKER
  const path = join(tempDir('focal-carry-'), 'marked.csv')
  writeFileSync(path, [header, cells.join(','), ...rest].join('\n'))
  return path
}

beforeAll(async () => {
  ;({ services, dataDir } = await demoServices())
  markedCsv = markedCopy()
  await services['workspace:create']({ name: 'client' })
  const job = await importFile(DEMO, 'focus-sample.csv')
  expect(job.state).toBe('done')
})
afterAll(() => services.close())

describe('workspace:saveAs', () => {
  it('copies the workspace whole, audits it in both chains and opens the copy', async () => {
    const before = await services['loaded:summary']({})
    const info = await services['workspace:saveAs']({ name: 'client carried' })
    expect(CHANNELS['workspace:saveAs'].response.parse(info)).toEqual(info)
    expect(info.name).toBe('client carried')
    expect((await services['workspace:info']({}))?.name).toBe('client carried')
    expect(await services['loaded:summary']({})).toEqual(before)
    const copyLog = await services['audit:log']({ offset: 0, limit: 500 })
    const copied = copyLog.entries[0]
    expect(copied?.action).toBe('workspace.copiedFrom')
    const details = JSON.parse(copied?.details ?? '{}') as {
      source: string
      sourceHead: { seq: number; hash: string }
    }
    expect(details.source).toBe('client')
    expect(copyLog.entries[1]?.action).toBe('workspace.saveAs')
    expect((await services['audit:verify']({})).ok).toBe(true)

    await services['workspace:open']({ name: 'client' })
    const original = await services['audit:log']({ offset: 0, limit: 500 })
    expect(original.entries[0]?.action).toBe('workspace.saveAs')
    expect(JSON.parse(original.entries[0]?.details ?? '{}')).toEqual({ copy: 'client carried' })
    // The copy links to the original's chain: its copiedFrom names the original's saveAs entry.
    const verified = await services['audit:verify']({})
    expect(verified.head).toEqual(details.sourceHead)
    expect(original.total + 1).toBe(copyLog.total)
  })

  it('refuses a name that exists and leaves both files as they were', async () => {
    await services['workspace:open']({ name: 'client' })
    const before = await services['audit:log']({ offset: 0, limit: 1 })
    await expect(services['workspace:saveAs']({ name: 'client carried' })).rejects.toMatchObject({
      error: { code: 'BAD_REQUEST' },
    })
    expect((await services['workspace:info']({}))?.name).toBe('client')
    expect((await services['audit:log']({ offset: 0, limit: 1 })).total).toBe(before.total)
    expect(readdirSync(join(dataDir, 'workspaces')).filter((f) => f.endsWith('.partial'))).toEqual(
      [],
    )
  })

  it('the copy holds the same BilledCost per currency as the file added up by hand', async () => {
    await services['workspace:open']({ name: 'client carried' })
    const summary = await services['loaded:summary']({})
    const currencies = [...new Set(summary.map((line) => line.currency ?? ''))].sort()
    const copied = currencies.map((currency) => [
      currency,
      sumDecimals(summary.filter((l) => (l.currency ?? '') === currency).map((l) => l.billedCost)),
      summary.filter((l) => (l.currency ?? '') === currency).reduce((n, l) => n + l.rows, 0),
    ])
    const byHand = Object.entries(csvSums(DEMO, 'BilledCost')).map(([c, s]) => [c, s.sum, s.rows])
    expect(copied).toEqual(byHand.sort())
  })
})

describe('workspace:recent', () => {
  it('lists the workspaces opened, newest first, marks a missing file and forgets it', async () => {
    await services['workspace:open']({ name: 'client' })
    const recent = await services['workspace:recent']({})
    expect(CHANNELS['workspace:recent'].response.parse(recent)).toEqual(recent)
    expect(recent.map((r) => [r.name, r.missing])).toEqual([
      ['client', false],
      ['client carried', false],
    ])
    expect(recent[0]?.sizeBytes).toBeGreaterThan(0)
    expect(recent[0]?.openedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    rmSync(join(dataDir, 'workspaces', 'client carried.focal'))
    const after = await services['workspace:recent']({})
    expect(after.map((r) => [r.name, r.missing, r.sizeBytes])).toEqual([
      ['client', false, recent[0]?.sizeBytes ?? -1],
      ['client carried', true, null],
    ])
    const forgotten = await services['workspace:forgetRecent']({ name: 'client carried' })
    expect(forgotten.map((r) => r.name)).toEqual(['client'])
    // The list file holds names and times only.
    expect(Object.keys(JSON.parse(readFileSync(join(dataDir, 'recent.json'), 'utf8'))[0])).toEqual([
      'name',
      'openedAt',
    ])
  })
})

describe('the local log and the diagnostics export', () => {
  /** Every amount of the marked file written as the file writes it, and without trailing zeros. */
  function amountsOf(path: string): string[] {
    const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'))
    const columns = ['BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost'].map((c) =>
      header.indexOf(c),
    )
    const amounts = new Set<string>()
    for (const row of rows)
      for (const at of columns) {
        const value = row[at] ?? ''
        if (!/^-?\d+\.\d+$/.test(value) || /^-?0\.0*$/.test(value)) continue
        amounts.add(value)
        amounts.add(value.replace(/0+$/, '').replace(/\.$/, ''))
      }
    return [...amounts].filter((a) => a.length >= 5)
  }

  it('log the import of a file without its account ids or amounts', async () => {
    await services['workspace:create']({ name: 'marked' })
    const job = await importFile(markedCsv, 'marked.csv')
    expect(job.state).toBe('done')
    const log = readFileSync(join(dataDir, 'logs', 'focal.log'), 'utf8')
    expect(log).not.toContain(ACCOUNT_MARKER)
    const amounts = amountsOf(markedCsv)
    expect(amounts).toContain(AMOUNT_MARKER)
    for (const amount of amounts) expect(log, amount).not.toContain(amount)
    const events = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    const finished = events.filter((e) => e.event === 'import.finish' && e.file === 'marked.csv')
    expect(finished).toHaveLength(1)
    expect(finished[0]).toMatchObject({ rows: 1000, status: 'imported', errorCode: null })
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining(['app.start', 'workspace.open', 'workspace.saveAs', 'import.start']),
    )
  })

  it('export versions, counts and the log in a ZIP without client data', async () => {
    await services['workspace:open']({ name: 'marked' })
    const file = await services['app:diagnostics']({})
    expect(CHANNELS['app:diagnostics'].response.parse(file)).toEqual(file)
    const zip = join(tempDir('focal-diag-'), file.fileName)
    writeFileSync(zip, Buffer.from(file.base64, 'base64'))
    const entries = await readZipEntries(zip)
    expect(entries.map((e) => e.name)).toEqual(['diagnostics.json', 'logs/focal.log'])
    const facts = JSON.parse(entries[0]?.bytes.toString('utf8') ?? '{}')
    expect(facts.versions.node).toBe(process.versions.node)
    expect(facts.versions.duckdb).toMatch(/^v\d+\.\d+/)
    expect(facts.workspace).toMatchObject({
      format: WORKSPACE_FORMAT,
      rows: { counted: 1000, stored: 1000 },
      imports: { total: 1, byStatus: { imported: 1 } },
    })
    const all = entries.map((e) => e.bytes.toString('utf8')).join('\n')
    expect(all).not.toContain(ACCOUNT_MARKER)
    // The facts name no workspace; the log names only workspaces and files, never their contents.
    expect(entries[0]?.bytes.toString('utf8')).not.toContain('marked')
    for (const amount of amountsOf(markedCsv)) expect(all, amount).not.toContain(amount)
  })
})
