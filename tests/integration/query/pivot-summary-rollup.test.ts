/**
 * Explore's summary (runPivot, pivot-sql.ts) read from the rollups: every spec a rollup answers
 * gives, row for row and to the last digit, what the rows give, on the demo sample and a
 * multi-provider file; the engine reads the rollups when they are current, and the rows in
 * presentation mode (the rollups hold real ids).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { focusColumnNames } from '../../../electron/core/query/catalog'
import { runPivot } from '../../../electron/core/query/pivot'
import { rollupsFresh } from '../../../electron/core/query/rollup'
import { setPresentation } from '../../../electron/core/presentation/presentation-mode'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal, sumDecimals } from '../../../shared/money'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import { compilePivot } from '../../../shared/sql/pivot-sql'
import { pivotRows } from '../../helpers/arrow'
import { csvSums } from '../../helpers/csv-sums'
import { sample } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const MULTI = sample('focus-data-toolkit-golden/consolidated_multi_provider_1_3.csv')

const column = (name: string) => ({ kind: 'column' as const, name })
const spec = (patch: Partial<PivotSpec>): PivotSpec => ({ ...DEFAULT_PIVOT, ...patch })

/** The clicks of Explore's bench and more, with the rollup each must read. */
const CASES: Array<{ name: string; spec: PivotSpec; table: string }> = [
  { name: 'the default: services by month, top 20', spec: spec({}), table: 'rollup_day_service' },
  { name: 'services by day', spec: spec({ timeGrain: 'day' }), table: 'rollup_day_service' },
  {
    name: 'regions by week, EffectiveCost',
    spec: spec({ rows: [column('RegionId')], timeGrain: 'week', measure: 'EffectiveCost' }),
    table: 'rollup_day_service_region',
  },
  {
    name: 'sub accounts by quarter on the billing period',
    spec: spec({ rows: [column('SubAccountId')], timeGrain: 'quarter', dateBasis: 'billing' }),
    table: 'rollup_day_account',
  },
  {
    name: 'row count by charge category, no time',
    spec: spec({ rows: [column('ChargeCategory')], timeGrain: 'none', measure: 'RowCount' }),
    table: 'rollup_day_service',
  },
  {
    name: 'top 2 services with the rest folded, Usage only, half a month',
    spec: spec({
      topN: 2,
      timeGrain: 'day',
      measure: 'ListCost',
      filters: [{ dimension: column('ChargeCategory'), op: 'in', values: ['Usage'] }],
      dateRange: { start: '2024-09-10', end: '2024-09-20' },
    }),
    table: 'rollup_day_service',
  },
  {
    name: 'service › account containing "a", from a day on',
    spec: spec({
      rows: [column('ServiceName'), column('SubAccountName')],
      topN: null,
      measure: 'ContractedCost',
      conditions: [
        { op: 'contains', dimension: column('ServiceName'), text: 'A' },
        { op: 'dates', column: 'ChargePeriodStart', start: '2024-09-05', end: null },
      ],
    }),
    table: 'rollup_day_service_account',
  },
]

/** A result row with its decimal text in canonical form and its numbers as numbers. */
function canonical(row: Record<string, unknown>): Record<string, unknown> {
  return {
    ...row,
    value_text: row.value_text == null ? null : normalizeDecimal(String(row.value_text)),
    value_chart: Number(row.value_chart),
    n: Number(row.n),
  }
}

/** Runs `pivot` compiled over the rows and over the rollups, in the compiled order. */
async function bothWays(ws: Workspace, pivot: PivotSpec) {
  const names = await focusColumnNames(ws)
  const run = async (rollups: boolean) => {
    const compiled = compilePivot(pivot, names, { rollups })
    const rows = (await ws.all(compiled.sql, [...compiled.params])).map(canonical)
    return { compiled, rows }
  }
  return { rows: await run(false), rollup: await run(true) }
}

/** The engine's answer of `pivot` as plain rows (display name → value). */
async function engineRows(ws: Workspace, pivot: PivotSpec) {
  const { meta, arrow } = await runPivot(ws, pivot)
  return pivotRows(meta, arrow)
}

describe('the pivot summary on the rollups', () => {
  let ws: Workspace
  beforeAll(async () => {
    ws = await freshWorkspace('summary-rollups')
    expect((await importFile(ws, SAMPLE)).status).toBe('imported')
    expect((await importFile(ws, MULTI)).status).toBe('imported')
  })
  afterAll(() => ws?.close())

  it('answers each spec row for row as the rows do, and the engine answers the same', async () => {
    expect(await rollupsFresh(ws, ws.writer)).toBe(true)
    for (const c of CASES) {
      const { rows, rollup } = await bothWays(ws, c.spec)
      expect(rows.compiled.sql, c.name).toContain('FROM focus')
      expect(rollup.compiled.sql, c.name).toContain(`FROM "${c.table}"`)
      expect(rows.rows.length, c.name).toBeGreaterThan(1)
      expect(rollup.rows, c.name).toEqual(rows.rows)
      expect(rollup.compiled.columns, c.name).toEqual(rows.compiled.columns)
      // The engine (reading the rollups) sends exactly the rows' figures.
      const engine = await engineRows(ws, c.spec)
      expect(engine.map((r) => r[c.spec.measure === 'RowCount' ? 'Rows' : c.spec.measure])).toEqual(
        rows.rows.map((r) => r.value_text),
      )
      expect(engine.map((r) => r.rows)).toEqual(rows.rows.map((r) => r.n))
    }
  })

  it('sums to the files’ own totals per currency, by an independent parser', async () => {
    const engine = await engineRows(ws, spec({ rows: [], timeGrain: 'none', topN: null }))
    // Both files' rows per currency: their exact sum and count, from the files themselves.
    const expected = new Map<string, { sum: string; rows: number }>()
    for (const file of [SAMPLE, MULTI])
      for (const [currency, total] of Object.entries(csvSums(file, 'BilledCost'))) {
        const seen = expected.get(currency) ?? { sum: '0', rows: 0 }
        expected.set(currency, {
          sum: sumDecimals([seen.sum, total.sum]),
          rows: seen.rows + total.rows,
        })
      }
    expect(
      new Map(engine.map((r) => [r.BillingCurrency, { sum: r.BilledCost, rows: r.rows }])),
    ).toEqual(expected)
  })

  it('reads the rollups while they are current: a figure only they hold shows in the summary', async () => {
    // A group written into the rollup behind the data's back (the stamp is unchanged): the
    // summary shows it only if it reads the rollup rather than the rows.
    await ws.run(`INSERT INTO rollup_day_service BY NAME
      SELECT TIMESTAMPTZ '2024-09-01 00:00:00+00' AS ChargePeriodStart,
        TIMESTAMPTZ '2024-09-01 00:00:00+00' AS BillingPeriodStart,
        'Only in the rollup' AS ServiceName, 'USD' AS BillingCurrency,
        1.25 AS BilledCost, 1.25 AS x_AbsBilledCost, 1 AS x_Rows`)
    try {
      expect(await rollupsFresh(ws, ws.writer)).toBe(true)
      const byService = spec({ timeGrain: 'none', topN: null })
      const engine = await engineRows(ws, byService)
      expect(engine.find((r) => r.ServiceName === 'Only in the rollup')).toMatchObject({
        BilledCost: '1.25',
        rows: 1,
      })
    } finally {
      await ws.run(`DELETE FROM rollup_day_service WHERE ServiceName = 'Only in the rollup'`)
    }
  })

  it('reads the rows in presentation mode, so no real account id shows', async () => {
    const bySub = spec({ rows: [column('SubAccountId')], timeGrain: 'none', topN: null })
    const plain = (await engineRows(ws, bySub)).map((r) => r.SubAccountId)
    const real = plain.filter((id): id is string => typeof id === 'string')
    expect(real.length).toBeGreaterThan(1)
    await setPresentation(ws, { on: true, tagKeys: null })
    try {
      const shown = (await engineRows(ws, bySub)).map((r) => r.SubAccountId)
      expect(shown.length).toBe(plain.length)
      for (const id of real) expect(shown).not.toContain(id)
    } finally {
      await setPresentation(ws, { on: false, tagKeys: null })
    }
  })
})
