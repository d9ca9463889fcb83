/**
 * Preview of a rule change, without saving anything: the period is allocated
 * with the candidate rules ("after") and with the previous version ("before"
 * — the latest saved version, or no rules at all, where everything is
 * Unallocated), and the totals are compared per currency and target.
 */
import { RuleSetSchema, type RuleSet } from '../../../shared/allocate/rule-set'
import { compareTargets } from '../../../shared/allocate/split'
import { fromScaled, toScaled } from '../../../shared/money'
import { chargedAmounts, chargedKey } from '../../../shared/report/rounding'
import { maskAllocation } from '../presentation/mask-allocation'
import type { Workspace } from '../workspace/workspace'
import { allocateLines, dropLines, type AllocateOptions, type AllocationResult } from './allocate'
import { UNALLOCATED } from './lines'
import { latestRuleVersion } from './store'

/** One target's total before and after the change. */
export interface PreviewRow {
  readonly currency: string
  readonly target: string
  readonly before: string
  readonly after: string
  readonly change: string
  /** `after` at the currency's minor unit, as the reports charge it (shared/report chargedAmounts). */
  readonly charged: string
  /** `before` rounded the same way among the targets of "before". */
  readonly chargedBefore: string
}

/** The candidate's allocation (its lines table already dropped) and the comparison. */
export interface AllocationPreview {
  readonly after: Omit<AllocationResult, 'table'>
  /** What "before" was: a saved version, or null for no rules. */
  readonly beforeVersion: number | null
  readonly rows: readonly PreviewRow[]
}

/**
 * Allocates with `options.ruleSet` and with `before` (default: the latest
 * saved version; null: no rules) and compares them. Leaves no table behind.
 */
export async function previewAllocation(
  ws: Workspace,
  options: AllocateOptions & { ruleSet: RuleSet },
  before?: { ruleSet: RuleSet; version: number } | null,
): Promise<AllocationPreview> {
  const previous = before === undefined ? await latestRuleVersion(ws) : before
  const dimensionId = options.dimension ?? options.ruleSet.dimensions[0]?.id ?? ''
  const comparable = previous?.ruleSet.dimensions.some((d) => d.id === dimensionId)
  const baseline = comparable && previous ? previous.ruleSet : noRules(options.ruleSet, dimensionId)
  // Presentation mode: the rules run on the real values; target names from masked fields are
  // shown as the aliases every other screen shows (mask-allocation.ts).
  const { table: afterTable, ...after } = await maskAllocation(
    ws,
    await allocateLines(ws, options),
    options.ruleSet,
  )
  await dropLines(ws, afterTable)
  const beforeResult = await maskAllocation(
    ws,
    await allocateLines(ws, { ...options, ruleSet: baseline, dimension: dimensionId }),
    baseline,
  )
  await dropLines(ws, beforeResult.table)
  const key = (currency: string, target: string): string => `${currency}\u0000${target}`
  const totals = new Map<
    string,
    { currency: string; target: string; before: bigint; after: bigint }
  >()
  const add = (rows: AllocationResult['summary'], side: 'before' | 'after'): void => {
    for (const row of rows) {
      const k = key(row.currency, row.target)
      const entry = totals.get(k) ?? {
        currency: row.currency,
        target: row.target,
        before: 0n,
        after: 0n,
      }
      entry[side] += toScaled(row.total)
      totals.set(k, entry)
    }
  }
  add(beforeResult.summary, 'before')
  add(after.summary, 'after')
  // One rounding for the preview and the pack: the after side is what Reports will charge.
  const cents = (rows: AllocationResult['summary']): Map<string, string> =>
    chargedAmounts(rows.map((r) => ({ target: r.target, currency: r.currency, exact: r.total })))
  const chargedAfter = cents(after.summary)
  const chargedBefore = cents(beforeResult.summary)
  const rows = [...totals.values()]
    .sort(
      (a, b) =>
        compareTargets(a.currency, b.currency) ||
        Number(a.target === UNALLOCATED) - Number(b.target === UNALLOCATED) ||
        compareTargets(a.target, b.target),
    )
    .map((e) => ({
      currency: e.currency,
      target: e.target,
      before: fromScaled(e.before),
      after: fromScaled(e.after),
      change: fromScaled(e.after - e.before),
      charged: chargedAfter.get(chargedKey(e.currency, e.target)) ?? '0',
      chargedBefore: chargedBefore.get(chargedKey(e.currency, e.target)) ?? '0',
    }))
  return { after, beforeVersion: comparable && previous ? previous.version : null, rows }
}

// The same settings with no rules and no pools: every row lands in Unallocated.
function noRules(ruleSet: RuleSet, dimensionId: string): RuleSet {
  return RuleSetSchema.parse({
    ...ruleSet,
    policies: {},
    dimensions: [{ id: dimensionId, rules: [], pools: [] }],
  })
}
