/**
 * Stated policies for taxes, credits, refunds, adjustments and commitments,
 * on real synthetic FOCUS 1.3 files with purchases, unused commitment, taxes
 * and credits (focus-data-toolkit golden), plus hand-made rows where the
 * files have no example (refunds, a commitment nobody used).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { allocateLines, dropLines } from '../../../electron/core/allocate/allocate'
import type { CostMetric } from '../../../electron/core/allocate/lines'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { SEPARATE_TARGET } from '../../../shared/allocate/names'
import { csvSums } from '../../helpers/csv-sums'
import { sample } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { expectRowsAddUp, insertRows, teamRules, totalsByTarget } from './fixtures'

const AWS = sample('focus-data-toolkit-golden/aws_1_3_cost_and_usage_rows100_seed42.csv')
const CREDITS = sample('focus-data-toolkit-golden/aws_1_3_cost_and_usage_rows25_seed7_credits.csv')
const byCostCenter = [{ id: 'cc', then: { field: 'tag:CostCenter' } }]

let ws: Workspace
afterEach(() => ws?.close())

async function run(file: string, metric: CostMetric, policies: object) {
  ws = await freshWorkspace('policies')
  expect((await importFile(ws, file)).status).toBe('imported')
  const result = await allocateLines(ws, {
    period: '2026-05',
    metric,
    ruleSet: teamRules(byCostCenter, [], { policies }),
  })
  const totals = await totalsByTarget(ws, result.table)
  await expectRowsAddUp(ws, result.table, metric, '2026-05')
  return { result, totals }
}

describe('tax, credit and commitment policies on golden FOCUS 1.3 files', () => {
  it('taxes separate: one "(Taxes)" line with exactly the file’s Tax total', async () => {
    const { result, totals } = await run(AWS, 'BilledCost', { taxes: 'separate' })
    expect(totals[SEPARATE_TARGET.taxes]).toBe(
      csvSums(AWS, 'BilledCost', 'ChargeCategory').Tax?.sum,
    )
    expect(result.policies.taxes).toBe('separate')
    const rule = await ws.all(
      `SELECT DISTINCT rule, pool FROM "${result.table}" WHERE target = $1`,
      [SEPARATE_TARGET.taxes],
    )
    expect(rule).toEqual([{ rule: 'policy:taxes', pool: null }])
    await dropLines(ws, result.table)
  })

  it('taxes proportional: spread over the cost centers by direct cost, nothing left as a tax line', async () => {
    const { result, totals } = await run(AWS, 'BilledCost', { taxes: 'proportional' })
    expect(totals[SEPARATE_TARGET.taxes]).toBeUndefined()
    const pool = result.pools.find((p) => p.pool === 'policy:taxes')
    expect(pool).toMatchObject({
      method: 'proportional',
      basis: 'direct cost',
      amount: '37.271788',
      rows: 2,
      targets: 3,
    })
    expect(result.reconciliation[0]?.equal).toBe(true)
    await dropLines(ws, result.table)
  })

  it('unused commitment (amortized) goes to the cost centers that used the same commitment', async () => {
    const { result } = await run(AWS, 'EffectiveCost', { commitments: 'withUsage' })
    const groups = result.pools.filter((p) => p.pool === 'policy:commitments')
    expect(groups.length).toBeGreaterThan(1)
    expect(groups.every((g) => g.group !== null && g.unsplit === null)).toBe(true)
    // Every pool line's target used that line's commitment (CommitmentDiscountId of the source row).
    const strays = await ws.all(
      `SELECT l.target, f.CommitmentDiscountId AS cd
       FROM "${result.table}" l JOIN focus f USING (x_ImportId, x_SourceRow)
       WHERE l.pool = 'policy:commitments' AND l.amount <> 0
         AND l.target NOT IN (SELECT json_extract_string(Tags, '$.CostCenter') FROM focus u
                              WHERE u.CommitmentDiscountStatus = 'Used' AND u.CommitmentDiscountId = f.CommitmentDiscountId)`,
    )
    expect(strays).toEqual([])
    const unused = await ws.all(
      `SELECT sum(EffectiveCost)::VARCHAR AS t FROM focus WHERE CommitmentDiscountStatus = 'Unused'`,
    )
    const pooled = await ws.all(
      `SELECT sum(amount)::VARCHAR AS t FROM "${result.table}" WHERE pool = 'policy:commitments'`,
    )
    expect(pooled[0]?.t).toBe(unused[0]?.t)
    await dropLines(ws, result.table)
  })

  it('commitment purchases (billed) follow their usage too, or stand as a separate line', async () => {
    const withUsage = await run(AWS, 'BilledCost', { commitments: 'withUsage' })
    const purchases = withUsage.result.pools.filter((p) => p.pool === 'policy:commitments')
    expect(purchases.reduce((n, p) => n + p.rows, 0)).toBe(14 + 14) // 14 purchases, 14 unused rows (0 billed)
    await dropLines(ws, withUsage.result.table)
    ws.close()
    const separate = await run(AWS, 'BilledCost', { commitments: 'separate' })
    expect(separate.totals[SEPARATE_TARGET.commitments]).toBe('2.305152')
    await dropLines(ws, separate.result.table)
  })

  it('credits separate or proportional on the credits file', async () => {
    const credit = csvSums(CREDITS, 'BilledCost', 'ChargeCategory').Credit?.sum
    expect(credit).toBe('-60.62564')
    const separate = await run(CREDITS, 'BilledCost', { credits: 'separate' })
    expect(separate.totals[SEPARATE_TARGET.credits]).toBe(credit)
    await dropLines(ws, separate.result.table)
    ws.close()
    const spread = await run(CREDITS, 'BilledCost', { credits: 'proportional' })
    expect(spread.totals[SEPARATE_TARGET.credits]).toBeUndefined()
    expect(spread.result.residues.find((r) => r.pool === 'policy:credits')?.whole).toBe(credit)
    await dropLines(ws, spread.result.table)
  })
})

describe('policies on hand-made rows', () => {
  it('refunds (ChargeClass Correction) and adjustments: follow the rules, or separate lines', async () => {
    ws = await freshWorkspace('refunds')
    await insertRows(ws, [
      { BilledCost: '100', Tags: '{"team":"web"}' },
      { BilledCost: '-30', ChargeClass: 'Correction', Tags: '{"team":"web"}' },
      { BilledCost: '5', ChargeCategory: 'Adjustment', Tags: '{"team":"web"}' },
    ])
    const rules = [{ id: 't', then: { field: 'tag:team' } }]
    const follow = await allocateLines(ws, {
      period: '2025-09',
      metric: 'BilledCost',
      ruleSet: teamRules(rules),
    })
    expect(await totalsByTarget(ws, follow.table)).toEqual({ web: '75' })
    await dropLines(ws, follow.table)
    const policies = { refunds: 'separate', adjustments: 'separate' }
    const apart = await allocateLines(ws, {
      period: '2025-09',
      metric: 'BilledCost',
      ruleSet: teamRules(rules, [], { policies }),
    })
    expect(await totalsByTarget(ws, apart.table)).toEqual({
      web: '100',
      [SEPARATE_TARGET.refunds]: '-30',
      [SEPARATE_TARGET.adjustments]: '5',
    })
    await dropLines(ws, apart.table)
  })

  it('unused commitment: same commitment first, then all commitments of the currency', async () => {
    ws = await freshWorkspace('commitments')
    const used = (team: string, cd: string, eff: string) => ({
      BilledCost: '0',
      EffectiveCost: eff,
      CommitmentDiscountId: cd,
      CommitmentDiscountStatus: 'Used',
      Tags: `{"team":"${team}"}`,
    })
    const unused = (cd: string, eff: string) => ({
      BilledCost: '0',
      EffectiveCost: eff,
      CommitmentDiscountId: cd,
      CommitmentDiscountStatus: 'Unused',
    })
    await insertRows(ws, [
      used('web', 'ri-1', '3'),
      used('api', 'ri-1', '1'),
      used('api', 'ri-2', '4'),
      unused('ri-1', '4'),
      unused('ri-9', '1.00'),
    ])
    const ruleSet = teamRules([{ id: 't', then: { field: 'tag:team' } }], [], {
      policies: { commitments: 'withUsage' },
    })
    const result = await allocateLines(ws, { period: '2025-09', metric: 'EffectiveCost', ruleSet })
    // ri-1's 4.00 unused: web 3, api 1. ri-9 (unused by anyone): by all usage web 3 / api 5 → 0.37 + 0.01, 0.62.
    expect(await totalsByTarget(ws, result.table, "pool = 'policy:commitments'")).toEqual({
      web: '3.38',
      api: '1.62',
    })
    expect(result.pools.map((p) => [p.group, p.basis])).toEqual([
      ['ri-1', 'usage of the same commitment'],
      ['ri-9', 'usage of all commitments in the currency'],
    ])
    await dropLines(ws, result.table)
  })
})
