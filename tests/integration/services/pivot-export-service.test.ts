/**
 * The pivot export channel on the demo workspace: the answer passes its own contract, the base64
 * decodes to the file the core writes (CSV text, an XLSX zip), under a file name with no folder.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS } from '../../../shared/contract'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import { csvSums, parseCsv } from '../../helpers/csv-sums'
import { DEMO, demoServices } from './support'

let services: FocalServices

beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
})
afterAll(() => services.close())

const spec: PivotSpec = {
  ...DEFAULT_PIVOT,
  topN: 5,
  columns: { kind: 'time' },
  measures: [{ measure: 'BilledCost' }],
}

describe('pivot:export', () => {
  it('answers the CSV as base64 under a plain file name, the total exact to the file', async () => {
    const file = await services['pivot:export']({ spec, format: 'csv' })
    expect(CHANNELS['pivot:export'].response.parse(file)).toEqual(file)
    expect(file.fileName).toMatch(/^pivot-Sample-data-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(file.mediaType).toBe('text/csv')
    const lines = parseCsv(Buffer.from(file.base64, 'base64').toString('utf8'))
    const titles = lines.find((l) => l[0] === 'ServiceName')!
    const total = lines.find((l) => l[0] === 'Total')!
    expect(total[titles.indexOf('Total BilledCost')]).toBe(csvSums(DEMO, 'BilledCost').USD!.sum)
    // Top 5 and the rest folded: (Other) is a row of its own, before the total.
    expect(lines.findIndex((l) => l[0] === '(Other)')).toBeLessThan(lines.indexOf(total))
  })

  it('answers the XLSX as base64 that exceljs reads back', async () => {
    const file = await services['pivot:export']({ spec, format: 'xlsx' })
    expect(file.fileName.endsWith('.xlsx')).toBe(true)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    expect(book.getWorksheet('Pivot')!.getRow(1).values).toEqual([
      undefined,
      'Workspace',
      'Sample data',
    ])
  })
})
