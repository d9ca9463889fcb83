/**
 * Commitment rates (electron/core/commitments/commitment-rates.ts) on the FOCUS spec's own
 * commitment discount examples (focus-spec-examples, see focus-spec.md §Commitment
 * Discounts), imported through the real import with BillingCurrency assumed (the examples
 * lack it). Sums expected are read from each CSV by the tests' own parser; ratios are
 * worked out by hand beside them (the arithmetic is in the comments).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { readCommitmentRates } from '../../../electron/core/commitments/commitment-rates'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { CommitmentRatesSchema } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const EXAMPLES = 'focus-spec-examples/data'
const FLEX = `${EXAMPLES}/commitment_discount_flexibility`
const SCENARIOS = `${EXAMPLES}/commitment_discount_scenarios`

let ws: Workspace | undefined
afterEach(async () => {
  await ws?.close()
  ws = undefined
})

/** Imports one example file into a fresh workspace and reads its January 2023 figures. */
async function ratesOf(file: string) {
  ws = await freshWorkspace()
  const record = await importFile(ws, sample(file), { assume: { BillingCurrency: 'USD' } })
  expect([record.status, record.error?.message]).toEqual(['imported', undefined])
  return CommitmentRatesSchema.parse(await readCommitmentRates(ws, { period: null, asOf: null }))
}

/** The file's rows as objects, blank lines skipped, the text null read as empty. */
function csvRows(file: string): Array<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(readFileSync(sample(file), 'utf8'))
  return rows
    .filter((r) => r.some((v) => v.trim() !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] === 'null' ? '' : (r[i] ?? '')])))
}

/** Exact sum of `column` over the rows `keep` selects. */
const sumOf = (
  rows: Array<Record<string, string>>,
  column: string,
  keep: (r: Record<string, string>) => boolean,
): string => sumDecimals(rows.filter(keep).map((r) => r[column] || '0'))

const used = (r: Record<string, string>) =>
  r.ChargeCategory === 'Usage' && r.CommitmentDiscountStatus === 'Used'
const unused = (r: Record<string, string>) =>
  r.ChargeCategory === 'Usage' && r.CommitmentDiscountStatus === 'Unused'
const purchase = (r: Record<string, string>) => r.ChargeCategory === 'Purchase'

describe('commitment rates on the FOCUS spec examples', () => {
  it('zero percent utilization: utilization 0, unused = the commitment cost, ESR negative', async () => {
    const file = `${FLEX}/zero_percent_utilization_without_commitment_discount_flexibility.csv`
    const rows = csvRows(file)
    const rates = await ratesOf(file)
    expect(rates.period).toBe('2023-01')
    const unusedCost = sumOf(rows, 'EffectiveCost', unused)
    expect(unusedCost).toBe('1.5')
    expect(rates.commitments).toHaveLength(1)
    expect(rates.commitments[0]).toMatchObject({
      id: '<my-commitment-discount-id>',
      currency: 'USD',
      category: 'Usage',
      committed: unusedCost,
      used: '0',
      unused: unusedCost,
      utilization: '0',
      quantityUtilization: '0',
      quantityUnit: 'Hour',
      savings: '0',
      // Nothing ran on it, so no list price to set its cost against.
      effectiveSavingsRate: null,
      purchasesBilled: sumOf(rows, 'BilledCost', purchase),
    })
    const [usd] = rates.totals
    // ESR: ListCost of usage that ran is the on-demand row's 2.00; EffectiveCost of all usage
    // is 1.50 unused + 2.00 = 3.50; (2.00 − 3.50) ÷ 2.00 = −0.75.
    expect(sumOf(rows, 'ListCost', (r) => r.ChargeCategory === 'Usage' && !unused(r))).toBe('2')
    expect(sumOf(rows, 'EffectiveCost', (r) => r.ChargeCategory === 'Usage')).toBe('3.5')
    expect(usd).toMatchObject({
      currency: 'USD',
      committed: '1.5',
      used: '0',
      unused: '1.5',
      utilization: '0',
      usageList: '2',
      usageEffective: '3.5',
      effectiveSavingsRate: '-0.75',
      // No usage was covered, so no service is eligible: coverage is undefined, not 0 of 0.
      coverage: null,
      coverageEffective: null,
    })
  })

  it('one hundred percent without flexibility: utilization 1, savings and ESR from list prices', async () => {
    const file = `${FLEX}/one_hundred_percent_utilization_without_commitment_discount_flexibility.csv`
    const rows = csvRows(file)
    const rates = await ratesOf(file)
    const usedCost = sumOf(rows, 'EffectiveCost', used)
    const usedList = sumOf(rows, 'ListCost', used)
    expect([usedCost, usedList]).toEqual(['1.5', '3'])
    expect(rates.commitments[0]).toMatchObject({
      committed: usedCost,
      used: usedCost,
      unused: '0',
      utilization: '1',
      quantityUtilization: '1',
      savings: '1.5',
      // The example has no ContractedCost column.
      commitmentSavings: null,
      // (3.00 − 1.50) ÷ 3.00
      effectiveSavingsRate: '0.5',
    })
    expect(rates.totals[0]).toMatchObject({
      utilization: '1',
      coverage: '1',
      coverageEffective: '1',
      savings: '1.5',
      effectiveSavingsRate: '0.5',
    })
  })

  it('one hundred percent with flexibility on one resource: on-demand overflow is eligible, not covered', async () => {
    const file = `${FLEX}/one_hundred_percent_utilization_with_commitment_discount_flexibility_with_1_resource.csv`
    const rows = csvRows(file)
    const rates = await ratesOf(file)
    expect(rates.commitments[0]).toMatchObject({
      committed: sumOf(rows, 'EffectiveCost', used),
      used: '0.5',
      utilization: '1',
      quantityUtilization: '1',
      quantityUnit: 'Normalized Hour',
      // 3.00 list − 0.50 effective
      savings: '2.5',
      // (3.00 − 0.50) ÷ 3.00 = 0.8333…, 18 decimals rounded half away from zero
      effectiveSavingsRate: '0.833333333333333333',
    })
    expect(rates.totals[0]).toMatchObject({
      eligibleList: '5.25',
      coveredList: '3',
      // 3.00 ÷ 5.25 = 0.571428571428571428571…
      coverage: '0.571428571428571429',
      // 0.50 ÷ (0.50 + 2.25) = 0.181818…
      coverageEffective: '0.181818181818181818',
      // (5.25 − 2.75) ÷ 5.25 = 0.476190476190476190476…
      effectiveSavingsRate: '0.47619047619047619',
    })
  })

  it('one hundred percent with flexibility on two resources: each Used row counted once', async () => {
    const file = `${FLEX}/one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources.csv`
    const rows = csvRows(file)
    const rates = await ratesOf(file)
    expect(sumOf(rows, 'CommitmentDiscountQuantity', used)).toBe('4')
    expect(rates.commitments[0]).toMatchObject({
      committed: '2',
      used: '2',
      utilization: '1',
      quantityUtilization: '1',
      savings: '2',
      effectiveSavingsRate: '0.5',
    })
  })

  it('never counts a purchase again against its amortized usage', async () => {
    const file = `${FLEX}/one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources.csv`
    const rows = csvRows(file)
    const rates = await ratesOf(file)
    const purchases = sumOf(rows, 'BilledCost', purchase)
    const usage = sumOf(rows, 'EffectiveCost', (r) => r.ChargeCategory === 'Usage')
    // The purchase bills 2.00 and its usage rows carry the same 2.00 amortized: committed is
    // 2.00, not 4.00, and the purchase is listed for reference only.
    expect([purchases, usage]).toEqual(['2', '2'])
    const [commitment] = rates.commitments
    expect(commitment).toMatchObject({ committed: '2', purchasesBilled: '2' })
    expect(rates.totals[0]).toMatchObject({ committed: '2', usageEffective: usage })
  })

  it('usage scenarios 1–4: used, unused, partly used, and on-demand beside it', async () => {
    const one = await ratesOf(`${SCENARIOS}/commitment_discount_usage_scenario_1.csv`)
    expect(one.commitments[0]).toMatchObject({ committed: '1', used: '1', utilization: '1' })
    // The example has no ListCost column: savings and ESR cannot be stated.
    expect(one.commitments[0]).toMatchObject({ savings: null, effectiveSavingsRate: null })
    expect(one.totals[0]).toMatchObject({ coverage: null, effectiveSavingsRate: null })
    await ws?.close()

    const two = await ratesOf(`${SCENARIOS}/commitment_discount_usage_scenario_2.csv`)
    expect(two.commitments[0]).toMatchObject({
      committed: '1',
      used: '0',
      unused: '1',
      utilization: '0',
    })
    await ws?.close()

    const file = `${SCENARIOS}/commitment_discount_usage_scenario_3.csv`
    const rows = csvRows(file)
    const three = await ratesOf(file)
    expect([sumOf(rows, 'EffectiveCost', used), sumOf(rows, 'EffectiveCost', unused)]).toEqual([
      '0.75',
      '0.25',
    ])
    expect(three.commitments[0]).toMatchObject({
      committed: '1',
      used: '0.75',
      unused: '0.25',
      utilization: '0.75',
      quantityUtilization: '0.75',
    })
    await ws?.close()

    const four = await ratesOf(`${SCENARIOS}/commitment_discount_usage_scenario_4.csv`)
    // The on-demand row is no commitment (its CommitmentDiscountId is written as the text null).
    expect(four.commitments.map((c) => c.id)).toEqual(['<my-commitment-discount-id>'])
    // 1.00 covered of 1.00 + 0.50 on demand
    expect(four.totals[0]).toMatchObject({
      utilization: '1',
      coverageEffective: '0.666666666666666667',
      eligibleEffective: '1.5',
      coverage: null,
    })
  })

  it('a purchase alone: listed with its billed cost, nothing committed in usage', async () => {
    const rates = await ratesOf(`${SCENARIOS}/commitment_discount_purchase_scenario_1.csv`)
    expect(rates.commitments).toEqual([
      expect.objectContaining({ committed: '0', utilization: null, purchasesBilled: '8760' }),
    ])
    expect(rates.totals[0]).toMatchObject({ committed: '0', purchasesBilled: '8760' })
  })

  it('keeps each currency apart: a row per currency, never a sum across them', async () => {
    const zero = `${FLEX}/zero_percent_utilization_without_commitment_discount_flexibility.csv`
    const full = `${FLEX}/one_hundred_percent_utilization_without_commitment_discount_flexibility.csv`
    ws = await freshWorkspace()
    const usd = await importFile(ws, sample(zero), { assume: { BillingCurrency: 'USD' } })
    // The second example under another name and account, its money in EUR.
    const text = readFileSync(sample(full), 'utf8')
    const eur = join(tempDir(), 'eur-commitment.csv')
    writeFileSync(eur, text)
    const second = await importFile(ws, eur, {
      assume: { BillingCurrency: 'EUR', BillingAccountId: 'eu-account' },
    })
    expect([usd.status, second.status, second.error?.message]).toEqual([
      'imported',
      'imported',
      undefined,
    ])
    const rates = await readCommitmentRates(ws, { period: '2023-01', asOf: null })
    expect(rates.totals.map((t) => [t.currency, t.committed, t.used, t.utilization])).toEqual([
      ['EUR', '1.5', '1.5', '1'],
      ['USD', '1.5', '0', '0'],
    ])
    // One commitment id in two currencies: two rows.
    expect(rates.commitments.map((c) => [c.currency, c.utilization])).toEqual([
      ['EUR', '1'],
      ['USD', '0'],
    ])
  })

  it('refuses the purchase examples whose ChargePeriodEnd is not a time (T30:00:00Z), naming row and column', async () => {
    ws = await freshWorkspace()
    const record = await importFile(
      ws,
      sample(`${SCENARIOS}/commitment_discount_purchase_scenario_2.csv`),
      {
        assume: { BillingCurrency: 'USD' },
      },
    )
    expect(record.status).toBe('failed')
    expect(record.error?.message).toContain('row 3, column ChargePeriodEnd')
  })
})
