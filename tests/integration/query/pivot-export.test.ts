/**
 * The pivot exported as shown (electron/core/query/pivot-export.ts) on the sample file: categories
 * and services × providers with two measures, subtotals and the total. The CSV read back with an
 * independent parser holds the exact sums of the file; the XLSX read back with exceljs holds the
 * same figures to the cent, with the header block and the labels as the screen shows them.
 */
import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { exportPivot } from '../../../electron/core/query/pivot-export'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { fromScaled, sumDecimals, toScaled } from '../../../shared/money'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import { parseCsv } from '../../helpers/csv-sums'
import { sample } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
let ws: Workspace

beforeAll(async () => {
  ws = await freshWorkspace('exports')
  await importFile(ws, SAMPLE)
})
afterAll(() => ws.close())

const spec: PivotSpec = {
  ...DEFAULT_PIVOT,
  rows: [
    { kind: 'column', name: 'ServiceCategory' },
    { kind: 'column', name: 'ServiceName' },
  ],
  // FOCUS 1.0's ProviderName is stored as FOCUS 1.4's ServiceProviderName.
  columns: { kind: 'column', name: 'ServiceProviderName' },
  timeGrain: 'none',
  topN: null,
  measures: [{ measure: 'BilledCost' }, { measure: 'EffectiveCost' }],
}
const MEASURES = ['BilledCost', 'EffectiveCost'] as const

/** Exact sums from the file itself: key "category|service|provider|measure" ('*' for all). */
function fileSums(): Map<string, string> {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  const values = new Map<string, string[]>()
  for (const row of rows)
    for (const measure of MEASURES)
      for (const category of [row[at('ServiceCategory')]!, '*'])
        for (const service of category === '*' ? ['*'] : [row[at('ServiceName')]!, '*'])
          for (const provider of [row[at('ProviderName')]!, '*']) {
            const key = [category, service, provider, measure].join('|')
            const list = values.get(key) ?? []
            list.push(row[at(measure)]!)
            values.set(key, list)
          }
  return new Map([...values].map(([k, v]) => [k, sumDecimals(v)]))
}

/** What a grid row must hold: its labels and, per header, the exact figure. */
function expectedRows(providers: string[]): Array<{ labels: string[]; figures: string[] }> {
  const sums = fileSums()
  const figures = (category: string, service: string): string[] => [
    ...providers.flatMap((p) =>
      MEASURES.map((m) => sums.get([category, service, p, m].join('|')) ?? ''),
    ),
    ...MEASURES.map((m) => sums.get([category, service, '*', m].join('|'))!),
  ]
  const keys = [...sums.keys()].map((k) => k.split('|'))
  const categories = [...new Set(keys.map((k) => k[0]!).filter((c) => c !== '*'))]
  const byBilled = (a: string, b: string, of: (x: string) => string): number =>
    Number(
      toScaled(sums.get(`${of(b)}|*|BilledCost`)!) - toScaled(sums.get(`${of(a)}|*|BilledCost`)!),
    )
  categories.sort((a, b) => byBilled(a, b, (c) => `${c}|*`))
  return [
    ...categories.flatMap((category) => {
      const services = [
        ...new Set(keys.filter((k) => k[0] === category && k[1] !== '*').map((k) => k[1]!)),
      ].sort((a, b) => byBilled(a, b, (s) => `${category}|${s}`))
      return [
        ...services.map((s) => ({ labels: [category, s, 'USD'], figures: figures(category, s) })),
        { labels: [category, 'Subtotal', 'USD'], figures: figures(category, '*') },
      ]
    }),
    { labels: ['Total', '', 'USD'], figures: figures('*', '*') },
  ]
}

/** A decimal rounded to cents, half away from zero, as bigint cents. */
const cents = (value: string): bigint => {
  const scaled = toScaled(value)
  const unit = toScaled('0.01')
  const half = unit / 2n
  return scaled < 0n ? -((-scaled + half) / unit) : (scaled + half) / unit
}

describe('exportPivot', () => {
  it('writes the CSV with the header block and the exact sums of the file, row for row', async () => {
    const file = await exportPivot(ws, spec, 'csv', new Date('2026-11-30T09:00:00Z'))
    expect(file.fileName).toBe('pivot-exports-2026-11-30.csv')
    const text = new TextDecoder().decode(file.bytes)
    // The header block ends at an empty line; the table starts right after it.
    expect(text).toContain('\r\n\r\nServiceCategory,ServiceName,Currency,')
    const lines = parseCsv(text).filter((l) => l.join('') !== '')
    const start = lines.findIndex((l) => l[0] === 'ServiceCategory')
    const header = Object.fromEntries(lines.slice(0, start).map((l) => [l[0], l[1]]))
    expect(header).toMatchObject({
      Workspace: 'exports',
      Filters: 'None',
      'Date range': 'All dates',
      'Date basis': 'Charge period (ChargePeriodStart, UTC)',
      Measures: 'BilledCost, EffectiveCost',
      'Exported at': '2026-11-30T09:00:00.000Z',
    })
    const [titles = [], ...rows] = lines.slice(start)
    const providers = ['AWS', 'Microsoft', 'Oracle']
    expect(titles).toEqual([
      'ServiceCategory',
      'ServiceName',
      'Currency',
      ...providers.flatMap((p) => MEASURES.map((m) => `${p} ${m}`)),
      'Total BilledCost',
      'Total EffectiveCost',
    ])
    const expected = expectedRows(providers)
    expect(rows.map((r) => r.slice(0, 3))).toEqual(expected.map((e) => e.labels))
    const exact = (v: string): string => (v === '' ? '' : fromScaled(toScaled(v)))
    expect(rows.map((r) => r.slice(3).map(exact))).toEqual(
      expected.map((e) => e.figures.map(exact)),
    )
  })

  it('writes the XLSX with the same rows and every amount equal to the cent, currency-formatted', async () => {
    const file = await exportPivot(ws, spec, 'xlsx', new Date('2026-11-30T09:00:00Z'))
    expect(file.fileName).toBe('pivot-exports-2026-11-30.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Pivot')!
    const values: unknown[][] = []
    sheet.eachRow({ includeEmpty: true }, (row) => {
      values.push((row.values as unknown[]).slice(1))
    })
    expect(values[0]).toEqual(['Workspace', 'exports'])
    const start = values.findIndex((v) => v[0] === 'ServiceCategory')
    expect(values[start - 1]!.filter((v) => v !== undefined && v !== null)).toEqual([])
    const providers = ['AWS', 'Microsoft', 'Oracle']
    const expected = expectedRows(providers)
    const rows = values.slice(start + 1)
    expect(rows.map((r) => r.slice(0, 3))).toEqual(expected.map((e) => e.labels))
    rows.forEach((row, i) => {
      const figures = row.slice(3)
      expected[i]!.figures.forEach((want, j) => {
        const got = figures[j]
        if (want === '') expect(got ?? null).toBeNull()
        else expect(BigInt(Math.round((got as number) * 100))).toBe(cents(want))
      })
    })
    // The amounts read as on the screen: the currency's code and its cents.
    expect(sheet.getRow(start + 2).getCell(4).numFmt).toBe('"USD "#,##0.00;"USD "-#,##0.00')
    const view = sheet.views[0] as { state: string; xSplit: number; ySplit: number }
    expect(view).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: start + 1 })
  })
})
