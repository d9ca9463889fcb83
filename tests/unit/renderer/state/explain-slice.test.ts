/**
 * explain-slice: the app's store over real services (real DuckDB, the demo sample): a preview
 * figure explained and its bundle read, a cost center the report lacks kept as the task's
 * error, and an answer for a figure no longer open dropped in favour of the one opened since.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import { createAppStore, type AppStore } from '../../../../renderer/src/state/store'
import type { ExplainRequest } from '../../../../shared/contract'
import { decimalsEqual } from '../../../../shared/money'
import { demoServices, periodSums } from '../../../integration/services/support'
import { servicesTransport } from './services-transport'

let services: FocalServices
beforeEach(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
})
afterEach(() => services.close())

const preview = (target: string): ExplainRequest => ({
  period: '2024-09',
  target,
  kind: 'showback',
  preview: { metric: 'BilledCost', source: { by: 'SubAccountName' } },
})

describe('explain slice', () => {
  it('explains a preview figure, gives its bundle, and closes', async () => {
    const store: AppStore = createAppStore(servicesTransport(services))
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    // The oracle: the September BilledCost of the sample's first account, summed from the CSV.
    const [account = '', expected = ''] = Object.entries(
      periodSums('BilledCost', '2024-09', 'SubAccountName'),
    )[0] ?? ['', '']
    await s().openExplain(preview(account))
    expect(s().explain.task.status).toBe('done')
    expect(s().explain.figure?.target).toBe(account)
    expect(decimalsEqual(s().explain.figure?.figure.exact ?? '', expected)).toBe(true)
    const file = await s().explainEvidence()
    expect(file?.mediaType).toBe('application/zip')
    expect(s().explain.evidenceTask.status).toBe('done')
    s().closeExplain()
    expect(s().explain).toMatchObject({ request: null, figure: null })
  })

  it('keeps a cost center the report lacks as the task error', async () => {
    const store = createAppStore(servicesTransport(services))
    await store.getState().openExplain(preview('Nobody'))
    expect(store.getState().explain.task.status).toBe('failed')
    expect(store.getState().explain.task.error?.message).toBe(
      '"Nobody" has no figure in the showback of 2024-09.',
    )
  })

  it('drops the answer for a figure no longer open', async () => {
    const [older = '', newer = ''] = Object.keys(
      periodSums('BilledCost', '2024-09', 'SubAccountName'),
    )
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const store = createAppStore(
      servicesTransport(services, {
        afterAnswer: (name, request) =>
          name === 'explain:figure' && (request as ExplainRequest).target === older
            ? held
            : undefined,
      }),
    )
    const first = store.getState().openExplain(preview(older))
    await store.getState().openExplain(preview(newer))
    release()
    await first
    expect(store.getState().explain.request?.target).toBe(newer)
    expect(store.getState().explain.figure?.target).toBe(newer)
    expect(store.getState().explain.task.status).toBe('done')
  })
})
