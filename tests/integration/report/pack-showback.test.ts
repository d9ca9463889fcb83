/**
 * core/report/pack: a showback is informational and never booked, so none of its files carries
 * a journal — no journal CSV, no Journal sheet or Journal lines in the workbook's Audit sheet,
 * no journal in the manifest or the summary PDF — while a chargeback of the same month keeps
 * all of them. Both packs still state the same cost, summed independently from the CSV.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack, type PackResult } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { parseDimension } from '../../../shared/pivot'
import type { ReportKind } from '../../../shared/report'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO, csvRecords, flat, oracle, pdfText } from './support'

const PERIOD = '2024-09'

let ws: Workspace
const packs = new Map<ReportKind, { out: string; result: PackResult }>()

beforeAll(async () => {
  ws = await freshWorkspace('acme')
  expect((await importFile(ws, DEMO)).status).toBe('imported')
  for (const kind of ['showback', 'chargeback'] as const) {
    const out = tempDir(`focal-${kind}-`)
    const result = await writePack(ws, {
      kind,
      period: PERIOD,
      metric: 'BilledCost',
      source: dimensionLinesSource(parseDimension('SubAccountName')),
      outDir: out,
      creditAccount: '2100',
      formats: ['pdf', 'xlsx', 'csv'],
    })
    packs.set(kind, { out, result })
  }
}, 180_000)
afterAll(() => ws.close())

async function workbook(kind: ReportKind): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(join(packs.get(kind)!.out, `${kind}-${PERIOD}.xlsx`))
  return wb
}

const auditItems = (wb: ExcelJS.Workbook): string[] => {
  const items: string[] = []
  wb.getWorksheet('Audit')?.eachRow((row) => items.push(String(row.getCell(1).value)))
  return items
}

const manifestOf = (kind: ReportKind): Record<string, unknown> =>
  JSON.parse(
    readFileSync(join(packs.get(kind)!.out, `${kind}-${PERIOD}-manifest.json`), 'utf8'),
  ) as Record<string, unknown>

describe('showback pack: no journal in any format', () => {
  it('writes the summary CSV but no journal CSV, and returns no journal', () => {
    const { result, out } = packs.get('showback')!
    const kinds = result.files.map((f) => f.kind)
    expect(kinds).toContain('summary-csv')
    expect(kinds).not.toContain('journal-csv')
    expect(result.files.some((f) => /journal/i.test(f.path))).toBe(false)
    expect(result.journal).toBeNull()
    // The summary CSV still states the month's cost, summed from the source file by the oracle.
    const summary = csvRecords(join(out, `showback-${PERIOD}-summary.csv`))
    expect(summary.length).toBeGreaterThan(0)
    expect(manifestOf('showback').reconciliation).toMatchObject([
      { currency: 'USD', sum: oracle(DEMO, PERIOD, 'SubAccountName').total, ok: true },
    ])
  })

  it('has no Journal sheet and no Journal lines in the Audit sheet', async () => {
    const wb = await workbook('showback')
    expect(wb.worksheets.map((s) => s.name)).not.toContain('Journal')
    expect(auditItems(wb)).not.toContain('Journal')
    expect(auditItems(wb)).toContain('Reconciliation USD')
  })

  it('has no journal in the manifest or the summary PDF', () => {
    expect(manifestOf('showback')).not.toHaveProperty('journal')
    const text = pdfText(join(packs.get('showback')!.out, `showback-${PERIOD}-summary.pdf`))
    expect(text).toContain(flat('informational, not charged'))
    expect(text).not.toMatch(/Journal/i)
  })
})

describe('chargeback pack of the same month keeps its journal', () => {
  it('writes the journal CSV, the Journal sheet, the Audit journal lines and the manifest journal', async () => {
    const { result, out } = packs.get('chargeback')!
    expect(result.files.map((f) => f.kind)).toContain('journal-csv')
    // No ledger accounts in the demo: the journal has its header and lists the charges as not posted.
    expect(readFileSync(join(out, `chargeback-${PERIOD}-journal.csv`), 'utf8')).toMatch(
      /^Date,Period,Account,Cost center,Description,Debit,Credit,Currency,Reference\r\n/,
    )
    const wb = await workbook('chargeback')
    expect(wb.worksheets.map((s) => s.name)).toContain('Journal')
    expect(auditItems(wb)).toContain('Journal')
    expect(manifestOf('chargeback')).toHaveProperty('journal.creditAccount', '2100')
    expect(result.journal?.unposted.length).toBeGreaterThan(0)
  })
})
