/**
 * Presentation mode on commitments (services-commitments.ts) over the FOCUS spec example of a
 * commitment unused at 0%: with the mode on, the rates and the contract list hold none of the
 * example's covered resource ids, with the same figures as with the mode off. A commitment is
 * named by its CommitmentDiscountId, which the mode does not mask (nor does the purchase row's
 * ResourceId alias hide it there, where the example gives the two the same value).
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { createServices } from '../../../electron/core/services'
import { CHANNELS } from '../../../shared/contract'
import { sample, tempDir } from '../../helpers/paths'
import { waitForImport } from '../services/support'

const ZERO = sample(
  'focus-spec-examples/data/commitment_discount_flexibility/zero_percent_utilization_without_commitment_discount_flexibility.csv',
)
/** The example's usage rows' resource ids. */
const COVERED = ['<my-large-vm-id>', '<my-medium-vm-id>']

let services: FocalServices
beforeAll(async () => {
  const dir = tempDir()
  services = await createServices({
    workspacesDir: join(dir, 'workspaces'),
    scratchDir: join(dir, 'scratch'),
    sampleFile: null,
    host: 'web',
    version: 'test',
  })
  await services['workspace:create']({ name: 'commitments-masked' })
  const staged = await services.stageFile(ZERO, 'zero.csv')
  const { jobId } = await services['import:start']({
    files: [staged.token],
    assume: { BillingCurrency: 'USD' },
  })
  expect((await waitForImport(services, jobId)).results[0]?.record?.status).toBe('imported')
}, 120_000)
afterAll(() => services.close())

const read = async () => ({
  rates: CHANNELS['commitments:rates'].response.parse(
    await services['commitments:rates']({ period: '2023-01', asOf: null }),
  ),
  list: CHANNELS['commitments:list'].response.parse(await services['commitments:list']({})),
})

describe('commitments in presentation mode', () => {
  it('hold no covered resource id and keep their figures', async () => {
    const real = await read()
    expect(real.rates.commitments.map((c) => [c.id, c.committed, c.used])).toEqual([
      ['<my-commitment-discount-id>', expect.any(String), '0'],
    ])
    await services['presentation:set']({ on: true })
    const masked = await read()
    const text = JSON.stringify(masked)
    for (const id of COVERED) expect(text.includes(id), id).toBe(false)
    expect(masked).toEqual(real)
  })
})
