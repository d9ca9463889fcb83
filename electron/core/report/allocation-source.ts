/**
 * Reports by allocation rules: the allocation engine (core/allocate) as a
 * LinesSource. Its AllocationResult becomes the report's AllocationFacts —
 * rule version, pools with how each was split, and the residues the exact
 * splits left and where they went — so the pack's appendix can say exactly
 * which rules produced each figure.
 */
import type { RuleSet } from '../../../shared/allocate/rule-set'
import { formatExact, type AllocationFacts, type PoolFact } from '../../../shared/report'
import { allocateLines, type AllocationResult } from '../allocate/allocate'
import { latestRuleVersion } from '../allocate/store'
import { maskAllocation } from '../presentation/mask-allocation'
import { withPlainWriter } from '../presentation/presentation-mode'
import type { LinesSource } from './lines-source'

/** Which rules: a rule set (e.g. from a file) or, when absent, the latest saved version; one of its dimensions. */
export interface AllocationSourceOptions {
  ruleSet?: RuleSet
  /** Dimension id of the rule set (default: its first). */
  dimension?: string
}

/** The engine's result as report facts; `name` is the rule set's name when it has one. */
export function toAllocationFacts(result: AllocationResult, name: string | null): AllocationFacts {
  const pools = new Map<string, { fact: Omit<PoolFact, 'description'>; parts: string[] }>()
  for (const p of result.pools) {
    const how = p.unsplit
      ? `not split, left in Unallocated: ${p.unsplit}`
      : `split ${p.method} by ${p.basis} among ${p.targets} cost center${p.targets === 1 ? '' : 's'}`
    const where = `${p.currency}${p.group ? ` [${p.group}]` : ''}`
    const part = `${where}: ${formatExact(p.amount, p.currency || 'XXX')} from ${p.rows} row${p.rows === 1 ? '' : 's'}, ${how}`
    const entry = pools.get(p.pool) ?? {
      fact: { id: p.pool, name: p.label, method: p.method },
      parts: [],
    }
    entry.parts.push(part)
    pools.set(p.pool, entry)
  }
  return {
    ruleSetName: name,
    // An unsaved rule set (a file tried before --save) has no version; say so rather than invent one.
    ruleVersion: result.ruleVersion === null ? 'not saved' : String(result.ruleVersion),
    pools: [...pools.values()].map(({ fact, parts }) => ({
      ...fact,
      description: `${parts.join('; ')}.`,
    })),
    residues: result.residues.map((r) => ({
      pool: r.pool,
      currency: r.currency,
      amount: r.amount,
      targets: r.placements.map((x) => x.target),
      note:
        `rounding residue of splitting ${formatExact(r.whole, r.currency || 'XXX')} into ${r.parts} parts` +
        (r.placements.length
          ? `, placed on ${r.placements.map((x) => `${x.target} ${formatExact(x.amount, r.currency || 'XXX')}`).join(', ')}`
          : ''),
    })),
  }
}

/** The allocation engine as a report's source of lines: one call per period, same rules for every month. */
export function allocationLinesSource(options: AllocationSourceOptions = {}): LinesSource {
  let ruleSet = options.ruleSet
  return async (ws, period, metric) => {
    // Resolve "the latest saved version" once, so every month of the trend uses the same rules.
    ruleSet ??= (await latestRuleVersion(ws))?.ruleSet
    const rules = ruleSet
    // Presentation mode: the rules match the real values, the lines then show aliases.
    const made = await withPlainWriter(ws, () =>
      allocateLines(ws, { period, metric, ruleSet: rules, dimension: options.dimension }),
    )
    const result = made.masked && rules ? await maskAllocation(ws, made.value, rules) : made.value
    return {
      table: result.table,
      groupedBy: result.dimension.label,
      allocation: toAllocationFacts(result, ruleSet?.name ?? null),
    }
  }
}
