/**
 * core/report/pack on the demo data, read back the way a person or an auditor
 * would: PDF text through poppler, the workbook through exceljs, the CSVs and
 * FOCUS exports as files. Every figure is compared with an oracle summed from
 * the CSV in plain TypeScript (tests/integration/report/support.ts).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack, type PackProgress, type PackResult } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { sumDecimals } from '../../../shared/money'
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
const DEMO_SHA = createHash('sha256').update(readFileSync(DEMO)).digest('hex')
let ws: Workspace

beforeAll(async () => {
  ws = await freshWorkspace('acme')
  expect((await importFile(ws, DEMO)).status).toBe('imported')
})
afterAll(() => ws.close())

const cents = (v: string | number): number => Math.round(Number(v) * 100)

describe.each(['SubAccountName', 'tag:business_unit'])('chargeback pack by %s', (by) => {
  const expected = oracle(DEMO, PERIOD, by)
  const slug = by.replace(':', '_')
  let out: string
  let result: PackResult
  const progress: PackProgress[] = []

  beforeAll(async () => {
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
      },
      (p) => progress.push(p),
    )
  }, 240_000)

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
    expect(text).toContain(DEMO_SHA)
    expect(text).toMatch(/Page 1 of \d/)
  })

  it('each cost-center PDF states its exact total, equal to the oracle, and its appendix', () => {
    for (const file of result.files.filter((f) => f.kind === 'target-pdf')) {
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
      expect(text).toContain(DEMO_SHA)
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

  it('XLSX: numbers as numbers with currency formats, frozen headers, figures equal to the oracle', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(join(out, `chargeback-${PERIOD}.xlsx`))
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Per cost center',
      'Detail',
      'Journal',
      'Audit',
    ])
    for (const sheet of wb.worksheets)
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })

    const summary = wb.getWorksheet('Summary')
    const seen = new Set<string>()
    summary?.eachRow((row, n) => {
      if (n === 1) return
      const name = String(row.getCell(1).value)
      if (name.startsWith('Total')) {
        expect(row.getCell(5).value).toBe(Number(expected.total))
        expect(cents(Number(row.getCell(4).value))).toBe(cents(roundDecimal(expected.total, 2)))
        return
      }
      const truth = expected.targets.get(name) ?? { sum: '0', lines: 0 }
      seen.add(name)
      expect(row.getCell(5).value, name).toBe(Number(truth.sum))
      expect(row.getCell(3).value, name).toBe(truth.lines)
      expect(typeof row.getCell(4).value).toBe('number')
      expect(row.getCell(4).numFmt).toContain('USD')
    })
    expect(seen).toContain('Unallocated')
    for (const t of expected.targets.keys()) expect(seen).toContain(t)

    const journal = wb.getWorksheet('Journal')
    const posted: number[] = []
    journal?.eachRow((row, n) => {
      if (n === 1) {
        expect(row.values).toEqual([
          undefined,
          'Period',
          'Cost center',
          'Ledger account',
          'Description',
          'Amount',
          'Currency',
          'Exact amount',
          'Lines',
        ])
        return
      }
      expect(row.getCell(1).value).toBe(PERIOD)
      expect(row.getCell(6).value).toBe('USD')
      posted.push(cents(Number(row.getCell(5).value)))
    })
    expect(posted.reduce((a, b) => a + b, 0)).toBe(cents(roundDecimal(expected.total, 2)))

    const detail = wb.getWorksheet('Detail')
    const lines = [...expected.targets.values()].reduce((n, t) => n + t.lines, 0)
    expect(detail?.rowCount).toBe(lines + 1)
    expect(detail?.getRow(2).getCell(14).value).toBe('focus-sample.csv')
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
    const amount = jHeader.indexOf('Amount')
    expect(journal.every((r) => /^-?\d+\.\d{2}$/.test(r[amount] ?? ''))).toBe(true)
    expect(sumDecimals(journal.map((r) => r[amount] ?? '0'))).toBe(roundDecimal(expected.total, 2))
    expect(sumDecimals(journal.map((r) => r[jHeader.indexOf('Exact amount')] ?? '0'))).toBe(
      expected.total,
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
