/**
 * Realized savings of the cost-debt backlog's done items, measured from the data against each
 * item's baseline: the scope's average daily cost over the N days before its change date
 * (default 30) against the average daily cost from the change date on (up to N days, and only
 * days the workspace has data for), × 30 = realized monthly savings, per currency, in the cost
 * metric asked for (EffectiveCost unless said). The burn-down follows the expected savings of
 * the backlog down as items are delivered, beside what was realized.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { FocalFailure } from '../../../shared/contract'
import type {
  BacklogItem,
  BurnDownPoint,
  Realized,
  RealizedItem,
  RealizedRequest,
} from '../../../shared/contract/backlog'
import type { CostMetricName } from '../../../shared/contract/allocation'
import { addDays, daysBetween, earlierDay, laterDay } from '../../../shared/backlog/dates'
import { dailyAverage, realizedMonthly } from '../../../shared/backlog/savings-math'
import { normalizeDecimal, subtractDecimals, sumDecimals } from '../../../shared/money'
import { whereContext } from '../../../shared/sql/pivot-where-sql'
import type { Workspace } from '../workspace/workspace'
import { listItems } from './backlog-items'
import { scopeContext, scopeFilters, scopeWhere } from './backlog-scope'
import { DATA_DAYS_SQL, beforeAfterSql } from './backlog-sql'

/** Baseline days unless asked otherwise. */
export const DEFAULT_BASELINE_DAYS = 30

/** The method, stated beside every realized figure. */
export function realizedMethod(metric: CostMetricName, days: number): string {
  return (
    `Realized monthly savings = (average daily ${metric} of the item's scope over the ${days} ` +
    `days before its change date − average daily ${metric} from the change date on, up to ${days} ` +
    `days) × 30, per currency. Only days the workspace has data for count (first to last ` +
    `ChargePeriodStart day, UTC); a counted day without a row of the scope is a day of zero cost.`
  )
}

/** Measures every done item and draws the burn-down. */
export async function realizedSavings(
  ws: Workspace,
  request: RealizedRequest = {},
): Promise<Realized> {
  const metric = request.metric ?? 'EffectiveCost'
  const days = request.days ?? DEFAULT_BASELINE_DAYS
  const items = await listItems(ws)
  const connection = await ws.reader()
  try {
    const [range] = await ws.all(DATA_DAYS_SQL, [], connection)
    const data =
      range?.first_day == null || range.end_day == null
        ? null
        : { first: String(range.first_day), end: String(range.end_day) }
    const measured: RealizedItem[] = []
    for (const item of items.filter((i) => i.status === 'done'))
      measured.push(await measure(ws, connection, item, data, metric, days))
    return {
      metric,
      days,
      method: realizedMethod(metric, days),
      items: measured,
      burnDown: burnDown(items, measured),
    }
  } finally {
    connection.closeSync()
  }
}

async function measure(
  ws: Workspace,
  connection: DuckDBConnection,
  item: BacklogItem,
  data: { first: string; end: string } | null,
  metric: CostMetricName,
  days: number,
): Promise<RealizedItem> {
  const base = {
    id: item.id,
    title: item.title,
    currency: item.currency,
    expectedMonthlySavings: item.expectedMonthlySavings,
    changeDate: item.changeDate,
  }
  const none = (note: string): RealizedItem => ({
    ...base,
    before: null,
    after: null,
    figures: [],
    note,
  })
  const change = item.changeDate
  if (!change) return none('No change date: set the day the change was made to measure it.')
  if (!data) return none('The workspace has no cost rows yet.')
  const before = { start: laterDay(data.first, addDays(change, -days)), end: change }
  const after = { start: change, end: earlierDay(data.end, addDays(change, days)) }
  const beforeDays = daysBetween(before.start, before.end)
  const afterDays = daysBetween(after.start, after.end)
  if (beforeDays === 0)
    return none(`No data before the change date ${change}: the baseline needs days before it.`)
  if (afterDays === 0)
    return none(`No data from the change date ${change} on yet: import later data to measure it.`)
  // A saved view deleted after the item was saved leaves this item unmeasured, not the others.
  const scope = await scopeFilters(ws, item.scope).catch((cause: unknown) => {
    if (cause instanceof FocalFailure && cause.error.code === 'NOT_FOUND') return null
    throw cause
  })
  if (!scope)
    return none(
      `The saved view ${item.scope.kind === 'view' ? item.scope.view : ''} of its scope no longer exists: edit the item's scope.`,
    )
  const known = await scopeContext(ws, connection)
  const own = whereContext(known.columns, { tags: known.tags })
  own.bind(before.start)
  own.bind(change)
  own.bind(after.end)
  const where = scopeWhere(own, scope)
  const rows = await ws.all(beforeAfterSql(metric, where), own.params, connection)
  const figures = rows.map((r) => {
    const beforeCost = normalizeDecimal(String(r.before_cost))
    const afterCost = normalizeDecimal(String(r.after_cost))
    const evidence = { filters: [...scope.filters], conditions: [...scope.conditions] }
    return {
      currency: String(r.currency),
      beforeCost,
      afterCost,
      beforeDaily: dailyAverage(beforeCost, beforeDays),
      afterDaily: dailyAverage(afterCost, afterDays),
      realizedMonthly: realizedMonthly(beforeCost, beforeDays, afterCost, afterDays),
      beforeRows: { ...evidence, dateRange: before },
      afterRows: { ...evidence, dateRange: after },
    }
  })
  return {
    ...base,
    before: { ...before, days: beforeDays },
    after: { ...after, days: afterDays },
    figures,
    note: figures.length === 0 ? 'The scope has no rows in either window.' : null,
  }
}

/**
 * The burn-down per currency: before the first change, every open or done item's expected
 * monthly savings remain; at each change date of a done item its expected savings move to
 * delivered, beside the savings realized for it. Rejected items leave the backlog.
 */
export function burnDown(
  items: readonly BacklogItem[],
  measured: readonly RealizedItem[],
): BurnDownPoint[] {
  const kept = items.filter((i) => i.status !== 'rejected')
  const done = kept.filter((i) => i.status === 'done' && i.changeDate)
  const changes = [...new Set(done.map((i) => i.changeDate as string))].sort()
  const firstCreated = kept.map((i) => i.createdAt.slice(0, 10)).sort()[0]
  const start = changes[0] ? addDays(changes[0], -1) : firstCreated
  if (!start) return []
  const realizedBy = new Map(measured.map((m) => [m.id, m.figures]))
  const currencies = [...new Set(kept.map((i) => i.currency))].sort()
  return [start, ...changes].flatMap((date) =>
    currencies.map((currency) => {
      const delivered = done.filter((i) => (i.changeDate as string) <= date)
      const expected = (list: readonly BacklogItem[]): string =>
        sumDecimals(
          list.filter((i) => i.currency === currency).map((i) => i.expectedMonthlySavings),
        )
      const total = expected(kept)
      const deliveredExpected = expected(delivered)
      const realized = sumDecimals(
        delivered.flatMap((i) =>
          (realizedBy.get(i.id) ?? [])
            .filter((f) => f.currency === currency)
            .map((f) => f.realizedMonthly),
        ),
      )
      return {
        date,
        currency,
        remainingExpected: subtractDecimals(total, deliveredExpected),
        deliveredExpected,
        realized,
      }
    }),
  )
}
