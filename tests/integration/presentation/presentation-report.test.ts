/**
 * A showback pack made in presentation mode (electron/core/presentation) on the demo sample,
 * cost centers by SubAccountId: the summary PDF (pdftotext), the workbook (read back with
 * exceljs), the summary CSV and the allocated FOCUS CSV hold no original account id, each
 * states "Masked", the same alias stands for the same id as in the pivot, and the period
 * total is the file's own to the cent; the Reports screen's preview names cost centers alike.
 */
import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { setPresentation } from '../../../electron/core/presentation/presentation-mode'
import { runPivotTable } from '../../../electron/core/query/pivot'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack, type PackResult } from '../../../electron/core/report/pack'
import { previewReport } from '../../../electron/core/report/preview'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { sumDecimals } from '../../../shared/money'
import { DEFAULT_PIVOT } from '../../../shared/pivot'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { csvRecords, flat, pdfText } from '../report/support'
import { DEMO } from '../services/support'

const PERIOD = '2024-09'
const rows = csvRecords(DEMO).filter((r) => r.BillingPeriodStart?.startsWith(PERIOD))
const ids = [...new Set(rows.map((r) => r.SubAccountId ?? ''))].filter(
  (id) => id !== '' && id !== 'NULL',
)
const invoice = sumDecimals(rows.map((r) => r.BilledCost ?? '0'))
let ws: Workspace
let pack: PackResult
let out: string
let aliases: Set<string>

beforeAll(async () => {
  ws = await freshWorkspace('presented-pack')
  await importFile(ws, DEMO)
  await setPresentation(ws, { on: true, tagKeys: null })
  const table = await runPivotTable(ws, {
    ...DEFAULT_PIVOT,
    rows: [{ kind: 'column', name: 'SubAccountId' }],
    columns: null,
    timeGrain: 'none',
    topN: null,
    measures: [{ measure: 'BilledCost' }],
  })
  aliases = new Set(table.rows.filter((r) => r.kind === 'detail').map((r) => String(r.keys[0])))
  out = tempDir('focal-masked-')
  pack = await writePack(ws, {
    kind: 'showback',
    period: PERIOD,
    metric: 'BilledCost',
    source: dimensionLinesSource({ kind: 'column', name: 'SubAccountId' }),
    outDir: out,
    formats: ['pdf', 'xlsx', 'csv', 'focus-csv'],
  })
}, 180_000)
afterAll(() => ws?.close())

const noId = (text: string): void => {
  for (const id of ids) expect(text).not.toContain(id)
}

describe('a pack in presentation mode', () => {
  it('names cost centers by the pivot aliases and keeps the period total exact', () => {
    expect(ids.length).toBeGreaterThan(1)
    const targets = pack.model.targets.map((t) => t.target).filter((t) => t !== 'Unallocated')
    expect(targets.length).toBeGreaterThan(1)
    for (const t of targets) expect(aliases).toContain(t)
    expect(pack.model.totals.map((t) => [t.currency, t.exact])).toEqual([['USD', invoice]])
    expect(pack.model.masked).toMatch(/^Masked: /)
  })

  it('states Masked and holds no original id in the PDF, workbook and CSVs', async () => {
    const pdf = flat(pdfText(join(out, `showback-${PERIOD}-summary.pdf`)))
    expect(pdf).toContain('Masked')
    expect(pdf).toContain(pack.model.targets[0]!.target)
    noId(pdf)

    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(join(out, `showback-${PERIOD}.xlsx`))
    const cells: string[] = []
    for (const sheet of book.worksheets)
      sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.text))))
    expect(cells).toContain('Masked')
    noId(cells.join('\n'))

    const summary = readFileSync(join(out, `showback-${PERIOD}-summary.csv`), 'utf8')
    expect(summary.split('\r\n')[0]).toMatch(/^"?Masked: /)
    noId(summary)
    const [header = [], ...detail] = parseCsv(
      readFileSync(join(out, `showback-${PERIOD}-allocated.focus.csv`), 'utf8'),
    )
    const sub = header.indexOf('SubAccountId')
    expect(detail.length).toBe(rows.length)
    for (const line of detail) expect(aliases).toContain(line[sub])
    noId(detail.map((l) => l.join(',')).join('\n'))
  })

  it('previews the pack with the same aliases on the Reports screen', async () => {
    const preview = await previewReport(ws, {
      kind: 'showback',
      period: PERIOD,
      metric: 'BilledCost',
      source: { by: 'SubAccountName' },
    })
    const names = new Set(rows.map((r) => r.SubAccountName ?? ''))
    const targets = preview.targets.filter((t) => !t.unallocated).map((t) => t.target)
    expect(targets.length).toBeGreaterThan(1)
    for (const t of targets) {
      expect(t).toMatch(/^account-[0-9a-f]{10}$/)
      expect(names.has(t)).toBe(false)
    }
    expect(preview.totals.map((t) => t.exact)).toEqual([invoice])
  })
})
