/**
 * core/report/pack with allocation facts: a stand-in for the allocation
 * engine (a LinesSource that splits a shared pool evenly between two cost
 * centers) shows how the engine plugs in with one call, and that pools, rule
 * version and split rows reach the PDFs, the workbook and the FOCUS export.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { linesByDimension } from '../../../electron/core/report/lines-by-dimension'
import type { LinesSource } from '../../../electron/core/report/lines-source'
import { writePack, type PackResult } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { fromScaled, sumDecimals, toScaled } from '../../../shared/money'
import { parseDimension } from '../../../shared/pivot'
import { formatAmount, type AllocationFacts } from '../../../shared/report'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO, csvRecords, firstPagePng, flat, oracle, pdfLines, pdfText } from './support'

const POOL_SERVICE = 'Elastic Load Balancing'
const FACTS: AllocationFacts = {
  ruleSetName: 'Demo rules',
  ruleVersion: '3',
  pools: [
    {
      id: 'shared-lb',
      name: 'Shared load balancers',
      method: 'even',
      description:
        'Elastic Load Balancing cost, split evenly between Atlas Orion and Orion Zenith.',
    },
  ],
  residues: [],
}

/** Direct cost by SubAccountName; the pool service's rows split 50/50, the second half takes the odd digit. */
const splitSource: LinesSource = async (ws, period, metric) => {
  const table = await linesByDimension(ws, { period, metric, by: parseDimension('SubAccountName') })
  const pool = `${table}_pool`
  await ws.run(`CREATE TEMP TABLE "${pool}" AS SELECT * FROM "${table}" WHERE ServiceName = $1`, [
    POOL_SERVICE,
  ])
  await ws.run(`DELETE FROM "${table}" WHERE ServiceName = $1`, [POOL_SERVICE])
  await ws.run(
    `INSERT INTO "${table}"
     SELECT 'Atlas Orion', 'shared-lb', 'even', 'r-lb', x_ImportId, x_SourceRow, ChargePeriodStart, ChargeCategory,
       ServiceName, ResourceId, ResourceName, SubAccountName, BillingCurrency,
       CAST(round(amount / 2, 18) AS DECIMAL(38,18)) FROM "${pool}"
     UNION ALL
     SELECT 'Orion Zenith', 'shared-lb', 'even', 'r-lb', x_ImportId, x_SourceRow, ChargePeriodStart, ChargeCategory,
       ServiceName, ResourceId, ResourceName, SubAccountName, BillingCurrency,
       amount - CAST(round(amount / 2, 18) AS DECIMAL(38,18)) FROM "${pool}"`,
  )
  await ws.run(`DROP TABLE "${pool}"`)
  return { table, groupedBy: 'Demo rules', allocation: FACTS }
}

let ws: Workspace
let out: string
let result: PackResult

beforeAll(async () => {
  ws = await freshWorkspace('alloc')
  expect((await importFile(ws, DEMO)).status).toBe('imported')
  out = tempDir('focal-alloc-')
  result = await writePack(ws, {
    kind: 'chargeback',
    period: '2024-09',
    metric: 'BilledCost',
    source: splitSource,
    outDir: out,
    company: 'Acme Corp',
    formats: ['pdf', 'focus-csv'],
  })
}, 180_000)
afterAll(() => ws.close())

describe('writePack with allocation facts', () => {
  const rows = csvRecords(DEMO).filter((r) => r.BillingPeriodStart?.startsWith('2024-09'))
  const poolTotal = sumDecimals(
    rows.filter((r) => r.ServiceName === POOL_SERVICE).map((r) => r.BilledCost ?? '0'),
  )

  it('still reconciles to the invoice total, and states the rule set version', () => {
    expect(result.model.reconciliation[0]).toMatchObject({
      sum: oracle(DEMO, '2024-09', 'SubAccountName').total,
      ok: true,
    })
    expect(result.model.ruleSet).toBe('Rule set "Demo rules", version 3')
    const summary = pdfText(join(out, 'chargeback-2024-09-summary.pdf'))
    expect(summary).toContain('Rule set "Demo rules", version 3')
    expect(summary).toContain('Shared cost pools')
    const rows = pdfLines(join(out, 'chargeback-2024-09-summary.pdf'))
    expect(rows).toContain(flat(`Shared load balancers even 2 ${formatAmount(poolTotal, 'USD')}`))
  })

  it("shows each cost center's share of the pool, the pool total and how it was computed", () => {
    const atlas = result.model.targets.find((t) => t.target === 'Atlas Orion')
    expect(atlas?.pools).toHaveLength(1)
    expect(atlas?.pools[0]?.poolTotal).toBe(poolTotal)
    const text = pdfText(join(out, 'cost-centers/chargeback-2024-09-Atlas-Orion.pdf'))
    expect(text).toContain('Share of shared cost pools')
    const share = pdfLines(join(out, 'cost-centers/chargeback-2024-09-Atlas-Orion.pdf'))
    // Half of the pool, exact to 1e-18, is what Atlas Orion carries (the odd digit goes to Orion Zenith).
    const half = fromScaled(toScaled(poolTotal) / 2n)
    expect(share).toContain(
      flat(
        `Shared load balancers even ${formatAmount(half, 'USD')} ${formatAmount(poolTotal, 'USD')} 50.0%`,
      ),
    )
    expect(text).toContain('split evenly between Atlas Orion and Orion Zenith')
    firstPagePng(
      join(out, 'cost-centers/chargeback-2024-09-Atlas-Orion.pdf'),
      'chargeback-with-pools-cost-center',
    )
  })

  it('exports one FOCUS row per line with the pool, method, rule and rule version', () => {
    const [header = [], ...lines] = parseCsv(
      readFileSync(join(out, 'chargeback-2024-09-allocated.focus.csv'), 'utf8'),
    )
    const col = (name: string): number => header.indexOf(name)
    const pooled = lines.filter((l) => l[col('x_AllocationPool')] === 'shared-lb')
    expect(pooled).toHaveLength(2 * rows.filter((r) => r.ServiceName === POOL_SERVICE).length)
    expect(new Set(pooled.map((l) => l[col('x_AllocationRuleVersion')]))).toEqual(new Set(['3']))
    expect(new Set(pooled.map((l) => l[col('x_AllocationMethod')]))).toEqual(new Set(['even']))
    expect(sumDecimals(pooled.map((l) => l[col('x_AllocatedCost')] ?? '0'))).toBe(poolTotal)
    expect(sumDecimals(lines.map((l) => l[col('x_AllocatedCost')] ?? '0'))).toBe(
      oracle(DEMO, '2024-09', 'SubAccountName').total,
    )
  })
})
