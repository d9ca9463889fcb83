/**
 * core/evidence/part-rows through the Rows drawer (rows/rows-page) and its evidence bundle
 * (rows/evidence) on two imports of one month whose source-row numbers overlap: Web's direct
 * part and its share of the network pool each have rows in both files, so a filter on import
 * ids and row numbers apart would also select the other file's rows with those numbers. Each
 * part's rows are picked and summed here from the crafted rows by hand, never by Focal.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveRuleVersion } from '../../../electron/core/allocate/store'
import { explainReportFigure } from '../../../electron/core/evidence/report-figure'
import { importFile } from '../../../electron/core/ingest/import-file'
import { maskValue } from '../../../electron/core/presentation/mask-values'
import { setPresentation } from '../../../electron/core/presentation/presentation-mode'
import { allocationLinesSource } from '../../../electron/core/report/allocation-source'
import { writePack } from '../../../electron/core/report/pack'
import { evidenceBundle } from '../../../electron/core/rows/evidence'
import { rowsPage } from '../../../electron/core/rows/rows-page'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { CHANNELS } from '../../../shared/contract'
import type { ExplainPart } from '../../../shared/contract/explain'
import type { RowsPageRequest } from '../../../shared/contract/rows'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { readZipEntries } from '../../helpers/zip-reader'
import { CRAFTED, RULES, craftedCsv, micros } from './support'

/** The second file: Shared on row 1 and Web on row 3, so both parts' row numbers overlap. */
const SECOND: ReadonlyArray<readonly [string, string, string]> = [
  ['Shared', 'Shared network', '2.00'],
  ['Api', 'Amazon EC2', '6.00'],
  ['Web', 'Amazon EC2', '3.00'],
  ['Api', 'Amazon S3', '1.00'],
  ['Api', 'Amazon S3', '7.70'],
]
const FILES = [CRAFTED, SECOND]

let ws: Workspace
let imports: number[]
beforeAll(async () => {
  ws = await freshWorkspace('part-rows')
  imports = []
  for (const [name, rows] of [
    ['crafted-2024-09.csv', CRAFTED],
    ['second-2024-09.csv', SECOND],
  ] as const) {
    const record = await importFile(ws, craftedCsv(name, rows))
    if (record.status !== 'imported') throw new Error(`import ${record.status}`)
    imports.push(record.id)
  }
  await saveRuleVersion(ws, RULES, 'first cut')
  await writePack(ws, {
    kind: 'chargeback',
    period: '2024-09',
    metric: 'BilledCost',
    source: allocationLinesSource(),
    outDir: tempDir('focal-part-rows-pack-'),
    formats: ['csv'],
  })
}, 120_000)
afterAll(() => ws.close())

/** The crafted rows of `account`: "import:row" keys and their BilledCost in millionths. */
function byHand(account: string): { keys: string[]; micros: bigint } {
  const rows = FILES.flatMap((file, f) =>
    file.flatMap(([a, , cost], i) => (a === account ? [[`${imports[f]}:${i + 1}`, cost]] : [])),
  )
  return {
    keys: rows.map(([key]) => key!).sort(),
    micros: rows.reduce((sum, [, cost]) => sum + micros(cost!), 0n),
  }
}

const figure = { period: '2024-09', target: 'Web', kind: 'chargeback' } as const
const request = (part: ExplainPart, offset = 0, limit = 500): RowsPageRequest => ({
  dateRange: null,
  filters: [],
  period: null,
  sort: null,
  offset,
  limit,
  part,
})

const parts = [
  { name: 'pool network', part: { figure, pool: 'network', rule: null }, account: 'Shared' },
  { name: 'rule direct', part: { figure, pool: null, rule: 'direct' }, account: 'Web' },
] as const

describe('a report figure part’s rows', () => {
  it('the overlap is real: a filter on the part’s imports and row numbers apart selects more rows', async () => {
    for (const { account } of parts) {
      const keys = byHand(account).keys
      expect(new Set(keys.map((k) => k.split(':')[0])).size).toBe(2)
      const numbers = [...new Set(keys.map((k) => k.split(':')[1]!))]
      const loose = await rowsPage(ws, {
        ...request({ figure, pool: null, rule: null }),
        part: undefined,
        filters: [
          {
            dimension: { kind: 'column', name: 'x_ImportId' },
            op: 'in',
            values: imports.map(String),
          },
          { dimension: { kind: 'column', name: 'x_SourceRow' }, op: 'in', values: numbers },
        ],
      })
      // Both files have every one of these row numbers.
      expect(loose.total).toBe(numbers.length * 2)
      expect(loose.total).toBeGreaterThan(keys.length)
    }
  })

  for (const { name, part, account } of parts)
    it(`${name}: the drawer's pages and the bundle's rows.csv hold exactly the part's rows`, async () => {
      const expected = byHand(account)
      const explained = await explainReportFigure(ws, figure)
      const found = explained.parts.find(
        (p) => p.rows.pool === part.pool && p.rows.rule === part.rule,
      )
      expect(found?.rows.count).toBe(expected.keys.length)

      // Two pages of 2: the total is the part's rows, and the pages together are those rows.
      const first = CHANNELS['rows:page'].response.parse(await rowsPage(ws, request(part, 0, 2)))
      const second = await rowsPage(ws, request(part, 2, 2))
      expect(first.total).toBe(expected.keys.length)
      const at = (c: string): number => first.columns.indexOf(c)
      const pageRows = [...first.rows, ...second.rows]
      expect(pageRows.map((r) => `${r[at('x_ImportId')]}:${r[at('x_SourceRow')]}`).sort()).toEqual(
        expected.keys,
      )
      expect(pageRows.reduce((s, r) => s + micros(r[at('BilledCost')]!), 0n)).toBe(expected.micros)

      const bundle = await evidenceBundle(
        ws,
        request(part),
        'Rows',
        new Date('2026-01-02T03:04:05Z'),
      )
      expect(bundle.rows).toBe(expected.keys.length)
      const path = join(tempDir('focal-part-rows-zip-'), bundle.fileName)
      writeFileSync(path, bundle.bytes)
      const entries = await readZipEntries(path)
      const [header = [], ...csv] = parseCsv(
        entries.find((e) => e.name === 'rows.csv')?.bytes.toString('utf8') ?? '',
      )
      const col = (c: string): number => header.indexOf(c)
      expect(csv.map((r) => `${r[col('x_ImportId')]}:${r[col('x_SourceRow')]}`).sort()).toEqual(
        expected.keys,
      )
      expect(csv.reduce((s, r) => s + micros(r[col('BilledCost')]!), 0n)).toBe(expected.micros)
      const totals = parseCsv(
        entries.find((e) => e.name === 'totals.csv')?.bytes.toString('utf8') ?? '',
      )
      expect(totals[1]?.[1]).toBe(String(expected.keys.length))
      expect(micros(totals[1]?.[2] ?? '')).toBe(expected.micros)
    })

  it('in presentation mode, reads the same part (rules matched on real values) with names as aliases', async () => {
    await setPresentation(ws, { on: true, tagKeys: null })
    try {
      // The rules name real account names; a masked pack still matches them on the real values,
      // so Web's direct part holds the same rows as with the mode off, shown with aliases, and
      // the cost center (named by SubAccountName, a masked field) is Web's alias.
      const expected = byHand('Web')
      const masked = { ...figure, target: maskValue(ws, 'SubAccountName', 'Web') }
      expect(masked.target).not.toBe('Web')
      const page = await rowsPage(ws, request({ figure: masked, pool: null, rule: 'direct' }))
      const at = (c: string): number => page.columns.indexOf(c)
      expect(page.total).toBe(expected.keys.length)
      expect(page.rows.map((r) => `${r[at('x_ImportId')]}:${r[at('x_SourceRow')]}`).sort()).toEqual(
        expected.keys,
      )
      expect(page.rows.reduce((s, r) => s + micros(r[at('BilledCost')]!), 0n)).toBe(expected.micros)
      // One column each, names as aliases.
      expect(new Set(page.columns).size).toBe(page.columns.length)
      const accounts = new Set(page.rows.map((r) => r[at('SubAccountName')]))
      for (const real of ['Web', 'Api', 'Shared']) expect(accounts.has(real)).toBe(false)
      expect(accounts.size).toBe(1)
    } finally {
      await setPresentation(ws, { on: false, tagKeys: null })
    }
  })

  it('a part the figure no longer has is refused, saying what to do', async () => {
    await expect(rowsPage(ws, request({ figure, pool: 'storage', rule: null }))).rejects.toThrow(
      /has no part storage now/,
    )
  })
})
