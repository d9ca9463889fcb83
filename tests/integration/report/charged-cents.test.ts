/**
 * One rounding for every figure finance reads: the Allocate preview
 * (allocation:preview), the summary and cost-center PDFs, the workbook and the
 * summary CSV show each cost center at the same cents. The data is the demo
 * sample plus a second account's file in the same month, with rule version 1
 * of the example rules (a proportional network pool): rounding each cost
 * center on its own gives Finance 1,269.91 and a column of 11,631.85 under a
 * total of 11,631.86, while the pack's apportioned cents give 1,269.92.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveRuleVersion } from '../../../electron/core/allocate/store'
import { importFile } from '../../../electron/core/ingest/import-file'
import { allocationLinesSource } from '../../../electron/core/report/allocation-source'
import { slugify } from '../../../electron/core/report/file-names'
import { writePack, type PackResult } from '../../../electron/core/report/pack'
import { createAllocationServices } from '../../../electron/core/services-allocation'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { parseCsv } from '../../../shared/csv'
import type { AllocationPreview } from '../../../shared/contract'
import { subtractDecimals, sumDecimals, toScaled } from '../../../shared/money'
import { formatAmount, roundDecimal } from '../../../shared/report'
import { csvSums } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { DEMO, demoWorkspace, exampleRules } from '../allocate/fixtures'
import { flat, hasRow, pdfLines, pdfText } from './support'

const PERIOD = '2024-09'

/** A second account's September file in the demo's FOCUS layout: four tagged compute rows and a shared network row. */
function writeSecondFile(dir: string): string {
  const header = readFileSync(DEMO, 'utf8').split('\n')[0] ?? ''
  const columns = header.split(',').map((c) => c.replaceAll('"', ''))
  const common: Record<string, string> = {
    BillingAccountId: '999000111222',
    BillingAccountName: 'Second account',
    BillingCurrency: 'USD',
    BillingPeriodStart: '2024-09-01 00:00:00',
    BillingPeriodEnd: '2024-10-01 00:00:00',
    ChargeCategory: 'Usage',
    ChargeFrequency: 'Usage-Based',
    ChargePeriodStart: '2024-09-20 00:00:00',
    ChargePeriodEnd: '2024-09-21 00:00:00',
    ProviderName: 'AWS',
    PublisherName: 'AWS',
    InvoiceIssuerName: 'AWS',
    SubAccountId: '5550001',
    SubAccountName: 'Atlas Orion',
  }
  const rows: Array<[string, string, string | null, string]> = [
    ['Compute', 'Amazon Elastic Compute Cloud', 'SeattleEngineering', '1463.304'],
    ['Compute', 'Amazon Elastic Compute Cloud', 'PeoriaData', '4389.004'],
    ['Compute', 'Amazon Elastic Compute Cloud', 'TempeAI', '2104.334'],
    ['Compute', 'Amazon Elastic Compute Cloud', 'BostonFinance', '977.124'],
    ['Networking', 'Amazon Virtual Private Cloud', null, '2677.81'],
  ]
  const line = (values: Record<string, string>): string =>
    columns
      .map((c) => (values[c] === undefined ? 'NULL' : `"${values[c].replaceAll('"', '""')}"`))
      .join(',')
  const body = rows.map(([category, service, unit, cost], i) =>
    line({
      ...common,
      Id: `second-${i + 1}`,
      ServiceCategory: category,
      ServiceName: service,
      BilledCost: cost,
      EffectiveCost: cost,
      ListCost: cost,
      ContractedCost: cost,
      ...(unit ? { Tags: JSON.stringify({ business_unit: unit }) } : {}),
    }),
  )
  const path = join(dir, 'second-account-2024-09.csv')
  writeFileSync(path, [header, ...body].join('\n') + '\n')
  return path
}

let ws: Workspace
let second: string
let preview: AllocationPreview
let pack: PackResult
let out: string

beforeAll(async () => {
  ws = await demoWorkspace()
  second = writeSecondFile(tempDir('focal-second-'))
  expect((await importFile(ws, second)).status).toBe('imported')
  expect((await saveRuleVersion(ws, exampleRules(), 'Example rules')).version).toBe(1)
  const services = createAllocationServices({ workspace: () => ws, examplesDir: null })
  preview = await services['allocation:preview']({
    ruleSet: exampleRules(),
    period: PERIOD,
    metric: 'BilledCost',
  })
  out = tempDir('focal-cents-')
  pack = await writePack(ws, {
    kind: 'chargeback',
    period: PERIOD,
    metric: 'BilledCost',
    source: allocationLinesSource(),
    outDir: out,
    formats: ['pdf', 'xlsx', 'csv'],
  })
}, 120_000)
afterAll(() => ws?.close())

describe('charged cents: Allocate preview = PDF = XLSX = CSV', () => {
  // The period's invoice total of both files, summed from the files themselves.
  const invoice = (): string =>
    sumDecimals(
      [DEMO, second].map(
        (f) => csvSums(f, 'BilledCost', 'BillingPeriodStart')[`${PERIOD}-01 00:00:00`]?.sum ?? '0',
      ),
    )

  it('the preview charges cents that add up to the invoice total at cents, each within a cent of its exact amount', () => {
    const targets = preview.targets.filter((t) => t.currency === 'USD')
    expect(sumDecimals(targets.map((t) => t.after))).toBe(invoice())
    // The column a person adds up is the Total under it (rounded one by one it was a cent short).
    expect(sumDecimals(targets.map((t) => t.charged))).toBe(roundDecimal(invoice(), 2))
    for (const t of targets) {
      const off = toScaled(subtractDecimals(t.charged, t.after))
      expect(off < 0n ? -off : off, t.target).toBeLessThan(toScaled('0.01'))
    }
    expect(targets.find((t) => t.target === 'Finance')?.charged).toBe('1269.92')
  })

  it('every cost center reads the same cents in the preview and in the summary PDF, its own PDF, the XLSX and the CSV', async () => {
    const previewCents = new Map(
      preview.targets.filter((t) => t.currency === 'USD').map((t) => [t.target, t.charged]),
    )
    const modelCents = new Map(
      pack.model.targets.map((t) => [t.target, t.amounts.find((a) => a.currency === 'USD')]),
    )
    expect([...modelCents.keys()].sort()).toEqual([...previewCents.keys()].sort())

    const summaryRows = pdfLines(join(out, `chargeback-${PERIOD}-summary.pdf`))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(join(out, `chargeback-${PERIOD}.xlsx`))
    const xlsxCents = new Map<string, number>()
    workbook.getWorksheet('Summary')?.eachRow((row, n) => {
      if (n > 1) xlsxCents.set(String(row.getCell(1).value), Number(row.getCell(4).value))
    })
    const [header = [], ...csvRows] = parseCsv(
      readFileSync(join(out, `chargeback-${PERIOD}-summary.csv`), 'utf8'),
    )
    const csvCents = new Map(
      csvRows.map((r) => [
        r[header.indexOf('Cost center')] ?? '',
        r[header.indexOf('Charged')] ?? '',
      ]),
    )

    for (const [target, cents] of previewCents) {
      const amount = modelCents.get(target)
      expect(amount?.charged, target).toBe(cents)
      const shown = formatAmount(cents, 'USD')
      expect(hasRow(summaryRows, `${target} ${amount?.lines ?? 0} ${shown}`), target).toBe(true)
      expect(xlsxCents.get(target), target).toBe(Number(cents))
      expect(toScaled(csvCents.get(target) ?? 'x'), target).toBe(toScaled(cents))
      const own = pack.files.find(
        (f) => f.kind === 'target-pdf' && f.path.endsWith(`-${slugify(target)}.pdf`),
      )
      expect(own, target).toBeDefined()
      expect(pdfText(join(out, own?.path ?? '')), target).toContain(flat(shown))
    }
  })
})
