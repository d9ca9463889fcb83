/**
 * core/report/pack on the allocation engine: the demo data with the example
 * rules saved as version 1, reported through allocationLinesSource. The pack
 * is compared with what the engine itself says (allocateLines on the same
 * period and rules) and with sums taken from the CSV in plain TypeScript, so
 * a pack that lost, duplicated or re-split a share would fail here.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  allocateLines,
  dropLines,
  type AllocationResult,
} from '../../../electron/core/allocate/allocate'
import { saveRuleVersion } from '../../../electron/core/allocate/store'
import { allocationLinesSource } from '../../../electron/core/report/allocation-source'
import { slugify } from '../../../electron/core/report/file-names'
import { writePack, type PackResult } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { sumDecimals } from '../../../shared/money'
import { formatAmount } from '../../../shared/report'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { DEMO, demoWorkspace, exampleRules } from '../allocate/fixtures'
import { csvRecords, firstPagePng, flat, pdfLines, pdfText } from './support'

const PERIOD = '2024-09'
let ws: Workspace
let out: string
let pack: PackResult
let engine: Omit<AllocationResult, 'table'>

beforeAll(async () => {
  ws = await demoWorkspace()
  expect((await saveRuleVersion(ws, exampleRules(), 'Example rules')).version).toBe(1)
  // What the allocation engine says on its own, for the same period and rules.
  const { table, ...result } = await allocateLines(ws, {
    period: PERIOD,
    metric: 'BilledCost',
    ruleSet: exampleRules(),
  })
  await dropLines(ws, table)
  engine = result
  out = tempDir('focal-alloc-')
  pack = await writePack(ws, {
    kind: 'chargeback',
    period: PERIOD,
    metric: 'BilledCost',
    source: allocationLinesSource(),
    outDir: out,
    company: 'Acme Corp',
    formats: ['pdf', 'focus-csv'],
  })
}, 120_000)
afterAll(() => ws?.close())

describe('writePack on the allocation engine', () => {
  // Independent of Focal: the CSV's rows of the period, and the network pool's rows (its first rule).
  const rows = csvRecords(DEMO).filter((r) => r.BillingPeriodStart?.startsWith(PERIOD))
  const invoice = sumDecimals(rows.map((r) => r.BilledCost ?? '0'))
  const network = sumDecimals(
    rows.filter((r) => r.ServiceCategory === 'Networking').map((r) => r.BilledCost ?? '0'),
  )

  it('reconciles to the invoice total of the file and states the saved rule version', () => {
    expect(engine.reconciliation).toEqual([
      { currency: 'USD', periodTotal: invoice, linesTotal: invoice, equal: true },
    ])
    expect(pack.model.reconciliation[0]).toMatchObject({ sum: invoice, ok: true })
    expect(pack.model.ruleSet).toBe(
      'Rule set "Demo chargeback for the FOCUS sample (September 2024)", version 1',
    )
    const summary = pdfText(join(out, `chargeback-${PERIOD}-summary.pdf`))
    expect(summary).toContain(flat(pack.model.ruleSet))
    expect(summary).toContain('Shared cost pools')
  })

  it('carries every cost center at the exact amount and line count the engine gives it', () => {
    const fromPack = pack.model.targets.map((t) => {
      const a = t.amounts.find((x) => x.currency === 'USD')
      return { target: t.target, total: a?.exact, lines: a?.lines }
    })
    const fromEngine = engine.summary.map((s) => ({
      target: s.target,
      total: s.total,
      lines: s.lines,
    }))
    const byName = (a: { target: string }, b: { target: string }): number =>
      a.target < b.target ? -1 : a.target > b.target ? 1 : 0
    expect(fromPack.sort(byName)).toEqual(fromEngine.sort(byName))
  })

  it("shows each pool as the engine split it, and the network pool is the file's Networking rows", () => {
    const split = engine.pools.filter((p) => p.currency === 'USD' && !p.unsplit)
    expect(split.map((p) => p.pool).sort()).toEqual([
      'clusters',
      'network',
      'platform',
      'policy:credits',
    ])
    for (const pool of split) {
      const shares = pack.model.targets.flatMap((t) =>
        t.pools.filter((p) => p.pool === pool.pool && p.currency === 'USD'),
      )
      expect(sumDecimals(shares.map((s) => s.amount)), pool.pool).toBe(pool.amount)
      expect(shares.every((s) => s.poolTotal === pool.amount)).toBe(true)
      expect(pdfLines(join(out, `chargeback-${PERIOD}-summary.pdf`))).toContain(
        flat(`${pool.label} ${pool.method} ${shares.length} ${formatAmount(pool.amount, 'USD')}`),
      )
    }
    expect(engine.pools.find((p) => p.pool === 'network')?.amount).toBe(network)
    const largest = pack.model.targets.find((t) => t.pools.some((p) => p.pool === 'network'))
    const pdf = join(out, `cost-centers/chargeback-${PERIOD}-${slugify(largest?.target ?? '')}.pdf`)
    expect(pdfText(pdf)).toContain('Share of shared cost pools')
    firstPagePng(pdf, 'chargeback-with-pools-cost-center')
  })

  it('exports one FOCUS row per line with the pool, method and rule version; the pool adds up to its rows', () => {
    const [header = [], ...lines] = parseCsv(
      readFileSync(join(out, `chargeback-${PERIOD}-allocated.focus.csv`), 'utf8'),
    )
    const col = (name: string): number => header.indexOf(name)
    expect(lines).toHaveLength(engine.rows)
    const pooled = lines.filter((l) => l[col('x_AllocationPool')] === 'network')
    expect(new Set(pooled.map((l) => l[col('x_AllocationRuleVersion')]))).toEqual(new Set(['1']))
    expect(new Set(pooled.map((l) => l[col('x_AllocationMethod')]))).toEqual(
      new Set(['proportional']),
    )
    expect(sumDecimals(pooled.map((l) => l[col('x_AllocatedCost')] ?? '0'))).toBe(network)
    expect(sumDecimals(lines.map((l) => l[col('x_AllocatedCost')] ?? '0'))).toBe(invoice)
  })

  it('the manifest gives each import its source rows in the period and, apart, the lines made from them', () => {
    const manifest = JSON.parse(
      readFileSync(join(out, `chargeback-${PERIOD}-manifest.json`), 'utf8'),
    ) as { imports: Array<{ fileName: string; rows: number; lines: number }> }
    // Pool rows are split among cost centers, so the pack has more lines than the file has rows.
    expect(engine.rows).toBeGreaterThan(rows.length)
    expect(manifest.imports).toEqual([
      expect.objectContaining({
        fileName: 'focus-sample.csv',
        rows: rows.length,
        lines: engine.rows,
      }),
    ])
  })
})
