/**
 * The built `focal` with --mask (electron/cli/mask-option.ts) on the demo sample: a read-only
 * pivot of a never-presented workspace is refused with what to do; `focal report --mask`
 * presents it and writes a pack whose CSV starts with Masked; then `focal pivot --mask` and
 * `focal rows --mask` print the same aliases (a filter on one finds its rows), never an id,
 * with the exact totals of the file; without --mask the ids are back.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { sumDecimals } from '../../../shared/money'
import { focal } from '../../helpers/cli'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { DEMO } from '../services/support'

const [HEADER = [], ...ROWS] = parseCsv(readFileSync(DEMO, 'utf8'))
const SUB = HEADER.indexOf('SubAccountId')
const ids = [...new Set(ROWS.map((r) => r[SUB]!))].filter((id) => id !== 'NULL')
const total = sumDecimals(ROWS.map((r) => r[HEADER.indexOf('BilledCost')]!))

let dir: string
let ws: string
beforeAll(async () => {
  dir = tempDir()
  ws = join(dir, 'masked.focal')
  expect((await focal('import', DEMO, '-w', ws)).code).toBe(0)
}, 60_000)

const pivot = (...more: string[]) =>
  focal('pivot', '-w', ws, '--rows', 'SubAccountId', '--measure', 'BilledCost', '--json', ...more)

/** SubAccountId → BilledCost of the detail rows, and the USD total. */
function figures(stdout: string): { byKey: Map<string, string>; total: string } {
  const table = JSON.parse(stdout) as {
    rows: Array<{ kind: string; keys: Array<string | null>; cells: Array<string | null> }>
  }
  const detail = table.rows.filter((r) => r.kind === 'row' && r.keys[0] !== null)
  return {
    byKey: new Map(detail.map((r) => [String(r.keys[0]), String(r.cells[0])])),
    total: sumDecimals(table.rows.filter((r) => r.kind === 'row').map((r) => String(r.cells[0]))),
  }
}

describe('focal … --mask', () => {
  it('refuses, presents through report, then pivot and rows print aliases only', async () => {
    const refused = await pivot('--mask')
    expect(refused.code).toBe(1)
    // --json answers a failure as JSON on stdout.
    const failure = JSON.parse(refused.stdout) as { error: { message: string; hint: string } }
    expect(failure.error.message).toBe(
      'Workspace masked has never been presented and is open read-only.',
    )
    expect(failure.error.hint).toContain('focal report … --mask')

    const out = join(dir, 'pack')
    const report = await focal(
      'report',
      'showback',
      '-w',
      ws,
      '--period',
      '2024-09',
      '--by',
      'SubAccountId',
      '--format',
      'csv',
      '--out',
      out,
      '--mask',
    )
    expect(report.code).toBe(0)
    expect(report.stderr).toContain('Masked: account ids and names')
    const summary = readFileSync(join(out, 'showback-2024-09-summary.csv'), 'utf8')
    expect(summary.split('\r\n')[0]).toMatch(/^"?Masked: /)
    for (const id of ids) expect(summary).not.toContain(id)

    const masked = await pivot('--mask')
    expect(masked.code).toBe(0)
    expect(masked.stderr).toContain('Masked: account ids and names')
    for (const id of ids) expect(masked.stdout).not.toContain(id)
    const shown = figures(masked.stdout)
    expect([...shown.byKey.keys()].every((k) => /^acct-[0-9a-f]{10}$/.test(k))).toBe(true)
    expect(shown.byKey.size).toBe(ids.length)
    expect(shown.total).toBe(total)
    // The report named its cost centers by the same aliases.
    const [, head = [], ...centers] = parseCsv(summary)
    const targets = centers
      .map((r) => r[head.indexOf('Target')] ?? r[1]!)
      .filter((t) => /^acct-/.test(t))
    expect(targets.length).toBeGreaterThan(1)
    for (const target of targets) expect(shown.byKey.has(target)).toBe(true)

    const [alias, billed] = [...shown.byKey][0]!
    const rows = await focal(
      'rows',
      '-w',
      ws,
      '--filter',
      `SubAccountId=${alias}`,
      '--page-size',
      '500',
      '--json',
      '--mask',
    )
    expect(rows.code).toBe(0)
    const page = JSON.parse(rows.stdout) as { columns: string[]; rows: Array<Array<string | null>> }
    const at = page.columns.indexOf('BilledCost')
    expect(sumDecimals(page.rows.map((r) => String(r[at])))).toBe(sumDecimals([billed]))
    for (const id of ids) expect(rows.stdout).not.toContain(id)

    const plain = figures((await pivot()).stdout)
    expect([...plain.byKey.keys()].sort()).toEqual([...ids].sort())
    expect(plain.total).toBe(total)
  })
})
