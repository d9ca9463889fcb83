/**
 * The unit costs of a showback pack asked from the app (report:export with unitMetric, as the
 * Reports screen's control sends it, the same path as `focal report showback --unit-metric`):
 * the pack lists `<pack>-unit-costs.csv`, whose day costs are the demo CSV summed per charge
 * day in TypeScript, with a gap (empty units and cost per unit) on a day without orders.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { DEMO, demoServices, waitForReport } from './support'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
  await services['metrics:import']({
    fileName: 'orders.csv',
    text: 'date,metric,value\n2024-09-01,orders,4\n2024-09-03,orders,5\n',
  })
})
afterAll(() => services.close())

/** EffectiveCost of every demo row charged on `day`, summed from the CSV text. */
function effectiveOn(day: string): string {
  const [header = [], ...rows] = parseCsv(readFileSync(DEMO, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  return sumDecimals(
    rows
      .filter((r) => (r[at('ChargePeriodStart')] ?? '').startsWith(day))
      .map((r) => r[at('EffectiveCost')] || '0'),
  )
}

describe('a showback pack with unit costs from the app', () => {
  it('the export request carries unitMetric, and the pack lists the unit-costs CSV', async () => {
    const request = CHANNELS['report:export'].request.parse({
      kind: 'showback',
      period: '2024-09',
      metric: 'EffectiveCost',
      source: { by: 'ServiceName' },
      formats: ['csv'],
      unitMetric: 'orders',
    })
    const { jobId } = await services['report:export'](request)
    const job = (await waitForReport(services, jobId)).at(-1)
    expect(job).toMatchObject({ state: 'done', error: null })
    const file = job?.files.find((f) => f.name === 'showback-2024-09-unit-costs.csv')
    expect(file?.kind).toBe('unit-cost-csv')
    const lines = readFileSync(services.reportFile(jobId, file?.name ?? '').path, 'utf8').split(
      '\r\n',
    )
    expect(lines[0]).toBe(
      'grain,period,currency,EffectiveCost,orders units,EffectiveCost per orders',
    )
    const first = effectiveOn('2024-09-01')
    expect(lines).toContain(`day,2024-09-02,USD,${effectiveOn('2024-09-02')},,`)
    const day1 = lines.find((l) => l.startsWith('day,2024-09-01,USD,'))
    expect(day1?.split(',').slice(3, 5)).toEqual([first, '4'])
  })

  it('an export without the field writes no unit-costs file', async () => {
    const { jobId } = await services['report:export']({
      kind: 'showback',
      period: '2024-09',
      metric: 'EffectiveCost',
      source: { by: 'ServiceName' },
      formats: ['csv'],
      overwrite: true,
    })
    const job = (await waitForReport(services, jobId)).at(-1)
    expect(job?.files.map((f) => f.name)).not.toContain('showback-2024-09-unit-costs.csv')
  })
})
