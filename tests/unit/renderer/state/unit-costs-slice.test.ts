/**
 * unit-costs-slice: the app's store over real services (real DuckDB, the demo sample): a
 * metrics upload picks the metric and runs the series; a slice typed narrows it; of two
 * choices made quickly, the last one's series is shown even when the first answers after it;
 * the target slice reads the saved rules' targets; a showback export carries the unit metric.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import { servicesTransport } from './services-transport'
import { createAppStore, type AppStore } from '../../../../renderer/src/state/store'
import type { UnitCostRequest } from '../../../../shared/contract/unit-costs'
import { demoServices } from '../../../integration/services/support'

let services: FocalServices
let store: AppStore
/** Holds back the answer for this grain until released. */
let held: { grain: string; release: Promise<void> } | null = null
/** The requests the store sent, by channel or host method. */
let sent: Array<{ name: string; request: unknown }> = []
beforeEach(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
  held = null
  sent = []
  store = createAppStore(transport())
})
afterEach(() => services.close())

/** The services answered in-process; an answer for the held grain waits for its release. */
function transport(): ReturnType<typeof servicesTransport> {
  return servicesTransport(services, {
    afterAnswer: async (name, request) => {
      sent.push({ name, request })
      const grain = (request as UnitCostRequest | undefined)?.grain
      if (name === 'unitCosts:run' && held && grain === held.grain) await held.release
    },
  })
}

const TEXT = 'date,metric,value\n2024-09-01,orders,4\n2024-09-03,orders,5\n'

describe('unit costs slice', () => {
  it('an upload picks the metric and runs; a slice narrows it; a late answer to an earlier choice is dropped', async () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    await s().loadUnitCosts()
    expect(s().unitCosts.series).toBeNull()
    await s().uploadMetrics(new File([TEXT], 'orders.csv', { type: 'text/csv' }))
    expect(s().unitCosts.upload.status).toBe('done')
    expect(s().unitCosts.choices.metric).toBe('orders')
    const all = s().unitCosts.series
    expect(all?.periods).toHaveLength(30)
    expect(all?.periods.slice(0, 3).map((p) => p.units)).toEqual(['4', null, '5'])

    await s().chooseUnitCosts({ sliceValue: 'Amazon Elastic Compute Cloud' })
    expect(s().unitCosts.request?.filters).toEqual([
      {
        dimension: { kind: 'column', name: 'ServiceName' },
        op: 'in',
        values: ['Amazon Elastic Compute Cloud'],
      },
    ])
    expect(s().unitCosts.series?.points[0]).toMatchObject({
      period: '2024-09-01',
      cost: '0.0421391927',
      costPerUnit: '0.010534798175',
    })

    let release = (): void => undefined
    held = { grain: 'week', release: new Promise((resolve) => (release = resolve)) }
    const slow = s().chooseUnitCosts({ grain: 'week' })
    await s().chooseUnitCosts({ grain: 'month' })
    release()
    await slow
    expect(s().unitCosts.series?.grain).toBe('month')
    expect(s().unitCosts.task.status).toBe('done')
  })

  it("the target slice reads the saved rules' targets each time it is chosen, picks the first and runs it", async () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    await s().uploadMetrics(new File([TEXT], 'orders.csv', { type: 'text/csv' }))
    await s().chooseUnitCosts({ slice: 'target' })
    expect(s().unitCosts.targets?.ruleVersion).toBeNull()
    expect(s().unitCosts.request).toBeNull()

    const example = (await services['allocation:example']({})).ruleSet
    await services['allocation:save']({ ruleSet: example, note: 'Cost centers' })
    await s().chooseUnitCosts({ slice: 'filters' })
    await s().chooseUnitCosts({ slice: 'target' })
    expect(s().unitCosts.targets?.ruleVersion).toBe(1)
    expect(s().unitCosts.choices.target).toBe('AI Research')
    await s().chooseUnitCosts({ target: 'Engineering' })
    expect(s().unitCosts.request).toMatchObject({ target: 'Engineering', filters: [] })
    expect(s().unitCosts.series?.allocation?.target).toBe('Engineering')
    expect(s().unitCosts.task.status).toBe('done')
  })

  it('a showback export carries the picked unit metric; a chargeback does not', async () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    await s().uploadMetrics(new File([TEXT], 'orders.csv', { type: 'text/csv' }))
    s().setPackUnitMetric('orders')
    const exported = async (): Promise<unknown> => {
      sent = []
      await s().exportPack()
      return sent.find((c) => c.name === 'exportReport')?.request
    }
    s().setReport({ kind: 'showback', period: '2024-09' })
    expect(await exported()).toMatchObject({ kind: 'showback', unitMetric: 'orders' })
    s().setReport({ kind: 'chargeback' })
    expect(await exported()).not.toHaveProperty('unitMetric')
  })
})
