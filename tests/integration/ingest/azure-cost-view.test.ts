/**
 * Azure actual and amortized cost exports of one period form one FOCUS view
 * (electron/core/ingest/azure-cost-view.ts, the focus view in schema.ts): each
 * file is told actual or amortized, the two neither restate nor duplicate each
 * other, and the view counts every amortized row plus the actual export's
 * commitment purchases and refunds. Expected totals are summed here from the
 * CSV files by the procedure of reference/mappings.md §3, not by Focal's SQL.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { readImport } from '../../../electron/core/workspace/imports-registry'
import { FOCAL_VIEWS } from '../../../electron/core/workspace/schema'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal, sumDecimals } from '../../../shared/money'
import { csvRecords, sumBy } from '../../helpers/native-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace, storedSums } from '../../helpers/workspace'

const ACTUAL = sample('finops-toolkit-samples/EA_ActualCost_Small.csv')
const AMORTIZED = sample('finops-toolkit-samples/EA_AmortizedCost_Small.csv')
const EA_DETAILS = sample('focus-converters-samples/sample-anonymous-ea-export-dataset.csv')

type Source = Record<string, string>
const field = (r: Source, name: string): string =>
  r[name] ?? r[name.charAt(0).toLowerCase() + name.slice(1)] ?? ''
const commitment = (r: Source): boolean =>
  ['Reservation', 'SavingsPlan'].includes(field(r, 'PricingModel'))
/** finops-toolkit convert.md: the actual rows kept beside the amortized data. */
const prepaid = (r: Source): boolean =>
  commitment(r) && ['Purchase', 'Refund'].includes(field(r, 'ChargeType'))
/** Amortized commitment rows: nothing of them is invoiced (BilledCost 0). */
const amortizedCommitment = (r: Source): boolean =>
  commitment(r) &&
  ['Usage', 'UnusedReservation', 'UnusedSavingsPlan'].includes(field(r, 'ChargeType'))

/** Exact sum per currency of `cost` over the rows `keep` accepts, with the row count of all rows given. */
function sums(
  records: readonly Source[],
  cost: string,
  currency: string,
  keep: (r: Source) => boolean,
): Record<string, string> {
  const grouped = sumBy(records, currency, (r) => r[cost] ?? null, keep)
  return Object.fromEntries(Object.entries(grouped).map(([c, g]) => [c, g.sum]))
}

/**
 * The merged view, summed from the two files: every amortized row plus the actual file's
 * commitment purchases and refunds; BilledCost leaves out amortized commitment usage,
 * EffectiveCost leaves out the purchases.
 */
function mergedTotals(actualPath: string, amortizedPath: string, cost: string, currency: string) {
  const actual = csvRecords(actualPath).filter(prepaid)
  const amortized = csvRecords(amortizedPath)
  const billed = [
    sums(amortized, cost, currency, (r) => !amortizedCommitment(r)),
    sums(actual, cost, currency, () => true),
  ]
  const effective = sums(amortized, cost, currency, () => true)
  const currencies = [...new Set([...actual, ...amortized].map((r) => r[currency] ?? ''))].sort()
  return Object.fromEntries(
    currencies.map((c) => [
      c,
      {
        rows: [...actual, ...amortized].filter((r) => r[currency] === c).length,
        billed: normalizeDecimal(sumDecimals(billed.map((b) => b[c] ?? '0'))),
        effective: normalizeDecimal(effective[c] ?? '0'),
      },
    ]),
  )
}

let ws: Workspace | undefined
afterEach(() => ws?.close())

describe('Azure actual and amortized exports of one period', () => {
  it('tells each EA sample from its rows and records it on the import', async () => {
    ws = await freshWorkspace()
    const actual = await importFile(ws, ACTUAL)
    const details = await importFile(ws, EA_DETAILS)
    expect(actual.costView).toEqual({
      view: 'actual',
      chosenBy: 'data',
      mergedWith: [],
      rowsNotCounted: 0,
    })
    // No commitment rows: both views of this file are the same rows, so nothing is asked.
    expect(details).toMatchObject({ status: 'imported', costView: null })
    ws.close()
    ws = await freshWorkspace()
    const amortized = await importFile(ws, AMORTIZED)
    expect(amortized.costView).toMatchObject({ view: 'amortized', chosenBy: 'data' })
  })

  for (const order of ['actual first', 'amortized first'] as const) {
    it(`${order}: all amortized rows plus the reservation purchase, neither superseded`, async () => {
      ws = await freshWorkspace()
      const files = order === 'actual first' ? [ACTUAL, AMORTIZED] : [AMORTIZED, ACTUAL]
      const [first, second] = [
        await importFile(ws, files[0] ?? ''),
        await importFile(ws, files[1] ?? ''),
      ]
      for (const record of [first, second])
        expect(record).toMatchObject({
          status: 'imported',
          reconciled: true,
          supersededBy: null,
          supersedes: [],
        })
      const expected = mergedTotals(ACTUAL, AMORTIZED, 'Cost', 'BillingCurrency')
      // 28 amortized rows and the actual file's one (Purchase, Reservation) row of 3.25.
      expect(expected.USD?.rows).toBe(29)
      expect(expected.USD?.effective).toMatch(/^16\.296932/) // shared/data/README.md
      expect(await storedSums(ws)).toEqual(expected)
      const [purchase] = await ws.all(
        "SELECT BilledCost::VARCHAR AS b, EffectiveCost::VARCHAR AS e FROM focus WHERE ChargeCategory = 'Purchase'",
      )
      expect(purchase).toEqual({ b: '3.250000000000000000', e: '0.000000000000000000' })
      // The records say how the two count: the actual import's 10 usage rows are counted from the amortized one.
      const [actual, amortized] = order === 'actual first' ? [first, second] : [second, first]
      const [a, m] = await Promise.all([readImport(ws, actual.id), readImport(ws, amortized.id)])
      expect(a.costView).toEqual({
        view: 'actual',
        chosenBy: 'data',
        mergedWith: [amortized.id],
        rowsNotCounted: 10,
      })
      expect(m.costView).toEqual({
        view: 'amortized',
        chosenBy: 'data',
        mergedWith: [actual.id],
        rowsNotCounted: 0,
      })
      // Each file still reconciles against its own source totals; the rows left out stay stored.
      expect(a.totals.map((t) => t.reconciled)).toEqual([true])
      const [stored] = await ws.all(
        'SELECT count(*)::INTEGER AS n FROM cost_rows WHERE x_ImportId = $1',
        [actual.id],
      )
      expect(stored?.n).toBe(11)
    })
  }

  it('a consistent pair (MCA camelCase): BilledCost is the actual invoice, EffectiveCost the amortized cost', async () => {
    const dir = tempDir()
    const header =
      'billingAccountId,billingProfileId,billingProfileName,invoiceSectionId,subscriptionId,date,billingPeriodStartDate,billingPeriodEndDate,chargeType,pricingModel,frequency,meterCategory,consumedService,resourceLocation,quantity,unitOfMeasure,costInBillingCurrency,paygCostInBillingCurrency,billingCurrency,benefitId,benefitName'
    const sp = '/providers/Microsoft.BillingBenefits/savingsPlanOrders/o1/savingsPlans/p1,SP1'
    const row = (
      charge: string,
      model: string,
      cost: string,
      currency = 'EUR',
      day = '2024-03-01',
    ) =>
      `ba-1,bp-1,Profile One,is-1,sub-1,${day},2024-03-01,2024-03-31,${charge},${model},UsageBased,Virtual Machines,Microsoft.Compute,westeurope,1,1 Hour,${cost},,${currency},${model === 'OnDemand' ? ',' : sp}`
    const onDemand = [
      row('Usage', 'OnDemand', '1.25'),
      row('Usage', 'OnDemand', '2.5e-1', 'EUR', '2024-03-02'),
    ]
    const actualPath = join(dir, 'mca-actual-2024-03.csv')
    const amortizedPath = join(dir, 'mca-amortized-2024-03.csv')
    // The actual export bills the savings plan purchase; the usage it covered costs 0 there.
    writeFileSync(
      actualPath,
      [
        header,
        ...onDemand,
        row('Purchase', 'SavingsPlan', '100'),
        row('Usage', 'SavingsPlan', '0'),
        '',
      ].join('\n'),
    )
    // The amortized export spreads it: covered usage and the unused part, no purchase.
    writeFileSync(
      amortizedPath,
      [
        header,
        ...onDemand,
        row('Usage', 'SavingsPlan', '96.8'),
        row('UnusedSavingsPlan', 'SavingsPlan', '3.2'),
        '',
      ].join('\n'),
    )
    ws = await freshWorkspace()
    expect((await importFile(ws, amortizedPath)).costView?.view).toBe('amortized')
    expect((await importFile(ws, actualPath)).costView?.view).toBe('actual')
    const all = (path: string) =>
      sums(csvRecords(path), 'costInBillingCurrency', 'billingCurrency', () => true)
    expect(all(actualPath).EUR).toBe('101.5')
    expect(all(amortizedPath).EUR).toBe('101.5')
    expect(await storedSums(ws)).toEqual({
      EUR: {
        rows: 5,
        billed: normalizeDecimal(all(actualPath).EUR ?? ''),
        effective: normalizeDecimal(all(amortizedPath).EUR ?? ''),
      },
    })
    expect(await storedSums(ws)).toEqual(
      mergedTotals(actualPath, amortizedPath, 'costInBillingCurrency', 'billingCurrency'),
    )
  })

  it('a restated export restates its own view only, and the merge follows the newer rows', async () => {
    ws = await freshWorkspace()
    const actual = await importFile(ws, ACTUAL)
    const amortized = await importFile(ws, AMORTIZED)
    // The amortized export delivered again with one usage cost changed: a restatement of the amortized import.
    const lines = csvLines(AMORTIZED)
    const restatedPath = join(tempDir(), 'EA_AmortizedCost_Small-restated.csv')
    writeFileSync(
      restatedPath,
      [lines[0], lines[1]?.replace(',0.493152,', ',0.5,'), ...lines.slice(2)].join('\n'),
    )
    expect(lines[1]).toContain(',0.493152,')
    const restated = await importFile(ws, restatedPath)
    expect(restated).toMatchObject({ status: 'imported', supersedes: [amortized.id] })
    expect((await readImport(ws, actual.id)).supersededBy).toBeNull()
    expect(await storedSums(ws)).toEqual(
      mergedTotals(ACTUAL, restatedPath, 'Cost', 'BillingCurrency'),
    )
    expect((await readImport(ws, actual.id)).costView).toMatchObject({
      mergedWith: [restated.id],
      rowsNotCounted: 10,
    })
    // The actual export restated (the purchase refunded in part): it supersedes the actual import only.
    const actualLines = csvLines(ACTUAL)
    const refundPath = join(tempDir(), 'EA_ActualCost_Small-restated.csv')
    const purchase = actualLines.find((l) => l.includes('Purchase')) ?? ''
    writeFileSync(
      refundPath,
      [...actualLines, purchase.replace(',3.25,', ',-1.25,').replace('Purchase', 'Refund')].join(
        '\n',
      ),
    )
    const actual2 = await importFile(ws, refundPath)
    expect(actual2).toMatchObject({
      status: 'imported',
      supersedes: [actual.id],
      costView: { view: 'actual' },
    })
    expect(await storedSums(ws)).toEqual(
      mergedTotals(refundPath, restatedPath, 'Cost', 'BillingCurrency'),
    )
    expect((await storedSums(ws)).USD?.rows).toBe(30)
  })

  it('the same actual export again is already imported, whatever was merged with it', async () => {
    ws = await freshWorkspace()
    await importFile(ws, AMORTIZED)
    const actual = await importFile(ws, ACTUAL)
    const again = join(tempDir(), 'actual-crlf.csv')
    writeFileSync(again, csvLines(ACTUAL).join('\r\n'))
    expect(await importFile(ws, again)).toMatchObject({
      status: 'duplicate',
      error: { code: 'DUPLICATE_FILE', details: { importId: actual.id } },
    })
  })

  it('a file its rows do not tell is asked about when it meets the other view, and merges as told', async () => {
    ws = await freshWorkspace()
    await importFile(ws, AMORTIZED)
    // The actual export's on-demand rows alone: no commitment row says which export it is.
    const plainPath = join(tempDir(), 'ea-no-commitments.csv')
    writeFileSync(
      plainPath,
      csvLines(ACTUAL)
        .filter((l) => !l.includes('Purchase'))
        .join('\n'),
    )
    const refused = await importFile(ws, plainPath)
    expect(refused).toMatchObject({
      status: 'failed',
      error: { code: 'AZURE_COST_VIEW', location: { file: 'ea-no-commitments.csv' } },
    })
    expect(refused.error?.message).toContain(
      'import #1 (EA_AmortizedCost_Small.csv, amortized cost)',
    )
    expect(refused.error?.hint).toContain('--azure-cost-view actual|amortized')
    const told = await importFile(ws, plainPath, { azureCostView: 'actual' })
    expect(told).toMatchObject({
      status: 'imported',
      costView: { view: 'actual', chosenBy: 'user', rowsNotCounted: 10 },
    })
    expect(await storedSums(ws)).toEqual(
      mergedTotals(plainPath, AMORTIZED, 'Cost', 'BillingCurrency'),
    )
  })
})

/** The file's non-empty lines, as written. */
function csvLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '')
}

describe('the focus view of a workspace with both Azure cost views', () => {
  it('counts the actual export whole again once no amortized import of the period counts', async () => {
    ws = await freshWorkspace()
    const actual = await importFile(ws, ACTUAL)
    const amortized = await importFile(ws, AMORTIZED)
    // As a removal of the amortized import would: its scopes leave every total (supersede.ts).
    await ws.run(
      'INSERT INTO superseded_scopes SELECT import_id, provider, billing_account_id, billing_period_start, $2 FROM import_scopes WHERE import_id = $1',
      [amortized.id, actual.id],
    )
    const alone = sums(
      csvRecords(ACTUAL),
      'Cost',
      'BillingCurrency',
      (r) => !amortizedCommitment(r),
    )
    const effective = sums(csvRecords(ACTUAL), 'Cost', 'BillingCurrency', (r) => !prepaid(r))
    expect(await storedSums(ws)).toEqual({
      USD: {
        rows: 11,
        billed: normalizeDecimal(alone.USD ?? ''),
        effective: normalizeDecimal(effective.USD ?? ''),
      },
    })
    expect((await readImport(ws, actual.id)).costView).toMatchObject({
      mergedWith: [],
      rowsNotCounted: 0,
    })
  })

  it('merges only once both views are imported, and stays merged when reopened', async () => {
    ws = await freshWorkspace()
    const path = ws.path
    const viewSql = async (): Promise<string> =>
      String((await ws?.all("SELECT sql FROM duckdb_views() WHERE view_name = 'focus'"))?.[0]?.sql)
    await importFile(ws, AMORTIZED)
    // One view alone changes no total: the plain view, whose test costs queries nothing extra.
    expect(await viewSql()).not.toContain('import_cost_views')
    await importFile(ws, ACTUAL)
    expect(await viewSql()).toContain('import_cost_views')
    const merged = await storedSums(ws)
    expect(merged).toEqual(mergedTotals(ACTUAL, AMORTIZED, 'Cost', 'BillingCurrency'))
    ws.close()
    ws = await Workspace.open(path)
    expect(await storedSums(ws)).toEqual(merged)
    expect(ws.removedSql).toEqual([])
    // The plain view written over the merging one (double counting) is written back on open.
    await ws.run(`CREATE OR REPLACE VIEW focus AS ${FOCAL_VIEWS.focus}`)
    ws.close()
    ws = await Workspace.open(path)
    expect(ws.removedSql).toEqual(['view focus (changed)'])
    expect(await storedSums(ws)).toEqual(merged)
  })
})
