/**
 * core/report/pdf/table: a figure wider than its column is set smaller,
 * never cut with an ellipsis; names in left-aligned columns are still cut.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findReportFonts } from '../../../electron/core/report/fonts'
import { createPdf, savePdf } from '../../../electron/core/report/pdf/document'
import { drawTable } from '../../../electron/core/report/pdf/table'
import { tempDir } from '../../helpers/paths'
import { pdfText } from './support'

describe('drawTable', () => {
  it('fits a large amount in a narrow figure column in full', async () => {
    const path = join(tempDir('focal-table-'), 'table.pdf')
    const doc = createPdf(findReportFonts(), { title: 'Table', subject: 'Table', author: 'Focal' })
    drawTable(
      doc,
      [
        { header: 'Cost center', weight: 7 },
        { header: 'Charged', weight: 1.2, align: 'right' },
      ],
      [
        { cells: [`Platform ${'and shared services '.repeat(8)}`, 'USD 123,456,789.01'] },
        { cells: ['Total', 'USD 1,234,567,890.12'], strong: true },
      ],
    )
    await savePdf(doc, path)
    const text = pdfText(path)
    expect(text).toContain('USD 123,456,789.01')
    expect(text).toContain('USD 1,234,567,890.12')
    // The long name is still cut to its column.
    expect(text).toMatch(/Platform and shared services .*…/)
  })
})
