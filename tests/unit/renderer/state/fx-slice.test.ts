/**
 * fx-slice: the app's store over real services (real DuckDB, the demo sample): a bad rates
 * file kept as the task's error with nothing listed, good rates listed, the reporting
 * currency typed loosely kept as an ISO code, and the export asking the pack in it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import type { FocalTransport } from '../../../../renderer/src/api/transport'
import { createAppStore, type AppStore } from '../../../../renderer/src/state/store'
import type { ReportExportRequest } from '../../../../shared/contract'
import { demoServices } from '../../../integration/services/support'

let services: FocalServices
let store: AppStore
let exported: ReportExportRequest[]
beforeEach(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
  exported = []
  store = createAppStore(transport())
})
afterEach(() => services.close())

/** The services answered in-process; exportReport only records what the page asked for. */
function transport(): FocalTransport {
  return new Proxy(
    {},
    {
      get:
        (_target, name: string) =>
        (request: unknown): unknown => {
          if (name === 'exportReport') {
            exported.push(request as ReportExportRequest)
            return Promise.resolve(null)
          }
          return (services as unknown as Record<string, (r: unknown) => unknown>)[name]?.(request)
        },
    },
  ) as unknown as FocalTransport
}

const file = (name: string, text: string): File => new File([text], name, { type: 'text/csv' })

describe('fx slice', () => {
  it('keeps a refused file as the error, lists good rates, and sends the reporting currency', async () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    await s().loadFx()
    expect(s().fx.list).toEqual({ imports: [], rates: [] })

    await s().uploadRates(file('bad.csv', 'month,from,to,rate,source\n2024-9,USD,EUR,0.9,T\n'))
    expect(s().fx.task.status).toBe('failed')
    expect(s().fx.task.error?.message).toBe(
      'bad.csv line 2, column month: "2024-9" is not a month.',
    )
    expect(s().fx.list?.rates).toEqual([])

    await s().uploadRates(file('ok.csv', 'month,from,to,rate,source\n2024-09,USD,EUR,0.9,T\n'))
    expect(s().fx.task.status).toBe('done')
    expect(s().fx.last?.status).toBe('imported')
    expect(s().fx.list?.rates.map((r) => [r.from, r.to, r.on, r.rate])).toEqual([
      ['USD', 'EUR', '2024-09', '0.9'],
    ])

    s().setReport({ period: '2024-09', source: { by: 'SubAccountName' } })
    s().setReportingCurrency('eu')
    await s().exportPack()
    s().setReportingCurrency(' e-u-r ')
    expect(s().fx.reportingCurrency).toBe('EUR')
    await s().exportPack()
    expect(exported.map((r) => r.reportingCurrency)).toEqual([undefined, 'EUR'])
  })
})
