/**
 * Every file of a pack states the same figures (issue 10, "Files finance
 * receives"): on a two-currency workspace, for every cost center in every
 * currency, the summary PDF, the cost center's own PDF, the workbook, the
 * summary CSV, the journal CSV and the manifest agree on the charged cents,
 * the exact amount and the budget, and the exact amounts equal the source
 * file summed here by an independent parser. PDFs are read back with
 * pdftotext, the workbook with exceljs.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack, type PackResult } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { subtractDecimals, sumDecimals } from '../../../shared/money'
import { parseDimension } from '../../../shared/pivot'
import { fixedDecimals, formatAmount, formatExact } from '../../../shared/report'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO, flat, hasRow, pdfLines, pdfText } from './support'

const PERIOD = '2024-09'

/** The demo file with every third row billed in EUR: each cost center then has two currencies. */
function twoCurrencyDemo(): string {
  const [header = [], ...rows] = parseCsv(readFileSync(DEMO, 'utf8'))
  const currency = header.indexOf('BillingCurrency')
  const quote = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  const lines = rows.map((r, i) =>
    r
      .map((v, c) => (c === currency && i % 3 === 0 ? 'EUR' : v))
      .map(quote)
      .join(','),
  )
  const path = join(tempDir('focal-agree-input-'), 'focus-sample-two-currencies.csv')
  writeFileSync(path, [header.map(quote).join(','), ...lines].join('\n') + '\n')
  return path
}

/** Exact BilledCost per cost center and currency for the period, summed from the file. */
function oracleByCurrency(path: string): Map<string, { sum: string; lines: number }> {
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  const groups = new Map<string, string[]>()
  for (const r of rows) {
    if (!(r[at('BillingPeriodStart')] ?? '').startsWith(PERIOD)) continue
    const target = r[at('SubAccountName')] || 'Unallocated'
    const key = `${target}|${r[at('BillingCurrency')]}`
    groups.set(key, [...(groups.get(key) ?? []), r[at('BilledCost')] || '0'])
  }
  return new Map([...groups].map(([k, v]) => [k, { sum: sumDecimals(v), lines: v.length }]))
}

let ws: Workspace
let out: string
let result: PackResult
let truth: Map<string, { sum: string; lines: number }>
const figures: Array<{
  target: string
  currency: string
  charged: string
  exact: string
  budget: string | null
}> = []

beforeAll(async () => {
  const input = twoCurrencyDemo()
  truth = oracleByCurrency(input)
  ws = await freshWorkspace('agree')
  expect((await importFile(ws, input)).status).toBe('imported')
  const targets = [...new Set([...truth.keys()].map((k) => k.split('|')[0] ?? ''))]
  out = tempDir('focal-agree-')
  result = await writePack(ws, {
    kind: 'chargeback',
    period: PERIOD,
    metric: 'BilledCost',
    source: dimensionLinesSource(parseDimension('SubAccountName')),
    outDir: out,
    formats: ['pdf', 'xlsx', 'csv'],
    budgets: [
      { target: targets[0] ?? '', currency: 'USD', amount: '12.5' },
      { target: targets[0] ?? '', currency: 'EUR', amount: '3' },
    ],
    creditAccount: '2100',
    ledgerMapping: [...targets, 'Unallocated'].map((target, i) => ({
      target,
      ledgerAccount: `6${String(i).padStart(3, '0')}`,
      costCenterCode: null,
    })),
  })
  for (const t of result.model.targets)
    for (const a of t.amounts)
      if (a.lines > 0)
        figures.push({
          target: t.target,
          currency: a.currency,
          charged: a.charged,
          exact: a.exact,
          budget: a.budget,
        })
}, 180_000)
afterAll(() => ws?.close())

const key = (target: string, currency: string): string => `${target}|${currency}`

describe('a pack’s files agree on every figure', () => {
  it('has every cost center in each of its currencies, exact amounts equal to the source file', () => {
    expect(result.model.currencies).toEqual(['EUR', 'USD'])
    // Most cost centers are billed in both currencies.
    const both = figures.filter((f) => f.currency === 'EUR').map((f) => f.target)
    expect(
      figures.filter((f) => f.currency === 'USD' && both.includes(f.target)).length,
    ).toBeGreaterThan(3)
    expect(figures.map((f) => key(f.target, f.currency)).sort()).toEqual([...truth.keys()].sort())
    for (const f of figures) {
      expect(f.exact, key(f.target, f.currency)).toBe(truth.get(key(f.target, f.currency))?.sum)
      // Charged is the exact amount at cents, moved at most one cent to keep the total.
      const off = subtractDecimals(f.charged, f.exact)
      expect(Math.abs(Number(off)), key(f.target, f.currency)).toBeLessThan(0.015)
    }
  })

  it('the manifest, the summary CSV and the workbook state the same cents and exact amounts', async () => {
    const manifest = JSON.parse(
      readFileSync(join(out, `chargeback-${PERIOD}-manifest.json`), 'utf8'),
    ) as {
      costCenters: Array<{
        costCenter: string
        currency: string
        charged: string
        exact: string
        budget?: string
      }>
    }
    const [header = [], ...rows] = parseCsv(
      readFileSync(join(out, `chargeback-${PERIOD}-summary.csv`), 'utf8'),
    )
    const col = (name: string): number => header.indexOf(name)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(join(out, `chargeback-${PERIOD}.xlsx`))
    const sheet: unknown[][] = []
    wb.getWorksheet('Summary')?.eachRow((row) => sheet.push((row.values as unknown[]).slice(1)))
    const sheetCol = (name: string): number => (sheet[0] ?? []).indexOf(name)
    for (const f of figures) {
      const name = key(f.target, f.currency)
      const m = manifest.costCenters.find(
        (c) => c.costCenter === f.target && c.currency === f.currency,
      )
      expect([m?.charged, m?.exact, m?.budget ?? null], name).toEqual([
        f.charged,
        f.exact,
        f.budget,
      ])
      const r = rows.find(
        (x) => x[col('Cost center')] === f.target && x[col('Currency')] === f.currency,
      )
      expect([r?.[col('Charged')], r?.[col('Exact amount')], r?.[col('Budget')]], name).toEqual([
        fixedDecimals(f.charged, 2),
        f.exact,
        f.budget ?? '',
      ])
      const s = sheet.find((x) => x[0] === f.target && x[1] === f.currency)
      expect(
        [s?.[sheetCol('Charged')], s?.[sheetCol('Exact amount')], s?.[sheetCol('Budget')]],
        name,
      ).toEqual(
        [f.charged, f.exact, f.budget].map((v, i) =>
          i === 1 ? v : v === null ? undefined : Number(v),
        ),
      )
    }
  })

  it('the summary PDF and each cost center’s PDF state the same cents and exact amounts', () => {
    const summary = pdfLines(join(out, `chargeback-${PERIOD}-summary.pdf`))
    const budgeted = figures.filter((f) => f.budget !== null)
    expect(budgeted).toHaveLength(2)
    for (const f of budgeted)
      expect(
        summary.some(
          (l) =>
            l.startsWith(`${f.target} (${f.currency})`) &&
            l.includes(flat(formatAmount(f.budget ?? '', f.currency))),
        ),
        key(f.target, f.currency),
      ).toBe(true)
    for (const f of figures)
      expect(
        hasRow(
          summary,
          `${f.target} (${f.currency}) ${truth.get(key(f.target, f.currency))?.lines} ${formatAmount(f.charged, f.currency)}`,
        ),
        key(f.target, f.currency),
      ).toBe(true)
    for (const file of result.files.filter((x) => x.kind === 'target-pdf')) {
      const text = pdfText(join(out, file.path))
      const mine = figures.filter((f) =>
        text.includes(`Chargeback report ${f.target} Billing period`),
      )
      const target = mine[0]?.target ?? ''
      expect(mine.length, file.path).toBeGreaterThan(0)
      expect(mine.map((f) => f.currency).sort(), file.path).toEqual(
        [...truth.keys()]
          .filter((k) => k.startsWith(`${target}|`))
          .map((k) => k.split('|')[1])
          .sort(),
      )
      for (const f of mine) {
        expect(text, key(f.target, f.currency)).toContain(flat(formatAmount(f.charged, f.currency)))
        expect(text, key(f.target, f.currency)).toContain(
          flat(`exact ${formatExact(f.exact, f.currency)}`),
        )
      }
    }
  })

  it('the journal posts each cost center its cents and balances per currency, as the PDF says', () => {
    const [header = [], ...journal] = parseCsv(
      readFileSync(join(out, `chargeback-${PERIOD}-journal.csv`), 'utf8'),
    )
    const col = (name: string): number => header.indexOf(name)
    const net = (rows: string[][]): string =>
      subtractDecimals(
        sumDecimals(rows.map((r) => r[col('Debit')] || '0')),
        sumDecimals(rows.map((r) => r[col('Credit')] || '0')),
      )
    for (const f of figures) {
      const posted = journal.filter(
        (r) => r[col('Cost center')] === f.target && r[col('Currency')] === f.currency,
      )
      expect(net(posted), key(f.target, f.currency)).toBe(sumDecimals([f.charged]))
    }
    const summary = pdfText(join(out, `chargeback-${PERIOD}-summary.pdf`))
    for (const currency of ['EUR', 'USD']) {
      const lines = journal.filter((r) => r[col('Currency')] === currency)
      expect(net(lines), currency).toBe('0')
      const total = result.model.totals.find((t) => t.currency === currency)?.charged ?? ''
      const invoice = lines.find((r) => r[col('Account')] === '2100')
      expect(invoice?.[col('Credit')], currency).toBe(fixedDecimals(total, 2))
      expect(summary).toContain(
        `Journal balances: debits = credits = ${fixedDecimals(
          sumDecimals(lines.map((r) => r[col('Debit')] || '0')),
          2,
        )} ${currency}`,
      )
    }
  })
})
