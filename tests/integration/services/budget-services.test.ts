/**
 * The budget channels of the core services (services-budgets.ts) on the sample: the status
 * defaults to the month of the last data, set, import (a bad row refused naming it), export
 * and delete; every answer passes its contract, and the contract refuses a path for a file name.
 */
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

const status = async (request: object = {}) =>
  CHANNELS['budgets:status'].response.parse(await services['budgets:status'](request))

describe('budget channels', () => {
  it('set, status of the month of the last data, import, export, delete', async () => {
    expect(await status()).toMatchObject({ period: '2024-09', asOf: '2024-09-30', budgets: [] })
    const key = {
      period: '2024-09',
      dimension: 'ServiceName',
      value: 'Amazon Elastic Compute Cloud',
      currency: 'USD',
    }
    const saved = CHANNELS['budgets:set'].response.parse(
      await services['budgets:set']({ ...key, amount: '0.01', thresholds: [50, 100] }),
    )
    expect(saved).toMatchObject({ ...key, amount: '0.01', thresholds: [50, 100] })
    const report = await status({ period: '2024-09', metric: 'EffectiveCost' })
    expect(report.metric).toBe('EffectiveCost')
    expect(report.budgets[0]?.crossed.map((c) => c.threshold)).toEqual([50, 100])
    expect(report.alerts).toHaveLength(2)

    const bad = await services['budgets:import']({
      fileName: 'team.csv',
      text: 'period,value,currency,amount\n2024-09,ml,USD,1e3\n',
      by: 'tag:team',
    }).catch((cause: unknown) => cause)
    expect(bad).toBeInstanceOf(FocalFailure)
    expect((bad as FocalFailure).error.message).toBe(
      'team.csv line 2, column amount: "1e3" is not an amount.',
    )
    const imported = CHANNELS['budgets:import'].response.parse(
      await services['budgets:import']({
        fileName: 'team.csv',
        text: 'period,value,currency,amount\n2024-09,ml,USD,1000\n',
        by: 'tag:team',
      }),
    )
    expect(imported).toEqual({ fileName: 'team.csv', added: 1, replaced: 0 })
    const exported = CHANNELS['budgets:export'].response.parse(
      await services['budgets:export']({ period: '2024-09' }),
    )
    expect(exported.fileName).toBe('budgets-2024-09.csv')
    expect(exported.text.split('\r\n')).toEqual([
      'period,dimension,value,currency,amount,thresholds',
      '2024-09,ServiceName,Amazon Elastic Compute Cloud,USD,0.01,50;100',
      '2024-09,tag:team,ml,USD,1000,50;80;100',
      '',
    ])
    expect(await services['budgets:delete'](key)).toEqual({ deleted: true })
    expect((await status()).budgets.map((b) => b.value)).toEqual(['ml'])
  })

  it('the contract refuses a path, a bad month and a threshold out of range', () => {
    for (const fileName of ['../b.csv', '/tmp/b.csv', 'C:\\b.csv'])
      expect(CHANNELS['budgets:import'].request.safeParse({ fileName, text: '' }).success).toBe(
        false,
      )
    expect(CHANNELS['budgets:status'].request.safeParse({ period: '2024-9' }).success).toBe(false)
    const budget = { period: '2024-09', dimension: 'x', value: 'y', currency: 'USD', amount: '1' }
    expect(CHANNELS['budgets:set'].request.safeParse({ ...budget, thresholds: [80] }).success).toBe(
      true,
    )
    expect(CHANNELS['budgets:set'].request.safeParse({ ...budget, thresholds: [0] }).success).toBe(
      false,
    )
    expect(
      CHANNELS['budgets:set'].request.safeParse({ ...budget, currency: 'usd', thresholds: [80] })
        .success,
    ).toBe(false)
  })
})
