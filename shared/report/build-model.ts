/**
 * Builds the ReportModel from facts: targets in a stable order, amounts
 * rounded to cents that still add up to the period total, previous period,
 * budgets, trends, breakdowns, pool shares and the reconciliation line.
 */
import { decimalsEqual, subtractDecimals, sumDecimals, toScaled } from '../money'
import type { PoolLineFact, ReportFacts, TargetCurrencyFact, TimedFact } from './facts'
import { ruleSetText } from './format'
import { shiftPeriod } from './periods'
import { chargedAmounts, chargedKey, currencyDecimals, roundDecimal } from './rounding'
import { buildTrend, trendLabels } from './trend'
import {
  UNALLOCATED_TARGET,
  type CurrencyTotal,
  type PoolShare,
  type ReconciliationLine,
  type ReportModel,
  type TargetAmount,
  type TargetReport,
} from './types'

/** Groups items by a key, keeping their order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = groups.get(k)
    if (list) list.push(item)
    else groups.set(k, [item])
  }
  return groups
}

const pair = (a: string, b: string): string => `${a}\u0000${b}`

/** Turns report facts into the model every writer lays out. */
export function buildReportModel(facts: ReportFacts): ReportModel {
  const previousPeriod = shiftPeriod(facts.period, -1)
  const budgets = new Map(facts.budgets.map((b) => [pair(b.target, b.currency), b.amount]))
  const currencies = [
    ...new Set([
      ...facts.current.map((f) => f.currency),
      ...facts.periodTotals.map((f) => f.currency),
      ...facts.budgets.map((b) => b.currency),
    ]),
  ].sort()
  const current = new Map(facts.current.map((f) => [pair(f.target, f.currency), f]))
  const previousFacts = facts.history.filter((h) => h.at === previousPeriod)
  const previous = groupBy(previousFacts, (h) => pair(h.target, h.currency))
  const hasPrevious = previousFacts.length > 0

  const names = orderTargets(
    facts.current,
    facts.budgets.map((b) => b.target),
  )
  const exactOf = (target: string, currency: string): string =>
    current.get(pair(target, currency))?.amount ?? '0'

  // Cents per target and currency: the same rounding the Allocate preview shows.
  const charged = chargedAmounts(
    facts.current.map((f) => ({ target: f.target, currency: f.currency, exact: f.amount })),
  )

  const { grain, labels } = trendLabels(facts.period, facts.history, facts.daily)
  const currentPoints: TimedFact[] = facts.current.map((f) => ({ ...f, at: facts.period }))
  const trendPoints = grain === 'month' ? [...facts.history, ...currentPoints] : facts.daily
  const pointsByTarget = groupBy(trendPoints, (p) => p.target)
  const services = groupBy(facts.services, (s) => s.target)
  const resources = groupBy(facts.resources, (s) => s.target)
  const pools = groupBy(facts.pools, (p) => p.target)
  const poolTotals = new Map(
    [...groupBy(facts.pools, (p) => pair(p.pool, p.currency))].map(([k, list]) => [
      k,
      sumDecimals(list.map((p) => p.amount)),
    ]),
  )

  const targets: TargetReport[] = names.map((target) => {
    const amounts: TargetAmount[] = currencies
      .filter(
        (c) =>
          current.has(pair(target, c)) ||
          budgets.has(pair(target, c)) ||
          target === UNALLOCATED_TARGET,
      )
      .map((currency) => {
        const exact = exactOf(target, currency)
        const cents = charged.get(chargedKey(currency, target)) ?? '0'
        const before = previous.get(pair(target, currency))
        return {
          currency,
          exact,
          charged: cents,
          roundingAdjustment: subtractDecimals(
            cents,
            roundDecimal(exact, currencyDecimals(currency)),
          ),
          previous: before ? sumDecimals(before.map((b) => b.amount)) : hasPrevious ? '0' : null,
          budget: budgets.get(pair(target, currency)) ?? null,
          lines: current.get(pair(target, currency))?.lines ?? 0,
        }
      })
    return {
      target,
      unallocated: target === UNALLOCATED_TARGET,
      amounts,
      trend: buildTrend(grain, labels, pointsByTarget.get(target) ?? []),
      services: services.get(target) ?? [],
      resources: resources.get(target) ?? [],
      pools: (pools.get(target) ?? []).map((p) => poolShare(p, facts, poolTotals)),
    }
  })

  const totals: CurrencyTotal[] = currencies.map((currency) => {
    const all = targets.flatMap((t) => t.amounts.filter((a) => a.currency === currency))
    const budgetList = facts.budgets.filter((b) => b.currency === currency)
    return {
      currency,
      exact: sumDecimals(all.map((a) => a.exact)),
      charged: sumDecimals(all.map((a) => a.charged)),
      previous: hasPrevious
        ? sumDecimals(previousFacts.filter((p) => p.currency === currency).map((p) => p.amount))
        : null,
      budget: budgetList.length > 0 ? sumDecimals(budgetList.map((b) => b.amount)) : null,
      lines: all.reduce((n, a) => n + a.lines, 0),
    }
  })

  return {
    kind: facts.kind,
    period: facts.period,
    previousPeriod,
    metric: facts.metric,
    groupedBy: facts.groupedBy,
    ruleSet: ruleSetText(facts.allocation, facts.groupedBy),
    company: facts.company,
    workspace: facts.workspace,
    generatedAt: facts.generatedAt,
    topN: facts.topN,
    currencies,
    totals,
    targets,
    trend: buildTrend(grain, labels, trendPoints),
    reconciliation: currencies.map((c) => reconcile(c, targets, facts)),
    imports: facts.imports,
    allocation: facts.allocation,
    detailLines: facts.current.reduce((n, f) => n + f.lines, 0),
  }
}

/** Largest first by the primary currency's exact amount, then by name; Unallocated always last. */
function orderTargets(current: readonly TargetCurrencyFact[], extra: readonly string[]): string[] {
  const size = new Map<string, bigint>()
  const primary = [...groupBy(current, (f) => f.currency)]
    .map(([currency, list]) => ({
      currency,
      total: list.reduce((s, f) => s + abs(toScaled(f.amount)), 0n),
    }))
    .sort((a, b) =>
      a.total === b.total ? a.currency.localeCompare(b.currency) : a.total > b.total ? -1 : 1,
    )[0]
  for (const f of current)
    if (f.currency === primary?.currency) size.set(f.target, toScaled(f.amount))
  const names = [...new Set([...current.map((f) => f.target), ...extra])].filter(
    (t) => t !== UNALLOCATED_TARGET,
  )
  names.sort((a, b) => {
    const x = size.get(a) ?? 0n
    const y = size.get(b) ?? 0n
    return x === y ? a.localeCompare(b) : x > y ? -1 : 1
  })
  // Unallocated is always shown, even at zero: its absence must be visible, not assumed.
  return [...names, UNALLOCATED_TARGET]
}

function abs(v: bigint): bigint {
  return v < 0n ? -v : v
}

function poolShare(p: PoolLineFact, facts: ReportFacts, totals: Map<string, string>): PoolShare {
  const fact = facts.allocation?.pools.find((f) => f.id === p.pool)
  return {
    pool: p.pool,
    poolName: fact?.name ?? p.pool,
    method: fact?.method ?? p.method ?? 'unknown',
    description: fact?.description ?? `Split ${p.method ?? ''}`.trim(),
    currency: p.currency,
    amount: p.amount,
    poolTotal: totals.get(pair(p.pool, p.currency)) ?? p.amount,
  }
}

function reconcile(
  currency: string,
  targets: readonly TargetReport[],
  facts: ReportFacts,
): ReconciliationLine {
  const amounts = (unallocated: boolean): string[] =>
    targets
      .filter((t) => t.unallocated === unallocated)
      .flatMap((t) => t.amounts.filter((a) => a.currency === currency).map((a) => a.exact))
  const assigned = sumDecimals(amounts(false))
  const unallocated = sumDecimals(amounts(true))
  const sum = sumDecimals([assigned, unallocated])
  const periodTotal = facts.periodTotals.find((p) => p.currency === currency)?.amount ?? '0'
  const difference = subtractDecimals(sum, periodTotal)
  return {
    currency,
    targets: assigned,
    unallocated,
    sum,
    periodTotal,
    difference,
    ok: decimalsEqual(difference, '0'),
  }
}
