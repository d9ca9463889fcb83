/**
 * The query context kept per workspace (electron/core/query/query-context.ts): a pivot on
 * unchanged data reads none of it again, and every kind of write — an import, a change of
 * the rows, an alias-policy edit, writes inside one writer turn, presentation mode — gives
 * the new answer at once, never the kept one.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DuckDBConnection, type DuckDBValue } from '@duckdb/node-api'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { runPivotTable } from '../../../electron/core/query/pivot'
import { readCatalog } from '../../../electron/core/query/catalog'
import { queryContext } from '../../../electron/core/query/query-context'
import { refreshRollups } from '../../../electron/core/query/rollup'
import { rowsPage } from '../../../electron/core/rows/rows-page'
import { setPresentation } from '../../../electron/core/presentation/presentation-mode'
import { editTagPolicy } from '../../../electron/core/tags/tag-policy'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import { buildPivotTable, type TableRecord } from '../../../shared/pivot/table'
import { compilePivotTable } from '../../../shared/sql/pivot-table-sql'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { writeTaggedFile } from '../tags/fixture'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const BY_ACCOUNT: PivotSpec = {
  ...DEFAULT_PIVOT,
  rows: [{ kind: 'column', name: 'SubAccountId' }],
  timeGrain: 'none',
  topN: null,
}

let ws: Workspace | undefined
afterEach(async () => {
  await ws?.close()
  ws = undefined
})

/** Runs `work` and returns the statements any DuckDB connection ran meanwhile. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = []
  // Every way of running a statement (runAndReadAll, runAndRead) ends in `run`.
  const prototype = DuckDBConnection.prototype
  const original = prototype.run
  prototype.run = function (this: DuckDBConnection, sql: string, values?: DuckDBValue[]) {
    seen.push(sql)
    return original.call(this, sql, values)
  } as typeof original
  try {
    await work()
  } finally {
    prototype.run = original
  }
  return seen
}

/** A FOCUS file of two rows, one of them with a Tags cell that is not a JSON object. */
function writeBadTagsFile(): string {
  const path = join(tempDir(), 'bad-tags.csv')
  writeFileSync(
    path,
    [
      'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,Tags',
      '1.25,1.00,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,"{""team"":""web""}"',
      '2.50,2.00,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,"[1,2]"',
    ].join('\n') + '\n',
  )
  return path
}

/** The context read on a reader of its own, as a pivot reads it. */
async function contextNow(w: Workspace, needs: { tags?: boolean; rollups?: boolean } = {}) {
  const connection = await w.reader()
  try {
    return await queryContext(w, connection, needs)
  } finally {
    connection.closeSync()
  }
}

describe('queryContext', () => {
  it('reads the workspace once: a second pivot table on unchanged data runs only its own query', async () => {
    ws = await freshWorkspace()
    await importFile(ws, SAMPLE)
    const w = ws
    const first = await statementsOf(() => runPivotTable(w, BY_ACCOUNT))
    const second = await statementsOf(() => runPivotTable(w, BY_ACCOUNT))
    // The first reads the columns, the JSON guard and the rollups' stamp before its query.
    expect(first.length).toBeGreaterThan(1)
    expect(second).toHaveLength(1)
    expect(second[0]).toContain('rollup_')
    const again = await statementsOf(() => contextNow(w, { rollups: true }))
    expect(again).toEqual([])
  })

  it('a second rows page on unchanged data runs only its count and its page', async () => {
    ws = await freshWorkspace()
    await importFile(ws, SAMPLE)
    const w = ws
    const request = {
      dateRange: null,
      filters: [],
      period: null,
      sort: null,
      offset: 0,
      limit: 5,
    }
    const first = await rowsPage(w, request)
    const statements = await statementsOf(() => rowsPage(w, request))
    expect(statements).toHaveLength(2)
    expect(await rowsPage(w, request)).toEqual(first)
  })

  it('an import that brings malformed Tags gives the JSON guard at once', async () => {
    ws = await freshWorkspace()
    await importFile(ws, writeTaggedFile())
    const before = await contextNow(ws, { rollups: true })
    expect(before.guardJson).toBe(false)
    expect(before.rollups).toBe(true)
    const record = await importFile(ws, writeBadTagsFile())
    expect(record.issues.map((i) => i.rule)).toEqual(['Tags.JsonObject'])
    const after = await contextNow(ws, { rollups: true })
    expect(after.guardJson).toBe(true)
    expect(after.names).toEqual(before.names)
    expect(after.rollups).toBe(true)
    // A pivot by tag reads past the malformed cell: its row counts as no team.
    const table = await runPivotTable(ws, {
      ...BY_ACCOUNT,
      rows: [{ kind: 'tag', key: 'team' }],
      filters: [
        { dimension: { kind: 'column', name: 'x_SourceFile' }, op: 'in', values: ['bad-tags.csv'] },
      ],
    })
    const cells = table.rows.map((r) => [r.kind, r.keys[0], r.cells[0]])
    expect(cells).toEqual([
      ['detail', null, '2.5'],
      ['detail', 'web', '1.25'],
      ['total', null, '3.75'],
    ])
  })

  it('rows changed behind the rollups make them stale for the next pivot, and current after the rebuild', async () => {
    ws = await freshWorkspace()
    await importFile(ws, SAMPLE)
    expect((await contextNow(ws, { rollups: true })).rollups).toBe(true)
    // Any writer turn that changes the rows (here one statement) changes the data's stamp.
    await ws.run('DELETE FROM cost_rows WHERE rowid = (SELECT min(rowid) FROM cost_rows)')
    expect((await contextNow(ws, { rollups: true })).rollups).toBe(false)
    await refreshRollups(ws)
    expect((await contextNow(ws, { rollups: true })).rollups).toBe(true)
  })

  it('an alias-policy edit renames the canonical key for the next pivot', async () => {
    ws = await freshWorkspace()
    await importFile(ws, writeTaggedFile())
    const before = await contextNow(ws, { tags: true })
    expect(before.tags?.('CostCenter').canonical).toBe('cost_center')
    await editTagPolicy(ws, { action: 'rename', canonical: 'cost_center', name: 'centre' })
    const after = await contextNow(ws, { tags: true })
    expect(after.tags?.('CostCenter').canonical).toBe('centre')
  })

  it('writes inside one writer turn are each seen: nothing read while a write runs is kept', async () => {
    ws = await freshWorkspace()
    await importFile(ws, writeTaggedFile())
    const w = ws
    const seen = await w.exclusive(async () => {
      const names: Array<string | undefined> = []
      await editTagPolicy(w, { action: 'rename', canonical: 'cost_center', name: 'centre' })
      names.push((await contextNow(w, { tags: true })).tags?.('CostCenter').canonical)
      await editTagPolicy(w, { action: 'rename', canonical: 'centre', name: 'cc' })
      names.push((await contextNow(w, { tags: true })).tags?.('CostCenter').canonical)
      return names
    })
    expect(seen).toEqual(['centre', 'cc'])
    expect((await contextNow(w, { tags: true })).tags?.('CostCenter').canonical).toBe('cc')
  })

  it('presentation mode switched on after an unmasked pivot shows aliases, never the real accounts', async () => {
    ws = await freshWorkspace()
    await importFile(ws, SAMPLE)
    const real = (await runPivotTable(ws, BY_ACCOUNT)).rows.flatMap((r) =>
      r.kind === 'detail' ? [r.keys[0]] : [],
    )
    expect(real.length).toBeGreaterThan(0)
    await setPresentation(ws, { on: true, tagKeys: null })
    const shown = (await runPivotTable(ws, BY_ACCOUNT)).rows.flatMap((r) =>
      r.kind === 'detail' ? [r.keys[0]] : [],
    )
    expect(shown).toHaveLength(real.length)
    for (const id of real) expect(shown).not.toContain(id)
  })

  it('keeps the catalog until the data changes: a second read scans nothing, a new column and an alias rename show at once', async () => {
    ws = await freshWorkspace()
    await importFile(ws, writeBadTagsFile())
    const w = ws
    const first = await readCatalog(w)
    const names = (c: Awaited<ReturnType<typeof readCatalog>>) => c.columns.map((col) => col.name)
    // The two-column file leaves ServiceName empty: not offered.
    expect(names(first)).not.toContain('ServiceName')
    expect(await statementsOf(() => readCatalog(w))).toEqual([])
    await importFile(w, SAMPLE)
    expect(names(await readCatalog(w))).toContain('ServiceName')
    await importFile(w, writeTaggedFile())
    const tagged = await readCatalog(w)
    const group = tagged.tagAliases.find((g) => g.aliases.some((a) => a.key === 'CostCenter'))
    expect(group).toBeDefined()
    expect(tagged.tagKeys).toContain(group!.canonical)
    await editTagPolicy(w, { action: 'rename', canonical: group!.canonical, name: 'centre' })
    const renamed = await readCatalog(w)
    expect(renamed.tagKeys).toContain('centre')
    expect(renamed.tagKeys).not.toContain(group!.canonical)
  })

  it('reads cost_rows only while the focus view holds every row: not after a restatement, not masked', async () => {
    ws = await freshWorkspace()
    await importFile(ws, SAMPLE)
    const w = ws
    // No rollup answers resources by day: the rows are read.
    const byResource: PivotSpec = {
      ...BY_ACCOUNT,
      rows: [{ kind: 'column', name: 'ResourceId' }],
      timeGrain: 'day',
    }
    // The pivot's own statement (the context's reads name cost_rows too).
    const sqlOf = async () =>
      (await statementsOf(() => runPivotTable(w, byResource)))
        .filter((q) => q.startsWith('WITH base'))
        .join('\n')
    const plain = await runPivotTable(w, byResource)
    expect(await sqlOf()).toContain('FROM cost_rows')
    // The same figures through the view.
    const names = (await contextNow(w)).names
    const viaView = compilePivotTable(byResource, names)
    expect(viaView.sql).toContain('FROM focus')
    expect(plain).toEqual(
      buildPivotTable(
        byResource,
        viaView,
        (await w.all(viaView.sql, [...viaView.params])) as TableRecord[],
      ),
    )
    // A restatement leaves a scope out of the view: the view is read, without its rows.
    await w.run(`INSERT INTO superseded_scopes
      SELECT import_id, provider, billing_account_id, billing_period_start, import_id FROM import_scopes LIMIT 1`)
    expect(await sqlOf()).toContain('FROM focus')
    expect(await runPivotTable(w, byResource)).not.toEqual(plain)
    await w.run('DELETE FROM superseded_scopes')
    expect(await sqlOf()).toContain('FROM cost_rows')
    // Masked, the masking view stands in for cost_rows only through the focus view.
    await setPresentation(w, { on: true, tagKeys: null })
    expect(await sqlOf()).toContain('FROM focus')
  })
})
