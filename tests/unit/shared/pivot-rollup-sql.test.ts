/** Which pivots the rollups answer (pivot-rollup-sql.ts) and how the table compiler reads them. */
import { describe, expect, it } from 'vitest'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import {
  rollupFor,
  rollupInsertSql,
  ROLLUPS,
  utcDaySql,
} from '../../../shared/sql/pivot-rollup-sql'
import { compilePivotTable, measureFigures } from '../../../shared/sql/pivot-table-sql'
import { FOCUS_COLUMNS } from '../../../shared/focus'
import { scratchSql } from '../../helpers/duckdb'

const columns = new Set(FOCUS_COLUMNS.map((c) => c.name))
const column = (name: string) => ({ kind: 'column' as const, name })
const spec = (patch: Partial<PivotSpec>): PivotSpec => ({ ...DEFAULT_PIVOT, topN: null, ...patch })
const chosen = (s: PivotSpec): string | null =>
  rollupFor(s, (s.measures ?? [{ measure: s.measure }]).flatMap(measureFigures))?.table ?? null

describe('rollupFor', () => {
  it('picks the smallest rollup holding every column the spec reads', () => {
    expect(chosen(spec({}))).toBe('rollup_day_service')
    expect(chosen(spec({ rows: [column('SubAccountName')], timeGrain: 'day' }))).toBe(
      'rollup_day_account',
    )
    expect(chosen(spec({ rows: [column('RegionName')], columns: column('ServiceName') }))).toBe(
      'rollup_day_service_region',
    )
    expect(
      chosen(
        spec({
          filters: [{ dimension: column('BillingAccountId'), op: 'in', values: ['1'] }],
          dateBasis: 'billing',
          dateRange: { start: '2025-01-01', end: null },
        }),
      ),
    ).toBe('rollup_day_service_account')
    expect(
      chosen(spec({ rows: [column('BillingPeriodStart')], measures: [{ measure: 'RowCount' }] })),
    ).toBe('rollup_day_service')
    // Resources by month, quarter or none, with month-aligned charge bounds: the monthly rollup.
    expect(chosen(spec({ rows: [column('ResourceId')] }))).toBe('rollup_month_resource')
    expect(
      chosen(
        spec({
          rows: [column('ResourceType')],
          timeGrain: 'quarter',
          dateRange: { start: '2025-01-01', end: '2025-04-01' },
        }),
      ),
    ).toBe('rollup_month_resource')
    // On the billing basis a day inside a month bounds the stored billing period, not the charge's.
    expect(
      chosen(
        spec({
          rows: [column('ResourceId')],
          dateBasis: 'billing',
          timeGrain: 'week',
          dateRange: { start: '2025-01-15', end: null },
        }),
      ),
    ).toBe('rollup_month_resource')
    // A tag read anywhere, by month, quarter or none: the monthly tag rollup, which keeps the Tags text.
    const tagged: PivotSpec[] = [
      spec({ rows: [{ kind: 'tag', key: 'team' }], timeGrain: 'month' }),
      spec({
        timeGrain: 'quarter',
        filters: [{ dimension: { kind: 'tag', key: 'env' }, op: 'in', values: ['prod'] }],
      }),
      spec({ columns: { kind: 'tag', key: 'env' }, timeGrain: 'none' }),
      spec({ timeGrain: 'month', conditions: [{ op: 'tagPresent', key: 'team' }] }),
      spec({
        rows: [column('ServiceName')],
        timeGrain: 'none',
        conditions: [{ op: 'startsWith', dimension: { kind: 'tag', key: 'app' }, text: 'a' }],
      }),
    ]
    for (const s of tagged) expect(chosen(s), JSON.stringify(s)).toBe('rollup_month_tags')
  })

  it('sends to the rows whatever a sum of day groups cannot give', () => {
    const rows = [
      // Resources are kept by month: a day or a week bucket, or a bound inside a month, reads the rows.
      spec({ rows: [column('ResourceId')], timeGrain: 'day' }),
      spec({ rows: [column('ResourceId')], timeGrain: 'week' }),
      spec({ rows: [column('ResourceId')], dateRange: { start: '2025-01-15', end: null } }),
      // Tags are kept by month, beside the service columns only.
      spec({ rows: [{ kind: 'tag', key: 'team' }], timeGrain: 'day' }),
      spec({ rows: [{ kind: 'tag', key: 'team' }], dateRange: { start: '2025-01-15', end: null } }),
      spec({ rows: [{ kind: 'tag', key: 'team' }], columns: column('RegionId') }),
      // The charge period is kept as its day only.
      spec({ rows: [column('ChargePeriodStart')] }),
      spec({ measures: [{ measure: 'DistinctCount', column: 'ResourceId' }] }),
      spec({ measures: [{ measure: 'ConsumedQuantity' }] }),
      spec({ measures: [{ measure: 'UnitCost' }] }),
      spec({ conditions: [{ op: 'range', column: 'BilledCost', min: '1', max: null }] }),
      spec({ conditions: [{ op: 'dates', column: 'ChargePeriodEnd', start: null, end: null }] }),
      spec({
        timeGrain: 'day',
        conditions: [{ op: 'contains', dimension: column('ResourceName'), text: 'x' }],
      }),
    ]
    for (const s of rows) expect(chosen(s), JSON.stringify(s)).toBeNull()
  })
})

describe('compilePivotTable with rollups', () => {
  it('reads the rollup, counting rows and ranking sizes from its sums, only when told they are fresh', () => {
    const top = spec({
      topN: 5,
      measures: [{ measure: 'BilledCost' }, { measure: 'RowCount' }],
    })
    const rows = compilePivotTable(top, columns)
    expect(rows.sql).toContain('FROM focus')
    // Each key's rows are summed once, in the same form a rollup group has.
    expect(rows.sql).toContain('count(*) AS n, sum(abs("BilledCost")) AS a')
    expect(rows.sql).toContain('sum(n) AS s1')
    const rollup = compilePivotTable(top, columns, { rollups: true })
    expect(rollup.sql).toContain('FROM "rollup_day_service"')
    expect(rollup.sql).not.toContain('FROM focus')
    expect(rollup.sql).toContain('sum("x_Rows") AS n, sum("x_AbsBilledCost") AS a')
    expect(rollup.sql).toContain('unnest(max(size, 5))')
    expect(rollup.sql).toContain('ranked AS (SELECT u0, d0, sum(a) AS size')
    expect(rollup.sql).toContain('sum(n) AS s1')
    // Same columns out, in the same order.
    expect(rollup.keys).toEqual(rows.keys)
    expect(rollup.figures).toEqual(rows.figures)
    // A tag pivot reads the rows even when the rollups are fresh.
    const tag = spec({ rows: [{ kind: 'tag', key: 'team' }] })
    expect(compilePivotTable(tag, columns, { rollups: true }).sql).toContain('FROM focus')
  })

  it('fills the two widest rollups from the rows and the others from their wider one', () => {
    const from = Object.fromEntries(ROLLUPS.map((r) => [r.table, rollupInsertSql(r)]))
    expect(from.rollup_day_service_account).toContain(
      `${utcDaySql('"ChargePeriodStart"')} AS "ChargePeriodStart"`,
    )
    expect(from.rollup_month_resource).toContain(
      `date_trunc('month', "ChargePeriodStart") AS "ChargePeriodStart"`,
    )
    expect(from.rollup_day_service_account).toContain('FROM focus')
    expect(from.rollup_day_service_region).toContain('sum(abs("BilledCost"))')
    expect(from.rollup_day_service).toContain('FROM "rollup_day_service_account"')
    expect(from.rollup_day_service).toContain('sum("x_Rows")')
    expect(from.rollup_day_account).toContain('sum("x_AbsEffectiveCost")')
  })
})

describe('utcDaySql', () => {
  it('gives the UTC midnight of every instant, at the edges of days and before 1970, in any session time zone', async () => {
    const edges = [
      '1969-12-31 23:59:59.999999+00',
      '1970-01-01 00:00:00+00',
      '1900-03-01 00:00:00.000001+00',
      '2024-02-29 12:00:00+05:30',
      '2024-03-01 01:30:00+05:30',
      '2025-06-30 23:59:59.999999+00',
      '2025-07-01 00:00:00+00',
      '2025-11-02 01:30:00-04:00',
    ]
    // The edges, and an instant every 7,919 seconds over two years (all hours and seconds of a day).
    const [result] = await scratchSql(
      `WITH t AS (
        SELECT unnest([${edges.map((e) => `'${e}'`).join(', ')}])::TIMESTAMPTZ AS ts
        UNION ALL SELECT to_timestamp(1700000000 + 7919 * i) FROM range(8000) AS r(i)),
      d AS (SELECT ts, ${utcDaySql('ts')} AS day FROM t)
      SELECT count(*)::INTEGER AS n,
        count(*) FILTER (WHERE day AT TIME ZONE 'UTC' <> ((ts AT TIME ZONE 'UTC')::DATE)::TIMESTAMP)::INTEGER AS wrong
      FROM d`,
    )
    expect(result).toEqual({ n: edges.length + 8000, wrong: 0 })
  })
})
