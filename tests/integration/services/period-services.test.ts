/**
 * The month-close channels of the core services on the demo data, as the
 * Reports screen calls them: every month listed Open, a close recording the
 * figures the CSV sums to and the files of the pack exported just before, a
 * showback pack never listed as a chargeback, and a reopen keeping the close.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { sumDecimals } from '../../../shared/money'
import { demoServices, periodSums, waitForReport } from './support'

let services: FocalServices

beforeAll(async () => {
  ;({ services } = await demoServices())
  await services['workspace:openSample']({})
})
afterAll(() => services.close())

const report = {
  period: '2024-09',
  metric: 'BilledCost',
  source: { by: 'SubAccountName' },
} as const

async function exportPack(kind: 'chargeback' | 'showback') {
  const { jobId } = await services['report:export']({ ...report, kind, formats: ['csv'] })
  const jobs = await waitForReport(services, jobId)
  const job = jobs.at(-1)
  expect(job?.state).toBe('done')
  return job
}

describe('period services', () => {
  it('lists every month of the data as Open', async () => {
    const list = await services['periods:list']({})
    expect(list.map((p) => [p.period, p.state, p.hasRows, p.packs.length])).toEqual([
      ['2024-09', 'open', true, 0],
      ['2024-10', 'open', true, 0],
    ])
  })

  it('refuses to close on saved rules the workspace does not have, naming the Allocate screen', async () => {
    await expect(
      services['periods:close']({ ...report, note: 'x', source: { rules: 'saved' } }),
    ).rejects.toMatchObject({ error: { code: 'NOT_FOUND', hint: /Allocate screen/ } })
  })

  it('closes the month with its figures and the last pack’s files', async () => {
    const chargeback = await exportPack('chargeback')
    await exportPack('showback')
    const entry = await services['periods:close']({ ...report, note: 'September signed off' })
    const expected = periodSums('BilledCost', '2024-09', 'SubAccountName')
    expect(entry.state).toBe('closed')
    expect(entry.close?.totals).toEqual([
      { currency: 'USD', amount: sumDecimals(Object.values(expected)) },
    ])
    expect(Object.fromEntries(entry.close?.figures.map((f) => [f.target, f.amount]) ?? [])).toEqual(
      expected,
    )
    // The latest pack of the month was the showback, exported after the chargeback.
    expect(entry.close?.pack?.kind).toBe('showback')
    expect(entry.packs.map((p) => p.kind)).toEqual(['showback', 'chargeback'])
    const listed = entry.packs.find((p) => p.kind === 'chargeback')
    expect(listed?.files.map((f) => [f.path, f.sha256])).toEqual(
      chargeback?.files.map((f) => [f.name, f.sha256]),
    )
    expect(listed?.current).toBe(true)
  })

  it('reopens it with a note, the close kept', async () => {
    const entry = await services['periods:reopen']({ period: '2024-09', note: 'late credit' })
    expect(entry.state).toBe('reopened')
    expect(entry.close?.note).toBe('September signed off')
    expect(entry.reopen?.note).toBe('late credit')
    await expect(
      services['periods:reopen']({ period: '2024-09', note: 'again' }),
    ).rejects.toMatchObject({ error: { code: 'BAD_REQUEST' } })
  })
})
