/** The built `focal import` on a file overlapping an earlier import: OVERLAP, and each --on-overlap choice. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalizeDecimal, subtractDecimals, sumDecimals } from '../../../shared/money'
import { focal } from '../../helpers/cli'
import { parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'

const [HEADER = [], ...ROWS] = parseCsv(
  readFileSync(sample('focus-sample-data/FOCUS-1.0/focus_sample.csv'), 'utf8'),
)
const at = (name: string): number => HEADER.indexOf(name)
const of = (...providers: string[]): string[][] =>
  ROWS.filter((r) => providers.includes(r[at('ProviderName')] ?? ''))

function writeCsv(dir: string, name: string, rows: string[][]): string {
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  const path = join(dir, name)
  writeFileSync(path, [HEADER, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n')
  return path
}

/** A workspace holding a.csv (AWS and Microsoft of September), and b.csv: Microsoft restated plus Oracle. */
async function setUp(): Promise<{
  ws: string
  b: string
  microsoft: string[][]
  restated: string[][]
}> {
  const dir = tempDir()
  const microsoft = of('Microsoft')
  const restated = microsoft.map((r, i) =>
    i === 0 ? r.map((v, c) => (c === at('BilledCost') ? '3.5' : v)) : r,
  )
  const ws = join(dir, 'costs.focal')
  const first = await focal('import', '-w', ws, writeCsv(dir, 'a.csv', of('AWS', 'Microsoft')))
  expect(first.code).toBe(0)
  return { ws, b: writeCsv(dir, 'b.csv', [...restated, ...of('Oracle')]), microsoft, restated }
}

describe('focal import --on-overlap', () => {
  it('refuses an overlapping file with OVERLAP (exit 1) and a wrong choice as a usage error (exit 2)', async () => {
    const { ws, b } = await setUp()
    const refused = await focal('import', '-w', ws, '--json', b)
    expect(refused.code).toBe(1)
    const [record] = JSON.parse(refused.stdout).imports
    expect([record.status, record.error.code]).toEqual(['failed', 'OVERLAP'])
    const wrong = await focal('import', '-w', ws, '--on-overlap', 'merge', b)
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('--on-overlap takes supersede, keep-both or skip, not "merge".')
    const rows = await focal('query', '-w', ws, '--json', 'SELECT count(*)::INT AS n FROM focus')
    expect(JSON.parse(rows.stdout).rows).toEqual([{ n: of('AWS', 'Microsoft').length }])
  })

  it('skip leaves the file out; keep-both counts both', async () => {
    const skip = await setUp()
    const skipped = await focal('import', '-w', skip.ws, '--json', '--on-overlap', 'skip', skip.b)
    expect(JSON.parse(skipped.stdout).imports[0].status).toBe('skipped')
    const keep = await setUp()
    const kept = await focal('import', '-w', keep.ws, '--on-overlap', 'keep-both', keep.b)
    expect(kept.code).toBe(0)
    expect(kept.stdout).toContain('kept beside import #1: both are counted, as asked')
    const rows = await focal(
      'query',
      '-w',
      keep.ws,
      '--json',
      'SELECT count(*)::INT AS n FROM focus',
    )
    expect(JSON.parse(rows.stdout).rows).toEqual([{ n: 1000 + of('Microsoft').length }])
  })

  it('supersede replaces the shared scope and prints the delta per currency', async () => {
    const { ws, b, microsoft, restated } = await setUp()
    const done = await focal('import', '-w', ws, '--on-overlap', 'supersede', b)
    expect(done.code).toBe(0)
    const billed = (rows: string[][]): string => sumDecimals(rows.map((r) => r[at('BilledCost')]!))
    const difference = normalizeDecimal(subtractDecimals(billed(restated), billed(microsoft)))
    expect(done.stdout).toContain('supersedes import #1 in the billing scopes they share:')
    expect(done.stdout).toContain(
      `USD: 0 rows added, 0 removed, 1 changed; BilledCost +${difference}, EffectiveCost +0`,
    )
    const listed = await focal('imports', '-w', ws)
    expect(listed.stdout).toMatch(/1 {2}a\.csv {2}imported ✓, superseded by #2/)
  })
})
