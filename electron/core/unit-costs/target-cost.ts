/**
 * The cost side of a cost per unit when the slice is an allocation target (issue 13, Unit
 * economics: "a filter or an allocation target"): what a target of the latest saved rules
 * receives — its direct rows plus its shares of the pools — read from the allocated lines
 * the chargeback pack is built from (core/allocate), never split again here. The allocation
 * is per billing period, so every billing period the range touches is allocated on its own
 * and its lines are bucketed on ChargePeriodStart; without a date range the target's lines
 * sum to the allocation summary's total for the target exactly.
 */
import { fail } from '../../../shared/contract'
import type { UnitCostRequest, UnitCostTargets } from '../../../shared/contract/unit-costs'
import { normalizeDecimal, sumDecimals } from '../../../shared/money'
import { allocateLines, dropLines, listPeriods } from '../allocate/allocate'
import { latestRuleVersion } from '../allocate/store'
import { maskAllocation } from '../presentation/mask-allocation'
import type { Workspace } from '../workspace/workspace'
import { targetLinesSql, type TargetLineRow } from './target-cost-sql'

/** One bucket and currency of the target's cost, with its direct part. */
export interface TargetCostRow {
  readonly period: string
  readonly currency: string
  readonly cost: string
  readonly n: number
  readonly directCost: string
  readonly directRows: number
  /** The direct rows' identities, per import: what the Rows drawer can list. */
  readonly directKeys: ReadonlyMap<number, readonly number[]>
}

/** How the target's cost was allocated: rules, dimension and, per billing period, the summary total. */
export interface TargetAllocation {
  readonly target: string
  readonly dimension: string
  readonly ruleVersion: number
  readonly totals: Array<{
    period: string
    currency: string
    direct: string
    shared: string
    total: string
  }>
}

function nextMonth(period: string): string {
  const [y = 0, m = 0] = period.split('-').map(Number)
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}

/** The billing periods with rows that overlap `range` ([start, end) dates), oldest first. */
async function periodsOf(ws: Workspace, range: UnitCostRequest['dateRange']): Promise<string[]> {
  return (await listPeriods(ws))
    .map((p) => p.period)
    .filter(
      (p) =>
        (!range?.end || `${p}-01` < range.end) && (!range?.start || nextMonth(p) > range.start),
    )
}

/** The target's cost per bucket and currency, and the allocation it comes from. */
export async function targetCost(
  ws: Workspace,
  request: UnitCostRequest & { target: string },
): Promise<{ rows: TargetCostRow[]; allocation: TargetAllocation }> {
  if (request.filters.length > 0 || (request.conditions?.length ?? 0) > 0)
    fail(
      'BAD_REQUEST',
      'A cost per unit is read for filters or for an allocation target, not both.',
      {
        hint: 'Leave out the filters to read the target, or leave out the target to read the filters.',
      },
    )
  const latest = await latestRuleVersion(ws)
  if (!latest)
    fail('NOT_FOUND', 'This workspace has no saved allocation rules, so no target has cost yet.', {
      hint: 'Save rules first: focal allocate -w <workspace> --rules rules.json --save (or Allocate → Save in the app).',
    })
  const periods = await periodsOf(ws, request.dateRange)
  if (periods.length === 0)
    fail('NO_ROWS', 'No billing period with cost rows falls in the chosen dates.', {
      hint: 'Import a billing file for those dates, or widen the dates.',
    })
  const merged = new Map<string, { parts: TargetLineRow[] }>()
  const totals: TargetAllocation['totals'] = []
  const known = new Set<string>()
  let dimension = ''
  for (const period of periods) {
    // Presentation mode: rules match real values; a target named by a masked field is its alias.
    const result = await maskAllocation(
      ws,
      await allocateLines(ws, { period, metric: request.costMetric, ruleSet: latest.ruleSet }),
      latest.ruleSet,
    )
    try {
      dimension = result.dimension.label
      for (const s of result.summary) {
        known.add(s.target)
        if (s.target === request.target)
          totals.push({
            period,
            currency: s.currency,
            direct: s.direct,
            shared: s.shared,
            total: s.total,
          })
      }
      const { sql, params } = targetLinesSql(result.table, request)
      for (const raw of await ws.all(sql, params)) {
        const row = raw as unknown as TargetLineRow
        const key = `${String(row.period)}|${String(row.currency)}`
        const entry = merged.get(key) ?? { parts: [] }
        entry.parts.push(row)
        merged.set(key, entry)
      }
    } finally {
      await dropLines(ws, result.table)
    }
  }
  if (!known.has(request.target))
    fail('NOT_FOUND', `No cost reaches the target "${request.target}" in ${periods.join(', ')}.`, {
      hint: `Pick one of the targets of rule version ${latest.version}: ${[...known].sort((a, b) => a.localeCompare(b)).join(', ')}.`,
    })
  const rows = [...merged.values()].map(({ parts }): TargetCostRow => {
    const keys = new Map<number, number[]>()
    for (const part of parts)
      for (const k of part.direct_keys ?? []) {
        const list = keys.get(Number(k.import_id)) ?? []
        list.push(Number(k.source_row))
        keys.set(Number(k.import_id), list)
      }
    const first = parts[0] as TargetLineRow
    return {
      period: String(first.period),
      currency: String(first.currency),
      cost: sumDecimals(parts.map((p) => normalizeDecimal(String(p.cost)))),
      n: parts.reduce((n, p) => n + Number(p.n), 0),
      directCost: sumDecimals(parts.map((p) => normalizeDecimal(String(p.direct_cost)))),
      directRows: parts.reduce((n, p) => n + Number(p.direct_n), 0),
      directKeys: keys,
    }
  })
  return {
    rows,
    allocation: { target: request.target, dimension, ruleVersion: latest.version, totals },
  }
}

/** Billing periods the target picker reads: the latest few, so a long history stays quick. */
const TARGET_PERIODS = 3

/**
 * The targets of the latest saved rules, read from the allocation of the latest billing periods
 * (a target a mapping names exists only where its rows do).
 */
export async function allocationTargets(ws: Workspace): Promise<UnitCostTargets> {
  const latest = await latestRuleVersion(ws)
  const periods = (await listPeriods(ws)).slice(-TARGET_PERIODS).map((p) => p.period)
  if (!latest || periods.length === 0)
    return { ruleVersion: latest?.version ?? null, dimension: null, periods, targets: [] }
  const targets = new Set<string>()
  let dimension = ''
  for (const period of periods) {
    const result = await maskAllocation(
      ws,
      await allocateLines(ws, { period, metric: 'BilledCost', ruleSet: latest.ruleSet }),
      latest.ruleSet,
    )
    await dropLines(ws, result.table)
    dimension = result.dimension.label
    for (const s of result.summary) if (s.lines > 0) targets.add(s.target)
  }
  return {
    ruleVersion: latest.version,
    dimension,
    periods,
    targets: [...targets].sort((a, b) => a.localeCompare(b)),
  }
}
