/**
 * The built `focal pivot` with condition flags (electron/cli/pivot-condition-args.ts): a range,
 * a text match, a tag present or missing, beside an exclude; each service's total equals the
 * demo CSV's, filtered here by hand; a malformed flag is a usage mistake naming it.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { sumDecimals } from '../../../shared/money'
import { focal } from '../../helpers/cli'
import { atLeast, csvRows, type CsvRow as Row } from '../../helpers/csv-rows'
import { ROOT, tempDir } from '../../helpers/paths'

const DEMO = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

/** BilledCost per ServiceName of `rows`, exact. */
function perService(rows: Row[]): Record<string, string> {
  const groups: Record<string, string[]> = {}
  for (const r of rows) (groups[r.ServiceName ?? '(none)'] ??= []).push(r.BilledCost ?? '0')
  return Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, sumDecimals(v)]))
}

/** The JSON table's detail rows as service → BilledCost. */
function printed(stdout: string): Record<string, string> {
  const table = JSON.parse(stdout) as {
    rows: Array<{ kind: string; keys: Array<string | null>; cells: Array<string | null> }>
  }
  const details = table.rows.filter((r) => r.kind !== 'subtotal' && r.kind !== 'total')
  return Object.fromEntries(details.map((r) => [r.keys[0] ?? '(none)', r.cells[0] ?? '']))
}

const tags = (r: Row): Record<string, unknown> =>
  r.Tags === null ? {} : (JSON.parse(r.Tags) as Record<string, unknown>)

let ws: string
beforeAll(async () => {
  ws = join(tempDir(), 'conditions.focal')
  expect((await focal('import', DEMO, '-w', ws)).code).toBe(0)
}, 60_000)

describe('focal pivot condition flags', () => {
  it('--where, --contains, --has-tag and --exclude together give the CSV’s figures', async () => {
    const out = await focal(
      ...['pivot', '-w', ws, '--rows', 'ServiceName', '--no-totals', '--json'],
      ...['--where', 'BilledCost>=0.001', '--where', 'BilledCost<=5'],
      ...['--contains', 'ChargeDescription=HOUR', '--has-tag', 'application'],
      ...['--exclude', 'RegionId=us-west-2'],
    )
    expect(out.stderr).toBe('')
    const want = perService(
      csvRows(DEMO).filter(
        (r) =>
          r.BilledCost !== null &&
          atLeast(r.BilledCost, '0.001') &&
          atLeast('5', r.BilledCost) &&
          (r.ChargeDescription ?? '').toLowerCase().includes('hour') &&
          tags(r).application != null &&
          r.RegionId !== 'us-west-2',
      ),
    )
    expect(Object.keys(want).length).toBeGreaterThan(1)
    expect(printed(out.stdout)).toEqual(want)
  })

  it('--no-tag, --starts-with and --equals keep what the CSV says they keep', async () => {
    const out = await focal(
      ...['pivot', '-w', ws, '--rows', 'ServiceName', '--no-totals', '--json'],
      ...[
        '--no-tag',
        'application',
        '--starts-with',
        'RegionId=US-',
        '--equals',
        'ChargeCategory=usage',
      ],
    )
    const want = perService(
      csvRows(DEMO).filter(
        (r) =>
          tags(r).application == null &&
          (r.RegionId ?? '').toLowerCase().startsWith('us-') &&
          r.ChargeCategory?.toLowerCase() === 'usage',
      ),
    )
    expect(Object.keys(want).length).toBeGreaterThan(1)
    expect(printed(out.stdout)).toEqual(want)
  })

  it('refuses a malformed condition, naming the flag', async () => {
    const where = await focal('pivot', '-w', ws, '--rows', 'ServiceName', '--where', 'BilledCost>1')
    expect(where.code).toBe(2)
    expect(where.stderr).toContain(
      `--where takes '<column>>=<number>' or '<column><=<number>', not "BilledCost>1".`,
    )
    const number = await focal(
      'pivot',
      '-w',
      ws,
      '--rows',
      'ServiceName',
      '--where',
      'BilledCost>=1e3',
    )
    expect(number.stderr).toContain('--where: "1e3" is not a number')
    const text = await focal('pivot', '-w', ws, '--rows', 'ServiceName', '--contains', 'prod')
    expect(text.stderr).toContain(`--contains takes '<dim>=<text>', not "prod".`)
  })
})
