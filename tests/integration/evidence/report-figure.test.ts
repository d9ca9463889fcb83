/**
 * core/evidence/report-figure and report-bundle on a crafted month: a chargeback pack by
 * rules with a direct rule and a proportional pool; Web's figure explained from the pack,
 * its lines, shares, sources and rule version against figures worked out by hand, the
 * evidence bundle read back with yauzl, and the pack said no longer to match after a late file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAuditEntries } from '../../../electron/core/audit/audit-log'
import { reportFigureBundle } from '../../../electron/core/evidence/report-bundle'
import { explainReportFigure } from '../../../electron/core/evidence/report-figure'
import { importFile } from '../../../electron/core/ingest/import-file'
import { allocationLinesSource } from '../../../electron/core/report/allocation-source'
import { writePack } from '../../../electron/core/report/pack'
import { actorName, type Workspace } from '../../../electron/core/workspace/workspace'
import { decimalsEqual, sumDecimals } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { readZipEntries } from '../../helpers/zip-reader'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CRAFTED, RULES, craftedCsv, craftedPack, micros, sha256Of } from './support'

let ws: Workspace
let file: string
beforeAll(async () => {
  ws = await freshWorkspace('explain')
  ;({ file } = await craftedPack(ws))
}, 120_000)
afterAll(() => ws.close())

// By hand: Web's direct rows, and 3/4 of each pool row (Web 30 of 40 direct).
const direct = CRAFTED.filter(([a]) => a === 'Web').map(([, , c]) => micros(c))
const pooled = CRAFTED.filter(([a]) => a === 'Shared').map(([, , c]) => (micros(c) * 3n) / 4n)
const webMicros = [...direct, ...pooled].reduce((a, b) => a + b, 0n)
const asDecimal = (m: bigint): string =>
  `${m / 1_000_000n}.${String(m % 1_000_000n).padStart(6, '0')}`
const WEB = asDecimal(webMicros) // 39.300000

describe('explainReportFigure', () => {
  it('gives the chain of a cost center’s figure: recorded, rule version, parts, lines, sources', async () => {
    const e = await explainReportFigure(ws, {
      period: '2024-09',
      target: 'Web',
      kind: 'chargeback',
    })
    expect(decimalsEqual(e.figure.exact, WEB)).toBe(true)
    expect(decimalsEqual(e.figure.charged, WEB)).toBe(true)
    expect(e.figure.lines).toBe(4)
    expect(e.recorded && decimalsEqual(e.recorded.exact, WEB)).toBe(true)
    expect(e.pack).toMatchObject({ matches: true, actor: actorName() })
    expect(e.mismatch).toBeNull()
    const [entry] = await listAuditEntries(ws, { kind: 'report.chargeback' })
    expect(e.pack?.entrySeq).toBe(entry?.seq)
    expect(e.rules).toMatchObject({ version: 1, author: actorName(), note: 'first cut' })
    expect(e.parts.map((p) => [p.kind, p.id, p.lines])).toEqual([
      ['rule', 'direct', 2],
      ['pool', 'network', 2],
    ])
    expect(decimalsEqual(e.parts[0]?.amount ?? '', asDecimal(direct[0]! + direct[1]!))).toBe(true)
    expect(e.parts[1]?.description).toContain('split proportional')
    // Open rows: each part's key among the lines and its distinct source rows.
    expect(e.parts.map((p) => p.rows)).toEqual([
      { pool: null, rule: 'direct', count: 2 },
      { pool: 'network', rule: null, count: 2 },
    ])
    // Each line names its source row; pool lines are 3/4 of their row, exactly.
    expect(e.lines.map((l) => [l.rule, l.pool, l.sourceRow, l.sourceFile])).toEqual([
      ['direct', null, 1, 'crafted-2024-09.csv'],
      ['direct', null, 2, 'crafted-2024-09.csv'],
      [null, 'network', 4, 'crafted-2024-09.csv'],
      [null, 'network', 5, 'crafted-2024-09.csv'],
    ])
    expect(e.lines.map((l) => micros(l.amount))).toEqual([...direct, ...pooled])
    expect(e.lines.filter((l) => l.pool).map((l) => l.share)).toEqual([
      '0.750000000',
      '0.750000000',
    ])
    expect(decimalsEqual(sumDecimals(e.lines.map((l) => l.amount)), e.figure.exact)).toBe(true)
    const [imported] = await listAuditEntries(ws, { kind: 'import.imported' })
    expect(e.sources).toEqual([
      expect.objectContaining({
        fileName: 'crafted-2024-09.csv',
        sha256: sha256Of(file),
        rows: 4,
        firstRow: 1,
        lastRow: 5,
        auditSeq: imported?.seq,
      }),
    ])
  })

  it('asks for a cost center the pack has, naming those it has', async () => {
    await expect(
      explainReportFigure(ws, { period: '2024-09', target: 'Nobody', kind: 'chargeback' }),
    ).rejects.toThrow(/"Nobody" has no figure.*/)
  })
})

describe('reportFigureBundle', () => {
  it('holds the lines summing to the figure, the rows, sources, audit, rules and appendix', async () => {
    const bundle = await reportFigureBundle(
      ws,
      { period: '2024-09', target: 'Web', kind: 'chargeback' },
      new Date('2026-01-02T03:04:05Z'),
    )
    const path = join(tempDir('focal-explain-zip-'), bundle.fileName)
    writeFileSync(path, bundle.bytes)
    const entries = await readZipEntries(path)
    expect(entries.map((e) => e.name)).toEqual([
      'README.txt',
      'totals.csv',
      'lines.csv',
      'rows.csv',
      'sources.csv',
      'audit.csv',
      'rules.json',
      'appendix.csv',
    ])
    const read = (name: string): string[][] =>
      parseCsv(entries.find((e) => e.name === name)?.bytes.toString('utf8') ?? '')
    const [lh = [], ...lines] = read('lines.csv')
    const amounts = lines.map((l) => l[lh.indexOf('amount')] ?? '')
    expect(amounts.map(micros)).toEqual([...direct, ...pooled])
    expect(decimalsEqual(sumDecimals(amounts), WEB)).toBe(true)
    expect(lines.map((l) => l[lh.indexOf('x_SourceRow')])).toEqual(['1', '2', '4', '5'])
    const [rh = [], ...rows] = read('rows.csv')
    expect(rows.map((r) => r[rh.indexOf('x_SourceRow')])).toEqual(['1', '2', '4', '5'])
    expect(rows.map((r) => micros(r[rh.indexOf('BilledCost')] ?? ''))).toEqual(
      [0, 1, 3, 4].map((i) => micros(CRAFTED[i]![2])),
    )
    const totals = read('totals.csv')
    const figure = totals.find((t) => t[0]?.startsWith('figure'))
    expect(decimalsEqual(figure?.[4] ?? '', WEB)).toBe(true)
    expect(totals.find((t) => t[0]?.startsWith('recorded exact'))?.[4]).toBe(figure?.[4])
    const [sh = [], source] = read('sources.csv')
    expect(source?.[sh.indexOf('sha256')]).toBe(sha256Of(file))
    const audit = read('audit.csv').map((a) => a[3])
    expect(audit).toEqual(['action', 'import.imported', 'report.chargeback'])
    const rules = JSON.parse(entries.find((e) => e.name === 'rules.json')?.bytes.toString() ?? '')
    expect(rules).toMatchObject({ version: 1, note: 'first cut', ruleSet: { name: 'Crafted' } })
    const appendix = read('appendix.csv')
    expect(appendix.find((a) => a[0] === 'reconciliation: sum of cost centers')?.[1]).toBe(
      'reconciled',
    )
    const readme = entries.find((e) => e.name === 'README.txt')?.bytes.toString() ?? ''
    expect(readme).toContain('still matches the data')
  })
})

describe('a pack the data no longer gives', () => {
  it('says so plainly, with the recorded and recomputed figures', async () => {
    const late = craftedCsv('late-2024-09.csv', [['Web', 'Amazon EC2', '5.00']])
    expect((await importFile(ws, late)).status).toBe('imported')
    const e = await explainReportFigure(ws, {
      period: '2024-09',
      target: 'Web',
      kind: 'chargeback',
    })
    expect(e.pack?.matches).toBe(false)
    expect(decimalsEqual(e.recorded?.exact ?? '', WEB)).toBe(true)
    expect(decimalsEqual(e.figure.exact, WEB)).toBe(false)
    expect(e.mismatch).toContain('This chargeback pack of 2024-09 no longer matches the data')
    expect(e.mismatch).toContain(`today's data gives ${e.figure.exact} USD`)
    // The late file replaces the month's delivery (same account and period), so Web's lines are its own now.
    expect(e.lines.map((l) => [l.sourceFile, l.sourceRow])).toEqual([['late-2024-09.csv', 1]])
    expect(e.lines).toHaveLength(e.figure.lines)
    expect(decimalsEqual(sumDecimals(e.lines.map((l) => l.amount)), e.figure.exact)).toBe(true)
  })
})

describe('packs that cannot be made again', () => {
  it('refuses a pack made from rules that were never saved, saying what to do', async () => {
    const other = await freshWorkspace('unsaved')
    try {
      expect((await importFile(other, craftedCsv('crafted.csv', CRAFTED))).status).toBe('imported')
      await writePack(other, {
        kind: 'showback',
        period: '2024-09',
        metric: 'BilledCost',
        source: allocationLinesSource({ ruleSet: RULES }),
        outDir: tempDir('focal-explain-unsaved-'),
        formats: ['csv'],
      })
      await expect(
        explainReportFigure(other, { period: '2024-09', target: 'Web', kind: 'showback' }),
      ).rejects.toThrow(
        'This pack was made from rules that were never saved, so Focal cannot recompute it.',
      )
      await expect(
        explainReportFigure(other, { period: '2024-09', target: 'Web', kind: 'chargeback' }),
      ).rejects.toThrow('No chargeback pack of 2024-09 is recorded in this workspace.')
    } finally {
      await other.close()
    }
  })
})
