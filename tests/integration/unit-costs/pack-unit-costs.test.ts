/**
 * The showback pack's unit-cost section (electron/core/unit-costs/pack-unit-costs.ts through
 * writePack): asked with a metric, the pack writes <pack>-unit-costs.csv and lists it in its
 * manifest; each day's BilledCost is the demo CSV's own sum of the rows charged that day, a day
 * without a metric value has empty units and cost per unit, and the month line divides the
 * month's cost by the month's units. A chargeback pack gets no such file.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack, type PackResult } from '../../../electron/core/report/pack'
import { importMetrics } from '../../../electron/core/unit-costs/metrics'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { parseDimension } from '../../../shared/pivot'
import { fromScaled, sumDecimals, toScaled } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO } from '../report/support'

/** BilledCost per charge day, summed from the CSV text. */
function billedPerDay(): Map<string, string> {
  const [header = [], ...rows] = parseCsv(readFileSync(DEMO, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  const days = new Map<string, string[]>()
  for (const row of rows) {
    const day = (row[at('ChargePeriodStart')] ?? '').slice(0, 10)
    days.set(day, [...(days.get(day) ?? []), row[at('BilledCost')] ?? '0'])
  }
  return new Map([...days].map(([d, v]) => [d, sumDecimals(v)]))
}

let ws: Workspace
let out: string
let pack: PackResult
beforeAll(async () => {
  ws = await freshWorkspace('pack-unit-costs')
  expect((await importFile(ws, DEMO)).status).toBe('imported')
  // Every day of September at 8 users except the 10th (no value).
  const lines = ['date,metric,value']
  for (let d = 1; d <= 30; d++)
    if (d !== 10) lines.push(`2024-09-${String(d).padStart(2, '0')},active users,8`)
  await importMetrics(ws, `${lines.join('\n')}\n`, 'users.csv', 'u')
  out = tempDir('focal-unit-pack-')
  pack = await writePack(ws, {
    kind: 'showback',
    period: '2024-09',
    metric: 'BilledCost',
    source: dimensionLinesSource(parseDimension('ServiceName')),
    outDir: out,
    formats: ['csv'],
    unitMetric: { metric: 'active users' },
  })
}, 120_000)
afterAll(() => ws.close())

describe('the showback pack with a unit metric', () => {
  it('writes the unit-cost CSV with exact day and month figures and lists it in the manifest', () => {
    const file = pack.files.find((f) => f.kind === 'unit-cost-csv')
    expect(file?.path).toBe('showback-2024-09-unit-costs.csv')
    const manifest = JSON.parse(readFileSync(join(out, 'showback-2024-09-manifest.json'), 'utf8'))
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain(file?.path)
    const [header, ...rows] = parseCsv(readFileSync(join(out, file?.path ?? ''), 'utf8'))
    expect(header).toEqual([
      'grain',
      'period',
      'currency',
      'BilledCost',
      'active users units',
      'BilledCost per active users',
    ])
    const costs = billedPerDay()
    expect(rows).toHaveLength(31)
    for (const [grain, period, currency, cost, units, perUnit] of rows.slice(0, 30)) {
      expect([grain, currency]).toEqual(['day', 'USD'])
      expect(cost, period).toBe(costs.get(period ?? ''))
      if (period === '2024-09-10') expect([units, perUnit]).toEqual(['', ''])
      else {
        expect(units).toBe('8')
        // ÷ 8 is exact at 18 decimals: cost × 125 / 1000.
        expect(perUnit).toBe(fromScaled((toScaled(cost ?? '0') * 125n) / 1000n))
      }
    }
    const month = sumDecimals(costs.values())
    expect(rows[30]?.slice(0, 5)).toEqual(['month', '2024-09', 'USD', month, '232'])
    // 232 units = 29 days × 8; the quotient rounded half away from zero at 18 decimals.
    const exact = (toScaled(month) * 10n ** 18n) % toScaled('232')
    const floor = (toScaled(month) * 10n ** 18n) / toScaled('232')
    expect(rows[30]?.[5]).toBe(fromScaled(exact * 2n >= toScaled('232') ? floor + 1n : floor))
  })

  it('a chargeback pack ignores it', async () => {
    const chargeback = await writePack(ws, {
      kind: 'chargeback',
      period: '2024-09',
      metric: 'BilledCost',
      source: dimensionLinesSource(parseDimension('ServiceName')),
      outDir: tempDir('focal-unit-pack-'),
      formats: ['csv'],
      unitMetric: { metric: 'active users' },
    })
    expect(chargeback.files.some((f) => f.kind === 'unit-cost-csv')).toBe(false)
  })
})
