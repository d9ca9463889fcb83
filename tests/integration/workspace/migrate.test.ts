/** migrateWorkspace: workspaces of formats 1 to 6 upgraded on a writable open; a newer one refused untouched. */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../../electron/core/audit/verify-audit'
import {
  buildLazyRollups,
  refreshRollups,
  rollupState,
  rollupsFresh,
} from '../../../electron/core/query/rollup'
import { importFile } from '../../../electron/core/ingest/import-file'
import {
  FOCAL_VIEWS,
  FORMAT_3_TABLES,
  FORMAT_5_TABLES,
  WORKSPACE_FORMAT,
} from '../../../electron/core/workspace/schema'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { sample } from '../../helpers/paths'
import { freshWorkspace, storedTotals } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')

let open: Workspace[] = []
afterEach(async () => {
  for (const ws of open) await ws.close()
  open = []
})

/**
 * The audit log as formats 1 to 3 left it: no chain columns, and details as JSON.stringify
 * wrote them (keys in insertion order), one more entry logged with DuckDB's now().
 */
async function unchainAuditLog(ws: Workspace): Promise<number> {
  for (const column of ['seq', 'prev_hash', 'hash', 'field_digests'])
    await ws.run(`ALTER TABLE audit_log DROP COLUMN ${column}`)
  await ws.run(
    `INSERT INTO audit_log VALUES (now(), 'someone', 'view.save', 'Old view', '{"spec":{"z":1,"a":[2,{"y":3,"b":4}]}}')`,
  )
  const [count] = await ws.all('SELECT count(*)::INT AS n FROM audit_log')
  return Number(count?.n)
}

/** A workspace holding the sample as format 1 left it: no delivery tables, the plain focus view. */
async function formatOneWorkspace(): Promise<string> {
  const ws = await freshWorkspace('old')
  expect((await importFile(ws, SAMPLE)).status).toBe('imported')
  await unchainAuditLog(ws)
  for (const table of ['import_scopes', 'superseded_scopes', 'import_deltas', 'import_overlaps'])
    await ws.run(`DROP TABLE ${table}`)
  await ws.run('CREATE OR REPLACE VIEW focus AS SELECT * FROM cost_rows')
  await ws.run("UPDATE meta SET value = '1' WHERE key = 'focal_format'")
  await ws.close()
  return ws.path
}

/** The table each FORMAT_3_TABLES statement creates. */
const format3Tables = FORMAT_3_TABLES.map(
  (sql) => /CREATE TABLE IF NOT EXISTS (\w+)/.exec(sql)?.[1] ?? sql,
)

/** A workspace holding the sample as format 2 left it: none of the format-3 tables. */
async function formatTwoWorkspace(): Promise<{ path: string; totals: unknown }> {
  const ws = await freshWorkspace('two')
  expect((await importFile(ws, SAMPLE)).status).toBe('imported')
  const totals = await storedTotals(ws)
  for (const table of format3Tables) await ws.run(`DROP TABLE ${table}`)
  await unchainAuditLog(ws)
  await ws.run("UPDATE meta SET value = '2' WHERE key = 'focal_format'")
  await ws.close()
  return { path: ws.path, totals }
}

/**
 * A workspace as format 3 left it: the sample imported, an audit log without its chain, and
 * without the tables appended to FORMAT_3_TABLES after format 3 shipped (the last two here:
 * period closes and FX rates came after it).
 */
async function formatThreeWorkspace(): Promise<{ path: string; totals: unknown; logged: number }> {
  const ws = await freshWorkspace('three')
  expect((await importFile(ws, SAMPLE)).status).toBe('imported')
  const totals = await storedTotals(ws)
  for (const table of format3Tables.slice(-2)) await ws.run(`DROP TABLE ${table}`)
  const logged = await unchainAuditLog(ws)
  await ws.run("UPDATE meta SET value = '3' WHERE key = 'focal_format'")
  await ws.close()
  return { path: ws.path, totals, logged }
}

/** The table each FORMAT_5_TABLES statement creates. */
const format5Tables = FORMAT_5_TABLES.map(
  (sql) => /CREATE TABLE IF NOT EXISTS (\w+)/.exec(sql)?.[1] ?? sql,
)

/** A workspace as format 4 left it: the sample imported, a chained log, none of the format-5 tables. */
async function formatFourWorkspace(): Promise<{ path: string; totals: unknown }> {
  const ws = await freshWorkspace('four')
  expect((await importFile(ws, SAMPLE)).status).toBe('imported')
  const totals = await storedTotals(ws)
  for (const table of format5Tables) await ws.run(`DROP TABLE ${table}`)
  await ws.run("UPDATE meta SET value = '4' WHERE key = 'focal_format'")
  await ws.close()
  return { path: ws.path, totals }
}

/** The upgrade entry's details, and the verification of the upgraded chain. */
async function upgradeRecord(ws: Workspace): Promise<Record<string, unknown>> {
  const [audit] = await ws.all(
    "SELECT details FROM audit_log WHERE action = 'workspace.upgrade' ORDER BY seq DESC LIMIT 1",
  )
  return JSON.parse(String(audit?.details)) as Record<string, unknown>
}

/**
 * A workspace written at `format`, reopened for writing: the demo sample imported with its
 * rollups fresh, then the tables that format did not have dropped and the format set back.
 */
async function importedAt(format: number, missing: readonly string[]): Promise<Workspace> {
  const older = await freshWorkspace(`format-${format}`)
  expect((await importFile(older, SAMPLE)).status).toBe('imported')
  expect(await rollupsFresh(older, older.writer)).toBe(true)
  for (const table of missing) await older.run(`DROP TABLE ${table}`)
  await older.run("UPDATE meta SET value = $1 WHERE key = 'focal_format'", [String(format)])
  await older.close()
  const ws = await Workspace.open(older.path)
  open.push(ws)
  return ws
}

describe('migrateWorkspace', () => {
  it('upgrades format 2 to the current format: every format-3 table created, the rows and totals untouched', async () => {
    const { path, totals } = await formatTwoWorkspace()
    const ws = await Workspace.open(path)
    open.push(ws)
    const [meta] = await ws.all("SELECT value FROM meta WHERE key = 'focal_format'")
    expect(meta?.value).toBe(String(WORKSPACE_FORMAT))
    const tables = (await ws.all('SELECT table_name FROM duckdb_tables()')).map((r) => r.table_name)
    for (const table of format3Tables) expect(tables).toContain(table)
    expect(await storedTotals(ws)).toEqual(totals)
    expect(await upgradeRecord(ws)).toMatchObject({ from: 2, to: WORKSPACE_FORMAT })
    const verified = await verifyAudit(ws)
    expect([verified.ok, verified.break, verified.imports.mismatches]).toEqual([true, null, []])
  })

  it('upgrades format 3: tables added to FORMAT_3_TABLES since then created, earlier entries chained in written order and the upgrade saying so', async () => {
    const { path, totals, logged } = await formatThreeWorkspace()
    const ws = await Workspace.open(path)
    open.push(ws)
    const [meta] = await ws.all("SELECT value FROM meta WHERE key = 'focal_format'")
    expect(meta?.value).toBe(String(WORKSPACE_FORMAT))
    const tables = (await ws.all('SELECT table_name FROM duckdb_tables()')).map((r) => r.table_name)
    for (const table of format3Tables) expect(tables).toContain(table)
    expect(await storedTotals(ws)).toEqual(totals)
    expect(await upgradeRecord(ws)).toEqual({
      from: 3,
      to: WORKSPACE_FORMAT,
      chainedAtUpgrade: logged,
      note: `The ${logged} entries before this one were logged before the hash chain existed and were chained at this upgrade: their hashes prove only that they were not changed after it.`,
    })
    // Numbered in the order they were written (the legacy entry last), the upgrade after them.
    const order = await ws.all('SELECT seq::INT AS seq, action FROM audit_log ORDER BY seq')
    expect(order.map((r) => r.seq)).toEqual(Array.from({ length: logged + 1 }, (_, i) => i + 1))
    expect(order.slice(-2).map((r) => r.action)).toEqual(['view.save', 'workspace.upgrade'])
    const verified = await verifyAudit(ws)
    expect(verified).toMatchObject({
      ok: true,
      entries: logged + 1,
      break: null,
      chainStart: { upgradeSeq: logged + 1, through: logged },
      imports: { checked: 1, mismatches: [] },
    })
    // The chain goes on from the upgrade.
    await ws.audit('test.after', null, { n: 1 })
    expect((await verifyAudit(ws)).break).toBeNull()
  })

  it('upgrades format 4: every format-5 table created, the rows, totals and chain untouched', async () => {
    const { path, totals } = await formatFourWorkspace()
    const ws = await Workspace.open(path)
    open.push(ws)
    const [meta] = await ws.all("SELECT value FROM meta WHERE key = 'focal_format'")
    expect(meta?.value).toBe(String(WORKSPACE_FORMAT))
    const tables = (await ws.all('SELECT table_name FROM duckdb_tables()')).map((r) => r.table_name)
    for (const table of [...format3Tables, ...format5Tables]) expect(tables).toContain(table)
    expect(await storedTotals(ws)).toEqual(totals)
    // A chained log needs no re-chaining: the upgrade entry is just the next link.
    expect(await upgradeRecord(ws)).toEqual({ from: 4, to: WORKSPACE_FORMAT })
    expect((await verifyAudit(ws)).break).toBeNull()
  })

  it('upgrades format 5: the monthly resource rollup created, and every rollup built afresh at the first pivot', async () => {
    // Format 5 had fresh rollups but no resource rollup (nor the tag rollup of format 7).
    const ws = await importedAt(5, ['rollup_month_resource', 'rollup_month_tags'])
    expect(await upgradeRecord(ws)).toEqual({ from: 5, to: WORKSPACE_FORMAT })
    // Stale until rebuilt, then the new rollup holds every row.
    expect(await rollupsFresh(ws, ws.writer)).toBe(false)
    await refreshRollups(ws)
    await buildLazyRollups(ws)
    const [built] = await ws.all('SELECT sum(x_Rows)::INT AS n FROM rollup_month_resource')
    const [rows] = await ws.all('SELECT count(*)::INT AS n FROM focus')
    expect(built?.n).toBe(rows?.n)
  })

  it('upgrades format 6: the monthly tag rollup created, unbuilt, while the built rollups stay current', async () => {
    const ws = await importedAt(6, ['rollup_month_tags'])
    expect(await upgradeRecord(ws)).toEqual({ from: 6, to: WORKSPACE_FORMAT })
    // Nothing the other rollups hold changed: they need no rebuild.
    const state = await rollupState(ws, ws.writer)
    expect(state.fresh).toBe(true)
    expect(state.lazy.has('rollup_month_tags')).toBe(false)
    await buildLazyRollups(ws)
    const [built] = await ws.all('SELECT sum(x_Rows)::INT AS n FROM rollup_month_tags')
    const [rows] = await ws.all('SELECT count(*)::INT AS n FROM focus')
    expect(built?.n).toBe(rows?.n)
    expect((await rollupState(ws, ws.writer)).lazy.has('rollup_month_tags')).toBe(true)
  })

  it('refuses a workspace of a newer format on a writable open, saying to update Focal, and leaves its file as it was', async () => {
    const ws = await freshWorkspace('newer')
    await ws.run("UPDATE meta SET value = $1 WHERE key = 'focal_format'", [
      String(WORKSPACE_FORMAT + 1),
    ])
    await ws.close()
    const digest = (): string => createHash('sha256').update(readFileSync(ws.path)).digest('hex')
    const before = digest()
    await expect(Workspace.open(ws.path)).rejects.toMatchObject({
      error: {
        code: 'WORKSPACE_INVALID',
        message: `newer.focal was written by a newer Focal (format ${WORKSPACE_FORMAT + 1}).`,
        hint: 'Update Focal to open it.',
      },
    })
    expect(digest()).toBe(before)
  })

  it('upgrades format 1 on a writable open: scopes of earlier imports recorded, so a copy in other bytes is a duplicate', async () => {
    const path = await formatOneWorkspace()
    const ws = await Workspace.open(path)
    open.push(ws)
    expect(ws.removedSql).toEqual([])
    const [meta] = await ws.all("SELECT value FROM meta WHERE key = 'focal_format'")
    expect(meta?.value).toBe(String(WORKSPACE_FORMAT))
    const [view] = await ws.all("SELECT sql FROM duckdb_views() WHERE view_name = 'focus'")
    expect(view?.sql).toBe(`CREATE VIEW focus AS ${FOCAL_VIEWS.focus};`)
    expect(await upgradeRecord(ws)).toMatchObject({ from: 1, to: WORKSPACE_FORMAT })
    expect((await verifyAudit(ws)).ok).toBe(true)
    const [scopes] = await ws.all(
      'SELECT count(*)::INT AS n, sum(rows)::INT AS r FROM import_scopes',
    )
    expect(scopes).toEqual({ n: 4, r: 1000 })
    // The first import's fingerprints came from the upgrade: the same rows with CRLF are found by them.
    const crlf = path.replace(/old\.focal$/, 'crlf.csv')
    writeFileSync(crlf, readFileSync(SAMPLE, 'utf8').replace(/\r?\n/g, '\r\n'))
    const again = await importFile(ws, crlf)
    expect([again.status, again.error?.code]).toEqual(['duplicate', 'DUPLICATE_FILE'])
  })

  it('refuses a read-only open of format 1, saying how to upgrade it', async () => {
    const path = await formatOneWorkspace()
    await expect(Workspace.open(path, { readOnly: true })).rejects.toMatchObject({
      error: {
        code: 'WORKSPACE_INVALID',
        message: 'old.focal was written by an earlier Focal (format 1).',
        hint: expect.stringContaining('Open it once for writing'),
      },
    })
  })
})
