/**
 * Building the pivot rollups (electron/core/query/rollup-build.ts): after an import that only
 * adds rows they are summed from its rows alone and merged, and the tables are then identical,
 * row for row and to the last digit, to a build from every row; anything else that changed
 * what the focus view shows builds them from every row.
 */
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import {
  buildRollups,
  fillLazyRollup,
  type RollupBuild,
} from '../../../electron/core/query/rollup-build'
import { refreshRollups, rollupsFresh } from '../../../electron/core/query/rollup'
import { ROLLUP_CHECK_SQL } from '../../../electron/core/query/rollup-sql'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { LAZY_ROLLUPS, ROLLUP_BUILD_ORDER, type Rollup } from '../../../shared/sql/pivot-rollup-sql'
import { scratchSql } from '../../helpers/duckdb'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const FIRST = 'focus-sample-data/FOCUS-1.0/focus_sample.csv'
const SECOND = 'focus-data-toolkit-golden/consolidated_multi_provider_1_3.csv'

/** Every rollup table's rows as text (exact DECIMAL digits), sorted. */
async function rollupTables(ws: Workspace): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {}
  for (const r of ROLLUP_BUILD_ORDER) {
    const rows = await ws.all(`SELECT CAST(t AS VARCHAR) AS r FROM ${r.table} AS t ORDER BY 1`)
    tables[r.table] = rows.map((row) => String(row.r))
  }
  return tables
}

/** Builds the rollups for the data now, as refreshRollups does, and says how. */
async function build(ws: Workspace): Promise<RollupBuild> {
  return ws.transaction(async () => {
    const [check] = await ws.all(ROLLUP_CHECK_SQL)
    return buildRollups(ws, String(check?.stamp))
  })
}

/** Fills lazy rollup `rollup` for the data now, as buildLazyRollup does, and says how. */
async function fillLazy(ws: Workspace, rollup: Rollup): Promise<RollupBuild> {
  return ws.transaction(async () => {
    const [check] = await ws.all(ROLLUP_CHECK_SQL)
    return fillLazyRollup(ws, rollup, String(check?.stamp))
  })
}

/** A lazy rollup's rows as text, sorted. */
async function lazyTable(ws: Workspace, table: string): Promise<string[]> {
  const rows = await ws.all(`SELECT CAST(t AS VARCHAR) AS r FROM ${table} AS t ORDER BY 1`)
  return rows.map((row) => String(row.r))
}

/** The rollups as a build from every row makes them (the recorded build forgotten first). */
async function builtFromEveryRow(ws: Workspace): Promise<Record<string, string[]>> {
  await ws.run('DELETE FROM rollup_state')
  expect(await build(ws)).toEqual({ kind: 'all' })
  return rollupTables(ws)
}

/**
 * FIRST with another billing account: another delivery (scope) whose rows fall in the same
 * day × service × region groups as FIRST's, so merging must sum groups, not append them.
 */
async function otherAccount(): Promise<string> {
  const path = join(tempDir(), 'other-account.csv')
  await scratchSql(
    `COPY (SELECT * REPLACE ('999999999999' AS BillingAccountId) FROM read_csv($1, all_varchar = true))
     TO '${path}' (HEADER, FORCE_QUOTE *)`,
    [sample(FIRST)],
  )
  return path
}

async function imported(ws: Workspace, file: string, rollups: boolean): Promise<number> {
  const record = await importFile(ws, file.startsWith('/') ? file : sample(file), { rollups })
  expect(record.status).toBe('imported')
  return record.id
}

describe('building the pivot rollups', () => {
  let ws: Workspace
  beforeEach(async () => {
    ws = await freshWorkspace('rollup-build')
  })
  afterEach(() => ws?.close())

  it('builds a first import from every row, then sums a second import’s rows alone into the same tables a full build gives', async () => {
    // Nothing was built before the first import: from every row.
    const first = await imported(ws, FIRST, false)
    expect(await build(ws)).toEqual({ kind: 'all' })
    await imported(ws, SECOND, false)
    const merged = await build(ws)
    expect(merged).toEqual({ kind: 'added', after: first })
    expect(await rollupsFresh(ws, ws.writer)).toBe(true)
    const tables = await rollupTables(ws)
    // The merge left each key once, as a build from the rows does.
    for (const rows of Object.values(tables)) expect(new Set(rows).size).toBe(rows.length)
    expect(tables.rollup_day_service_account!.length).toBeGreaterThan(0)
    expect(tables).toEqual(await builtFromEveryRow(ws))
  })

  it('sums the groups two deliveries share (same days, services and regions, other accounts) exactly', async () => {
    const first = await imported(ws, FIRST, true)
    const [before] = await ws.all('SELECT count(*)::BIGINT AS n FROM rollup_day_service_region')
    await imported(ws, await otherAccount(), false)
    expect(await build(ws)).toEqual({ kind: 'added', after: first })
    const tables = await rollupTables(ws)
    // Every region group is shared: as many groups as before, each summing both deliveries.
    expect(tables.rollup_day_service_region!.length).toBe(Number(before?.n))
    const [doubled] = await ws.all(
      `SELECT bool_and(x_Rows % 2 = 0) AS even FROM rollup_day_service_region`,
    )
    expect(doubled?.even).toBe(true)
    expect(tables).toEqual(await builtFromEveryRow(ws))
  })

  it('is what an import leaves: its own rows merged, fresh, identical to a full build', async () => {
    await imported(ws, FIRST, true)
    await imported(ws, SECOND, true)
    expect(await rollupsFresh(ws, ws.writer)).toBe(true)
    const tables = await rollupTables(ws)
    expect(tables).toEqual(await builtFromEveryRow(ws))
  })

  it('fills a lazy rollup from a later import’s rows alone, shared groups summed, as a full build would', async () => {
    for (const rollup of LAZY_ROLLUPS) {
      const fresh = await freshWorkspace(`lazy-${rollup.table}`)
      try {
        const first = await imported(fresh, FIRST, true)
        expect(await fillLazy(fresh, rollup)).toEqual({ kind: 'all' })
        // Same days, services and tags in another account: the tag rollup has groups to merge.
        await imported(fresh, await otherAccount(), true)
        await imported(fresh, SECOND, true)
        expect(await fillLazy(fresh, rollup), rollup.table).toEqual({ kind: 'added', after: first })
        const table = await lazyTable(fresh, rollup.table)
        expect(new Set(table).size, rollup.table).toBe(table.length)
        const [rows] = await fresh.all(`SELECT sum(x_Rows)::BIGINT AS n FROM ${rollup.table}`)
        const [focus] = await fresh.all('SELECT count(*)::BIGINT AS n FROM focus')
        expect(rows?.n, rollup.table).toBe(focus?.n)
        // Forget the build: a fill from every row gives the same table, row for row.
        await fresh.run(`DELETE FROM meta WHERE key = 'rollup_import_id:${rollup.table}'`)
        expect(await fillLazy(fresh, rollup)).toEqual({ kind: 'all' })
        expect(await lazyTable(fresh, rollup.table), rollup.table).toEqual(table)
      } finally {
        await fresh.close()
      }
    }
  })

  it('builds from every row after a restatement took rows out of the focus view', async () => {
    await imported(ws, FIRST, true)
    await imported(ws, SECOND, true)
    // Supersede one scope, as a restatement does (supersede.ts).
    await ws.run(`INSERT INTO superseded_scopes
      SELECT import_id, provider, billing_account_id, billing_period_start, import_id FROM import_scopes
      ORDER BY import_id LIMIT 1`)
    expect(await build(ws)).toEqual({ kind: 'all' })
    const tables = await rollupTables(ws)
    expect(tables).toEqual(await builtFromEveryRow(ws))
  })

  it('builds from every row when rows of an import the build already held came after it', async () => {
    const first = await imported(ws, FIRST, true)
    // Rows stored with an import id at or below the recorded one: not "added after" it.
    await ws.run(`INSERT INTO cost_rows SELECT * FROM cost_rows WHERE x_ImportId = $1 LIMIT 5`, [
      first,
    ])
    expect(await build(ws)).toEqual({ kind: 'all' })
    expect(await rollupTables(ws)).toEqual(await builtFromEveryRow(ws))
  })

  it('builds from every row when an Azure cost view was recorded since', async () => {
    const first = await imported(ws, FIRST, true)
    await imported(ws, SECOND, false)
    await ws.run(`INSERT INTO import_cost_views VALUES ($1, 'amortized', 'data')`, [first])
    expect(await build(ws)).toEqual({ kind: 'all' })
    expect(await refreshRollups(ws)).toBe(false)
  })
})
