/**
 * The exchange rate channels of the core services (services-fx.ts): a rates CSV uploaded as
 * name and text, already imported the second time, a bad line refused naming it, the list;
 * answers pass their contract, and a path or a lowercase reporting currency never does.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, FocalFailure } from '../../../shared/contract'
import { demoServices } from './support'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:create']({ name: 'fx' })
})
afterAll(() => services.close())

const TEXT = 'month,from,to,rate,source\n2024-09,USD,EUR,0.9012,Treasury\n'

describe('fx channels', () => {
  it('import, already imported, a bad line, list', async () => {
    const first = await services['fx:import']({ fileName: 'rates.csv', text: TEXT })
    expect(CHANNELS['fx:import'].response.parse(first)).toEqual({
      status: 'imported',
      importId: 1,
      fileName: 'rates.csv',
      sha256: createHash('sha256').update(TEXT).digest('hex'),
      rates: 1,
      restated: 0,
    })
    expect((await services['fx:import']({ fileName: 'copy.csv', text: TEXT })).status).toBe(
      'already-imported',
    )
    const bad = await services['fx:import']({
      fileName: 'bad.csv',
      text: 'month,from,to,rate,source\n2024-09,USD,EUR,-1,X\n',
    }).catch((cause: unknown) => cause)
    expect(bad).toBeInstanceOf(FocalFailure)
    expect((bad as FocalFailure).error.message).toBe(
      'bad.csv line 2, column rate: "-1" is not a rate above zero.',
    )
    const list = CHANNELS['fx:list'].response.parse(await services['fx:list']({}))
    expect(list.imports.map((i) => i.fileName)).toEqual(['rates.csv'])
    expect(list.rates).toEqual([
      {
        from: 'USD',
        to: 'EUR',
        grain: 'month',
        on: '2024-09',
        rate: '0.9012',
        source: 'Treasury',
        importId: 1,
      },
    ])
  })

  it('the contract refuses a path for the file name and a reporting currency not in ISO capitals', () => {
    for (const fileName of ['../rates.csv', '/tmp/rates.csv', 'C:\\rates.csv'])
      expect(CHANNELS['fx:import'].request.safeParse({ fileName, text: TEXT }).success).toBe(false)
    const request = {
      kind: 'chargeback',
      period: '2024-09',
      metric: 'BilledCost',
      source: { by: 'SubAccountName' },
      formats: ['csv'],
    }
    expect(
      CHANNELS['report:export'].request.safeParse({ ...request, reportingCurrency: 'EUR' }).success,
    ).toBe(true)
    for (const reportingCurrency of ['eur', 'EURO', ''])
      expect(
        CHANNELS['report:export'].request.safeParse({ ...request, reportingCurrency }).success,
      ).toBe(false)
  })
})
