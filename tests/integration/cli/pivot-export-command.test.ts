/**
 * The built `focal pivot --xlsx|--csv --out <file>`: the file Explore exports (header block,
 * every row expanded, labels as shown), with the sample's own sums, and the usage mistakes.
 */
import ExcelJS from 'exceljs'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { toScaled } from '../../../shared/money'
import { focal } from '../../helpers/cli'
import { csvSums, parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')

/** Cents of a decimal, half away from zero. */
function cents(value: string): bigint {
  const scaled = toScaled(value)
  const unit = toScaled('0.01')
  return scaled < 0n ? -((-scaled + unit / 2n) / unit) : (scaled + unit / 2n) / unit
}

let dir: string
let ws: string
const PIVOT = ['--rows', 'ServiceCategory,ServiceName', '--columns', 'month']
const MEASURES = ['--measure', 'BilledCost,EffectiveCost']
beforeAll(async () => {
  dir = tempDir()
  ws = join(dir, 'books.focal')
  expect((await focal('import', SAMPLE, '-w', ws)).code).toBe(0)
}, 60_000)

describe('focal pivot --out', () => {
  it('writes the XLSX Explore exports, its total to the cent of the file', async () => {
    const out = join(dir, 'by-category.xlsx')
    const done = await focal('pivot', '-w', ws, ...PIVOT, ...MEASURES, '--xlsx', '--out', out)
    expect(done.code).toBe(0)
    expect(done.stderr).toBe('Wrote by-category.xlsx.\n')
    expect(done.stdout).toBe('')
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    const rows: unknown[][] = []
    book.getWorksheet('Pivot')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    expect(rows[0]).toEqual(['Workspace', 'books'])
    const titles = rows.find((r) => r[0] === 'ServiceCategory')!
    expect(titles).toEqual([
      'ServiceCategory',
      'ServiceName',
      'Currency',
      '2024-09 BilledCost',
      '2024-09 EffectiveCost',
      'Total BilledCost',
      'Total EffectiveCost',
    ])
    const total = rows.find((r) => r[0] === 'Total')!
    const file = {
      billed: csvSums(SAMPLE, 'BilledCost').USD!.sum,
      effective: csvSums(SAMPLE, 'EffectiveCost').USD!.sum,
    }
    expect(BigInt(Math.round((total[3] as number) * 100))).toBe(cents(file.billed))
    expect(BigInt(Math.round((total[4] as number) * 100))).toBe(cents(file.effective))
    expect(rows.filter((r) => r[1] === 'Subtotal').length).toBeGreaterThan(1)
  })

  it('writes the CSV with every figure exact', async () => {
    const out = join(dir, 'by-category.csv')
    const done = await focal('pivot', '-w', ws, ...PIVOT, ...MEASURES, '--csv', '--out', out)
    expect(done.code).toBe(0)
    const lines = parseCsv(readFileSync(out, 'utf8'))
    const total = lines.find((l) => l[0] === 'Total')!
    expect(total.slice(3, 5).map((v) => toScaled(v))).toEqual([
      toScaled(csvSums(SAMPLE, 'BilledCost').USD!.sum),
      toScaled(csvSums(SAMPLE, 'EffectiveCost').USD!.sum),
    ])
  })

  it('says what is missing: --xlsx needs --out, --out needs --csv or --xlsx', async () => {
    const noOut = await focal('pivot', '-w', ws, ...PIVOT, '--xlsx')
    expect(noOut.code).toBe(2)
    expect(noOut.stderr).toContain('--xlsx needs --out <file>.')
    const out = join(dir, 'nothing.txt')
    const noFormat = await focal('pivot', '-w', ws, ...PIVOT, '--out', out)
    expect(noFormat.code).toBe(2)
    expect(noFormat.stderr).toContain('--out writes a CSV or an XLSX file: add --csv or --xlsx.')
    expect(existsSync(out)).toBe(false)
  })
})
