/**
 * The drill-through channels of the core services (services-rows.ts) on the demo workspace:
 * a cell's rows, a row's detail, and "Show in source" once a host hands over a folder.
 */
import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { csvSums } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { DEMO, demoServices } from './support'

let services: FocalServices

beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
})
afterAll(() => services.close())

describe('rows services', () => {
  it("rows:page gives a service's rows in pages that sum to the file", async () => {
    const oracle = csvSums(DEMO, 'BilledCost', 'ServiceName')
    const [service, expected] = Object.entries(oracle).sort((a, b) => b[1].rows - a[1].rows)[0]!
    const filters = [
      {
        dimension: { kind: 'column' as const, name: 'ServiceName' },
        op: 'in' as const,
        values: [service],
      },
    ]
    const billed: string[] = []
    for (let offset = 0; offset < expected.rows; offset += 100) {
      const page = await services['rows:page']({
        dateRange: null,
        filters,
        period: null,
        sort: null,
        offset,
        limit: 100,
      })
      expect(CHANNELS['rows:page'].response.parse(page)).toEqual(page)
      expect(page.total).toBe(expected.rows)
      const at = page.columns.indexOf('BilledCost')
      billed.push(...page.rows.flatMap((r) => (r[at] === null ? [] : [r[at]!])))
    }
    expect(sumDecimals(billed)).toBe(expected.sum)
  })

  it('rows:source finds the file only once a host hands over its folder, then for the session', async () => {
    const key = { importId: 1, sourceRow: 12 }
    const detail = await services['rows:detail'](key)
    expect(CHANNELS['rows:detail'].response.parse(detail)).toEqual(detail)
    const away = await services['rows:source'](key)
    expect(away.found).toBe(false)
    const folder = tempDir()
    copyFileSync(DEMO, join(folder, 'copy.csv'))
    const lines = readFileSync(DEMO, 'utf8').split(/\r?\n/)
    const found = await services.rowSourceIn(key, folder)
    expect(found).toMatchObject({
      found: true,
      line: lines[12],
      fileName: detail.provenance.fileName,
    })
    expect(await services['rows:source']({ importId: 1, sourceRow: 13 })).toMatchObject({
      found: true,
      line: lines[13],
    })
  })
})
