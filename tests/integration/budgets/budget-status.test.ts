/**
 * core/budgets/budget-status.ts on crafted cost rows imported for real: the actual per budget
 * (its team and currency only), each threshold crossed on its known day, the forecast, the
 * alerts, the metric and the "as of" day.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { budgetReport } from '../../../electron/core/budgets/budget-status'
import { importBudgets } from '../../../electron/core/budgets/budget-store'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { freshWorkspace } from '../../helpers/workspace'
import { budgetsCsv, daily, importCostDays } from './support'

let ws: Workspace | undefined
afterEach(() => ws?.close())

async function seeded(): Promise<Workspace> {
  const w = await freshWorkspace()
  // ml: 40 USD a day from 20 May to 22 June; web: 7.25 EUR a day; ml also spends 3 EUR a day.
  await importCostDays(w, 'costs.csv', [
    ...daily('2025-05-20', '2025-06-22', 'ml', 'USD', () => '40'),
    ...daily('2025-06-01', '2025-06-22', 'web', 'EUR', () => '7.25'),
    ...daily('2025-06-01', '2025-06-22', 'ml', 'EUR', () => '3'),
  ])
  const file = budgetsCsv(
    'budgets.csv',
    [
      'period,dimension,value,currency,amount,thresholds',
      '2025-06,tag:team,ml,USD,1000,50;80;100',
      '2025-06,tag:team,web,EUR,150,',
      '2025-06,tag:team,ml,EUR,1000,10',
      '2025-07,tag:team,ml,USD,5,',
      // Another dimension, read in the same scan: every crafted row is on acct-1.
      '2025-06,SubAccountId,acct-1,USD,2000,',
    ].join('\n'),
  )
  await importBudgets(w, readFileSync(file, 'utf8'), 'budgets.csv')
  return w
}

describe('budgetReport', () => {
  it('crosses each threshold on the first day the cumulative cost reaches it', async () => {
    ws = await seeded()
    const report = await budgetReport(ws, { period: '2025-06' })
    expect(report.asOf).toBe('2025-06-22')
    expect(report.metric).toBe('BilledCost')
    const ml = report.budgets.find((b) => b.value === 'ml' && b.currency === 'USD')
    // 22 days × 40 = 880 (May's rows are not June's); 500 reached on the 13th, 800 on the 20th.
    expect(ml).toMatchObject({
      actual: '880',
      percentUsed: '88',
      crossed: [
        { threshold: 50, day: '2025-06-13' },
        { threshold: 80, day: '2025-06-20' },
      ],
      // 40 a day on every kind of day: 880 + 8 × 40; 1000 on the 25th.
      forecast: '1200',
      forecastLow: '1200',
      forecastHigh: '1200',
      day100: '2025-06-25',
      day100Forecast: true,
    })
    // 22 × 7.25 = 159.5 over 150: 75 on the 11th (79.75), 120 on the 17th (123.25), 150 on the 21st (152.25).
    const web = report.budgets.find((b) => b.value === 'web')
    expect(web).toMatchObject({
      actual: '159.5',
      thresholds: [50, 80, 100],
      crossed: [
        { threshold: 50, day: '2025-06-11' },
        { threshold: 80, day: '2025-06-17' },
        { threshold: 100, day: '2025-06-21' },
      ],
      day100: '2025-06-21',
      day100Forecast: false,
    })
    const mlEur = report.budgets.find((b) => b.value === 'ml' && b.currency === 'EUR')
    expect(mlEur).toMatchObject({ actual: '66', crossed: [], forecast: '90' })
    const account = report.budgets.find((b) => b.dimension === 'SubAccountId')
    expect(account).toMatchObject({ actual: '880', percentUsed: '44', crossed: [] })
    expect(report.budgets.map((b) => b.period)).toEqual([
      '2025-06',
      '2025-06',
      '2025-06',
      '2025-06',
    ])
    expect(report.alerts.map((a) => `${a.day} ${a.value} ${a.currency} ${a.threshold}%`)).toEqual([
      '2025-06-21 web EUR 100%',
      '2025-06-20 ml USD 80%',
      '2025-06-17 web EUR 80%',
      '2025-06-13 ml USD 50%',
      '2025-06-11 web EUR 50%',
    ])
  })

  it('counts up to an "as of" day and sums the metric asked for', async () => {
    ws = await seeded()
    const report = await budgetReport(ws, {
      period: '2025-06',
      asOf: '2025-06-12',
      metric: 'EffectiveCost',
    })
    const ml = report.budgets.find((b) => b.value === 'ml' && b.currency === 'USD')
    // EffectiveCost is 20 a day: 12 × 20 = 240, forecast 240 + 18 × 20 = 600; no threshold yet.
    expect(ml).toMatchObject({ actual: '240', forecast: '600', crossed: [], day100: null })
    expect(report.method).toContain('EffectiveCost')
    expect(report.alerts).toEqual([])
  })

  it('reads new cost rows after an import, and a budget edit without them changing', async () => {
    ws = await seeded()
    const ml = async (): Promise<string | undefined> =>
      (await budgetReport(ws!, { period: '2025-06' })).budgets.find(
        (b) => b.value === 'ml' && b.currency === 'USD',
      )?.actual
    expect(await ml()).toBe('880')
    await importBudgets(
      ws,
      'period,dimension,value,currency,amount\n2025-06,tag:team,ml,USD,900\n',
      'edit.csv',
    )
    expect(await ml()).toBe('880')
    // A later file of the same (empty) billing account and period restates the earlier one
    // (supersede.ts): June's actual is now its one row of 100; the answer read before must not stand.
    await importCostDays(
      ws,
      'late.csv',
      daily('2025-06-22', '2025-06-22', 'ml', 'USD', () => '100'),
    )
    expect(await ml()).toBe('100')
  })
})
