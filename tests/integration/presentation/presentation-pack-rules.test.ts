/**
 * A chargeback pack by saved allocation rules, made with presentation mode off and on: the
 * rules name real values (a SubAccountName, a ResourceId prefix, a tag field as target, a
 * proportional pool), so they must match the stored values, not their aliases. Every cost
 * center's cents are the same either way, and no real account, resource or tag value is in
 * any file of the masked pack (PDF text, workbook cells, summary CSV, FOCUS CSV, Parquet).
 */
import ExcelJS from 'exceljs'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { previewAllocation, type AllocationPreview } from '../../../electron/core/allocate/preview'
import { saveRuleVersion } from '../../../electron/core/allocate/store'
import {
  explainReportFigure,
  type ExplainedFigure,
} from '../../../electron/core/evidence/report-figure'
import { importFile } from '../../../electron/core/ingest/import-file'
import { setPresentation } from '../../../electron/core/presentation/presentation-mode'
import { aliasText, SALT_SQL } from '../../../electron/core/presentation/presentation-sql'
import { allocationLinesSource } from '../../../electron/core/report/allocation-source'
import { writePack, type PackResult } from '../../../electron/core/report/pack'
import { allocationTargets, targetCost } from '../../../electron/core/unit-costs/target-cost'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { parseRuleSetText } from '../../../shared/allocate/parse-rules'
import { sumDecimals } from '../../../shared/money'
import { scratchSql } from '../../helpers/duckdb'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { pdfText } from '../report/support'

const PERIOD = '2025-03'
const REAL = ['Contoso Prod Secret', 'Contoso Lab Hidden', 'i-prodaaa1', 'i-prodaaa2']
const REAL_MORE = ['db-7788secret', 'vpc-shared-9911', 'i-labzz3', 'zeta-web', 'orion-data']
const REAL_ALL = [...REAL, ...REAL_MORE]

// sub account, resource id, service, tags, cost
const ROWS: ReadonlyArray<readonly [string, string, string, string, string]> = [
  ['Contoso Prod Secret', 'i-prodaaa1', 'Compute', '{"team":"zeta-web"}', '100.10'],
  ['Contoso Prod Secret', 'i-prodaaa2', 'Compute', '{"team":"orion-data"}', '50.05'],
  ['Contoso Lab Hidden', 'db-7788secret', 'Database', '{"team":"orion-data"}', '33.33'],
  ['Contoso Lab Hidden', 'vpc-shared-9911', 'Networking', '{}', '20.00'],
  ['Contoso Lab Hidden', 'i-labzz3', 'Compute', '{"team":"zeta-web"}', '7.77'],
]

function csv(): string {
  const header =
    'BillingAccountId,BillingAccountName,SubAccountId,SubAccountName,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceName,ProviderName,ResourceId,ResourceName,BilledCost,EffectiveCost,ListCost,Tags'
  const lines = ROWS.map(([sub, id, service, tags, cost], i) =>
    [
      '9001',
      'Contoso',
      sub === REAL[0] ? '1001' : '1002',
      sub,
      'USD',
      '2025-03-01T00:00:00Z',
      '2025-04-01T00:00:00Z',
      `2025-03-0${i + 1}T00:00:00Z`,
      `2025-03-0${i + 2}T00:00:00Z`,
      'Usage',
      service,
      'Contoso Cloud',
      id,
      `${id}-name`,
      cost,
      cost,
      cost,
      `"${tags.replaceAll('"', '""')}"`,
    ].join(','),
  )
  return `${[header, ...lines].join('\n')}\n`
}

const RULES = parseRuleSetText(
  JSON.stringify({
    name: 'Masked rules',
    dimensions: [
      {
        id: 'cc',
        rules: [
          {
            id: 'net',
            when: [{ field: 'ResourceId', op: 'prefix', value: 'vpc-' }],
            then: { pool: 'network' },
          },
          {
            id: 'prod',
            when: [{ field: 'SubAccountName', op: 'equals', value: 'Contoso Prod Secret' }],
            then: 'Production',
          },
          {
            id: 'db',
            when: [{ field: 'ResourceId', op: 'prefix', value: 'db-7788' }],
            then: 'Databases',
          },
          { id: 'team', then: { field: 'tag:team' } },
        ],
        pools: [{ id: 'network', method: 'proportional' }],
      },
    ],
  }),
)

let ws: Workspace
let plain: PackResult
let masked: PackResult
let plainDir: string
let maskedDir: string
let teamAlias: string

/** What the Allocate preview, Explain and unit cost by target answer for one target. */
interface Answers {
  preview: AllocationPreview
  explained: ExplainedFigure
  targets: readonly string[]
  totals: unknown
}
let plainAnswers: Answers
let maskedAnswers: Answers

const answers = async (team: string): Promise<Answers> => ({
  preview: await previewAllocation(ws, { ruleSet: RULES, period: PERIOD, metric: 'BilledCost' }),
  explained: await explainReportFigure(ws, { period: PERIOD, target: team, kind: 'chargeback' }),
  targets: (await allocationTargets(ws)).targets,
  totals: (
    await targetCost(ws, {
      metric: 'orders',
      costMetric: 'BilledCost',
      grain: 'month',
      dateRange: null,
      filters: [],
      target: team,
    })
  ).allocation.totals,
})

const pack = async (outDir: string): Promise<PackResult> =>
  writePack(ws, {
    kind: 'chargeback',
    period: PERIOD,
    metric: 'BilledCost',
    source: allocationLinesSource(),
    outDir,
    formats: ['pdf', 'xlsx', 'csv', 'focus-csv', 'parquet'],
  })

beforeAll(async () => {
  ws = await freshWorkspace('presented-rules')
  const file = join(tempDir('focal-rules-csv-'), 'rules-month.csv')
  writeFileSync(file, csv())
  await importFile(ws, file)
  await saveRuleVersion(ws, RULES, 'Rules naming real values')
  plainDir = tempDir('focal-plain-')
  plain = await pack(plainDir)
  plainAnswers = await answers('zeta-web')
  await setPresentation(ws, { on: true, tagKeys: null })
  const [salt] = await ws.all(SALT_SQL)
  teamAlias = aliasText('tag-', String(salt?.value), 'team=zeta-web')
  maskedDir = tempDir('focal-masked-rules-')
  masked = await pack(maskedDir)
  maskedAnswers = await answers(teamAlias)
}, 180_000)
afterAll(() => ws?.close())

const figures = (p: PackResult, rename: (t: string) => string = (t) => t): string[] =>
  p.model.targets
    .flatMap((t) => t.amounts.map((a) => `${rename(t.target)} ${a.currency} ${a.exact}`))
    .sort()

describe('a pack by rules in presentation mode', () => {
  it('allocates by the real values with the mode off', () => {
    // By hand: direct 150.15, 33.33 and 7.77 (191.25); the 20.00 pool split by those shares at cents.
    expect(figures(plain)).toEqual([
      'Databases USD 36.82',
      'Production USD 165.85',
      'Unallocated USD 0',
      'zeta-web USD 8.58',
    ])
    const total = sumDecimals(plain.model.targets.flatMap((t) => t.amounts.map((a) => a.exact)))
    expect(total).toBe(sumDecimals(ROWS.map((r) => r[4])))
  })

  it('charges every cost center the same cents with the mode on, the tag target by its alias', () => {
    expect(teamAlias).toMatch(/^tag-[0-9a-f]{10}$/)
    expect(figures(masked)).toEqual(figures(plain, (t) => (t === 'zeta-web' ? teamAlias : t)))
    const summary = (dir: string): string =>
      readFileSync(join(dir, `chargeback-${PERIOD}-summary.csv`), 'utf8')
    const rows = (text: string): string[] =>
      text.split('\r\n').filter((l) => !/^"?Masked: /.test(l))
    expect(rows(summary(maskedDir))).toEqual(
      rows(summary(plainDir).replaceAll('zeta-web', teamAlias)),
    )
  })

  it('holds no real account, resource or tag value in any file of the masked pack', async () => {
    const files = readdirSync(maskedDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
    expect(files.some((f) => f.endsWith('.pdf'))).toBe(true)
    expect(files.some((f) => f.endsWith('.parquet'))).toBe(true)
    for (const f of files) {
      const path = f
      let text: string
      if (f.endsWith('.pdf')) text = pdfText(path)
      else if (f.endsWith('.xlsx')) {
        const book = new ExcelJS.Workbook()
        await book.xlsx.readFile(path)
        const cells: string[] = []
        for (const sheet of book.worksheets)
          sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.text))))
        text = cells.join('\n')
      } else if (f.endsWith('.parquet'))
        text = JSON.stringify(await scratchSql(`SELECT * FROM read_parquet(?)`, [path]))
      else text = readFileSync(path, 'utf8')
      for (const real of REAL_ALL) expect(text.includes(real), `${f} holds ${real}`).toBe(false)
    }
  })

  it('previews, explains and costs a unit of the tag target with the same figures under its alias', () => {
    const rename = (t: string): string => (t === 'zeta-web' ? teamAlias : t)
    const rows = (p: AllocationPreview, r: (t: string) => string = (t) => t): string[] =>
      p.rows.map((x) => `${r(x.target)} ${x.before} ${x.after} ${x.charged}`).sort()
    expect(rows(plainAnswers.preview)).toContain('zeta-web 8.58 8.58 8.58')
    expect(rows(maskedAnswers.preview)).toEqual(rows(plainAnswers.preview, rename))
    expect(maskedAnswers.explained.target).toBe(teamAlias)
    expect(maskedAnswers.explained.figure).toEqual(plainAnswers.explained.figure)
    expect(maskedAnswers.explained.figure.exact).toBe('8.58')
    const parts = (e: ExplainedFigure): string[] => e.parts.map((x) => `${x.id} ${x.amount}`)
    expect(parts(maskedAnswers.explained)).toEqual(parts(plainAnswers.explained))
    expect(maskedAnswers.targets).toEqual(
      [...plainAnswers.targets].map(rename).sort((a, b) => a.localeCompare(b)),
    )
    expect(maskedAnswers.totals).toEqual(plainAnswers.totals)
    const shown = JSON.stringify([
      maskedAnswers.preview.rows,
      maskedAnswers.preview.after.summary,
      maskedAnswers.preview.after.residues,
      maskedAnswers.explained,
      maskedAnswers.targets,
    ])
    for (const real of REAL_ALL) expect(shown.includes(real), `holds ${real}`).toBe(false)
  })
})
