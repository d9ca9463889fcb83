/**
 * Bench part `budgets`: on a copy of the kept workspace (June 2025), 200 budgets imported as
 * a finance team would (every tag:team, SubAccountId, ServiceName, RegionId and tag:app value × currency
 * in that order until 200, each at 110% of its month's BilledCost), then (a) the status of all
 * 200 as of the last day on a workspace just opened (cold), p50/p95 against issue 12's < 1 s,
 * and reloaded after a budget edit (warm, as the tab does); (b) the backtest: the
 * forecast made as of 15 June against the actual month end, as the absolute percentage error
 * per budget and their mean (MAPE) overall and per dimension.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { budgetReport } from '../../electron/core/budgets/budget-status'
import { importBudgets, setBudget } from '../../electron/core/budgets/budget-store'
import { BUDGET_TABLES } from '../../electron/core/budgets/budgets-sql'
import { dimensionValueSql } from '../../electron/core/report/lines-by-dimension'
import { Workspace } from '../../electron/core/workspace/workspace'
import { fromScaled, toScaled } from '../../shared/money'
import { parseDimension } from '../../shared/pivot'
import { round, summarize } from './stats'

const BUDGETS = 200
const REPEATS = 20
const COLD_REPEATS = 5
const STATUS_P95_TARGET_MS = 1000
const PERIOD = '2025-06'
const MID_MONTH = '2025-06-15'
const DIMENSIONS = ['tag:team', 'SubAccountId', 'ServiceName', 'RegionId', 'tag:app']

/** The month's BilledCost per value and currency of `dimension`, largest first. */
async function monthTotals(
  ws: Workspace,
  dimension: string,
): Promise<Array<{ value: string; currency: string; total: string }>> {
  const { sql, params } = dimensionValueSql(parseDimension(dimension), 1)
  const rows = await ws.all(
    `SELECT ${sql} AS v, BillingCurrency AS c, CAST(sum(BilledCost) AS VARCHAR) AS total FROM focus
     WHERE strftime(ChargePeriodStart, '%Y-%m') = '${PERIOD}' GROUP BY 1, 2
     HAVING v IS NOT NULL AND sum(BilledCost) > 0 ORDER BY sum(BilledCost) DESC`,
    params,
  )
  return rows.map((r) => ({ value: String(r.v), currency: String(r.c), total: String(r.total) }))
}

function csvValue(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v
}

/** Measures this part on the kept workspace (`focal`), with `work` as a scratch folder. */
export async function measureBudgets(
  focal: string,
  work: string,
  log: (message: string) => void,
): Promise<Record<string, unknown>> {
  const path = join(work, 'budgets.focal')
  copyFileSync(focal, path)
  let ws = await Workspace.open(path)
  try {
    for (const ddl of BUDGET_TABLES) await ws.run(ddl)
    const lines: string[] = ['period,dimension,value,currency,amount']
    const seen = new Set<string>()
    for (const dimension of DIMENSIONS) {
      for (const t of await monthTotals(ws, dimension)) {
        const key = `${dimension}|${t.value}|${t.currency}`
        if (lines.length > BUDGETS || seen.has(key)) continue
        seen.add(key)
        const amount = fromScaled((toScaled(t.total) * 11n) / 10n / 10n ** 16n, 2)
        lines.push([PERIOD, dimension, csvValue(t.value), t.currency, amount].join(','))
      }
    }
    const imported = await importBudgets(ws, lines.join('\n'), 'bench-budgets.csv')
    log(
      `budgets: ${imported.added} budgets imported; status cold ×${COLD_REPEATS}, after an edit ×${REPEATS}`,
    )

    // Cold: a workspace just opened, nothing cached; warm: the status reloaded after a budget
    // edit, as the Budgets tab does (the daily costs are cached under the data's stamp).
    const cold: number[] = []
    await ws.close()
    for (let i = 0; i < COLD_REPEATS; i += 1) {
      const fresh = await Workspace.open(path, { readOnly: true })
      try {
        const t = performance.now()
        await budgetReport(fresh, { period: PERIOD })
        cold.push(performance.now() - t)
      } finally {
        await fresh.close()
      }
    }
    ws = await Workspace.open(path)
    let final = await budgetReport(ws, { period: PERIOD })
    const warm: number[] = []
    const first = final.budgets[0]
    for (let i = 0; i < REPEATS && first; i += 1) {
      await setBudget(ws, { ...first, amount: String(1000 + i) })
      const t = performance.now()
      final = await budgetReport(ws, { period: PERIOD })
      warm.push(performance.now() - t)
    }
    const status = summarize(cold)
    const afterEdit = summarize(warm)

    log(`budgets: backtest as of ${MID_MONTH} against ${final.asOf}`)
    const mid = await budgetReport(ws, { period: PERIOD, asOf: MID_MONTH })
    const errors = mid.budgets.map((b, i) => {
      const actual = final.budgets[i]?.actual ?? '0'
      // A ratio for people, not money: the percentage error may be a float.
      const ape =
        toScaled(actual) === 0n
          ? null
          : Math.abs(Number(toScaled(b.forecast) - toScaled(actual)) / Number(toScaled(actual))) *
            100
      return {
        dimension: b.dimension,
        value: b.value,
        currency: b.currency,
        forecast: b.forecast,
        actual,
        ape,
      }
    })
    const mean = (xs: number[]): number | null =>
      xs.length === 0 ? null : round(xs.reduce((a, b) => a + b, 0) / xs.length, 3)
    const apes = errors.flatMap((e) => (e.ape === null ? [] : [e.ape]))
    const byDimension = Object.fromEntries(
      DIMENSIONS.map((d) => [
        d,
        mean(errors.filter((e) => e.dimension === d && e.ape !== null).map((e) => e.ape ?? 0)),
      ]),
    )
    const worst = [...errors].sort((a, b) => (b.ape ?? 0) - (a.ape ?? 0)).slice(0, 5)
    return {
      measured: true,
      budgets: final.budgets.length,
      asOf: final.asOf,
      alerts: final.alerts.length,
      metric: final.metric,
      status: {
        ...status,
        target: { p95BelowMs: STATUS_P95_TARGET_MS, met: status.p95 < STATUS_P95_TARGET_MS },
      },
      statusAfterEdit: afterEdit,
      backtest: {
        forecastAsOf: MID_MONTH,
        method: mid.method,
        mapePercent: mean(apes),
        mapePercentByDimension: byDimension,
        worst: worst.map((e) => ({ ...e, ape: e.ape === null ? null : round(e.ape, 3) })),
        perBudget: errors.map((e) => ({ ...e, ape: e.ape === null ? null : round(e.ape, 3) })),
      },
    }
  } finally {
    await ws.close()
  }
}
