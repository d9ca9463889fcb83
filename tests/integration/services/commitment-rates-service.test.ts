/**
 * The commitments:rates channel (services-commitments.ts): a FOCUS spec commitment example
 * staged and imported by a job with BillingCurrency supplied, its figures read through the
 * services and valid against the contract, each figure's rows summing to it; no workspace, no
 * answer (the contract's refusals: tests/unit/shared/contract-commitment-rates.exploit.test.ts).
 */
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { createServices } from '../../../electron/core/services'
import { commitmentRowsRequest } from '../../../shared/commitments/commitment-rows'
import { CHANNELS, type ImportJob } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { sample, tempDir } from '../../helpers/paths'
import { waitForImport } from './support'

const ZERO = sample(
  'focus-spec-examples/data/commitment_discount_flexibility/zero_percent_utilization_without_commitment_discount_flexibility.csv',
)
let services: FocalServices

beforeEach(async () => {
  const dir = tempDir()
  services = await createServices({
    workspacesDir: join(dir, 'workspaces'),
    scratchDir: join(dir, 'scratch'),
    sampleFile: null,
    host: 'web',
    version: 'test',
  })
})
afterEach(() => services.close())

function waitForJob(jobId: string): Promise<ImportJob> {
  return waitForImport(services, jobId)
}

describe('commitments:rates', () => {
  it('answers an empty workspace with no period, then the imported example’s figures', async () => {
    await services['workspace:create']({ name: 'rates' })
    const empty = await services['commitments:rates']({ period: null, asOf: '2023-01-31' })
    expect(CHANNELS['commitments:rates'].response.parse(empty)).toMatchObject({
      period: null,
      periods: [],
      totals: [],
      commitments: [],
      asOf: '2023-01-31',
      contractsImported: false,
    })
    const staged = await services.stageFile(ZERO, 'zero.csv')
    const { jobId } = await services['import:start']({
      files: [staged.token],
      assume: { BillingCurrency: 'USD' },
    })
    expect((await waitForJob(jobId)).results[0]?.record?.status).toBe('imported')

    const rates = CHANNELS['commitments:rates'].response.parse(
      await services['commitments:rates']({ period: '2023-01', asOf: null }),
    )
    expect(rates).toMatchObject({ period: '2023-01', periods: ['2023-01'], asOf: '2023-01-01' })
    // The example's Unused row: EffectiveCost 1.50, nothing used.
    expect(rates.commitments).toMatchObject([
      { committed: '1.5', used: '0', unused: '1.5', utilization: '0' },
    ])

    // Each figure's rows (the Rows drawer's request) sum to the figure.
    const [commitment] = rates.commitments
    const rowsOf = async (figure: 'committed' | 'used' | 'unused' | 'purchases') => {
      const page = CHANNELS['rows:page'].response.parse(
        await services['rows:page'](
          commitmentRowsRequest(figure, '2023-01', 'USD', commitment!.id),
        ),
      )
      const at = (name: string) => page.columns.indexOf(name)
      return {
        rows: page.total,
        effective: sumDecimals(page.rows.map((r) => r[at('EffectiveCost')] ?? '0')),
        billed: sumDecimals(page.rows.map((r) => r[at('BilledCost')] ?? '0')),
      }
    }
    expect(await rowsOf('unused')).toEqual({ rows: 1, effective: '1.5', billed: '0' })
    expect(await rowsOf('committed')).toEqual({ rows: 1, effective: '1.5', billed: '0' })
    expect(await rowsOf('used')).toEqual({ rows: 0, effective: '0', billed: '0' })
    expect(await rowsOf('purchases')).toEqual({ rows: 1, effective: '0', billed: '1.5' })
    // All commitments of the currency: the totals' figure.
    const all = await services['rows:page'](commitmentRowsRequest('unused', '2023-01', 'USD', null))
    expect(all.total).toBe(1)
  })

  it('refuses without an open workspace', async () => {
    await expect(services['commitments:rates']({ period: null, asOf: null })).rejects.toMatchObject(
      {
        error: { code: 'NO_WORKSPACE' },
      },
    )
  })
})
