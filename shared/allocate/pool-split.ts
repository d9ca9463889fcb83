/**
 * Splitting shared-cost pools, on the small per-pool aggregates the engine
 * reads: for each pool × currency (× commitment, for unused commitments) the
 * pool's total is split among the targets by the pool's method with
 * splitExact, so parts are rounded to the rule set's scale and the residue's
 * place is recorded. Pure: the engine supplies totals and weights, and turns
 * the shares into per-row lines in SQL.
 */
import { toScaled, fromScaled } from '../money'
import { policyId } from './names'
import type { AllocationDimension, Pool, RuleSet } from './rule-set'
import { ratio, splitExact, type SplitPart, type SplitWeight } from './split'

/** Target → amount, as exact decimal strings. */
export type Amounts = ReadonlyMap<string, string>

/** One pool's rows of one currency (and group), as the engine summed them. */
export interface PoolGroup {
  readonly pool: string
  readonly currency: string
  /** The commitment (CommitmentDiscountId) for unused commitments, '' otherwise. */
  readonly groupKey: string
  readonly total: string
  readonly rows: number
}

/** The weights the engine read for one allocation. */
export interface WeightSources {
  /** Currency → target → direct cost (rows assigned by rules). */
  readonly direct: ReadonlyMap<string, Amounts>
  /** Pool id → target → usage driver value (column drivers and driver tables). */
  readonly drivers: ReadonlyMap<string, Amounts>
  /** Currency → commitment id → target → EffectiveCost of rows that used the commitment. */
  readonly commitmentUsage: ReadonlyMap<string, ReadonlyMap<string, Amounts>>
}

/** How a pool (user pool or policy pool) is split. */
export interface PoolDefinition {
  readonly id: string
  readonly label: string
  readonly method: 'even' | 'proportional' | 'fixed' | 'driver'
  readonly pool?: Pool
  /** Unused commitment and commitment purchases: weights from commitment usage. */
  readonly commitments?: boolean
}

/**
 * One target's share of a group, ready for the engine's shares table: the
 * targets lie end to end over [0, 1] in target order, this one covering
 * [lo, hi) — running sums of the parts ÷ the total at 9 decimals (of the
 * weights when the total is zero); the last target's hi is exactly 1.
 */
export interface Share {
  readonly target: string
  readonly part: string
  readonly lo: string
  readonly hi: string
  readonly last: boolean
}

/** One split's rounding residue (whole − Σ truncated parts) and the targets it went to. */
export interface Residue {
  readonly pool: string
  readonly currency: string
  readonly group: string | null
  readonly whole: string
  readonly amount: string
  readonly placements: readonly SplitPart[]
  readonly parts: number
}

/** A group's outcome: its shares, or why it stayed unallocated. */
export interface GroupSplit {
  readonly group: PoolGroup
  readonly definition: PoolDefinition
  readonly shares: readonly Share[]
  readonly residue: Residue | null
  /** What the weights were: e.g. "direct cost", "usage of the same commitment". */
  readonly basis: string
  /** Set when the group could not be split (it lands in Unallocated). */
  readonly unsplit: string | null
}

/** The pool definitions of a dimension, including the policy pools the rule set's policies create. */
export function poolDefinitions(
  ruleSet: RuleSet,
  dimension: AllocationDimension,
): Map<string, PoolDefinition> {
  const definitions = new Map<string, PoolDefinition>()
  for (const pool of dimension.pools) {
    definitions.set(pool.id, {
      id: pool.id,
      label: pool.label ?? pool.id,
      method: pool.method,
      pool,
    })
  }
  for (const name of ['taxes', 'credits', 'refunds', 'adjustments'] as const) {
    if (ruleSet.policies[name] !== 'proportional') continue
    definitions.set(policyId(name), {
      id: policyId(name),
      label: `${name} (policy)`,
      method: 'proportional',
    })
  }
  if (ruleSet.policies.commitments === 'withUsage') {
    const id = policyId('commitments')
    definitions.set(id, { id, label: 'commitments (policy)', method: 'driver', commitments: true })
  }
  return definitions
}

/** Splits every group; `scale` is the rule set's rounding scale. */
export function splitGroups(
  groups: readonly PoolGroup[],
  definitions: ReadonlyMap<string, PoolDefinition>,
  sources: WeightSources,
  scale: number,
): GroupSplit[] {
  return groups.map((group) => {
    const definition = definitions.get(group.pool)
    if (!definition) throw new Error(`no definition for pool ${group.pool}`)
    const { weights, basis } = groupWeights(group, definition, sources)
    const result = splitExact(group.total, weights, scale)
    if (!result) {
      return {
        group,
        definition,
        shares: [],
        residue: null,
        basis,
        unsplit: `no target has a positive weight (${basis})`,
      }
    }
    const shares = layShares(result.parts, group.total, weights)
    const residue: Residue = {
      pool: group.pool,
      currency: group.currency,
      group: group.groupKey || null,
      whole: group.total,
      amount: result.residue,
      placements: result.placements,
      parts: result.parts.length,
    }
    return { group, definition, shares, residue, basis, unsplit: null }
  })
}

// Zero parts of a non-zero total are left out: their lines would all be exactly zero.
function layShares(
  parts: ReadonlyArray<{ target: string; amount: string }>,
  total: string,
  weights: readonly SplitWeight[],
): Share[] {
  const zeroTotal = toScaled(total) === 0n
  const weightOf = new Map(weights.map((w) => [w.target, toScaled(w.weight)]))
  const kept = zeroTotal ? parts : parts.filter((p) => toScaled(p.amount) !== 0n)
  const size = (p: { target: string; amount: string }): bigint =>
    zeroTotal ? (weightOf.get(p.target) ?? 0n) : toScaled(p.amount)
  const whole = kept.reduce((s, p) => s + size(p), 0n)
  let running = 0n
  return kept.map((p, i) => {
    const lo = running === 0n ? '0' : ratio(fromScaled(running), fromScaled(whole))
    running += size(p)
    const last = i === kept.length - 1
    const hi = last ? '1' : ratio(fromScaled(running), fromScaled(whole))
    return { target: p.target, part: p.amount, lo, hi, last }
  })
}

function groupWeights(
  group: PoolGroup,
  definition: PoolDefinition,
  sources: WeightSources,
): { weights: SplitWeight[]; basis: string } {
  const direct = sources.direct.get(group.currency) ?? new Map<string, string>()
  const pool = definition.pool
  const restrict = pool && pool.method !== 'fixed' ? pool.targets : undefined
  const only = (amounts: Amounts): SplitWeight[] =>
    [...amounts]
      .filter(([target]) => !restrict || restrict.includes(target))
      .map(([target, weight]) => ({ target, weight }))
  if (definition.commitments) {
    const usage = sources.commitmentUsage.get(group.currency)
    const same = usage?.get(group.groupKey)
    if (same && hasPositive(same))
      return { weights: only(same), basis: 'usage of the same commitment' }
    const all = new Map<string, string>()
    for (const byTarget of usage?.values() ?? []) {
      for (const [t, v] of byTarget)
        all.set(t, fromScaled(toScaled(all.get(t) ?? '0') + toScaled(v)))
    }
    return { weights: only(all), basis: 'usage of all commitments in the currency' }
  }
  switch (definition.method) {
    case 'even': {
      const targets = restrict ?? [...direct.keys()]
      return {
        weights: targets.map((target) => ({ target, weight: '1' })),
        basis: restrict ? 'listed targets' : 'targets with direct cost',
      }
    }
    case 'proportional':
      return { weights: only(direct), basis: 'direct cost' }
    case 'fixed':
      return {
        weights: Object.entries(pool?.method === 'fixed' ? pool.percentages : {}).map(
          ([target, weight]) => ({ target, weight }),
        ),
        basis: 'percentages',
      }
    case 'driver':
      return {
        weights: only(sources.drivers.get(definition.id) ?? new Map()),
        basis: driverBasis(pool),
      }
  }
}

function hasPositive(amounts: Amounts): boolean {
  return [...amounts.values()].some((v) => toScaled(v) > 0n)
}

function driverBasis(pool: Pool | undefined): string {
  if (pool?.method !== 'driver') return 'usage driver'
  return 'table' in pool.driver ? `table ${pool.driver.table}` : `column ${pool.driver.field}`
}
