/** The built `focal metrics` command: import (a bad row named, a replace counted), list, and unit-cost with gaps. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { focal } from '../../helpers/cli'
import { tempDir } from '../../helpers/paths'
import { DEMO } from '../report/support'

describe('focal metrics', () => {
  it('imports, refuses a bad row naming it, replaces, lists, and prints a cost per unit with gaps', async () => {
    const dir = tempDir()
    const ws = join(dir, 'm.focal')
    expect((await focal('import', DEMO, '-w', ws)).code).toBe(0)
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, 'date,metric,value\n2024-09-01,orders,10\n2024-09-02,orders,ten\n')
    const refused = await focal('metrics', 'import', bad, '-w', ws)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('bad.csv row 3, column value: "ten" is not a number of units.')
    expect(refused.stderr).toContain('Nothing was imported.')
    expect(refused.stderr).not.toContain(dir)

    const orders = join(dir, 'orders.csv')
    writeFileSync(orders, 'date,metric,value\n2024-09-01,orders,4\n2024-09-03,orders,8\n')
    const first = await focal('metrics', 'import', orders, '-w', ws)
    expect(first.stdout).toMatch(
      /^orders\.csv: imported 2 values \(import 1, SHA-256 [0-9a-f]{64}\)\.$/m,
    )
    const fix = join(dir, 'fix.csv')
    writeFileSync(fix, 'date,metric,value\n2024-09-03,orders,5\n')
    const second = await focal('metrics', 'import', fix, '-w', ws)
    expect(second.stdout).toContain(
      'imported 1 value; 1 replaced values already stored for the same date, metric and dimension',
    )
    const listed = await focal('metrics', 'list', '-w', ws, '--json')
    expect(JSON.parse(listed.stdout).metrics).toEqual([
      { metric: 'orders', dimension: null, values: 2, first: '2024-09-01', last: '2024-09-03' },
    ])

    const run = await focal(
      'metrics',
      'unit-cost',
      '-w',
      ws,
      '--metric',
      'orders',
      '--from',
      '2024-09-01',
      '--to',
      '2024-09-04',
      '--filter',
      'ServiceName=Amazon Elastic Compute Cloud',
      '--json',
    )
    expect(run.code).toBe(0)
    const series = JSON.parse(run.stdout)
    expect(series.periods).toEqual([
      { period: '2024-09-01', units: '4', metricDays: 1 },
      { period: '2024-09-02', units: null, metricDays: 0 },
      { period: '2024-09-03', units: '5', metricDays: 1 },
    ])
    expect(series.points.map((p: { costPerUnit: string | null }) => p.costPerUnit)).toEqual(
      ['0.010534798175', null, '0.008896051320'].map((v) => v && v.replace(/0+$/, '')),
    )
    const text = await focal(
      'metrics',
      'unit-cost',
      '-w',
      ws,
      '--metric',
      'orders',
      '--from',
      '2024-09-01',
      '--to',
      '2024-09-04',
      '--filter',
      'ServiceName=Amazon Elastic Compute Cloud',
    )
    expect(text.stdout).toMatch(/^2024-09-02\s+USD\s+USD\s0\.01\s+—\s+—$/m)
    expect(text.stdout).toMatch(/^2024-09-01\s+USD\s+USD\s0\.04\s+4\s+USD\s0\.010535$/m)

    const out = join(dir, 'pack')
    const pack = await focal(
      'report',
      'showback',
      '-w',
      ws,
      '--period',
      '2024-09',
      '--by',
      'ServiceName',
      '--out',
      out,
      '--format',
      'csv',
      '--unit-metric',
      'orders',
      '--json',
    )
    expect(pack.code).toBe(0)
    const unitCsv = readFileSync(join(out, 'showback-2024-09-unit-costs.csv'), 'utf8')
    expect(unitCsv).toContain('day,2024-09-02,USD,')
    expect(unitCsv).toMatch(/^day,2024-09-02,USD,[\d.]+,,\r$/m)
    const chargeback = await focal(
      'report',
      'chargeback',
      '-w',
      ws,
      '--period',
      '2024-09',
      '--by',
      'ServiceName',
      '--out',
      out,
      '--unit-metric',
      'orders',
    )
    expect(chargeback.code).toBe(2)
    expect(chargeback.stderr).toContain('--unit-metric goes with focal report showback.')

    const usage = await focal('metrics', 'unit-cost', '-w', ws)
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('focal metrics unit-cost needs --metric <name>')
  })
})
