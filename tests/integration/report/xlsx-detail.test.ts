/**
 * The XLSX Detail sheet streams the lines from the writer connection. Another
 * job's statement on that connection mid-stream (an import in another tab)
 * used to end the stream early without an error, leaving a short sheet: every
 * line must be in the sheet however the writer is shared. On a generated
 * month with the bench's 30 rules, the sheet holds exactly the allocated
 * lines, formatted as their columns, and sums to the cent.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { importMappingCsv } from '../../../electron/core/allocate/tables'
import { importFile } from '../../../electron/core/ingest/import-file'
import { allocationLinesSource } from '../../../electron/core/report/allocation-source'
import { writePack } from '../../../electron/core/report/pack'
import { detailSheet } from '../../../electron/core/report/xlsx-detail'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { decimalsEqual, sumDecimals } from '../../../shared/money'
import type { ReportModel } from '../../../shared/report/types'
import { ACCOUNT_MAPPING, packRuleSet } from '../../bench/pack-rules'
import { csvSelectList, syntheticSelect } from '../../bench/synthetic'
import { csvSums } from '../../helpers/csv-sums'
import { scratchSql } from '../../helpers/duckdb'
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

const MONTH_ROWS = 4_000

describe('XLSX Detail sheet of a generated month', () => {
  it('holds exactly the allocated lines, each cell formatted as its column, summing to the cent', async () => {
    // The bench's synthetic month (tests/bench/synthetic.ts) as Parquet, imported as a user would, and as
    // a CSV of the same rows (as generate.ts writes it) for the independent sums.
    const dir = tempDir('focal-detail-month-')
    const parquet = join(dir, 'synthetic-month.parquet')
    const csv = join(dir, 'synthetic-month.csv')
    await scratchSql(`COPY (${syntheticSelect(MONTH_ROWS)}) TO '${parquet}' (FORMAT parquet)`)
    await scratchSql(
      `COPY (SELECT ${csvSelectList()} FROM read_parquet('${parquet}')) TO '${csv}' (FORMAT csv, HEADER true)`,
    )
    ws = await freshWorkspace('detail-month')
    expect((await importFile(ws, parquet)).status).toBe('imported')
    const mapping = join(dir, 'account-owner.csv')
    writeFileSync(mapping, ACCOUNT_MAPPING.csv())
    await importMappingCsv(ws, ACCOUNT_MAPPING.name, mapping)
    const out = join(dir, 'pack')
    const result = await writePack(ws, {
      kind: 'chargeback',
      period: '2025-06',
      metric: 'BilledCost',
      source: allocationLinesSource({ ruleSet: packRuleSet() }),
      outDir: out,
      formats: ['xlsx'],
    })
    // Pools split rows over many cost centers: far more lines than source rows.
    expect(result.model.detailLines).toBeGreaterThan(5 * MONTH_ROWS)

    const header: string[] = []
    const amounts = new Map<string, string[]>()
    const perCenter = new Map<string, string[]>()
    const kinds = new Set<string>()
    let rows = 0
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(join(out, 'chargeback-2025-06.xlsx'), {
      sharedStrings: 'cache',
      styles: 'cache',
      worksheets: 'emit',
    })
    for await (const sheet of reader) {
      if ((sheet as unknown as { name: string }).name !== 'Detail') continue
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1)
        if (row.number === 1) {
          header.push(...values.map(String))
          continue
        }
        rows++
        const at = (name: string): unknown => values[header.indexOf(name)]
        const amount = at('Amount')
        // The exact amount is text in a text-formatted, right-aligned cell; the start a date cell.
        const amountCell = row.getCell(header.indexOf('Amount') + 1)
        const start = row.getCell(header.indexOf('Charge period start (UTC)') + 1)
        kinds.add(
          JSON.stringify([
            typeof amount,
            amountCell.numFmt,
            amountCell.alignment,
            start.value instanceof Date,
            start.numFmt,
          ]),
        )
        const currency = String(at('Currency'))
        amounts
          .set(currency, amounts.get(currency) ?? [])
          .get(currency)
          ?.push(String(amount))
        const key = `${String(at('Cost center'))}|${currency}`
        perCenter
          .set(key, perCenter.get(key) ?? [])
          .get(key)
          ?.push(String(amount))
      }
    }
    expect(rows).toBe(result.model.detailLines)
    expect([...kinds]).toEqual([
      JSON.stringify(['string', '@', { horizontal: 'right' }, true, 'yyyy-mm-dd hh:mm']),
    ])
    // Per currency the sheet sums to the file's own total, summed independently of DuckDB.
    const oracle = csvSums(csv, 'BilledCost')
    expect([...amounts.keys()].sort()).toEqual(Object.keys(oracle).sort())
    for (const [currency, values] of amounts)
      expect(decimalsEqual(sumDecimals(values), oracle[currency]?.sum ?? 'none')).toBe(true)
    // And per cost center to the figures the pack states.
    for (const t of result.model.targets)
      for (const a of t.amounts)
        expect(
          decimalsEqual(sumDecimals(perCenter.get(`${t.target}|${a.currency}`) ?? []), a.exact),
        ).toBe(true)
  })
})
