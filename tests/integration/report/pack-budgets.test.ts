/**
 * Budgets in the pack (core/report/pack with shared/report/budgets): a
 * chargeback fills Budget and Variance in the summary PDF, the workbook and
 * the summary CSV when the period has budgets, and leaves those columns out
 * (not empty) when it has none — a budgets file with only other periods'
 * rows included. Figures from the demo file by an independent parser.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { subtractDecimals } from '../../../shared/money'
import { parseDimension } from '../../../shared/pivot'
import { formatAmount, formatSigned, parseBudgetsCsv, roundDecimal } from '../../../shared/report'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO, firstPagePng, hasRow, oracle, pdfLines } from './support'

let ws: Workspace
const expected = oracle(DEMO, '2024-09', 'SubAccountName')
// The two largest cost centers of September get a budget; a row for October must not count.
const [first = '', second = ''] = [...expected.targets]
  .filter(([t]) => t !== 'Unallocated')
  .sort(([, a], [, b]) => Number(b.sum) - Number(a.sum))
  .map(([t]) => t)
const budgetsCsv = [
  'target,currency,amount,period',
  `"${first}",USD,100.00,2024-09`,
  `"${second}",USD,"1,250.505",`,
  `"${first}",USD,999,2024-10`,
].join('\n')
const budgetOf: Record<string, string> = { [first]: '100', [second]: '1250.505' }

beforeAll(async () => {
  ws = await freshWorkspace('budgets')
  expect((await importFile(ws, DEMO)).status).toBe('imported')
})
afterAll(() => ws.close())

async function pack(budgets: string): Promise<string> {
  const out = tempDir('focal-budgets-')
  await writePack(ws, {
    kind: 'chargeback',
    period: '2024-09',
    metric: 'BilledCost',
    source: dimensionLinesSource(parseDimension('SubAccountName')),
    outDir: out,
    formats: ['pdf', 'xlsx', 'csv'],
    budgets: parseBudgetsCsv(budgets, 'budgets.csv'),
  })
  return out
}

async function summarySheet(out: string): Promise<Array<Array<unknown>>> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(join(out, 'chargeback-2024-09.xlsx'))
  const rows: Array<Array<unknown>> = []
  wb.getWorksheet('Summary')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

describe('budgets in the pack', () => {
  it('fills Budget and Variance in the CSV, the workbook and the PDF when the period has budgets', async () => {
    const out = await pack(budgetsCsv)
    const [header = [], ...rows] = parseCsv(
      readFileSync(join(out, 'chargeback-2024-09-summary.csv'), 'utf8'),
    )
    const col = (name: string): number => header.indexOf(name)
    expect(col('Budget')).toBeGreaterThan(0)
    for (const target of [first, second]) {
      const exact = expected.targets.get(target)?.sum ?? ''
      const row = rows.find((r) => r[col('Cost center')] === target) ?? []
      expect(row[col('Budget')], target).toBe(budgetOf[target])
      expect(row[col('Variance')], target).toBe(subtractDecimals(exact, budgetOf[target] ?? ''))
    }
    const total = rows.find((r) => r[col('Cost center')] === 'Total (USD)') ?? []
    expect(total[col('Budget')]).toBe('1350.505')
    expect(total[col('Variance')]).toBe(subtractDecimals(expected.total, '1350.505'))
    // A cost center without a budget has empty cells in the columns the others need.
    const other = rows.find((r) => ![first, second].includes(r[col('Cost center')] ?? ''))
    expect([other?.[col('Budget')], other?.[col('Variance')]]).toEqual(['', ''])

    const sheet = await summarySheet(out)
    const sheetCol = (name: string): number => (sheet[0] ?? []).indexOf(name)
    for (const target of [first, second]) {
      const exact = expected.targets.get(target)?.sum ?? ''
      const row = sheet.find((r) => r[0] === target) ?? []
      expect(row[sheetCol('Budget')]).toBe(Number(roundDecimal(budgetOf[target] ?? '', 2)))
      expect(row[sheetCol('Variance')]).toBe(
        Number(roundDecimal(subtractDecimals(exact, budgetOf[target] ?? ''), 2)),
      )
    }

    const pdf = join(out, 'chargeback-2024-09-summary.pdf')
    const lines = pdfLines(pdf)
    expect(hasRow(lines, 'Cost center Lines Charged Share Budget Variance')).toBe(true)
    for (const target of [first, second]) {
      const exact = expected.targets.get(target)?.sum ?? ''
      const variance = formatSigned(subtractDecimals(exact, budgetOf[target] ?? ''), 'USD')
      const budget = formatAmount(budgetOf[target] ?? '', 'USD')
      expect(
        lines.some(
          (l) => l.startsWith(target) && l.endsWith(`${budget} ${variance}`.replace(/\s+/g, ' ')),
        ),
        `${target}: ${budget} ${variance}`,
      ).toBe(true)
    }
    firstPagePng(pdf, 'chargeback-2024-09-budgets-summary')
  })

  it('leaves Budget and Variance out of every file when the period has no budget', async () => {
    const out = await pack(`target,currency,amount,period\n"${first}",USD,999,2024-10\n`)
    const [header = []] = parseCsv(
      readFileSync(join(out, 'chargeback-2024-09-summary.csv'), 'utf8'),
    )
    expect(header).not.toContain('Budget')
    expect(header).not.toContain('Variance')
    expect(header).toContain('Change')
    expect((await summarySheet(out))[0]).not.toContain('Budget')
    const lines = pdfLines(join(out, 'chargeback-2024-09-summary.pdf'))
    expect(hasRow(lines, 'Cost center Lines Charged Share Previous Change')).toBe(true)
    expect(lines.some((l) => /\bBudget\b|\bVariance\b/.test(l))).toBe(false)
  })
})
