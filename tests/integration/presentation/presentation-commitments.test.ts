/**
 * Presentation mode on commitments (services-commitments.ts, list-commitments.ts) over the
 * FOCUS spec example of a commitment unused at 0% and a Contract Commitment dataset: with the
 * mode on, the rates, the contract list and the rows of every commitment figure hold none of
 * the example's covered resource ids nor its commitment id (in FOCUS a commitment's id is its
 * purchase row's ResourceId, so an unmasked CommitmentDiscountId would show the masked
 * resource), with the same figures to the cent as with the mode off. The purchase row shows
 * one alias in both columns: a commitment takes the resource alias (presentation-sql.ts).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { createServices } from '../../../electron/core/services'
import { commitmentRowsRequest, type RowsFigure } from '../../../shared/commitments/commitment-rows'
import { CHANNELS } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { waitForImport } from '../services/support'

const ZERO = sample(
  'focus-spec-examples/data/commitment_discount_flexibility/zero_percent_utilization_without_commitment_discount_flexibility.csv',
)
const CONTRACTS = sample('focus-data-toolkit-golden/gcp_1_3_contract_commitment_rows100_seed42.csv')
/** The example's usage rows' resource ids. */
const COVERED = ['<my-large-vm-id>', '<my-medium-vm-id>']
/** The example's commitment, also its purchase row's ResourceId. */
const COMMITMENT = '<my-commitment-discount-id>'
const FIGURES: RowsFigure[] = ['committed', 'used', 'unused', 'purchases', 'usage']

/** The dataset's ContractCommitmentIds, read from the file itself. */
function contractIds(): string[] {
  const [header = [], ...rows] = parseCsv(readFileSync(CONTRACTS, 'utf8'))
  return rows.map((r) => r[header.indexOf('ContractCommitmentId')] ?? '')
}

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
  for (const [file, name, assume] of [
    [ZERO, 'zero.csv', { BillingCurrency: 'USD' }],
    [CONTRACTS, 'contracts.csv', undefined],
  ] as const) {
    const staged = await services.stageFile(file, name)
    const { jobId } = await services['import:start']({ files: [staged.token], assume })
    expect((await waitForImport(services, jobId)).results[0]?.record?.status).toBe('imported')
  }
}, 120_000)
afterAll(() => services.close())

const read = async () => ({
  rates: CHANNELS['commitments:rates'].response.parse(
    await services['commitments:rates']({ period: '2023-01', asOf: null }),
  ),
  list: CHANNELS['commitments:list'].response.parse(await services['commitments:list']({})),
})

/** Each figure's rows of commitment `id`: count, sums, and every value as text. */
async function rowsOf(id: string) {
  const out: Record<string, { rows: number; billed: string; effective: string }> = {}
  let text = ''
  const purchases: Array<{ resource: string | null; commitment: string | null }> = []
  for (const figure of FIGURES) {
    const page = CHANNELS['rows:page'].response.parse(
      await services['rows:page'](commitmentRowsRequest(figure, '2023-01', 'USD', id)),
    )
    const at = (name: string) => page.columns.indexOf(name)
    out[figure] = {
      rows: page.total,
      billed: sumDecimals(page.rows.map((r) => r[at('BilledCost')] ?? '0')),
      effective: sumDecimals(page.rows.map((r) => r[at('EffectiveCost')] ?? '0')),
    }
    text += JSON.stringify(page.rows)
    if (figure === 'purchases')
      for (const r of page.rows)
        purchases.push({
          resource: r[at('ResourceId')] ?? null,
          commitment: r[at('CommitmentDiscountId')] ?? null,
        })
  }
  return { figures: out, text, purchases }
}

describe('commitments in presentation mode', () => {
  it('hold no covered resource id nor commitment id and keep their figures', async () => {
    const real = await read()
    expect(real.rates.commitments.map((c) => [c.id, c.committed, c.used])).toEqual([
      [COMMITMENT, '1.5', '0'],
    ])
    const realRows = await rowsOf(COMMITMENT)
    expect(realRows.figures.unused).toEqual({ rows: 1, billed: '0', effective: '1.5' })
    expect(realRows.figures.purchases).toEqual({ rows: 1, billed: '1.5', effective: '0' })
    expect(realRows.purchases).toEqual([{ resource: COMMITMENT, commitment: COMMITMENT }])

    await services['presentation:set']({ on: true })
    const masked = await read()
    const [commitment] = masked.rates.commitments
    const alias = commitment!.id
    expect(alias).toMatch(/^res-[0-9a-f]{10}$/)
    const maskedRows = await rowsOf(alias)
    const ids = contractIds()
    const text = JSON.stringify(masked) + maskedRows.text
    for (const id of [...COVERED, COMMITMENT, ...ids]) expect(text.includes(id), id).toBe(false)

    // Same figures to the cent; only the ids differ, and the order of terms that tie on their
    // start, which follows the id shown.
    const unnamed = <T extends { id: string }>(list: readonly T[]): T[] =>
      list
        .map((c) => ({ ...c, id: '' }))
        .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
    const withoutIds = (r: typeof real) => ({
      ...r,
      rates: {
        ...r.rates,
        commitments: unnamed(r.rates.commitments),
        terms: unnamed(r.rates.terms),
      },
      list: { ...r.list, commitments: unnamed(r.list.commitments) },
    })
    expect(withoutIds(masked)).toEqual(withoutIds(real))
    expect(maskedRows.figures).toEqual(realRows.figures)
    // One alias per value: the purchase row shows it as its resource and its commitment.
    expect(maskedRows.purchases).toEqual([{ resource: alias, commitment: alias }])
    // Every contract keeps its own alias (none merged), in the resource alias form.
    const listed = masked.list.commitments.map((c) => c.id)
    expect(new Set(listed).size).toBe(new Set(ids).size)
    for (const id of listed) expect(id).toMatch(/^res-[0-9a-f]{10}$/)
  })
})
