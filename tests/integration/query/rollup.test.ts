/**
 * The pivot rollups (electron/core/query/rollup.ts): every spec a rollup answers gives, to the
 * last digit, the figures the rows give (the demo sample, a multi-provider file, a generated
 * month), and a pivot never reads rollups older than the data.
 */
import { basename } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expandInputs } from '../../../electron/cli/files'
import { importGroup } from '../../../electron/core/ingest/import-group'
import { importFile } from '../../../electron/core/ingest/import-file'
import { focusColumnNames } from '../../../electron/core/query/catalog'
import { runPivotTable } from '../../../electron/core/query/pivot'
import {
  buildLazyRollups,
  refreshRollups,
  rollupState,
  rollupsFresh,
} from '../../../electron/core/query/rollup'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import { LITERAL_TAGS, type TagResolver } from '../../../shared/tags/resolve'
import { buildPivotTable, type TableRecord } from '../../../shared/pivot/table'
import { LAZY_ROLLUPS, ROLLUPS } from '../../../shared/sql/pivot-rollup-sql'
import { compilePivotTable, type PivotTableOptions } from '../../../shared/sql/pivot-table-sql'
import { syntheticSelect } from '../../bench/synthetic'
import { curSample, splitRows, writeCurDelivery } from '../../helpers/cur-delivery'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace, insertServiceCosts, storedTotals } from '../../helpers/workspace'

const column = (name: string) => ({ kind: 'column' as const, name })
const spec = (patch: Partial<PivotSpec>): PivotSpec => ({
  ...DEFAULT_PIVOT,
  timeGrain: 'none',
  topN: null,
  ...patch,
})

/** Specs the rollups answer, with the rollup each must read. */
const CASES: Array<{ name: string; spec: PivotSpec; table: string }> = [
  { name: 'by service', spec: spec({}), table: 'rollup_day_service' },
  {
    name: 'service × month, five measures',
    spec: spec({
      timeGrain: 'month',
      columns: { kind: 'time' },
      measures: [
        { measure: 'BilledCost' },
        { measure: 'EffectiveCost' },
        { measure: 'RowCount' },
        { measure: 'Savings' },
        { measure: 'PercentOfTotal' },
      ],
    }),
    table: 'rollup_day_service',
  },
  {
    name: 'day × sub account',
    spec: spec({ rows: [column('SubAccountId')], timeGrain: 'day', columns: { kind: 'time' } }),
    table: 'rollup_day_account',
  },
  {
    name: 'region × service, Usage only, half a month',
    spec: spec({
      rows: [column('RegionId')],
      columns: column('ServiceName'),
      filters: [{ dimension: column('ChargeCategory'), op: 'in', values: ['Usage'] }],
      dateRange: { start: '2024-09-10', end: '2024-09-20' },
      measures: [{ measure: 'EffectiveCost' }, { measure: 'ListCost' }],
    }),
    table: 'rollup_day_service_region',
  },
  {
    name: 'top 3 services by week with the change',
    spec: spec({
      topN: 3,
      timeGrain: 'week',
      measures: [
        { measure: 'EffectiveCost' },
        { measure: 'ChangeVsPrevious', of: 'EffectiveCost' },
      ],
    }),
    table: 'rollup_day_service',
  },
  {
    name: 'category › service, top 2 each, ranked by rows',
    spec: spec({
      rows: [column('ServiceCategory'), column('ServiceName')],
      topN: 2,
      measures: [{ measure: 'RowCount' }],
    }),
    table: 'rollup_day_service',
  },
  {
    name: 'billing account by quarter on the billing period, one account left out',
    spec: spec({
      rows: [column('BillingAccountId')],
      timeGrain: 'quarter',
      dateBasis: 'billing',
      filters: [{ dimension: column('SubAccountId'), op: 'notIn', values: [null, 'x'] }],
    }),
    table: 'rollup_day_account',
  },
  {
    name: 'services containing "a" and accounts, from a day on',
    spec: spec({
      rows: [column('ServiceName'), column('SubAccountName')],
      conditions: [
        { op: 'contains', dimension: column('ServiceName'), text: 'A' },
        { op: 'dates', column: 'ChargePeriodStart', start: '2024-09-05', end: null },
      ],
      measures: [{ measure: 'BilledCost' }, { measure: 'ContractedCost' }],
    }),
    table: 'rollup_day_service_account',
  },
  {
    name: 'top 5 resources with (Other), from the first of a month',
    spec: spec({
      rows: [column('ResourceId')],
      topN: 5,
      dateRange: { start: '2024-09-01', end: null },
    }),
    table: 'rollup_month_resource',
  },
  {
    name: 'resource types × account by quarter, Usage only, with the row count',
    spec: spec({
      rows: [column('ResourceType'), column('SubAccountId')],
      timeGrain: 'quarter',
      filters: [{ dimension: column('ChargeCategory'), op: 'in', values: ['Usage'] }],
      measures: [{ measure: 'EffectiveCost' }, { measure: 'RowCount' }],
    }),
    table: 'rollup_month_resource',
  },
  {
    name: 'tag env × service, "(none)" included',
    spec: spec({ rows: [{ kind: 'tag', key: 'env' }], columns: column('ServiceName') }),
    table: 'rollup_month_tags',
  },
  {
    name: 'services by quarter for env prod or no env, with no CostCenter, top 2 with the row count',
    spec: spec({
      topN: 2,
      timeGrain: 'quarter',
      filters: [{ dimension: { kind: 'tag', key: 'env' }, op: 'in', values: ['prod', null] }],
      conditions: [{ op: 'tagMissing', key: 'CostCenter' }],
      measures: [{ measure: 'EffectiveCost' }, { measure: 'RowCount' }],
    }),
    table: 'rollup_month_tags',
  },
  {
    name: 'category › env tags containing "RO", untagged rows left out, from the first of a month',
    spec: spec({
      rows: [column('ServiceCategory'), { kind: 'tag', key: 'env' }],
      dateRange: { start: '2024-09-01', end: null },
      filters: [{ dimension: { kind: 'tag', key: 'env' }, op: 'notIn', values: [null] }],
      conditions: [{ op: 'contains', dimension: { kind: 'tag', key: 'env' }, text: 'RO' }],
    }),
    table: 'rollup_month_tags',
  },
]

/** Resource and tag specs the monthly rollups cannot answer: they read the rows. */
const DAILY_RESOURCE_CASES: PivotSpec[] = [
  spec({ rows: [column('ResourceId')], timeGrain: 'week' }),
  spec({ rows: [{ kind: 'tag', key: 'team' }], timeGrain: 'day' }),
  spec({ rows: [{ kind: 'tag', key: 'team' }], columns: column('RegionId') }),
  spec({ rows: [column('ResourceId')], dateRange: { start: '2024-09-10', end: null } }),
  spec({
    rows: [column('ResourceId')],
    conditions: [{ op: 'dates', column: 'ChargePeriodStart', start: null, end: '2024-09-20' }],
  }),
]

/** Runs `spec` compiled over the rows and over the rollups; records in a stable order. */
async function bothWays(ws: Workspace, pivot: PivotSpec, options: PivotTableOptions = {}) {
  const names = await focusColumnNames(ws)
  const run = async (rollups: boolean) => {
    const compiled = compilePivotTable(pivot, names, {
      ...options,
      rollups,
      lazyRollups: rollups ? new Set(LAZY_ROLLUPS.map((r) => r.table)) : undefined,
    })
    const records = (await ws.all(compiled.sql, [...compiled.params])) as TableRecord[]
    const sorted = records.map((r) => JSON.stringify(r)).sort()
    return { compiled, records, sorted }
  }
  return { rows: await run(false), rollup: await run(true) }
}

/** Checks every case on `ws`: same records both ways, read from the expected rollup, and the engine agrees. */
async function expectRollupsExact(ws: Workspace): Promise<void> {
  expect(await rollupsFresh(ws, ws.writer)).toBe(true)
  await buildLazyRollups(ws)
  for (const c of CASES) {
    const { rows, rollup } = await bothWays(ws, c.spec)
    expect(rows.compiled.sql, c.name).toContain('FROM focus')
    expect(rollup.compiled.sql, c.name).toContain(`FROM "${c.table}"`)
    expect(rows.records.length, c.name).toBeGreaterThan(0)
    expect(rollup.sorted, c.name).toEqual(rows.sorted)
    // What the screen gets: the engine (on the rollups) lays out what the rows give.
    const table = await runPivotTable(ws, c.spec)
    expect(table, c.name).toEqual(buildPivotTable(c.spec, rows.compiled, rows.records))
  }
  // Whole months cannot answer a week, or a bound inside a month.
  const names = await focusColumnNames(ws)
  for (const daily of DAILY_RESOURCE_CASES)
    expect(compilePivotTable(daily, names, { rollups: true }).sql).toContain('FROM focus')
}

describe('pivot rollups', () => {
  let ws: Workspace
  beforeAll(async () => {
    ws = await freshWorkspace('rollups')
  })
  afterAll(() => ws?.close())

  it('answer each spec exactly as the rows do on the demo sample and a multi-provider file', async () => {
    const first = await importFile(ws, sample('focus-sample-data/FOCUS-1.0/focus_sample.csv'))
    expect(first.status).toBe('imported')
    // The import rebuilt them: fresh with no pivot run yet.
    await expectRollupsExact(ws)
    const second = await importFile(
      ws,
      sample('focus-data-toolkit-golden/consolidated_multi_provider_1_3.csv'),
    )
    expect(second.status).toBe('imported')
    await expectRollupsExact(ws)
  })

  it('are stale after a restatement until rebuilt, and a pivot meanwhile reads the rows', async () => {
    const before = await runPivotTable(ws, spec({}))
    // Supersede one scope behind the import's back, as a restatement does (supersede.ts).
    await ws.run(`INSERT INTO superseded_scopes
      SELECT import_id, provider, billing_account_id, billing_period_start, import_id FROM import_scopes
      ORDER BY import_id LIMIT 1`)
    // Read on a reader: the stale check starts a rebuild on the writer, not awaited here.
    const reader = await ws.reader()
    try {
      expect(await rollupsFresh(ws, reader)).toBe(false)
    } finally {
      reader.closeSync()
    }
    const names = await focusColumnNames(ws)
    const rows = compilePivotTable(spec({}), names)
    const after = buildPivotTable(
      spec({}),
      rows,
      (await ws.all(rows.sql, [...rows.params])) as TableRecord[],
    )
    expect(after).not.toEqual(before)
    // The screen meanwhile gets the rows' figures, never the stale rollups'.
    expect(await runPivotTable(ws, spec({}))).toEqual(after)
    await refreshRollups(ws)
    await expectRollupsExact(ws)
    expect(await runPivotTable(ws, spec({}))).toEqual(after)
  })

  it('are built at the first pivot of a workspace whose rollups were never built (one upgraded to format 5)', async () => {
    // The upgrade creates the tables empty, with no stamp.
    for (const r of ROLLUPS) await ws.run(`DELETE FROM ${r.table}`)
    await ws.run('DELETE FROM rollup_state')
    await ws.run('DELETE FROM rollup_lazy_state')
    const names = await focusColumnNames(ws)
    const rows = compilePivotTable(spec({}), names)
    const expected = buildPivotTable(
      spec({}),
      rows,
      (await ws.all(rows.sql, [...rows.params])) as TableRecord[],
    )
    // This pivot reads the rows and starts the build.
    expect(await runPivotTable(ws, spec({}))).toEqual(expected)
    await refreshRollups(ws)
    await expectRollupsExact(ws)
  })
})

describe('pivot rollups on a generated month', () => {
  let ws: Workspace
  beforeAll(async () => {
    ws = await freshWorkspace('rollups-generated')
    await ws.run(
      `INSERT INTO cost_rows BY NAME SELECT * EXCLUDE (ProviderName, PublisherName), 1 AS x_ImportId, row_number() OVER () AS x_SourceRow FROM (${syntheticSelect(30_000)})`,
    )
  })
  afterAll(() => ws?.close())

  it('answer each spec to the last digit, in USD and EUR', async () => {
    expect(await refreshRollups(ws)).toBe(true)
    await buildLazyRollups(ws)
    // Built from 30,000 rows into far fewer groups.
    const [built] = await ws.all(
      'SELECT sum(x_Rows)::INT AS n, count(*)::INT AS g FROM rollup_day_service',
    )
    expect(built?.n).toBe(30_000)
    expect(Number(built?.g)).toBeLessThan(30_000)
    const currencies = await ws.all(
      'SELECT DISTINCT BillingCurrency AS c FROM rollup_day_service ORDER BY 1',
    )
    expect(currencies.map((r) => r.c)).toEqual(['EUR', 'USD'])
    // The generated month is June 2025: move the cases' dates there.
    const june = CASES.map((c) => ({
      ...c,
      spec: JSON.parse(JSON.stringify(c.spec).replaceAll('2024-09-', '2025-06-')) as PivotSpec,
    }))
    for (const c of june) {
      const { rows, rollup } = await bothWays(ws, c.spec)
      expect(rollup.compiled.sql, c.name).toContain(`FROM "${c.table}"`)
      expect(rows.records.length, c.name).toBeGreaterThan(0)
      expect(rollup.sorted, c.name).toEqual(rows.sorted)
    }
  })
})

describe('the monthly tag rollup', () => {
  it('reads tags through an alias policy and past Tags that are not JSON, as the rows do', async () => {
    const ws = await freshWorkspace('rollups-tags')
    try {
      await ws.run(
        `INSERT INTO cost_rows BY NAME SELECT * EXCLUDE (ProviderName, PublisherName), 1 AS x_ImportId, row_number() OVER () AS x_SourceRow FROM (${syntheticSelect(5_000)})`,
      )
      // Two rows whose Tags are not JSON objects: the guard reads them as untagged.
      await ws.run(
        `INSERT INTO cost_rows BY NAME SELECT * REPLACE ('{"team":' AS Tags, x_SourceRow + 5000 AS x_SourceRow) FROM cost_rows WHERE x_SourceRow <= 1
         UNION ALL SELECT * REPLACE ('not json' AS Tags, x_SourceRow + 5000 AS x_SourceRow) FROM cost_rows WHERE x_SourceRow = 2`,
      )
      expect(await refreshRollups(ws)).toBe(true)
      await buildLazyRollups(ws)
      // "owner" reads team, else app: a policy grouping two original keys under one name.
      const tags: TagResolver = (key) =>
        key === 'owner' ? { canonical: 'owner', keys: ['team', 'app'] } : LITERAL_TAGS(key)
      const owner = { kind: 'tag' as const, key: 'owner' }
      const pivots = [
        spec({ rows: [owner], columns: column('ServiceName') }),
        spec({ rows: [column('ChargeCategory'), owner], timeGrain: 'month', topN: 3 }),
        spec({ filters: [{ dimension: owner, op: 'in', values: [null] }] }),
      ]
      for (const pivot of pivots) {
        const { rows, rollup } = await bothWays(ws, pivot, { tags, guardJson: true })
        expect(rollup.compiled.sql).toContain('FROM "rollup_month_tags"')
        expect(rollup.compiled.sql).toContain('json_valid')
        expect(rows.records.length).toBeGreaterThan(0)
        expect(rollup.sorted).toEqual(rows.sorted)
      }
      // The untagged group holds every row without team or app, the two broken ones among them,
      // counted here apart from Focal's SQL.
      const untagged = spec({
        filters: [{ dimension: owner, op: 'in', values: [null] }],
        measures: [{ measure: 'RowCount' }],
      })
      const none = await bothWays(ws, untagged, { tags, guardJson: true })
      expect(none.rollup.sorted).toEqual(none.rows.sorted)
      const [counted] = await ws.all(
        `SELECT count(*)::INT AS n FROM cost_rows WHERE NOT coalesce(json_valid(Tags), false)
           OR (json_extract_string(Tags, '$.team') IS NULL AND json_extract_string(Tags, '$.app') IS NULL)`,
      )
      expect(Number(counted?.n)).toBeGreaterThan(2)
      const totals = none.rollup.records.filter((r) => Number(r.lvl) === 1)
      expect(totals.reduce((sum, r) => sum + Number(r.s0), 0)).toBe(Number(counted?.n))
    } finally {
      await ws.close()
    }
  })
})

describe('pivot rollups ranking the top N', () => {
  it('rank by the rows’ sizes ignoring sign, not by the size of their net sum', async () => {
    const ws = await freshWorkspace('rollups-credits')
    try {
      // Compute's charge and its credit on one day net to 0 but move 200; Storage moves 150.
      await insertServiceCosts(ws, [
        ['Compute', '100'],
        ['Compute', '-100'],
        ['Storage', '150'],
        ['Network', '10'],
      ])
      await refreshRollups(ws)
      const top1 = spec({ topN: 1 })
      const { rows, rollup } = await bothWays(ws, top1)
      expect(rollup.compiled.sql).toContain('FROM "rollup_day_service"')
      expect(rollup.sorted).toEqual(rows.sorted)
      const kept = rollup.records.filter((r) => r.lvl === 0 && r.other === false)
      expect(kept.map((r) => [r.d0, r.s0])).toEqual([['Compute', '0.000000000000000000']])
    } finally {
      ws.close()
    }
  })
})

describe('pivot rollups after an AWS CUR delivery', () => {
  it('are current once the delivery is in (rebuilt at its end, not per part) and sum to its rows', async () => {
    const ws = await freshWorkspace('rollups-delivery')
    try {
      const root = tempDir()
      writeCurDelivery(root, 'assembly-a', splitRows(curSample().rows, 3))
      const files = expandInputs([root], true).map((path) => ({
        path,
        displayName: basename(path),
        relativePath: path,
      }))
      const group = await importGroup(ws, files, {}, () => Promise.resolve([]))
      expect(group.records.map((r) => r.status)).toEqual(['imported', 'imported', 'imported'])
      // No pivot has run: the delivery itself left them current.
      expect(await rollupsFresh(ws, ws.writer)).toBe(true)
      const [rolled] = await ws.all(
        `SELECT BillingCurrency AS c, sum(x_Rows)::BIGINT AS n, sum(BilledCost)::VARCHAR AS b
         FROM rollup_day_service GROUP BY 1`,
      )
      const stored = await storedTotals(ws)
      expect({
        [String(rolled?.c)]: { rows: Number(rolled?.n), billed: String(rolled?.b) },
      }).toEqual(
        Object.fromEntries(
          Object.entries(stored).map(([c, t]) => [c, { rows: t.rows, billed: t.billed }]),
        ),
      )
    } finally {
      ws.close()
    }
  })
})

describe('the monthly resource rollup', () => {
  it('is left to the first resource pivot, which reads the rows and starts it; an import makes it stale again', async () => {
    const ws = await freshWorkspace('rollups-lazy')
    try {
      const top = CASES.find((c) => c.table === 'rollup_month_resource')!.spec
      const rowsOf = async () => {
        const names = await focusColumnNames(ws)
        const rows = compilePivotTable(top, names)
        const records = (await ws.all(rows.sql, [...rows.params])) as TableRecord[]
        return buildPivotTable(top, rows, records)
      }
      await importFile(ws, sample('focus-sample-data/FOCUS-1.0/focus_sample.csv'))
      // The import built the others, not this one.
      expect(await rollupState(ws, ws.writer)).toEqual({ fresh: true, lazy: new Set() })
      const expected = await rowsOf()
      // The first resource pivot reads the rows and asks for the rollup.
      expect(await runPivotTable(ws, top)).toEqual(expected)
      // Its build is queued on the writer: once the queue is through, it holds the data.
      await ws.exclusive(async () => undefined)
      expect((await rollupState(ws, ws.writer)).lazy).toEqual(new Set(['rollup_month_resource']))
      const [built] = await ws.all('SELECT sum(x_Rows)::INT AS n FROM rollup_month_resource')
      const [rows] = await ws.all('SELECT count(*)::INT AS n FROM focus')
      expect(built?.n).toBe(rows?.n)
      expect(await runPivotTable(ws, top)).toEqual(expected)
      // Another import: stale, and the pivot gives the rows' new figures.
      await importFile(ws, sample('focus-data-toolkit-golden/consolidated_multi_provider_1_3.csv'))
      expect((await rollupState(ws, ws.writer)).lazy).toEqual(new Set())
      const after = await rowsOf()
      expect(after).not.toEqual(expected)
      expect(await runPivotTable(ws, top)).toEqual(after)
    } finally {
      ws.close()
    }
  })
})
