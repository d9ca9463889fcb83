/**
 * Azure cost details as FOCUS 1.4 (shared/formats/azure-*.ts): the real EA
 * actual, amortized and EA cost-details samples, and MCA (camelCase) and
 * legacy usage-details fixtures built from the documented column lists.
 * Expected totals are computed here from the files, by the rules of
 * reference/mappings.md §3 written in plain TypeScript.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal } from '../../../shared/money'
import { csvRecords, sumBy } from '../../helpers/native-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace, storedSums } from '../../helpers/workspace'

const ACTUAL = sample('finops-toolkit-samples/EA_ActualCost_Small.csv')
const AMORTIZED = sample('finops-toolkit-samples/EA_AmortizedCost_Small.csv')
const EA_DETAILS = sample('focus-converters-samples/sample-anonymous-ea-export-dataset.csv')

const COMMITMENT = new Set(['Reservation', 'SavingsPlan'])
/** What is invoiced: commitment-covered and unused rows are amortization, not invoice. */
const isBilled = (r: Record<string, string>): boolean =>
  !COMMITMENT.has(r.PricingModel ?? r.pricingModel ?? '') ||
  !['Usage', 'UnusedReservation', 'UnusedSavingsPlan'].includes(r.ChargeType ?? r.chargeType ?? '')
/** What is amortized: commitment purchases and refunds are spread by other rows. */
const isEffective = (r: Record<string, string>): boolean =>
  !COMMITMENT.has(r.PricingModel ?? r.pricingModel ?? '') ||
  !['Purchase', 'Refund'].includes(r.ChargeType ?? r.chargeType ?? '')

function expectedTotals(path: string, cost: string, currency: string) {
  const records = csvRecords(path)
  const billed = sumBy(records, currency, (r) => r[cost] ?? null, isBilled)
  const effective = sumBy(records, currency, (r) => r[cost] ?? null, isEffective)
  return Object.fromEntries(
    Object.entries(billed).map(([c, b]) => [
      c,
      {
        rows: b.rows,
        billed: normalizeDecimal(b.sum),
        effective: normalizeDecimal(effective[c]?.sum ?? '0'),
      },
    ]),
  )
}

let ws: Workspace | undefined
afterEach(() => ws?.close())

describe('Azure cost details', () => {
  it('EA actual cost export: the reservation purchase is billed, not effective', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, ACTUAL)
    expect(record.error).toBeNull()
    expect(record).toMatchObject({
      status: 'imported',
      format: 'azure-ea-export/csv',
      rowCount: 11,
      reconciled: true,
    })
    const expected = expectedTotals(ACTUAL, 'Cost', 'BillingCurrency')
    // shared/data/README.md: Cost = 8.545008, of which 3.25 is the reservation purchase.
    expect(expected.USD).toEqual({
      rows: 11,
      billed: '8.5450077867419368',
      effective: '5.2950077867419368',
    })
    expect(await storedSums(ws)).toEqual(expected)
    const [purchase] = await ws.all(
      `SELECT ChargeCategory, ChargeFrequency, PricingCategory, CommitmentDiscountCategory, CommitmentDiscountType, RegionId, RegionName,
         BilledCost::VARCHAR AS b, EffectiveCost::VARCHAR AS e, x_FixCodes AS f FROM focus WHERE ChargeCategory = 'Purchase'`,
    )
    expect(purchase).toMatchObject({
      ChargeCategory: 'Purchase',
      ChargeFrequency: 'Recurring',
      PricingCategory: 'Committed',
      CommitmentDiscountCategory: 'Usage',
      CommitmentDiscountType: 'Reservation',
      RegionId: 'uksouth',
      RegionName: 'UK South',
      b: '3.250000000000000000',
      e: '0.000000000000000000',
    })
    expect(purchase?.f).toContain('EFFECTIVE_COST_ZERO_FOR_PREPAID_COMMITMENT')
    expect(purchase?.f).not.toContain('BILLED_COST_ZERO_FOR_AMORTIZED_COMMITMENT')
  })

  it('EA amortized cost export: reservation and savings plan usage are effective, not billed', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, AMORTIZED)
    expect(record.error).toBeNull()
    expect(record).toMatchObject({ status: 'imported', rowCount: 28, reconciled: true })
    const expected = expectedTotals(AMORTIZED, 'Cost', 'BillingCurrency')
    expect(expected.USD?.effective).toMatch(/^16\.296932/) // shared/data/README.md, 6 decimals
    expect(await storedSums(ws)).toEqual(expected)
    const covered = await ws.all(
      `SELECT CommitmentDiscountType AS t, CommitmentDiscountStatus AS s, PricingCategory AS p, BilledCost::VARCHAR AS b, x_FixCodes AS f
       FROM focus WHERE x_PricingModel <> 'OnDemand' ORDER BY t`,
    )
    expect(covered).toMatchObject([
      { t: 'Reservation', s: 'Used', p: 'Committed', b: '0.000000000000000000' },
      { t: 'Savings Plan', s: 'Used', p: 'Committed', b: '0.000000000000000000' },
    ])
    expect(covered[0]?.f).toContain('BILLED_COST_ZERO_FOR_AMORTIZED_COMMITMENT')
  })

  it('EA cost details (CostInBillingCurrency, M/D/YYYY dates, tags without braces) in CAD', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, EA_DETAILS)
    expect(record.error).toBeNull()
    expect(record).toMatchObject({ format: 'azure-ea/csv', rowCount: 27, reconciled: true })
    const expected = expectedTotals(EA_DETAILS, 'CostInBillingCurrency', 'BillingCurrencyCode')
    expect(expected.CAD?.billed).toMatch(/^1\.261369/) // shared/data/README.md, 6 decimals
    expect(await storedSums(ws)).toEqual(expected)
    const [row] = await ws.all(
      `SELECT Tags, ServiceCategory, RegionId, PricingCategory, strftime(ChargePeriodStart AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS s,
         strftime(ChargePeriodEnd AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS e, strftime(BillingPeriodEnd AT TIME ZONE 'UTC', '%Y-%m-%d') AS pe
       FROM focus WHERE x_SourceRow = 1`,
    )
    expect(row).toMatchObject({
      ServiceCategory: 'Compute',
      RegionId: 'centralus',
      PricingCategory: 'Standard',
      s: '2023-09-02 00:00',
      e: '2023-09-03 00:00',
      pe: '2023-10-01',
    })
    expect(JSON.parse(String(row?.Tags))).toEqual({
      tagA: 'valueA',
      tagB: 'valueB',
      tagC: 'valueC',
    })
    // Microsoft's own FOCUS export names for the cost-details columns.
    const [names] = await ws.all(
      'SELECT x_SkuMeterCategory AS m, x_ResourceGroupName AS g, x_InvoiceSectionId AS i FROM focus WHERE x_SourceRow = 1',
    )
    const source = csvRecords(EA_DETAILS)[0] ?? {}
    expect(names).toEqual({
      m: source.MeterCategory,
      g: source.ResourceGroup,
      i: source.InvoiceSectionId || null,
    })
    const categories = await ws.all(
      'SELECT ChargeCategory AS c, count(*)::BIGINT AS n FROM focus GROUP BY 1',
    )
    expect(categories.map((r) => [r.c, Number(r.n)])).toEqual([['Usage', 27]])
  })

  it('MCA camelCase (actual and amortized rows, two currencies): billing profile is the billing account', async () => {
    const header =
      'billingAccountId,billingProfileId,billingProfileName,invoiceSectionId,subscriptionId,date,billingPeriodStartDate,billingPeriodEndDate,chargeType,pricingModel,frequency,meterCategory,consumedService,resourceLocation,quantity,unitOfMeasure,costInBillingCurrency,paygCostInBillingCurrency,billingCurrency,benefitId,benefitName,tags'
    const rows = [
      'ba-1,bp-1,Profile One,is-1,sub-1,2024-03-01,2024-03-01,2024-03-31,Usage,OnDemand,UsageBased,Storage,Microsoft.Storage,westeurope,10,1 GB/Month,1.25,1.50,EUR,,,"{""team"":""data""}"',
      'ba-1,bp-1,Profile One,is-1,sub-1,2024-03-01,2024-03-01,2024-03-31,Purchase,SavingsPlan,Recurring,,Microsoft.BillingBenefits,,1,1 Hour,100,,EUR,/providers/Microsoft.BillingBenefits/savingsPlanOrders/o1/savingsPlans/p1,SP1,',
      'ba-1,bp-1,Profile One,is-1,sub-1,2024-03-01,2024-03-01,2024-03-31,Usage,SavingsPlan,UsageBased,Virtual Machines,Microsoft.Compute,westeurope,24,1 Hour,3.2e-1,2.00,EUR,/providers/Microsoft.BillingBenefits/savingsPlanOrders/o1/savingsPlans/p1,SP1,',
      'ba-1,bp-1,Profile One,is-1,sub-1,2024-03-01,2024-03-01,2024-03-31,UnusedSavingsPlan,SavingsPlan,UsageBased,,Microsoft.BillingBenefits,,1,1 Hour,0.05,,EUR,/providers/Microsoft.BillingBenefits/savingsPlanOrders/o1/savingsPlans/p1,SP1,',
      'ba-1,bp-2,Profile Two,is-2,sub-2,2024-03-02,2024-03-01,2024-03-31,Refund,Reservation,OneTime,,Microsoft.Capacity,,1,1 Hour,-7.5,,USD,/providers/Microsoft.Capacity/reservationOrders/r1/reservations/r2,RI1,',
      'ba-1,bp-2,Profile Two,is-2,sub-2,2024-03-02,2024-03-01,2024-03-31,Usage,Spot,UsageBased,Virtual Machines,Microsoft.Compute,eastus,1,1 Hour,0.1234567891234,0.5,USD,,,',
    ]
    const path = join(tempDir(), 'mca-2024-03.csv')
    writeFileSync(path, [header, ...rows, ''].join('\n'))
    ws = await freshWorkspace()
    // Purchases (actual) beside amortized usage: the rows do not tell which export it is.
    const unsaid = await importFile(ws, path)
    expect(unsaid).toMatchObject({
      status: 'failed',
      error: { code: 'AZURE_COST_VIEW', location: { file: 'mca-2024-03.csv' } },
    })
    expect(await storedSums(ws)).toEqual({})
    const record = await importFile(ws, path, { azureCostView: 'actual' })
    expect(record.error).toBeNull()
    expect(record).toMatchObject({
      format: 'azure-mca/csv',
      rowCount: 6,
      reconciled: true,
      costView: { view: 'actual', chosenBy: 'user' },
    })
    const expected = expectedTotals(path, 'costInBillingCurrency', 'billingCurrency')
    expect(expected).toEqual({
      EUR: { rows: 4, billed: '101.25', effective: '1.62' },
      USD: { rows: 2, billed: '-7.3765432108766', effective: '0.1234567891234' },
    })
    expect(await storedSums(ws)).toEqual(expected)
    const got = await ws.all(
      `SELECT BillingAccountId AS a, BillingAccountType AS t, ChargeCategory AS c, ChargeClass AS k, CommitmentDiscountCategory AS dc,
         CommitmentDiscountStatus AS ds, ListCost::VARCHAR AS l, Tags FROM focus ORDER BY x_SourceRow`,
    )
    expect(got).toMatchObject([
      {
        a: 'bp-1',
        t: 'Billing Profile',
        c: 'Usage',
        ds: null,
        l: '1.500000000000000000',
        Tags: '{"team":"data"}',
      },
      { c: 'Purchase', dc: 'Spend', ds: null },
      { c: 'Usage', dc: 'Spend', ds: 'Used' },
      { c: 'Usage', dc: 'Spend', ds: 'Unused' },
      { a: 'bp-2', c: 'Purchase', k: 'Correction', dc: 'Usage' },
      { c: 'Usage', ds: null },
    ])
  })

  it('legacy usage details: PreTaxCost is both BilledCost and EffectiveCost, daily rows end the next day', async () => {
    const header =
      'AccountId,SubscriptionGuid,SubscriptionName,UsageDateTime,MeterCategory,MeterName,InstanceId,UsageQuantity,ResourceRate,PreTaxCost,Currency,Tags'
    const rows = [
      'acc-1,sub-1,Dev,2019-01-15T00:00:00,Storage,LRS,/subscriptions/sub-1/rg/a,5,0.02,0.10,USD,"{""env"":""dev""}"',
      'acc-1,sub-1,Dev,2019-01-16T00:00:00,Virtual Machines,D2 v3,/subscriptions/sub-1/rg/b,24,0.096,2.304,USD,',
    ]
    const path = join(tempDir(), 'usage-details-2019-01.csv')
    writeFileSync(path, [header, ...rows, ''].join('\n'))
    ws = await freshWorkspace()
    const record = await importFile(ws, path)
    expect(record.error).toBeNull()
    expect(record).toMatchObject({
      format: 'azure-legacy-usage/csv',
      rowCount: 2,
      reconciled: true,
    })
    expect(await storedSums(ws)).toEqual({ USD: { rows: 2, billed: '2.404', effective: '2.404' } })
    const [first] = await ws.all(
      `SELECT ChargeCategory, ServiceName, ResourceId, Tags, strftime(ChargePeriodEnd AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS e FROM focus ORDER BY x_SourceRow LIMIT 1`,
    )
    expect(first).toEqual({
      ChargeCategory: 'Usage',
      ServiceName: 'Storage',
      ResourceId: '/subscriptions/sub-1/rg/a',
      Tags: '{"env":"dev"}',
      e: '2019-01-16 00:00',
    })
  })
})
