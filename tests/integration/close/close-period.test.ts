/**
 * core/close on the demo data: closing 2024-09 freezes its figures, a late
 * file with rows in it is refused with PERIOD_CLOSED and leaves the workspace
 * as it was, a file of another month is accepted, reopening lets the late file
 * in, and the next pack states the change per cost center, equal to the late
 * rows summed from the CSV in plain TypeScript. Packs are listed by kind and a
 * pack made before the late rows is flagged as no longer matching the data.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { closePeriod, reopenPeriod } from '../../../electron/core/close/close-period'
import { listPacks } from '../../../electron/core/close/packs'
import { periodState, periodStates } from '../../../electron/core/close/period-records'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack, type PackFormat, type PackResult } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { subtractDecimals, sumDecimals } from '../../../shared/money'
import { parseDimension } from '../../../shared/pivot'
import { formatExact } from '../../../shared/report'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace, storedSums } from '../../helpers/workspace'
import { DEMO, hasRow, oracle, pdfLines, pdfText } from '../report/support'

const PERIOD = '2024-09'
const BY = 'SubAccountName'
const LATE_ROWS = 25

const csvLine = (cells: readonly string[]): string =>
  cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')

/**
 * The demo file cut in three: most of September, September's last rows (late), and October;
 * and two files that would change the closed September through its earlier rows: the main
 * file restated (one BilledCost changed) and 100 of its AWS rows alone (an overlap).
 */
function splitDemo(): {
  main: string
  late: string
  october: string
  restated: string
  overlap: string
} {
  const [header = '', ...lines] = readFileSync(DEMO, 'utf8').split('\n').filter(Boolean)
  const at = (parseCsv(header)[0] ?? []).indexOf('BillingPeriodStart')
  const periodOf = (line: string): string => (parseCsv(line)[0]?.[at] ?? '').slice(0, 7)
  const september = lines.filter((l) => periodOf(l) === PERIOD)
  const october = lines.filter((l) => periodOf(l) === '2024-10')
  const dir = tempDir('focal-close-input-')
  const write = (name: string, rows: string[]): string => {
    const path = join(dir, name)
    writeFileSync(path, [header, ...rows].join('\n') + '\n')
    return path
  }
  const main = september.slice(0, -LATE_ROWS)
  const cells = main.map((l) => parseCsv(l)[0] ?? [])
  const names = parseCsv(header)[0] ?? []
  const billed = names.indexOf('BilledCost')
  const restated = cells.map((c, i) => (i === 0 ? c.map((v, j) => (j === billed ? '1.23' : v)) : c))
  const provider = names.indexOf('ProviderName')
  return {
    restated: write('september-restated.csv', restated.map(csvLine)),
    overlap: write(
      'september-aws.csv',
      main.filter((_, i) => cells[i]?.[provider] === 'AWS').slice(0, 100),
    ),
    main: write('september.csv', main),
    late: write('september-late.csv', september.slice(-LATE_ROWS)),
    october: write('october.csv', october),
  }
}

const source = dimensionLinesSource(parseDimension(BY))
const pack = (
  ws: Workspace,
  kind: 'chargeback' | 'showback',
  out: string,
  formats: PackFormat[] = ['csv'],
): Promise<PackResult> =>
  writePack(ws, {
    kind,
    period: PERIOD,
    metric: 'BilledCost',
    source,
    outDir: out,
    formats,
    overwrite: true,
  })

describe('closing and reopening a month', () => {
  const files = splitDemo()
  let ws: Workspace
  let firstPack: PackResult

  beforeAll(async () => {
    ws = await freshWorkspace('close')
    expect((await importFile(ws, files.main)).status).toBe('imported')
    firstPack = await pack(ws, 'chargeback', tempDir('focal-close-pack-'))
  })

  it('records the close: figures per cost center, totals, fingerprints and the last pack', async () => {
    const record = await closePeriod(ws, {
      period: PERIOD,
      note: 'September signed off',
      metric: 'BilledCost',
      source,
    })
    const expected = oracle(files.main, PERIOD, BY)
    expect(record.note).toBe('September signed off')
    expect(record.groupedBy).toBe(BY)
    expect(record.totals).toEqual([{ currency: 'USD', amount: expected.total }])
    expect(new Map(record.figures.map((f) => [f.target, f.amount]))).toEqual(
      new Map([...expected.targets].map(([t, v]) => [t, v.sum])),
    )
    expect(record.allocationFingerprint).toMatch(/^[0-9a-f]{64}$/)
    expect(record.pack?.files).toEqual(
      firstPack.files.map((f) => ({ path: f.path, sha256: f.sha256 })),
    )
    expect((await periodState(ws, PERIOD)).state).toBe('closed')
    const [audit] = await ws.all(
      "SELECT subject, details FROM audit_log WHERE action = 'period.close'",
    )
    expect(audit?.subject).toBe(PERIOD)
    expect(JSON.parse(String(audit?.details)).note).toBe('September signed off')
  })

  it('refuses to close a closed month again', async () => {
    await expect(
      closePeriod(ws, { period: PERIOD, note: 'again', metric: 'BilledCost', source }),
    ).rejects.toThrow(/already closed/)
  })

  it('refuses a late file with rows in the closed month and changes nothing', async () => {
    const before = await storedSums(ws)
    const imported = await ws.all("SELECT id FROM imports WHERE status = 'imported' ORDER BY id")
    const scopes = await ws.all('SELECT count(*)::INT AS n FROM import_scopes')
    const record = await importFile(ws, files.late)
    expect(record.status).toBe('failed')
    expect(record.error?.code).toBe('PERIOD_CLOSED')
    expect(record.error?.message).toContain('september-late.csv')
    expect(record.error?.message).toContain(PERIOD)
    expect(record.error?.message).toContain('September signed off')
    expect(record.error?.hint).toContain(`focal reopen -w <workspace> --period ${PERIOD}`)
    expect(record.error?.location?.file).toBe('september-late.csv')
    expect(await storedSums(ws)).toEqual(before)
    expect(await ws.all("SELECT id FROM imports WHERE status = 'imported' ORDER BY id")).toEqual(
      imported,
    )
    expect(await ws.all('SELECT count(*)::INT AS n FROM import_scopes')).toEqual(scopes)
  })

  it('refuses a restatement and an overlap of the closed month, before asking about them', async () => {
    const before = await storedSums(ws)
    const restated = await importFile(ws, files.restated)
    expect(restated.error?.code).toBe('PERIOD_CLOSED')
    const overlap = await importFile(ws, files.overlap)
    expect(overlap.error?.code).toBe('PERIOD_CLOSED')
    expect(overlap.error?.message).toContain(
      'september-aws.csv has rows in the billing period 2024-09',
    )
    expect(await storedSums(ws)).toEqual(before)
    expect(await ws.all('SELECT count(*)::INT AS n FROM superseded_scopes')).toEqual([{ n: 0 }])
  })

  it('accepts a file of another month', async () => {
    expect((await importFile(ws, files.october)).status).toBe('imported')
  })

  it('reopens (keeping the close) and lets the late file in', async () => {
    await expect(reopenPeriod(ws, { period: '2024-10', note: 'never closed' })).rejects.toThrow(
      /not closed/,
    )
    const reopened = await reopenPeriod(ws, { period: PERIOD, note: 'AWS credit arrived late' })
    expect(reopened.action).toBe('reopen')
    const [state] = await periodStates(ws)
    expect(state?.state).toBe('reopened')
    expect(state?.close?.note).toBe('September signed off')
    expect(state?.reopen?.note).toBe('AWS credit arrived late')
    expect((await importFile(ws, files.late)).status).toBe('imported')
  })

  it('states the changes since close in the next pack, equal to the late rows', async () => {
    const out = tempDir('focal-close-pack-')
    const result = await pack(ws, 'chargeback', out, ['csv', 'pdf', 'xlsx'])
    const late = oracle(files.late, PERIOD, BY)
    const main = oracle(files.main, PERIOD, BY)
    const changes = result.files.find((f) => f.kind === 'changes-csv')
    expect(changes?.path).toBe(`chargeback-${PERIOD}-changes-since-close.csv`)
    const rows = parseCsv(readFileSync(join(out, changes?.path ?? ''), 'utf8'))
    const header = rows.findIndex((r) => r[0] === 'Cost center')
    const lines = rows.slice(header + 1).filter((r) => r[0] !== 'Total')
    const targets = new Set([...main.targets.keys(), ...late.targets.keys()])
    expect(lines.map((r) => r[0]).sort()).toEqual([...targets].sort())
    for (const [target, currency, closed, now, delta] of lines) {
      const was = main.targets.get(target ?? '')?.sum ?? '0'
      const added = late.targets.get(target ?? '')?.sum ?? '0'
      expect(currency).toBe('USD')
      expect(closed).toBe(was)
      expect(now).toBe(sumDecimals([was, added]))
      expect(delta).toBe(added)
    }
    const total = rows.find((r) => r[0] === 'Total')
    expect(total?.slice(1)).toEqual([
      'USD',
      main.total,
      sumDecimals([main.total, late.total]),
      late.total,
    ])
    expect(late.total).not.toBe('0')
    const manifest = JSON.parse(
      readFileSync(join(out, `chargeback-${PERIOD}-manifest.json`), 'utf8'),
    )
    expect(manifest.changesSinceClose.totals[0].delta).toBe(late.total)
    expect(manifest.changesSinceClose.closeNote).toBe('September signed off')
    expect(subtractDecimals(manifest.changesSinceClose.totals[0].now, main.total)).toBe(late.total)
    expect(manifest.dataFingerprint).toMatch(/^[0-9a-f]{64}$/)
    // The summary PDF states it too: the notes, and the change per currency to the cent.
    const pdf = pdfText(join(out, `chargeback-${PERIOD}-summary.pdf`))
    expect(pdf).toContain('Changes since close')
    expect(pdf).toContain('September signed off')
    expect(pdf).toContain('AWS credit arrived late')
    const pdfRows = pdfLines(join(out, `chargeback-${PERIOD}-summary.pdf`))
    const usd = (v: string): string => formatExact(v, 'USD')
    const now = sumDecimals([main.total, late.total])
    // And the workbook, on a sheet of its own, as exact decimal text.
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(join(out, `chargeback-${PERIOD}.xlsx`))
    const sheet = book.getWorksheet('Changes since close')
    const values: string[][] = []
    sheet?.eachRow((row) => values.push((row.values as unknown[]).slice(1).map(String)))
    expect(values.find((r) => r[0] === 'Total (USD)')).toEqual([
      'Total (USD)',
      'USD',
      main.total,
      now,
      late.total,
    ])
    const sheetLines = values.filter((r) => r[1] === 'USD' && !r[0]?.startsWith('Total'))
    expect(sheetLines.map((r) => r[0]).sort()).toEqual(lines.map((r) => r[0]).sort())
    expect(hasRow(pdfRows, `Total USD ${usd(main.total)} ${usd(now)} ${usd(late.total)}`)).toBe(
      true,
    )
  })

  it('lists packs by kind and flags the one made before the late rows', async () => {
    await pack(ws, 'showback', tempDir('focal-close-pack-'))
    const chargebacks = await listPacks(ws, { kind: 'chargeback' })
    expect(chargebacks.map((p) => p.kind)).toEqual(['chargeback', 'chargeback'])
    // Newest first: the pack made after the late rows matches, the first one does not.
    expect(chargebacks.map((p) => p.current)).toEqual([true, false])
    expect(chargebacks[1]?.files.map((f) => f.sha256)).toEqual(firstPack.files.map((f) => f.sha256))
    const showbacks = await listPacks(ws, { kind: 'showback' })
    expect(showbacks.map((p) => [p.kind, p.current])).toEqual([['showback', true]])
  })

  it('writes no changes file once the month is closed again', async () => {
    await closePeriod(ws, {
      period: PERIOD,
      note: 'closed with the credit',
      metric: 'BilledCost',
      source,
    })
    const out = tempDir('focal-close-pack-')
    const result = await pack(ws, 'chargeback', out)
    expect(result.files.some((f) => f.kind === 'changes-csv')).toBe(false)
    expect(existsSync(join(out, `chargeback-${PERIOD}-changes-since-close.csv`))).toBe(false)
    expect((await periodState(ws, PERIOD)).state).toBe('closed')
  })
})
