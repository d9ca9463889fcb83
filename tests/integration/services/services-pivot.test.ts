/**
 * Explore's query runtime (services-pivot.ts) on a real workspace: answers cached per
 * spec and data version, a second import never answered from the cache, a long pivot
 * table cancelled by its queryId with the next query still working, and DuckDB's progress.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { createPivotServices } from '../../../electron/core/services-pivot'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { CHANNELS, type FocalError } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import { csvSums } from '../../helpers/csv-sums'
import { sample } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const MULTI = sample('focus-data-toolkit-golden/consolidated_multi_provider_1_3.csv')

/** One total per currency: the pivot table's 'total' rows as currency → BilledCost. */
const TOTALS: PivotSpec = {
  ...DEFAULT_PIVOT,
  rows: [{ kind: 'column', name: 'ServiceName' }],
  timeGrain: 'none',
  topN: null,
  measures: [{ measure: 'BilledCost' }],
}

function totals(table: {
  rows: ReadonlyArray<{
    kind: string
    keys: ReadonlyArray<string | null>
    cells: ReadonlyArray<string | null>
  }>
  currencyIndex: number
}): Record<string, string | null> {
  return Object.fromEntries(
    table.rows
      .filter((r) => r.kind === 'total')
      .map((r) => [r.keys[table.currencyIndex] ?? '', r.cells[0] ?? null]),
  )
}

/** The file's exact BilledCost per currency, parsed and added up apart from DuckDB. */
function fileSums(...paths: string[]): Record<string, string> {
  const sums: Record<string, string[]> = {}
  for (const path of paths)
    for (const [currency, s] of Object.entries(csvSums(path, 'BilledCost', 'BillingCurrency')))
      (sums[currency] ??= []).push(s.sum)
  return Object.fromEntries(Object.entries(sums).map(([c, parts]) => [c, sumDecimals(parts)]))
}

let ws: Workspace
let pivots: ReturnType<typeof createPivotServices>

beforeAll(async () => {
  ws = await freshWorkspace()
  await importFile(ws, SAMPLE)
  pivots = createPivotServices(() => ws)
})
afterAll(() => ws.close())

describe('pivot services', () => {
  it('answers a spec asked again from the cache: the same Arrow bytes, marked cached', async () => {
    const first = await pivots.api['pivot:run']({ spec: DEFAULT_PIVOT, queryId: 'a1' })
    const bytes = Uint8Array.from(first.arrow)
    // Key order does not matter: the same spec written the other way round.
    const reordered = Object.fromEntries(Object.entries(DEFAULT_PIVOT).reverse()) as PivotSpec
    const again = await pivots.api['pivot:run']({ spec: reordered, queryId: 'a2' })
    expect(first.meta.cached).toBeUndefined()
    expect(again.meta.cached).toBe(true)
    expect(Buffer.compare(again.arrow, bytes)).toBe(0)
    expect({ ...again.meta, cached: undefined }).toEqual(first.meta)
    // A caller that moves the answer's buffer (the engine port) leaves the cached copy whole.
    structuredClone(again.arrow, { transfer: [again.arrow.buffer] })
    const third = await pivots.api['pivot:run']({ spec: DEFAULT_PIVOT, queryId: 'a3' })
    expect(Buffer.compare(third.arrow, bytes)).toBe(0)
    expect(CHANNELS['pivot:run'].response.parse(third).meta.cached).toBe(true)

    const table = await pivots.api['pivot:table']({ spec: TOTALS })
    const tableAgain = await pivots.api['pivot:table']({ spec: TOTALS, queryId: 't2' })
    expect(table.cached).toBeUndefined()
    expect(tableAgain).toEqual({ ...table, cached: true })
    expect(totals(tableAgain)).toEqual(fileSums(SAMPLE))
  })

  it('a cancel that arrives before its run (two HTTP requests overtaking) still cancels it', async () => {
    await pivots.api['pivot:cancel']({ queryId: 'early' })
    const spec = { ...TOTALS, topN: 7 }
    await expect(pivots.api['pivot:table']({ spec, queryId: 'early' })).rejects.toMatchObject({
      error: { code: 'CANCELLED' },
    })
    // Only that run: the same spec under another id answers.
    expect(totals(await pivots.api['pivot:table']({ spec, queryId: 'later' }))).toEqual(
      fileSums(SAMPLE),
    )
  })

  it('never answers from before an import: the second file is in the next figures', async () => {
    const before = await pivots.api['pivot:table']({ spec: TOTALS })
    expect(totals(before)).toEqual(fileSums(SAMPLE))
    const summaryBefore = await pivots.api['pivot:run']({ spec: DEFAULT_PIVOT, queryId: 'b1' })
    await importFile(ws, MULTI)
    const after = await pivots.api['pivot:table']({ spec: TOTALS })
    expect(after.cached).toBeUndefined()
    expect(totals(after)).toEqual(fileSums(SAMPLE, MULTI))
    expect(totals(after)).not.toEqual(totals(before))
    const summaryAfter = await pivots.api['pivot:run']({ spec: DEFAULT_PIVOT, queryId: 'b2' })
    expect(summaryAfter.meta.cached).toBeUndefined()
    expect(Buffer.compare(summaryAfter.arrow, summaryBefore.arrow)).not.toBe(0)
  })

  it('cancels a long pivot table by its queryId; it fails CANCELLED and the next query works', async () => {
    // A long query on purpose: 300,000 generated rows of their own currency, each its own
    // resource, counted distinct per service and day. Only a few columns are filled, so the
    // insert is quick; each row costs 0.01, so the currency's total is known exactly.
    const generated = 300_000
    await ws.run(
      `INSERT INTO cost_rows (BillingCurrency, BilledCost, EffectiveCost, ServiceName, ResourceId,
         ChargePeriodStart, ChargePeriodEnd, x_ImportId, x_SourceFile, x_SourceRow, x_SourceFormat)
       SELECT 'XTS', 0.01, 0.01, concat('Service ', i % 50), concat('r-', i),
         TIMESTAMPTZ '2024-01-01' + to_days((i % 365)::INT), TIMESTAMPTZ '2024-01-01' + to_days((i % 365)::INT + 1),
         0, 'generated', i, 'generated'
       FROM range(${generated}) AS r(i)`,
    )
    const long: PivotSpec = {
      ...TOTALS,
      rows: [{ kind: 'column', name: 'ServiceName' }],
      columns: { kind: 'time' },
      timeGrain: 'day',
      measures: [{ measure: 'DistinctCount', column: 'ResourceId' }, { measure: 'BilledCost' }],
    }
    const running = pivots.api['pivot:table']({ spec: long, queryId: 'long' })
    const failure = running.then(
      () => null,
      (cause: { error?: FocalError }) => cause.error?.code ?? String(cause),
    )
    // Wait until DuckDB reports how far it is, then cancel as the screen's button does.
    let progress = await pivots.api['pivot:progress']({ queryId: 'long' })
    while (progress === null || progress.percent === null) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      progress = await pivots.api['pivot:progress']({ queryId: 'long' })
      expect(progress).not.toBeNull()
    }
    expect(CHANNELS['pivot:progress'].response.parse(progress)).toEqual(progress)
    expect(progress.percent).toBeGreaterThanOrEqual(0)
    expect(progress.percent).toBeLessThanOrEqual(100)
    await pivots.api['pivot:cancel']({ queryId: 'long' })
    expect(await failure).toBe('CANCELLED')
    expect(await pivots.api['pivot:progress']({ queryId: 'long' })).toBeNull()

    const next = await pivots.api['pivot:table']({ spec: TOTALS, queryId: 'next' })
    expect(totals(next)).toEqual({ ...fileSums(SAMPLE, MULTI), XTS: String(generated / 100) })
  }, 120_000)
})
