/** migrateWorkspace: a workspace of format 1 (before delivery identity) upgraded on a writable open. */
import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import {
  FOCAL_VIEWS,
  FORMAT_3_TABLES,
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

/** A workspace holding the sample as format 1 left it: no delivery tables, the plain focus view. */
async function formatOneWorkspace(): Promise<string> {
  const ws = await freshWorkspace('old')
  expect((await importFile(ws, SAMPLE)).status).toBe('imported')
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
  await ws.run("UPDATE meta SET value = '2' WHERE key = 'focal_format'")
  await ws.close()
  return { path: ws.path, totals }
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
    const [audit] = await ws.all(
      "SELECT details FROM audit_log WHERE action = 'workspace.upgrade' ORDER BY logged_at DESC LIMIT 1",
    )
    expect(JSON.parse(String(audit?.details))).toEqual({ from: 2, to: WORKSPACE_FORMAT })
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
    const [audit] = await ws.all("SELECT details FROM audit_log WHERE action = 'workspace.upgrade'")
    expect(JSON.parse(String(audit?.details))).toEqual({ from: 1, to: WORKSPACE_FORMAT })
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
