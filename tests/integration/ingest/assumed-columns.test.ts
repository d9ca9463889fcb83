/**
 * Values a person supplies for FOCUS columns a file lacks (the spec's commitment examples
 * have no BillingCurrency): every row gets the value, is flagged VALUE_ASSUMED, the record
 * lists it, and the file still reconciles; a wrong assumption is refused, never ignored.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { sample } from '../../helpers/paths'
import { freshWorkspace, storedSums } from '../../helpers/workspace'

const PURCHASE_1 = sample(
  'focus-spec-examples/data/commitment_discount_scenarios/commitment_discount_purchase_scenario_1.csv',
)
const CORRECTIONS = sample('focus-data-toolkit-golden/scenarios_correction_set.csv')

let ws: Workspace | undefined
afterEach(() => ws?.close())

describe('assumed values for missing FOCUS columns', () => {
  it('refuses the file without them, naming the missing column', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, PURCHASE_1)
    expect(record.error).toMatchObject({
      code: 'MISSING_COLUMNS',
      details: { missing: ['BillingCurrency'] },
    })
  })

  it('imports with an assumed BillingCurrency: every row flagged, listed on the record, reconciled', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, PURCHASE_1, { assume: { BillingCurrency: 'USD' } })
    expect([record.status, record.error?.message]).toEqual(['imported', undefined])
    expect(record).toMatchObject({ reconciled: true, rowCount: 1 })
    expect(record.assumed).toEqual([{ column: 'BillingCurrency', value: 'USD' }])
    expect(record.fixes).toEqual([{ code: 'VALUE_ASSUMED', rows: 1 }])
    // The data README: BilledCost=8760; EffectiveCost=0.
    expect(await storedSums(ws)).toEqual({ USD: { rows: 1, billed: '8760', effective: '0' } })
    expect(record.totals.map((t) => [t.currency, t.billedSource, t.effectiveSource])).toEqual([
      ['USD', '8760', '0'],
    ])
    const rows = await ws.all('SELECT DISTINCT x_FixCodes::VARCHAR AS f FROM focus')
    expect(rows).toEqual([{ f: '[VALUE_ASSUMED]' }])
  })

  it('imports with an assumed charge period, each value typed as a cell of its column', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, CORRECTIONS, {
      assume: {
        ChargePeriodStart: '2024-09-01T00:00:00Z',
        ChargePeriodEnd: '2024-10-01T00:00:00Z',
      },
    })
    expect([record.status, record.error?.message]).toEqual(['imported', undefined])
    expect(record.assumed).toEqual([
      { column: 'ChargePeriodStart', value: '2024-09-01T00:00:00Z' },
      { column: 'ChargePeriodEnd', value: '2024-10-01T00:00:00Z' },
    ])
    const [row] = await ws.all(
      `SELECT count(*)::INTEGER AS n, sum(BilledCost)::VARCHAR AS b,
         min(ChargePeriodStart) = TIMESTAMPTZ '2024-09-01 00:00:00Z' AS s, max(ChargePeriodEnd) = TIMESTAMPTZ '2024-10-01 00:00:00Z' AS e FROM focus`,
    )
    // The data README: 3 rows, BilledCost=75.
    expect(row).toEqual({ n: 3, b: '75.000000000000000000', s: true, e: true })
  })

  it('names a missing column it was not given a value for', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, CORRECTIONS, {
      assume: { ChargePeriodStart: '2024-09-01T00:00:00Z' },
    })
    expect(record.error).toMatchObject({
      code: 'MISSING_COLUMNS',
      message: 'scenarios_correction_set.csv lacks required FOCUS column: ChargePeriodEnd.',
    })
  })

  it.each([
    [
      'a value that is not of the column type',
      { ChargePeriodStart: 'September', ChargePeriodEnd: '2024-10-01T00:00:00Z' },
      'BAD_VALUE',
      'The value assumed for ChargePeriodStart, "September", is not a date/time.',
    ],
    [
      'a column the file has',
      { ChargePeriodStart: '2024-09-01', ChargePeriodEnd: '2024-10-01', BillingCurrency: 'EUR' },
      'BAD_REQUEST',
      'scenarios_correction_set.csv has a BillingCurrency column: its own values are used, none is assumed.',
    ],
    [
      'a name that is not a FOCUS column',
      { Currency: 'USD' },
      'BAD_REQUEST',
      'Currency is not a FOCUS column, so no value can be assumed for it.',
    ],
  ])('refuses %s', async (_what, assume, code, message) => {
    ws = await freshWorkspace()
    const record = await importFile(ws, CORRECTIONS, { assume })
    expect([record.status, record.error?.code, record.error?.message]).toEqual([
      'failed',
      code,
      message,
    ])
  })
})
