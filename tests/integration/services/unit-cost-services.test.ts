/**
 * The unit economics channels of the core services (services-unit-costs.ts) over the demo
 * sample: a metrics CSV uploaded as name and text, the list, a cost per unit; answers pass
 * their contract, and a path for the file name or an unknown field never does.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, FocalFailure } from '../../../shared/contract'
import { demoServices } from './support'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
})
afterAll(() => services.close())

const TEXT = 'date,metric,value,dimension\n2024-09-01,orders,4,shop\n2024-09-03,orders,5,shop\n'

describe('unit cost channels', () => {
  it('import, list, run', async () => {
    const imported = CHANNELS['metrics:import'].response.parse(
      await services['metrics:import']({ fileName: 'orders.csv', text: TEXT }),
    )
    expect(imported).toEqual({
      importId: 1,
      fileName: 'orders.csv',
      sha256: createHash('sha256').update(TEXT).digest('hex'),
      values: 2,
      replaced: 0,
    })
    const bad = await services['metrics:import']({
      fileName: 'bad.csv',
      text: 'date,metric,value\n2024-09-01,orders,\n',
    }).catch((cause: unknown) => cause)
    expect((bad as FocalFailure).error.message).toBe(
      'bad.csv row 2, column value: the value is empty.',
    )
    const list = CHANNELS['metrics:list'].response.parse(await services['metrics:list']({}))
    expect(list.metrics).toEqual([
      { metric: 'orders', dimension: 'shop', values: 2, first: '2024-09-01', last: '2024-09-03' },
    ])
    const series = CHANNELS['unitCosts:run'].response.parse(
      await services['unitCosts:run']({
        metric: 'orders',
        dimension: 'shop',
        costMetric: 'BilledCost',
        grain: 'day',
        dateRange: { start: '2024-09-01', end: '2024-09-04' },
        filters: [
          {
            dimension: { kind: 'column', name: 'ServiceName' },
            op: 'in',
            values: ['Amazon Elastic Compute Cloud'],
          },
        ],
      }),
    )
    // EC2's BilledCost on the 1st (0.0421391927) ÷ 4 and on the 3rd (0.0444802566) ÷ 5.
    expect(series.points.map((p) => [p.period, p.cost, p.costPerUnit])).toEqual([
      ['2024-09-01', '0.0421391927', '0.010534798175'],
      ['2024-09-02', '0.0109476633', null],
      ['2024-09-03', '0.0444802566', '0.00889605132'],
    ])
  })

  it('the contract refuses a path for the file name and fields it does not know', () => {
    for (const fileName of ['../m.csv', '/tmp/m.csv', 'C:\\m.csv'])
      expect(CHANNELS['metrics:import'].request.safeParse({ fileName, text: TEXT }).success).toBe(
        false,
      )
    const run = {
      metric: 'orders',
      costMetric: 'BilledCost',
      grain: 'day',
      dateRange: null,
      filters: [],
    }
    expect(CHANNELS['unitCosts:run'].request.safeParse(run).success).toBe(true)
    expect(CHANNELS['unitCosts:run'].request.safeParse({ ...run, sql: 'x' }).success).toBe(false)
    expect(
      CHANNELS['unitCosts:run'].request.safeParse({ ...run, costMetric: 'ListCost' }).success,
    ).toBe(false)
    expect(CHANNELS['unitCosts:run'].request.safeParse({ ...run, grain: 'hour' }).success).toBe(
      false,
    )
  })

  it('an unknown metric fails with a hint', async () => {
    const caught = await services['unitCosts:run']({
      metric: 'signups',
      costMetric: 'BilledCost',
      grain: 'month',
      dateRange: null,
      filters: [],
    }).catch((cause: unknown) => cause)
    expect(caught).toBeInstanceOf(FocalFailure)
    expect((caught as FocalFailure).error.code).toBe('NOT_FOUND')
  })
})
