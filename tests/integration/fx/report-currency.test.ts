/**
 * core/fx/report-currency through writePack on real DuckDB: a USD and EUR month converted to
 * EUR and to USD, every cost center and the total equal to figures summed from the source
 * files and multiplied here; a missing rate names the currency and month and writes nothing.
 */
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importRates } from '../../../electron/core/fx/fx-rates'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack, type PackFormat } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { FocalFailure } from '../../../shared/contract'
import { parseDimension } from '../../../shared/pivot'
import { fixedDecimals, formatAmount } from '../../../shared/report'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO, flat, pdfText } from '../report/support'
import { PERIOD, add, expectedSums, multiply, writeEuroFile } from './fixture'

// The month rate wins over daily rates for a month; EUR → USD comes from a daily rate only.
const RATES = [
  'date,from,to,rate,source',
  '2024-09-27,USD,EUR,0.8972,ECB daily',
  '2024-09-27,EUR,USD,1.114579,ECB daily',
  '2024-09-30,EUR,USD,1.1196,ECB daily',
  '2024-10-31,EUR,USD,1.0888,ECB daily',
].join('\n')
const MONTH = 'month,from,to,rate,source\n2024-09,USD,EUR,0.901234,Treasury average\n'

let ws: Workspace
let files: string[]
beforeAll(async () => {
  ws = await freshWorkspace('fx-report')
  const dir = tempDir()
  files = [DEMO, writeEuroFile(dir)]
  for (const file of files) expect((await importFile(ws, file)).status).toBe('imported')
  const sha = (t: string): string => createHash('sha256').update(t).digest('hex')
  await importRates(ws, RATES, 'ecb.csv', sha(RATES))
  await importRates(ws, MONTH, 'treasury.csv', sha(MONTH))
})
afterAll(() => ws.close())

function pack(
  outDir: string,
  reportingCurrency: string,
  formats: PackFormat[] = ['csv'],
): ReturnType<typeof writePack> {
  return writePack(ws, {
    kind: 'chargeback',
    period: PERIOD,
    metric: 'BilledCost',
    source: dimensionLinesSource(parseDimension('SubAccountName')),
    outDir,
    formats,
    reportingCurrency,
  })
}

/** Each cost center's expected amount in `currency`, converting the other currency at `rate` (Unallocated always listed). */
function expected(currency: string, rate: string): Map<string, string> {
  const sums = expectedSums(files)
  if (!sums.has('Unallocated')) sums.set('Unallocated', new Map())
  return new Map(
    [...sums].map(([target, amounts]) => [
      target,
      add([...amounts].map(([c, v]) => (c === currency ? v : multiply(v, rate)))),
    ]),
  )
}

describe('writePack with a reporting currency', () => {
  it('converts USD at the month rate to EUR, per cost center and in total, beside the original amounts', async () => {
    const out = tempDir('focal-fx-')
    const result = await pack(out, 'EUR')
    const want = expected('EUR', '0.901234')
    expect(want.size).toBeGreaterThan(20)
    const reporting = result.model.reporting
    expect(reporting?.rates).toEqual([
      { from: 'USD', to: 'EUR', rate: '0.901234', rateDate: '2024-09', source: 'Treasury average' },
    ])
    expect(new Map(reporting?.targets.map((t) => [t.target, t.amount]))).toEqual(want)
    expect(reporting?.total).toBe(add([...want.values()]))
    // The original totals still reconcile, per currency.
    expect(result.model.reconciliation.every((l) => l.ok)).toBe(true)

    const [header = [], ...rows] = parseCsv(
      readFileSync(join(out, `chargeback-${PERIOD}-summary.csv`), 'utf8'),
    )
    expect(header.slice(-6)).toEqual([
      'Reporting currency',
      'Converted',
      'Converted exact',
      'Rate',
      'Rate date',
      'Rate source',
    ])
    const col = (name: string): number => header.indexOf(name)
    const sums = expectedSums(files)
    for (const row of rows.filter((r) => !(r[1] ?? '').startsWith('Total'))) {
      const target = row[col('Cost center')] ?? ''
      // Unallocated is listed at 0 when nothing is left unassigned.
      const original =
        sums.get(target)?.get(row[col('Currency')] ?? '') ??
        (target === 'Unallocated' ? '0' : undefined)
      const usd = row[col('Currency')] === 'USD'
      const converted = usd ? multiply(original ?? 'x', '0.901234') : (original ?? 'x')
      expect(row[col('Converted exact')]).toBe(converted)
      expect(row[col('Converted')]).toBe(fixedDecimals(converted, 2))
      expect(row.slice(col('Rate'))).toEqual(
        usd ? ['0.901234', '2024-09', 'Treasury average'] : ['', '', ''],
      )
    }
    const total = rows.find((r) => r[1] === 'Total in EUR')
    expect(total?.[col('Converted exact')]).toBe(add([...want.values()]))
    const manifest = JSON.parse(
      readFileSync(join(out, `chargeback-${PERIOD}-manifest.json`), 'utf8'),
    ) as { reportingCurrency: { total: string } }
    expect(manifest.reportingCurrency.total).toBe(add([...want.values()]))
  })

  it('states the converted figures with their rate in the summary PDF and the workbook', async () => {
    const out = tempDir('focal-fx-')
    const result = await pack(out, 'EUR', ['pdf', 'xlsx'])
    const want = expected('EUR', '0.901234')
    const total = add([...want.values()])
    const text = pdfText(join(out, `chargeback-${PERIOD}-summary.pdf`))
    expect(text).toContain('In EUR (reporting currency)')
    expect(text).toContain('Converted at 1 USD = 0.901234 EUR (rate of 2024-09, Treasury average).')
    expect(text).toContain(flat(`Total in EUR ${formatAmount(total, 'EUR')}`))
    expect(text).toContain(
      flat(`Atlas Orion ${formatAmount(want.get('Atlas Orion') ?? 'x', 'EUR')}`),
    )

    // A cost center's own PDF states its converted figure with the rate under its amounts.
    const orion = result.files.find(
      (f) => f.kind === 'target-pdf' && f.path.endsWith('-Atlas-Orion.pdf'),
    )
    expect(pdfText(join(out, orion?.path ?? 'x'))).toContain(
      flat(
        `In EUR (reporting currency): ${formatAmount(want.get('Atlas Orion') ?? 'x', 'EUR')} (converted at 1 USD = 0.901234 EUR, rate of 2024-09, Treasury average). The amounts above are the ones that reconcile with the invoice.`,
      ),
    )

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(join(out, result.files.find((f) => f.kind === 'xlsx')?.path ?? 'x'))
    const sheet = wb.getWorksheet('Reporting currency')
    const rows: string[][] = []
    sheet?.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
    )
    expect(rows[0]).toEqual([
      'Cost center',
      'Currency',
      'Exact amount',
      'Rate',
      'Rate date',
      'Rate source',
      'In EUR',
      'Exact in EUR',
    ])
    // A cost center billed in both currencies: its two lines, then its converted subtotal.
    expect(rows.filter((r) => r[0] === 'Atlas Orion in EUR').map((r) => r[7])).toEqual([
      want.get('Atlas Orion'),
    ])
    expect(rows.at(-1)?.[0]).toBe('Total in EUR')
    expect(rows.at(-1)?.[7]).toBe(total)
  })

  it('converts EUR to USD at the last daily rate dated in the month', async () => {
    const result = await pack(tempDir('focal-fx-'), 'usd')
    const want = expected('USD', '1.1196')
    expect(result.model.reporting?.rates).toEqual([
      { from: 'EUR', to: 'USD', rate: '1.1196', rateDate: '2024-09-30', source: 'ECB daily' },
    ])
    expect(new Map(result.model.reporting?.targets.map((t) => [t.target, t.amount]))).toEqual(want)
  })

  it('fails naming the currency and month when a rate is missing, and writes nothing', async () => {
    const out = tempDir('focal-fx-')
    const error = await pack(out, 'GBP').catch((cause: unknown) => cause)
    expect(error).toBeInstanceOf(FocalFailure)
    expect((error as FocalFailure).error).toMatchObject({
      code: 'FX_RATE_MISSING',
      message: 'No exchange rate from EUR to GBP for the month 2024-09.',
    })
    expect(readdirSync(out)).toEqual([])
  })
})
