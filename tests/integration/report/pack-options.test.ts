/**
 * core/report/pack options and refusals: showback with budgets and a previous
 * period, the amortized metric, two currencies, ledger accounts from a tag,
 * detail past the workbook limit, an existing pack, and bad requests.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack, type PackOptions } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { subtractDecimals, sumDecimals } from '../../../shared/money'
import { parseDimension } from '../../../shared/pivot'
import {
  fixedDecimals,
  formatAmount,
  formatExact,
  journalStatements,
  packReference,
  parseLedgerMapCsv,
  roundDecimal,
} from '../../../shared/report'
import { parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO, csvRecords, firstPagePng, flat, hasRow, oracle, pdfLines, pdfText } from './support'

let ws: Workspace

beforeAll(async () => {
  ws = await freshWorkspace('options')
  expect((await importFile(ws, DEMO)).status).toBe('imported')
})
afterAll(() => ws.close())

function options(patch: Partial<PackOptions> = {}): PackOptions {
  return {
    kind: 'chargeback',
    period: '2024-09',
    metric: 'BilledCost',
    source: dimensionLinesSource(parseDimension('SubAccountName')),
    outDir: tempDir('focal-pack-'),
    ...patch,
  }
}

describe('writePack options', () => {
  it('showback for 2024-10: change against September, monthly trend, budgets with variance', async () => {
    const out = tempDir('focal-showback-')
    const result = await writePack(
      ws,
      options({
        kind: 'showback',
        period: '2024-10',
        outDir: out,
        company: 'Acme Corp',
        formats: ['pdf', 'xlsx'],
        budgets: [
          { target: 'cloudnativecoop', currency: 'USD', amount: '0.2' },
          { target: 'Idle Team', currency: 'USD', amount: '5' },
        ],
      }),
    )
    const september = oracle(DEMO, '2024-09', 'SubAccountName').total
    const october = oracle(DEMO, '2024-10', 'SubAccountName')
    expect(result.model.trend.grain).toBe('month')
    expect(result.model.totals[0]).toMatchObject({
      exact: october.total,
      previous: september,
      budget: '5.2',
    })

    const summary = pdfText(join(out, 'showback-2024-10-summary.pdf'))
    for (const fragment of [
      'Showback report',
      'informational, not charged',
      'Trend by month',
      `exact ${formatExact(october.total, 'USD')}`,
      formatAmount(september, 'USD'),
    ])
      expect(summary).toContain(flat(fragment))
    const rows = pdfLines(join(out, 'showback-2024-10-summary.pdf'))
    expect(hasRow(rows, 'Cost center Lines Cost Share Budget Variance')).toBe(true)
    expect(hasRow(rows, 'cloudnativecoop 1 USD 0.24 100.0% USD 0.20 USD +0.04')).toBe(true)
    expect(hasRow(rows, 'Idle Team 0 USD 0.00 0.0% USD 5.00 USD -5.00')).toBe(true)
    const target = pdfText(join(out, 'cost-centers/showback-2024-10-cloudnativecoop.pdf'))
    expect(target).toContain(flat('Budget · 120.0% used'))
    expect(target).toContain(flat('USD +0.04 over budget'))
    expect(target).toContain('Trend by month')
    // Budget-only cost centers get a page too; an Unallocated with no lines does not.
    expect(existsSync(join(out, 'cost-centers/showback-2024-10-Idle-Team.pdf'))).toBe(true)
    expect(existsSync(join(out, 'cost-centers/showback-2024-10-Unallocated.pdf'))).toBe(false)
    firstPagePng(join(out, 'showback-2024-10-summary.pdf'), 'showback-2024-10-budgets-summary')
    firstPagePng(
      join(out, 'cost-centers/showback-2024-10-cloudnativecoop.pdf'),
      'showback-2024-10-cost-center',
    )
  }, 120_000)

  it('amortized effective cost: states the metric and reconciles to the EffectiveCost total', async () => {
    const out = tempDir('focal-effective-')
    const result = await writePack(
      ws,
      options({ metric: 'EffectiveCost', outDir: out, formats: ['pdf', 'csv'] }),
    )
    const expected = oracle(DEMO, '2024-09', 'SubAccountName', 'EffectiveCost')
    expect(result.model.reconciliation[0]).toMatchObject({
      sum: expected.total,
      periodTotal: expected.total,
      ok: true,
    })
    const text = pdfText(join(out, 'chargeback-2024-09-summary.pdf'))
    expect(text).toContain(flat('Amortized effective cost — FOCUS EffectiveCost'))
    expect(text).toContain(
      flat(`period total EffectiveCost ${formatExact(expected.total, 'USD')} — reconciled`),
    )
  }, 120_000)

  it('points the Detail sheet to the Parquet export when the period has more lines than the sheet may hold', async () => {
    const out = tempDir('focal-detail-')
    const result = await writePack(
      ws,
      options({ outDir: out, formats: ['xlsx'], detailLimit: 100 }),
    )
    expect(result.files.map((f) => f.kind).sort()).toEqual(['manifest', 'parquet', 'xlsx'])
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(join(out, 'chargeback-2024-09.xlsx'))
    const detail = wb.getWorksheet('Detail')
    expect(detail?.rowCount).toBe(2)
    expect(String(detail?.getRow(2).getCell(1).value)).toMatch(
      /999 lines, more than this workbook holds.*chargeback-2024-09-allocated\.parquet/,
    )
  })

  it('refuses to overwrite an earlier pack unless asked, then replaces it without stale cost centers', async () => {
    const out = tempDir('focal-again-')
    const first = options({ outDir: out, formats: ['csv'] })
    await writePack(ws, first)
    await expect(writePack(ws, first)).rejects.toMatchObject({ error: { code: 'IO_ERROR' } })
    mkdirSync(join(out, 'cost-centers'), { recursive: true })
    writeFileSync(join(out, 'cost-centers/chargeback-2024-09-Old-Team.pdf'), 'stale')
    writeFileSync(join(out, 'cost-centers/notes.txt'), 'mine')
    await writePack(ws, { ...first, formats: ['pdf'], overwrite: true })
    expect(existsSync(join(out, 'cost-centers/chargeback-2024-09-Old-Team.pdf'))).toBe(false)
    expect(existsSync(join(out, 'cost-centers/notes.txt'))).toBe(true)
    expect(existsSync(join(out, 'cost-centers/chargeback-2024-09-Atlas-Orion.pdf'))).toBe(true)
  }, 120_000)

  it('refuses bad requests with a sentence before writing anything', async () => {
    const out = tempDir('focal-bad-')
    await expect(writePack(ws, options({ period: '2023-01', outDir: out }))).rejects.toMatchObject({
      error: { code: 'NO_ROWS', hint: 'Periods with data: 2024-09, 2024-10.' },
    })
    await expect(writePack(ws, options({ period: '2024-9', outDir: out }))).rejects.toMatchObject({
      error: { code: 'BAD_REQUEST' },
    })
    await expect(
      writePack(ws, options({ source: dimensionLinesSource(parseDimension('Team')), outDir: out })),
    ).rejects.toMatchObject({ error: { code: 'BAD_REQUEST' } })
    await expect(
      writePack(ws, options({ logo: join(out, 'none.png'), outDir: out })),
    ).rejects.toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
    const cancelled = new AbortController()
    cancelled.abort()
    await expect(writePack(ws, options({ signal: cancelled.signal }))).rejects.toMatchObject({
      error: { code: 'CANCELLED' },
    })
    // Every temp lines table was dropped on the way out.
    expect(await ws.all(`SELECT table_name FROM duckdb_tables() WHERE temporary`)).toEqual([])
  })

  it('records the pack in the audit log with each file’s SHA-256', async () => {
    const result = await writePack(ws, options({ formats: ['csv'] }))
    const [entry] = await ws.all(
      `SELECT action, subject, details FROM audit_log WHERE action = 'report.chargeback' ORDER BY logged_at DESC LIMIT 1`,
    )
    expect(entry).toMatchObject({ action: 'report.chargeback', subject: '2024-09' })
    const details = JSON.parse(String(entry?.details))
    expect(details.files.map((f: { sha256: string }) => f.sha256)).toEqual(
      result.files.map((f) => f.sha256),
    )
  })
})

describe('writePack with two currencies and ledger accounts', () => {
  it('never adds USD and EUR, and reconciles each', async () => {
    const multi = await freshWorkspace('multi')
    try {
      expect(
        (
          await importFile(
            multi,
            sample('focus-data-toolkit-golden/consolidated_multi_provider_1_3.csv'),
          )
        ).status,
      ).toBe('imported')
      const out = tempDir('focal-multi-')
      const result = await writePack(multi, {
        kind: 'chargeback',
        period: '2026-05',
        metric: 'BilledCost',
        source: dimensionLinesSource(parseDimension('tag:env')),
        outDir: out,
        formats: ['pdf', 'csv'],
        ledgerMapping: parseLedgerMapCsv(
          'target,ledger_account,cost_center_code\nprod,6100,CC-PROD\n',
          'ledger.csv',
        ),
        creditAccount: '2100',
      })
      expect(result.model.totals.map((t) => [t.currency, t.exact])).toEqual([
        ['EUR', '100'],
        ['USD', '208'],
      ])
      expect(result.model.reconciliation.every((l) => l.ok)).toBe(true)
      const text = pdfText(join(out, 'chargeback-2026-05-summary.pdf'))
      const rows = pdfLines(join(out, 'chargeback-2026-05-summary.pdf'))
      expect(hasRow(rows, 'prod (EUR) 1 EUR 100.00 100.0%')).toBe(true)
      expect(hasRow(rows, 'prod (USD) 3 USD 208.00 100.0%')).toBe(true)
      expect(text).not.toContain('308')
      const [header = [], ...journal] = parseCsv(
        readFileSync(join(out, 'chargeback-2026-05-journal.csv'), 'utf8'),
      )
      // Per currency, from the file itself: the period's BilledCost at cents.
      const byCurrency = new Map<string, string[]>()
      for (const r of csvRecords(
        sample('focus-data-toolkit-golden/consolidated_multi_provider_1_3.csv'),
      ))
        if ((r.BillingPeriodStart ?? '').startsWith('2026-05'))
          byCurrency.set(r.BillingCurrency ?? '', [
            ...(byCurrency.get(r.BillingCurrency ?? '') ?? []),
            r.BilledCost ?? '0',
          ])
      const cents = (c: string): string => fixedDecimals(sumDecimals(byCurrency.get(c) ?? []), 2)
      const col = (name: string): number => header.indexOf(name)
      expect(
        journal.map((r) =>
          ['Currency', 'Account', 'Cost center', 'Debit', 'Credit'].map((h) => r[col(h)]),
        ),
      ).toEqual([
        ['EUR', '6100', 'CC-PROD', cents('EUR'), ''],
        ['EUR', '2100', '', '', cents('EUR')],
        ['USD', '6100', 'CC-PROD', cents('USD'), ''],
        ['USD', '2100', '', '', cents('USD')],
      ])
      expect(journal.every((r) => r[col('Reference')] === packReference(result.model))).toBe(true)
      expect(journal.every((r) => r[col('Date')] === '2026-05-31')).toBe(true)
      const statements = [
        `Journal balances: debits = credits = ${cents('EUR')} EUR`,
        `Journal balances: debits = credits = ${cents('USD')} USD`,
      ]
      expect(journalStatements(result.journal!)).toEqual(statements)
      for (const line of statements) expect(text).toContain(line)
      firstPagePng(join(out, 'chargeback-2026-05-summary.pdf'), 'chargeback-two-currencies-summary')
    } finally {
      multi.close()
    }
  }, 120_000)

  it('takes journal ledger accounts from tag:ledger_account and lists the rest as not posted', async () => {
    const dir = tempDir('focal-ledger-')
    const file = join(dir, 'ledger.csv')
    // The demo with a ledger account on every "dev" row: a realistic partial tagging.
    writeFileSync(
      file,
      readFileSync(DEMO, 'utf8').replaceAll(
        '""environment"": ""dev""',
        '""environment"": ""dev"", ""ledger_account"": ""6100""',
      ),
    )
    const tagged = await freshWorkspace('ledger')
    try {
      expect((await importFile(tagged, file)).status).toBe('imported')
      const result = await writePack(
        tagged,
        options({ outDir: join(dir, 'pack'), formats: ['csv'], creditAccount: '2100' }),
      )
      const [header = [], ...journal] = parseCsv(
        readFileSync(join(dir, 'pack/chargeback-2024-09-journal.csv'), 'utf8'),
      )
      const col = (name: string): number => header.indexOf(name)
      // Never an empty account: the untagged rows' charges are listed as not posted.
      expect(new Set(journal.map((r) => r[col('Account')]))).toEqual(new Set(['6100', '2100']))
      const net = (rows: string[][]): string =>
        subtractDecimals(
          sumDecimals(rows.map((r) => r[col('Debit')] || '0')),
          sumDecimals(rows.map((r) => r[col('Credit')] || '0')),
        )
      const expenses = journal.filter((r) => r[col('Account')] === '6100')
      const posted = result.journal!
      const unposted = sumDecimals(posted.unposted.map((u) => u.amount))
      expect(posted.unposted.every((u) => u.reason === 'no ledger account')).toBe(true)
      // Posted plus not posted is the invoice at cents; the credit equals what was posted.
      expect(sumDecimals([net(expenses), unposted])).toBe(
        roundDecimal(oracle(DEMO, '2024-09', 'SubAccountName').total, 2),
      )
      expect(net(journal)).toBe('0')
      expect(posted.balances).toHaveLength(1)
    } finally {
      tagged.close()
    }
  })
})
