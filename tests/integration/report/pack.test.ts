/**
 * core/report/pack on the demo data, read back the way a person or an auditor
 * would: PDF text through poppler, the workbook through exceljs, the CSVs and
 * FOCUS exports as files. Every figure is compared with an oracle summed from
 * the CSV in plain TypeScript (tests/integration/report/support.ts).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack, type PackProgress, type PackResult } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { subtractDecimals, sumDecimals } from '../../../shared/money'
import { parseDimension } from '../../../shared/pivot'
import { formatAmount, formatExact, roundDecimal } from '../../../shared/report'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import {
  DEMO,
  firstPagePng,
  flat,
  hasRow,
  oracle,
  pdfFonts,
  pdfLines,
  pdfPages,
  pdfText,
  writeLogo,
} from './support'

const PERIOD = '2024-09'

/**
 * The first rows of the demo file as a file of their own: grouping by the
 * business_unit tag gives 301 cost centers (and PDFs) on the whole file; the
 * tag path needs no more than a few dozen to be proved.
 */
function demoHead(rows: number): string {
  const [header, ...lines] = readFileSync(DEMO, 'utf8').split('\n')
  const path = join(tempDir('focal-pack-input-'), `focus-sample-first-${rows}.csv`)
  writeFileSync(path, [header, ...lines.slice(0, rows)].join('\n') + '\n')
  return path
}

const sha256Of = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex')
const cents = (v: string | number): number => Math.round(Number(v) * 100)

describe.each([
  { by: 'SubAccountName', input: DEMO },
  { by: 'tag:business_unit', input: demoHead(80) },
])('chargeback pack by $by', ({ by, input }) => {
  const expected = oracle(input, PERIOD, by)
  const inputSha = sha256Of(input)
  const slug = by.replace(':', '_')
  let ws: Workspace
  let out: string
  let result: PackResult
  const progress: PackProgress[] = []

  // One pack per grouping, written once; every assertion below reads the same files.
  beforeAll(async () => {
    ws = await freshWorkspace('acme')
    expect((await importFile(ws, input)).status).toBe('imported')
    out = tempDir('focal-pack-')
    result = await writePack(
      ws,
      {
        kind: 'chargeback',
        period: PERIOD,
        metric: 'BilledCost',
        source: dimensionLinesSource(parseDimension(by)),
        outDir: out,
        company: 'Acme Corp',
        logo: writeLogo(join(out, '..', `logo-${slug}.png`)),
        topN: 5,
        // Every cost center has an expense account of its own; the invoice was booked to 2100.
        creditAccount: '2100',
        ledgerMapping: [...new Set([...expected.targets.keys(), 'Unallocated'])].map((t, i) => ({
          target: t,
          ledgerAccount: `6${String(i).padStart(3, '0')}`,
          costCenterCode: null,
        })),
      },
      (p) => progress.push(p),
    )
  }, 120_000)
  afterAll(() => ws?.close())

  it('writes a summary PDF, one PDF per cost center, XLSX, CSVs, FOCUS CSV/Parquet and a manifest', () => {
    const kinds = result.files.map((f) => f.kind)
    const withLines = [...expected.targets.keys()]
    expect(kinds.filter((k) => k === 'target-pdf')).toHaveLength(withLines.length)
    for (const kind of [
      'summary-pdf',
      'xlsx',
      'summary-csv',
      'journal-csv',
      'focus-csv',
      'parquet',
      'manifest',
    ])
      expect(kinds).toContain(kind)
    for (const f of result.files) {
      expect(existsSync(join(out, f.path))).toBe(true)
      expect(
        createHash('sha256')
          .update(readFileSync(join(out, f.path)))
          .digest('hex'),
      ).toBe(f.sha256)
    }
    expect(progress.at(-1)).toMatchObject({ phase: 'manifest' })
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total)
    const manifest = JSON.parse(
      readFileSync(join(out, `chargeback-${PERIOD}-manifest.json`), 'utf8'),
    )
    expect(manifest.reconciliation[0]).toMatchObject({
      currency: 'USD',
      sum: expected.total,
      ok: true,
    })
    expect(result.timings.pdf).toBeGreaterThan(0)
  })

  it('summary PDF: real text in the bundled font, every cost center, Unallocated, the reconciliation line', () => {
    const pdf = join(out, `chargeback-${PERIOD}-summary.pdf`)
    expect(pdfFonts(pdf)).toMatch(/DejaVuSans\s.*yes\s+yes\s+yes/)
    const text = pdfText(pdf)
    for (const fragment of [
      'Acme Corp',
      'Summary of all cost centers',
      'September 2024 (2024-09)',
      'Billed cost (invoice) — FOCUS BilledCost',
      `No rules: grouped by ${by}`,
      'Unallocated',
      `exact ${formatExact(expected.total, 'USD')}`,
      '✓ Reconciled to the period total',
    ])
      expect(text).toContain(flat(fragment))
    // The reconciliation line: cost centers + Unallocated = the period's invoice total from the file.
    const unallocated = expected.targets.get('Unallocated')?.sum ?? '0'
    const assigned = sumDecimals(
      [...expected.targets].filter(([t]) => t !== 'Unallocated').map(([, v]) => v.sum),
    )
    expect(text).toContain(
      flat(
        `USD: cost centers ${formatExact(assigned, 'USD')} + Unallocated ${formatExact(unallocated, 'USD')} = ` +
          `${formatExact(expected.total, 'USD')}; period invoice total (BilledCost) ${formatExact(expected.total, 'USD')} — reconciled`,
      ),
    )
    const rows = pdfLines(pdf)
    for (const target of result.model.targets) {
      const a = target.amounts[0]
      const row = `${target.target} ${a?.lines ?? 0} ${formatAmount(a?.charged ?? '0', 'USD')}`
      expect(hasRow(rows, row), row).toBe(true)
    }
    expect(text).toContain(inputSha)
    expect(text).toMatch(/Page 1 of \d/)
  })

  it('cost-center PDFs (largest, middle, smallest) state their exact total, equal to the oracle, and their appendix', () => {
    // Every PDF comes from the same code; reading three back proves it without poppler on each one.
    const pdfs = result.files.filter((f) => f.kind === 'target-pdf')
    const sample = [...new Set([0, Math.floor(pdfs.length / 2), pdfs.length - 1])]
    for (const file of sample.map((i) => pdfs[i]).filter((f) => f !== undefined)) {
      const text = pdfText(join(out, file.path))
      const target = result.model.targets.find((t) =>
        text.includes(`Chargeback report ${t.target} Billing period`),
      )
      expect(target, file.path).toBeDefined()
      const truth = expected.targets.get(target?.target ?? '')
      expect(truth, target?.target).toBeDefined()
      expect(text).toContain(flat(`exact ${formatExact(truth?.sum ?? '', 'USD')}`))
      expect(text).toContain(
        flat(`USD: exact amount ${formatExact(truth?.sum ?? '', 'USD')} from ${truth?.lines} line`),
      )
      expect(text).toContain('Appendix for auditors')
      expect(text).toContain(inputSha)
      expect(text).toContain(
        flat(
          `period invoice total (BilledCost) ${formatExact(expected.total, 'USD')} — reconciled`,
        ),
      )
      expect(text).toContain('Daily cost in September 2024')
      expect(pdfPages(join(out, file.path))).toBeGreaterThanOrEqual(2)
    }
  })

  it('charged cents are each within a cent of the exact amount and add up to the invoice total at cents', () => {
    const charged = result.model.targets.map((t) => ({
      t: t.target,
      c: t.amounts[0]?.charged ?? '0',
    }))
    expect(cents(sumDecimals(charged.map((x) => x.c)))).toBe(cents(roundDecimal(expected.total, 2)))
    for (const { t, c } of charged) {
      const exact = Number(expected.targets.get(t)?.sum ?? '0')
      expect(Math.abs(Number(c) - exact), t).toBeLessThan(0.01)
    }
  })

  it('XLSX: charged cents as numbers with currency formats, exact amounts as exact text, figures equal to the oracle', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(join(out, `chargeback-${PERIOD}.xlsx`))
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Per cost center',
      'Detail',
      'Journal',
      'Audit',
    ])
    for (const sheet of wb.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      // Every column that carries a format carries a header that names it.
      const headers = sheet.getRow(1)
      sheet.eachRow((row, n) => {
        if (n === 1) return
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          if (cell.numFmt && cell.numFmt !== 'General')
            expect(
              String(headers.getCell(column).value ?? ''),
              `${sheet.name} ${cell.address}`,
            ).not.toBe('')
        })
      })
    }

    const summary = wb.getWorksheet('Summary')
    expect(summary?.getRow(1).getCell(5).value).toBe('Exact amount')
    const seen = new Set<string>()
    summary?.eachRow((row, n) => {
      if (n === 1) return
      const name = String(row.getCell(1).value)
      if (name.startsWith('Total')) {
        expect(row.getCell(5).value).toBe(expected.total)
        expect(cents(Number(row.getCell(4).value))).toBe(cents(roundDecimal(expected.total, 2)))
        return
      }
      const truth = expected.targets.get(name) ?? { sum: '0', lines: 0 }
      seen.add(name)
      // The exact amount is the oracle's digits, not a double near them.
      expect(row.getCell(5).value, name).toBe(truth.sum)
      expect(row.getCell(3).value, name).toBe(truth.lines)
      expect(typeof row.getCell(4).value).toBe('number')
      expect(row.getCell(4).numFmt).toContain('USD')
    })
    expect(seen).toContain('Unallocated')
    for (const t of expected.targets.keys()) expect(seen).toContain(t)

    const journal = wb.getWorksheet('Journal')
    const posted: number[] = []
    const invoice: number[] = []
    const exact: string[] = []
    const centers = new Set<string>()
    journal?.eachRow((row, n) => {
      if (n === 1) {
        expect(row.values).toEqual([
          undefined,
          'Date',
          'Period',
          'Account',
          'Cost center',
          'Description',
          'Debit',
          'Credit',
          'Currency',
          'Reference',
          'Exact amount',
          'Lines',
        ])
        return
      }
      expect(row.getCell(1).value).toBe(`${PERIOD}-30`)
      expect(row.getCell(2).value).toBe(PERIOD)
      expect(row.getCell(8).value).toBe('USD')
      const net =
        cents(Number(row.getCell(6).value ?? 0)) - cents(Number(row.getCell(7).value ?? 0))
      if (row.getCell(3).value === '2100') invoice.push(-net)
      else {
        posted.push(net)
        exact.push(row.getCell(10).value as string)
        centers.add(row.getCell(4).value as string)
      }
    })
    expect(posted.reduce((a, b) => a + b, 0)).toBe(cents(roundDecimal(expected.total, 2)))
    expect(invoice).toEqual([cents(roundDecimal(expected.total, 2))])
    expect(exact.every((v) => typeof v === 'string')).toBe(true)
    // A cost center charged 0.00 posts no line (a few tenths of a cent, or a penny the rounding
    // gave to a larger one); every other posts its whole exact amount.
    const postedExact = [...expected.targets].filter(([t]) => centers.has(t)).map(([, v]) => v.sum)
    expect(sumDecimals(exact)).toBe(sumDecimals(postedExact))
    for (const [t, v] of expected.targets)
      if (!centers.has(t)) expect(Math.abs(Number(v.sum)), t).toBeLessThan(0.02)

    const detail = wb.getWorksheet('Detail')
    const lines = [...expected.targets.values()].reduce((n, t) => n + t.lines, 0)
    expect(detail?.rowCount).toBe(lines + 1)
    expect(detail?.getRow(2).getCell(14).value).toBe(basename(input))
    const amounts: string[] = []
    detail?.eachRow((row, n) => {
      if (n > 1) amounts.push(row.getCell(12).value as string)
    })
    expect(amounts.every((v) => typeof v === 'string')).toBe(true)
    expect(sumDecimals(amounts)).toBe(expected.total)
  })

  it('CSV summary and journal carry exact decimals that add up to the file', () => {
    const [header = [], ...rows] = parseCsv(
      readFileSync(join(out, `chargeback-${PERIOD}-summary.csv`), 'utf8'),
    )
    const at = (name: string): number => header.indexOf(name)
    const targets = rows.filter((r) => !(r[at('Cost center')] ?? '').startsWith('Total'))
    expect(new Map(targets.map((r) => [r[at('Cost center')], r[at('Exact amount')]]))).toEqual(
      new Map<string, string>([
        ...[...expected.targets].map(([t, v]): [string, string] => [t, v.sum]),
        // Unallocated is always a row, at zero when nothing was unallocated.
        ...(expected.targets.has('Unallocated') ? [] : [['Unallocated', '0'] as [string, string]]),
      ]),
    )
    const [jHeader = [], ...journal] = parseCsv(
      readFileSync(join(out, `chargeback-${PERIOD}-journal.csv`), 'utf8'),
    )
    const [debit, credit] = [jHeader.indexOf('Debit'), jHeader.indexOf('Credit')]
    expect(jHeader).toEqual([
      'Date',
      'Period',
      'Account',
      'Cost center',
      'Description',
      'Debit',
      'Credit',
      'Currency',
      'Reference',
    ])
    // Exactly one side per line, at cents; the cost centers' net is the invoice total at cents.
    for (const r of journal)
      expect([r[debit], r[credit]].filter((v) => /^\d+\.\d{2}$/.test(v ?? ''))).toHaveLength(1)
    const costCenters = journal.filter((r) => r[jHeader.indexOf('Account')] !== '2100')
    expect(
      subtractDecimals(
        sumDecimals(costCenters.map((r) => r[debit] || '0')),
        sumDecimals(costCenters.map((r) => r[credit] || '0')),
      ),
    ).toBe(roundDecimal(expected.total, 2))
    expect(sumDecimals(journal.map((r) => r[debit] || '0'))).toBe(
      sumDecimals(journal.map((r) => r[credit] || '0')),
    )
  })

  it('renders the first page of the summary and of a cost-center PDF for people to look at', () => {
    const largest = result.files.find(
      (f) =>
        f.kind === 'target-pdf' &&
        f.path.includes(result.model.targets[0]?.target.replace(/[^A-Za-z0-9]+/g, '-') ?? ''),
    )
    expect(largest).toBeDefined()
    for (const [pdf, name] of [
      [`chargeback-${PERIOD}-summary.pdf`, `chargeback-by-${slug}-summary`],
      [largest?.path ?? '', `chargeback-by-${slug}-cost-center`],
    ] as const)
      expect(
        readFileSync(firstPagePng(join(out, pdf), name))
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG')
  })
})
