/**
 * The filter editor's values channel (issue 9, Filters) on the demo workspace: each value's
 * row count and billed cost under the other filters equal what this test counts in the CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import { atLeast, csvRows } from '../../helpers/csv-rows'
import { DEMO, demoServices } from './support'

let services: FocalServices

beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
})
afterAll(() => services.close())

const spec: PivotSpec = {
  ...DEFAULT_PIVOT,
  timeGrain: 'none',
  topN: null,
  filters: [
    {
      dimension: { kind: 'column', name: 'ServiceName' },
      op: 'notIn',
      values: ['Amazon Elastic Compute Cloud'],
    },
    // The listed dimension's own filter is left out of its list.
    { dimension: { kind: 'column', name: 'RegionId' }, op: 'in', values: ['us-east-1'] },
  ],
  conditions: [
    { op: 'tagPresent', key: 'application' },
    { op: 'range', column: 'BilledCost', min: '0.001', max: null },
  ],
}

/** What the spec's other filters keep of the demo, counted and summed here per RegionId. */
function expected(search: string): Map<string | null, { rows: number; cost: string }> {
  const kept = csvRows(DEMO).filter((r) => {
    if (r.ServiceName === 'Amazon Elastic Compute Cloud') return false
    const tags = r.Tags === null ? {} : (JSON.parse(r.Tags) as Record<string, unknown>)
    if (tags.application === undefined || tags.application === null) return false
    if (r.BilledCost === null || !atLeast(r.BilledCost, '0.001')) return false
    const label = r.RegionId ?? '(none)'
    return label.toLowerCase().includes(search.toLowerCase())
  })
  const groups = new Map<string | null, string[]>()
  for (const r of kept) groups.set(r.RegionId, [...(groups.get(r.RegionId) ?? []), r.BilledCost!])
  return new Map(
    [...groups].map(([k, costs]) => [k, { rows: costs.length, cost: sumDecimals(costs) }]),
  )
}

describe('pivot:values', () => {
  it('counts and sums each RegionId under the other filters exactly as the CSV does', async () => {
    const answer = await services['pivot:values']({
      spec,
      dimension: { kind: 'column', name: 'RegionId' },
      search: '',
      limit: 500,
    })
    expect(CHANNELS['pivot:values'].response.parse(answer)).toEqual(answer)
    const want = expected('')
    expect(want.size).toBeGreaterThan(2)
    expect(answer.more).toBe(0)
    expect(new Map(answer.values.map((v) => [v.value, v.rows]))).toEqual(
      new Map([...want].map(([k, v]) => [k, v.rows])),
    )
    for (const v of answer.values)
      expect(v.costs).toEqual([{ currency: 'USD', amount: want.get(v.value)!.cost }])
    const rows = answer.values.map((v) => v.rows)
    expect([...rows].sort((a, b) => b - a)).toEqual(rows)
  })

  it('searches case-insensitively and counts what the cap leaves out', async () => {
    const answer = await services['pivot:values']({
      spec,
      dimension: { kind: 'column', name: 'RegionId' },
      search: 'US-',
      limit: 1,
    })
    const want = expected('us-')
    expect(want.size).toBeGreaterThan(1)
    expect(answer.values.length).toBe(1)
    expect(answer.more).toBe(want.size - 1)
    const [top] = [...want].sort((a, b) => b[1].rows - a[1].rows)
    expect(answer.values[0]!.rows).toBe(top![1].rows)
  })

  it('refuses a column the workspace lacks, naming it', async () => {
    await expect(
      services['pivot:values']({
        spec,
        dimension: { kind: 'column', name: 'NoSuchColumn' },
        search: '',
        limit: 10,
      }),
    ).rejects.toMatchObject({
      error: { code: 'BAD_REQUEST', message: 'Unknown column NoSuchColumn.' },
    })
  })
})
