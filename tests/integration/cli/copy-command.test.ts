/**
 * The built `focal copy` and `focal diagnostics`: a copy with the same totals whose audit
 * chain verifies and names its source, an existing file refused, usage errors; a diagnostics
 * ZIP with the workspace's counts and no account id or amount of a marked file.
 */
import { WORKSPACE_FORMAT } from '../../../electron/core/workspace/schema'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { focal } from '../../helpers/cli'
import { csvSums } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { readZipEntries } from '../../helpers/zip-reader'
import { DEMO } from '../services/support'

const MARKER = 'QZVACCT40417'

let dir: string
let original: string
let marked: string
beforeAll(async () => {
  dir = tempDir('focal-copy-cli-')
  marked = join(dir, 'marked.csv')
  writeFileSync(marked, readFileSync(DEMO, 'utf8').split('"1234567890123"').join(`"${MARKER}"`))
  original = join(dir, 'client.focal')
  const imported = await focal('import', marked, '-w', original)
  expect(imported.code, imported.stderr).toBe(0)
})

describe('focal copy', () => {
  it('copies the workspace whole: same totals, and a chain that verifies and names its source', async () => {
    const copy = join(dir, 'carried.focal')
    const result = await focal('copy', '-w', original, '--out', copy, '--json')
    expect(result.code, result.stderr).toBe(0)
    const copied = JSON.parse(result.stdout)
    expect(copied).toMatchObject({
      ok: true,
      source: 'client',
      copy: 'carried',
      sourceAudited: true,
    })
    const info = JSON.parse((await focal('info', '-w', copy, '--json')).stdout)
    const byHand = csvSums(marked, 'BilledCost')
    expect(
      info.currencies.map((c: { currency: string; BilledCost: string; rows: number }) => [
        c.currency,
        c.BilledCost,
        c.rows,
      ]),
    ).toEqual(Object.entries(byHand).map(([currency, s]) => [currency, s.sum, s.rows]))
    expect((await focal('audit', 'verify', '-w', copy)).code).toBe(0)
    expect((await focal('audit', 'verify', '-w', original)).code).toBe(0)
    const log = JSON.parse((await focal('audit', 'log', '-w', copy, '--json')).stdout)
    const entries = (log.entries ?? log) as { action: string; details: unknown }[]
    const last = entries.find((e) => e.action === 'workspace.copiedFrom')
    expect(JSON.stringify(last?.details)).toContain(copied.sourceHead.hash)
    const source = JSON.parse((await focal('audit', 'log', '-w', original, '--json')).stdout)
    const sourceEntries = (source.entries ?? source) as { action: string }[]
    expect(sourceEntries.map((e) => e.action)).toContain('workspace.saveAs')
  })

  it('refuses a file that exists (exit 1) and a missing --out (exit 2)', async () => {
    const taken = await focal('copy', '-w', original, '--out', join(dir, 'carried.focal'))
    expect(taken.code).toBe(1)
    expect(taken.stderr).toContain('A workspace named carried already exists.')
    expect((await focal('copy', '-w', original)).code).toBe(2)
  })
})

describe('focal diagnostics', () => {
  it('writes versions and counts, without the workspace name, account ids or amounts', async () => {
    const out = join(dir, 'diag.zip')
    const result = await focal('diagnostics', '-w', original, '--out', out)
    expect(result.code, result.stderr).toBe(0)
    const entries = await readZipEntries(out)
    expect(entries.map((e) => e.name)).toEqual(['diagnostics.json'])
    const text = entries[0]?.bytes.toString('utf8') ?? ''
    expect(JSON.parse(text).workspace).toMatchObject({
      format: WORKSPACE_FORMAT,
      rows: { counted: 1000 },
    })
    expect(text).not.toContain(MARKER)
    expect(text).not.toContain('client')
    expect(Object.values(csvSums(marked, 'BilledCost')).some((s) => text.includes(s.sum))).toBe(
      false,
    )
    expect((await focal('diagnostics', '--out', out)).code).toBe(2)
  })
})
