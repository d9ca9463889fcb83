/** The core services every host runs: sample workspace, staged import job with events, registry, catalog. */
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { createServices } from '../../../electron/core/services'
import type { ImportJob } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { csvSums } from '../../helpers/csv-sums'
import { ROOT, sample, tempDir } from '../../helpers/paths'
import { waitForImport } from './support'

const DEMO = join(ROOT, 'resources/demo/focus-sample.csv')
let services: FocalServices

beforeEach(async () => {
  const dir = tempDir()
  services = await createServices({
    workspacesDir: join(dir, 'workspaces'),
    scratchDir: join(dir, 'scratch'),
    sampleFile: DEMO,
    host: 'web',
    version: 'test',
  })
})
afterEach(() => services.close())

function waitForJob(jobId: string): Promise<ImportJob> {
  return waitForImport(services, jobId)
}

describe('services', () => {
  it("opens the bundled sample in a scratch workspace with the file's exact totals", async () => {
    const info = await services['workspace:openSample']({})
    expect(info).toMatchObject({
      scratch: true,
      rowCount: 1000,
      importCount: 1,
      currencies: ['USD'],
    })
    const loaded = await services['loaded:summary']({})
    expect(loaded.map((r) => [r.billingPeriod, r.provider, r.currency, r.rows])).toEqual([
      ['2024-09', 'AWS', 'USD', 942],
      ['2024-09', 'Microsoft', 'USD', 51],
      ['2024-09', 'Oracle', 'USD', 6],
      ['2024-10', 'Oracle', 'USD', 1],
    ])
    expect(sumDecimals(loaded.map((r) => r.billedCost))).toBe(csvSums(DEMO, 'BilledCost').USD?.sum)
    expect(sumDecimals(loaded.map((r) => r.effectiveCost))).toBe(
      csvSums(DEMO, 'EffectiveCost').USD?.sum,
    )
    expect((await services['imports:list']({}))[0]).toMatchObject({
      fileName: 'focus-sample.csv',
      reconciled: true,
    })
  })

  it('imports staged files as a job, pushing progress events, and refuses unknown tokens', async () => {
    await services['workspace:create']({ name: 'Client A' })
    expect(await services['workspace:list']({})).toEqual([
      expect.objectContaining({ name: 'Client A' }),
    ])
    const staged = await services.stageFile(
      sample('focus-data-toolkit-golden/consolidated_multi_provider_1_3.csv'),
      'multi.csv',
    )
    const empty = await services.stageFile(
      sample('focus-data-toolkit-golden/scenarios_sca_equal.csv'),
      'sca.csv',
    )
    const { jobId } = await services['import:start']({ files: [staged.token, empty.token] })
    const job = await waitForJob(jobId)
    expect(job.state).toBe('failed')
    expect(job.results.map((r) => [r.fileName, r.record?.status, r.error?.code ?? null])).toEqual([
      ['multi.csv', 'imported', null],
      ['sca.csv', 'failed', 'MISSING_COLUMNS'],
    ])
    expect((await services['workspace:info']({}))?.currencies).toEqual(['EUR', 'USD'])
    await expect(services['import:start']({ files: ['A'.repeat(24)] })).rejects.toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
  })

  it('lists the catalog: present columns with kinds, and tag keys', async () => {
    await services['workspace:openSample']({})
    const catalog = await services['catalog:get']({})
    const names = catalog.columns.map((c) => c.name)
    expect(names).toContain('ServiceName')
    expect(names).not.toContain('InvoiceDetailId')
    expect(catalog.columns.find((c) => c.name === 'x_Id')?.kind).toBe('provider')
    expect(catalog.columns.find((c) => c.name === 'x_SourceFile')?.kind).toBe('provenance')
    expect(catalog.tagKeys).toEqual(
      expect.arrayContaining(['application', 'environment', 'business_unit']),
    )
  })

  it('answers NO_WORKSPACE before one is open', async () => {
    await expect(services['loaded:summary']({})).rejects.toMatchObject({
      error: { code: 'NO_WORKSPACE' },
    })
  })
})
