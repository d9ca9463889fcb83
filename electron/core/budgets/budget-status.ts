/**
 * The status of a month's budgets as of a day: per budget the actual to date (the sum of
 * the metric over the cost rows of its dimension value and currency charged in the month,
 * by ChargePeriodStart, UTC), the thresholds crossed with their days and the forecast
 * (shared/budgets/forecast.ts); and the alerts, one per threshold crossed. One scan per
 * dimension reads the daily costs of all its budgets.
 */
import type {
  BudgetAlert,
  BudgetReport,
  BudgetStatus,
  StoredBudget,
} from '../../../shared/contract/budgets'
import { addDays, monthEnd, monthStart } from '../../../shared/budgets/days'
import {
  budgetForecast,
  forecastMethod,
  FORECAST_WINDOW_DAYS,
} from '../../../shared/budgets/forecast'
import { fail } from '../../../shared/contract'
import { parseDimension } from '../../../shared/pivot'
import type { CostMetric } from '../allocate/lines'
import { maskValue } from '../presentation/mask-values'
import { checkDimension, dimensionValueSql } from '../report/lines-by-dimension'
import type { TagResolver } from '../../../shared/tags/resolve'
import { loadTagResolver } from '../tags/tag-policy'
import { ROLLUP_STAMP_SQL } from '../query/rollup-sql'
import type { Row, Workspace } from '../workspace/workspace'
import { listBudgets } from './budget-store'
import { DATA_DAYS_SQL, dailyCostSql } from './budgets-sql'

/** What a status needs: the month, the "as of" day (default: the last day with data) and the metric. */
export interface BudgetStatusOptions {
  readonly period: string
  readonly asOf?: string | null
  readonly metric?: CostMetric
}

const METRICS: readonly CostMetric[] = ['BilledCost', 'EffectiveCost']

function key(value: string, currency: string): string {
  return `${value}\u0000${currency}`
}

/** The first and last day the workspace has cost rows, or nulls when it has none. */
export async function dataDays(
  ws: Workspace,
): Promise<{ first: string | null; last: string | null }> {
  const [row] = await ws.all(DATA_DAYS_SQL)
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null)
  return { first: text(row?.first_day), last: text(row?.last_day) }
}

// The last daily-cost answer per workspace, under the stamp of the data it was read from
// (query/rollup-sql.ts): saving, editing or deleting a budget reloads the status without
// scanning the cost rows again, and any change to the rows changes the stamp.
const lastAnswer = new WeakMap<Workspace, { key: string; rows: Row[] }>()

async function cachedRows(ws: Workspace, sql: string, params: string[]): Promise<Row[]> {
  const [stamp] = await ws.all(`${ROLLUP_STAMP_SQL} AS stamp`)
  const key = JSON.stringify([String(stamp?.stamp), sql, params])
  const cached = lastAnswer.get(ws)
  if (cached?.key === key) return cached.rows
  const rows = await ws.all(sql, params)
  lastAnswer.set(ws, { key, rows })
  return rows
}

/** Daily costs per dimension, then value and currency, of the budgets from `from` to `to`, in one scan. */
async function dailyCosts(
  ws: Workspace,
  budgets: readonly StoredBudget[],
  range: { from: string; to: string },
  metric: CostMetric,
): Promise<Map<string, Map<string, Map<string, string>>>> {
  const dimensions = [...new Set(budgets.map((b) => b.dimension))]
  const params: string[] = [range.from, range.to]
  const values: string[] = []
  const lists: string[] = []
  let tags: TagResolver | undefined
  for (const dimension of dimensions) {
    const by = parseDimension(dimension)
    await checkDimension(ws, by)
    if (by.kind === 'tag') tags ??= await loadTagResolver(ws)
    params.push(
      JSON.stringify([
        ...new Set(budgets.filter((b) => b.dimension === dimension).map((b) => b.value)),
      ]),
    )
    lists.push(`$${params.length}`)
    const value = dimensionValueSql(by, params.length + 1, tags)
    values.push(value.sql)
    params.push(...value.params)
  }
  const rows = await cachedRows(ws, dailyCostSql(values, lists, `"${metric}"`), params)
  const series = new Map<string, Map<string, Map<string, string>>>()
  for (const r of rows) {
    const dimension = dimensions[Number(r.dim)] ?? ''
    const own = series.get(dimension) ?? new Map<string, Map<string, string>>()
    const k = key(String(r.value), String(r.currency))
    const days = own.get(k) ?? new Map<string, string>()
    days.set(String(r.day), String(r.cost))
    own.set(k, days)
    series.set(dimension, own)
  }
  return series
}

/** The status of every budget of `options.period`, with the alerts, as of a day. */
export async function budgetReport(
  ws: Workspace,
  options: BudgetStatusOptions,
): Promise<BudgetReport> {
  const metric = options.metric ?? 'BilledCost'
  if (!METRICS.includes(metric)) fail('BAD_REQUEST', `Unknown cost metric ${String(metric)}.`)
  const { period } = options
  const budgets = await listBudgets(ws, period)
  const days = await dataDays(ws)
  const last = monthEnd(period)
  const asOf = options.asOf ?? (days.last === null ? null : days.last < last ? days.last : last)
  const statuses: BudgetStatus[] = []
  const series = new Map<string, Map<string, Map<string, string>>>()
  if (asOf !== null && budgets.length > 0) {
    const windowStart = addDays(asOf, 1 - FORECAST_WINDOW_DAYS)
    const first = monthStart(period)
    const range = { from: windowStart < first ? windowStart : first, to: asOf < last ? asOf : last }
    for (const [dimension, own] of await dailyCosts(ws, budgets, range, metric))
      series.set(dimension, own)
  }
  for (const b of budgets) {
    const daily = series.get(b.dimension)?.get(key(b.value, b.currency)) ?? new Map()
    const figures = budgetForecast({
      period,
      amount: b.amount,
      thresholds: b.thresholds,
      asOf,
      dataStart: days.first,
      daily,
    })
    // Presentation mode: figures are read by the real value, shown under its alias.
    statuses.push({ ...b, ...figures, value: maskValue(ws, b.dimension, b.value) })
  }
  return {
    period,
    asOf,
    metric,
    method: forecastMethod(metric),
    budgets: statuses,
    alerts: budgetAlerts(statuses),
  }
}

/** One alert per threshold a budget crossed, the latest day first. */
export function budgetAlerts(statuses: readonly BudgetStatus[]): BudgetAlert[] {
  const alerts: BudgetAlert[] = statuses.flatMap((s) =>
    s.crossed.map((c) => ({
      period: s.period,
      dimension: s.dimension,
      value: s.value,
      currency: s.currency,
      threshold: c.threshold,
      day: c.day,
      amount: s.amount,
      actual: s.actual,
    })),
  )
  return alerts.sort(
    (a, b) =>
      b.day.localeCompare(a.day) ||
      b.threshold - a.threshold ||
      a.dimension.localeCompare(b.dimension) ||
      a.value.localeCompare(b.value) ||
      a.currency.localeCompare(b.currency),
  )
}
