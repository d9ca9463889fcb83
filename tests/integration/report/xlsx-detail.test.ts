/**
 * The XLSX Detail sheet streams the lines from the writer connection. Another
 * job's statement on that connection mid-stream (an import in another tab)
 * used to end the stream early without an error, leaving a short sheet: every
 * line must be in the sheet however the writer is shared.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { detailSheet } from '../../../electron/core/report/xlsx-detail'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import type { ReportModel } from '../../../shared/report/types'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

let ws: Workspace | undefined
afterEach(async () => {
  await ws?.close()
})

const LINES = 40_000

describe('XLSX Detail sheet', () => {
  it('holds every line while another job writes through the same workspace', async () => {
    ws = await freshWorkspace()
    const open = ws
    await open.run('CREATE TABLE notes (n INTEGER)')
    await open.run(
      `CREATE TEMP TABLE lines AS SELECT 'CC-' || (range % 7) AS target, NULL AS pool, 'rule' AS method, 'r1' AS rule,
         TIMESTAMPTZ '2024-09-01 00:00:00+00' AS ChargePeriodStart, 'Usage' AS ChargeCategory, 'Compute' AS ServiceName,
         'res-' || range AS ResourceId, NULL AS ResourceName, NULL AS SubAccountName, 'USD' AS BillingCurrency,
         CAST(range AS DECIMAL(38,18)) / 100 AS amount, 1 AS x_ImportId, range + 1 AS x_SourceRow
       FROM range(${LINES})`,
    )
    const path = join(tempDir(), 'detail.xlsx')
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true })
    const others: Promise<void>[] = []
    // Runs a call from here, outside the sheet's writer turn, as a request from another tab would.
    const elsewhere = AsyncLocalStorage.snapshot()
    await detailSheet(wb, open, {
      model: { detailLines: LINES, imports: [] } as unknown as ReportModel,
      journal: { lines: [], balances: [], unposted: [], creditAccount: null },
      linesTable: 'lines',
      fullDetail: [],
      // Another job's statements arrive while the sheet is being written.
      onDetailRows: (done) => {
        if (others.length < 3)
          others.push(elsewhere(() => open.run('INSERT INTO notes VALUES (?)', [done])))
      },
    })
    await wb.commit()
    await Promise.all(others)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(path)
    const sheet = book.getWorksheet('Detail')
    // The header row, then one row per line.
    expect(sheet?.actualRowCount).toBe(LINES + 1)
    expect(await open.all('SELECT count(*)::INTEGER AS n FROM notes')).toEqual([{ n: 3 }])
  })
})
