/** The built `focal pivot` and `focal view`: the table, CSV and JSON, saved views run byte for byte, usage mistakes. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { sumDecimals } from '../../../shared/money'
import { focal } from '../../helpers/cli'
import { parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')

let dir: string
let ws: string
beforeAll(async () => {
  dir = tempDir()
  ws = join(dir, 'pivot.focal')
  expect((await focal('import', SAMPLE, '-w', ws)).code).toBe(0)
}, 60_000)

describe('focal pivot', () => {
  it('prints services × months with exact cells as JSON, matching a hand sum of the file', async () => {
    const out = await focal(
      'pivot',
      '-w',
      ws,
      '--rows',
      'ServiceName',
      '--columns',
      'month',
      '--measure',
      'BilledCost',
      '--json',
    )
    expect(out.code).toBe(0)
    const table = JSON.parse(out.stdout) as {
      dateBasis: string
      columnKeys: string[]
      rows: Array<{ kind: string; keys: Array<string | null>; cells: Array<string | null> }>
    }
    expect(table.dateBasis).toBe('charge')
    const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE, 'utf8'))
    const at = (name: string): number => header.indexOf(name)
    for (const row of table.rows.filter((r) => r.kind === 'row')) {
      table.columnKeys.forEach((month, i) => {
        const mine = rows.filter(
          (r) =>
            r[at('ServiceName')] === row.keys[0] && r[at('ChargePeriodStart')]!.startsWith(month),
        )
        expect(row.cells[i]).toBe(
          mine.length ? sumDecimals(mine.map((r) => r[at('BilledCost')]!)) : null,
        )
      })
    }
    expect(table.rows.at(-1)?.cells[0]).toBe(sumDecimals(rows.map((r) => r[at('BilledCost')]!)))
  })

  it('saves a view that view run prints byte for byte, as text, CSV and JSON; exports and imports it', async () => {
    const args = [
      '--rows',
      'ServiceCategory,ServiceName',
      '--columns',
      'quarter',
      '--measure',
      'BilledCost,RowCount,Savings',
      '--top',
      '2',
      '--exclude',
      'ServiceCategory=Storage',
    ]
    const saved = await focal('pivot', '-w', ws, ...args, '--save', 'by category')
    expect(saved.code).toBe(0)
    expect(saved.stdout).toMatch(/^Total +USD +USD\s19\.73 +791 /m)
    expect(saved.stdout).toContain('(Other)')
    expect(saved.stdout.trimEnd().endsWith('Dates by charge period start (UTC).')).toBe(true)
    const again = await focal('view', 'run', 'by category', '-w', ws)
    expect(again.stdout).toBe(saved.stdout)
    for (const flag of ['--csv', '--json']) {
      const printed = await focal('pivot', '-w', ws, ...args, flag)
      expect((await focal('view', 'run', 'by category', '-w', ws, flag)).stdout).toBe(
        printed.stdout,
      )
    }
    const file = join(dir, 'view.json')
    expect((await focal('view', 'export', 'by category', '--out', file, '-w', ws)).code).toBe(0)
    const exported = readFileSync(file, 'utf8')
    expect(exported).not.toContain(dir)
    expect(JSON.parse(exported)).toMatchObject({ focalView: 1, name: 'by category' })
    expect((await focal('view', 'rename', 'by category', 'old', '-w', ws)).code).toBe(0)
    expect((await focal('view', 'import', file, '-w', ws)).code).toBe(0)
    const listed = JSON.parse((await focal('view', 'list', '--json', '-w', ws)).stdout) as Array<{
      name: string
    }>
    expect(listed.map((v) => v.name)).toEqual(['by category', 'old'])
    expect((await focal('view', 'run', 'old', '-w', ws)).stdout).toBe(saved.stdout)
    expect((await focal('view', 'delete', 'old', '-w', ws)).code).toBe(0)
    const missing = await focal('view', 'run', 'old', '-w', ws)
    expect(missing.code).not.toBe(0)
    expect(missing.stdout + missing.stderr).toContain('No saved view old')
    writeFileSync(join(dir, 'bad.json'), '{"focalView":1,"name":"x","spec":{"rows":"ServiceName"}}')
    const bad = await focal('view', 'import', join(dir, 'bad.json'), '-w', ws)
    expect(bad.code).not.toBe(0)
    expect(bad.stdout + bad.stderr).toContain('bad.json is not a Focal view file')
  }, 60_000)

  it.each([
    [['--rows', 'ServiceName', '--grain', 'fortnight'], '--grain'],
    [['--rows', 'ServiceName', '--measure', 'Profit'], '--measure'],
    [['--rows', 'ServiceName', '--top', '0'], '--top'],
    [['--rows', 'ServiceName', '--filter', 'ServiceName'], '--filter'],
    [['--rows', 'ServiceName', '--from', '2024/09/01'], '--from'],
    [['--rows', 'ServiceName', '--basis', 'invoice'], '--basis'],
    [['--measure', 'BilledCost'], '--rows'],
  ])('exits 2 naming the flag for %j', async (args, flag) => {
    const out = await focal('pivot', '-w', ws, ...args)
    expect(out.code).toBe(2)
    expect(out.stderr.split('\n')[0]).toContain(flag)
  })
})
