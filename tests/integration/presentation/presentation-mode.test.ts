/**
 * Presentation mode (electron/core/presentation) on the demo sample: with it on, a pivot by
 * SubAccountId, the rows drawer, a row's detail and the pivot's CSV and XLSX exports show no original id, the
 * same alias for the same id everywhere, a filter on an alias finds its rows, and the totals
 * are the file's own to the cent; the audit log records the switch; off again shows the ids.
 */
import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { setPresentation } from '../../../electron/core/presentation/presentation-mode'
import { runPivotTable } from '../../../electron/core/query/pivot'
import { exportPivot } from '../../../electron/core/query/pivot-export'
import { rowDetail } from '../../../electron/core/rows/row-detail'
import { rowsPage } from '../../../electron/core/rows/rows-page'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { sumDecimals } from '../../../shared/money'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import { parseCsv } from '../../helpers/csv-sums'
import { freshWorkspace, storedSums } from '../../helpers/workspace'
import { DEMO } from '../services/support'

let ws: Workspace
const [header = [], ...fileRows] = parseCsv(readFileSync(DEMO, 'utf8'))
const at = (name: string): number => header.indexOf(name)
/** BilledCost per SubAccountId, summed from the file by an independent parser. */
const billedBySub = new Map<string, string>()
for (const id of new Set(fileRows.map((r) => r[at('SubAccountId')]!)))
  billedBySub.set(
    id,
    sumDecimals(
      fileRows.filter((r) => r[at('SubAccountId')] === id).map((r) => r[at('BilledCost')]!),
    ),
  )
const originals = [...billedBySub.keys()].filter((id) => id !== 'NULL')

beforeAll(async () => {
  ws = await freshWorkspace('presented')
  await importFile(ws, DEMO)
})
afterAll(() => ws.close())

const spec: PivotSpec = {
  ...DEFAULT_PIVOT,
  rows: [{ kind: 'column', name: 'SubAccountId' }],
  columns: null,
  timeGrain: 'none',
  topN: null,
  measures: [{ measure: 'BilledCost' }],
}

/** Label → BilledCost of the pivot by SubAccountId, as the table holds them. */
async function pivotBySub(): Promise<Map<string, string>> {
  const table = await runPivotTable(ws, spec)
  return new Map(
    table.rows
      .filter((r) => r.kind === 'detail')
      .map((r) => [String(r.keys[0]), sumDecimals([String(r.cells[0])])]),
  )
}

describe('presentation mode', () => {
  it('masks ids in the pivot, rows, CSV and XLSX consistently and keeps totals exact', async () => {
    expect(originals.length).toBeGreaterThan(1)
    const before = await storedSums(ws)
    await setPresentation(ws, { on: true, tagKeys: null })
    const masked = await pivotBySub()
    const labels = [...masked.keys()].filter((l) => l !== 'null')
    for (const id of originals) expect(labels).not.toContain(id)
    expect(labels.every((l) => /^acct-[0-9a-f]{10}$/.test(l))).toBe(true)
    // One alias per id: no two ids merged, and each alias carries its id's exact total.
    expect(labels.length).toBe(originals.length)
    expect(sumDecimals([...masked.values()])).toBe(sumDecimals([...billedBySub.values()]))
    const figures = [...masked.values()].sort()
    expect(figures).toEqual([...billedBySub.values()].sort())

    // The rows drawer filtered by an alias finds that id's rows, showing the alias.
    const alias = labels[0]!
    const page = await rowsPage(ws, {
      dateRange: null,
      filters: [{ dimension: { kind: 'column', name: 'SubAccountId' }, op: 'in', values: [alias] }],
      period: null,
      sort: null,
      offset: 0,
      limit: 500,
    })
    const sub = page.columns.indexOf('SubAccountId')
    expect(page.total).toBeGreaterThan(0)
    expect(new Set(page.rows.map((r) => r[sub]))).toEqual(new Set([alias]))
    const billed = page.columns.indexOf('BilledCost')
    expect(sumDecimals(page.rows.map((r) => String(r[billed])))).toBe(masked.get(alias))
    for (const row of page.rows)
      for (const value of row) for (const id of originals) expect(String(value)).not.toContain(id)
    // A row's detail reads the stored row (cost_rows, not the view): masked the same way.
    const detail = await rowDetail(ws, {
      importId: 1,
      sourceRow: Number(page.rows[0]![page.columns.indexOf('x_SourceRow')]),
    })
    expect(detail.values.find((v) => v.column === 'SubAccountId')?.value).toBe(alias)
    for (const { value } of detail.values)
      for (const id of originals) expect(String(value)).not.toContain(id)

    // The CSV states the mode first and holds aliases only.
    const csv = new TextDecoder().decode((await exportPivot(ws, spec, 'csv')).bytes)
    expect(csv.split('\n')[0]).toMatch(/^"?Masked"?,/)
    for (const id of originals) expect(csv).not.toContain(id)
    expect(csv).toContain(alias)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await exportPivot(ws, spec, 'xlsx')).bytes as unknown as ArrayBuffer)
    const cells = book.worksheets.flatMap((s) => {
      const out: string[] = []
      s.eachRow((row) => row.eachCell((c) => out.push(String(c.text))))
      return out
    })
    expect(cells[0]).toBe('Masked')
    expect(cells).toContain(alias)
    for (const id of originals) expect(cells.join('\n')).not.toContain(id)

    // Stable: switching off and on again gives the same aliases.
    expect(await storedSums(ws)).toEqual(before)
    await setPresentation(ws, { on: false, tagKeys: null })
    const plain = await pivotBySub()
    for (const id of originals) expect(plain.get(id)).toBe(billedBySub.get(id))
    await setPresentation(ws, { on: true, tagKeys: null })
    expect(await pivotBySub()).toEqual(masked)
    await setPresentation(ws, { on: false, tagKeys: null })

    const log = await ws.all(
      "SELECT action FROM audit_log WHERE action LIKE 'presentation.%' ORDER BY seq",
    )
    expect(log.map((r) => r.action)).toEqual([
      'presentation.salt',
      'presentation.on',
      'presentation.off',
      'presentation.on',
      'presentation.off',
    ])
  })

  it('masks the values of the listed tag keys only and keeps every key', async () => {
    const tags = fileRows.map((r) => r[at('Tags')]!).filter((t) => t.startsWith('{'))
    const parsed = tags.map((t) => JSON.parse(t) as Record<string, string>)
    const withApp = parsed.filter((t) => t.application !== undefined)
    expect(withApp.length).toBeGreaterThan(0)
    await setPresentation(ws, { on: true, tagKeys: ['application'] })
    const table = await runPivotTable(ws, {
      ...spec,
      rows: [
        { kind: 'tag', key: 'application' },
        { kind: 'tag', key: 'environment' },
      ],
    })
    const details = table.rows.filter((r) => r.kind === 'detail')
    const apps = new Set(details.map((r) => r.keys[0]).filter((k) => k !== null))
    const envs = new Set(details.map((r) => r.keys[1]).filter((k) => k !== null))
    expect([...apps].every((k) => /^tag-[0-9a-f]{10}$/.test(String(k)))).toBe(true)
    expect(apps.size).toBe(new Set(withApp.map((t) => t.application)).size)
    // environment is not listed: its values stay as written.
    expect(envs).toEqual(
      new Set(parsed.map((t) => t.environment).filter((v): v is string => v !== undefined)),
    )
    await setPresentation(ws, { on: false, tagKeys: null })
  })
})
