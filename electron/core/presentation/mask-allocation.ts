/**
 * Presentation mode for allocation (issue 11): the rules run on the real values (withPlainWriter
 * in presentation-mode.ts), and what they made is masked on its way out with the view's own
 * alias rule: the lines' resource and account columns, and every target whose name is the value
 * of a masked field (`then: { field: 'tag:team' }`), in the lines table and in the result's
 * summary and residues. The cents stay the real allocation's; only names change.
 */
import type { RuleSet } from '../../../shared/allocate/rule-set'
import { LINE_SOURCE_COLUMNS } from '../../../shared/allocate/rules-sql'
import { quoteIdent } from '../../../shared/sql/identifiers'
import type { AllocationResult } from '../allocate/allocate'
import type { Workspace } from '../workspace/workspace'
import { isMaskedDimension, maskValue } from './mask-values'
import { activeMask } from './presentation-mode'
import { aliasSql, MASKED_COLUMNS } from './presentation-sql'

// The masked columns an allocated line carries (lines.ts).
const LINE_MASKED = MASKED_COLUMNS.filter((m) =>
  (LINE_SOURCE_COLUMNS as readonly string[]).includes(m.column),
)

/**
 * Masks `result` (its lines table in place, on the writer, and its summary and residues) while
 * the mode is on; `ruleSet` is the rule set it was allocated with. Unchanged when the mode is off.
 */
export async function maskAllocation(
  ws: Workspace,
  result: AllocationResult,
  ruleSet: RuleSet,
): Promise<AllocationResult> {
  const mask = activeMask(ws)
  if (!mask) return result
  const table = quoteIdent(result.table)
  const aliases = await targetAliases(ws, result, ruleSet)
  const sets = LINE_MASKED.map(
    (m) => `${quoteIdent(m.column)} = ${aliasSql(m.prefix, mask.salt, quoteIdent(m.column))}`,
  )
  // One statement, so a target is aliased once even when two rules name the same value.
  const target = aliases.size
    ? `, target = coalesce(map_extract(MAP(from_json($1, '["VARCHAR"]'), from_json($2, '["VARCHAR"]')), target)[1], target)`
    : ''
  await ws.run(
    `UPDATE ${table} SET ${sets.join(', ')}${target}`,
    aliases.size
      ? [JSON.stringify([...aliases.keys()]), JSON.stringify([...aliases.values()])]
      : [],
  )
  const shown = (t: string): string => aliases.get(t) ?? t
  return {
    ...result,
    summary: result.summary.map((s) => ({ ...s, target: shown(s.target) })),
    residues: result.residues.map((r) => ({
      ...r,
      placements: r.placements.map((p) => ({ ...p, target: shown(p.target) })),
    })),
  }
}

// Real target → alias, for the targets that masked-field rules named (pool shares of those
// targets carry the same name, so the map covers them too).
async function targetAliases(
  ws: Workspace,
  result: AllocationResult,
  ruleSet: RuleSet,
): Promise<Map<string, string>> {
  const dimension = ruleSet.dimensions.find((d) => d.id === result.dimension.id)
  const aliases = new Map<string, string>()
  for (const rule of dimension?.rules ?? []) {
    const then = rule.then
    if (then.kind !== 'field' || !isMaskedDimension(ws, then.field)) continue
    const rows = await ws.all(
      `SELECT DISTINCT target FROM ${quoteIdent(result.table)} WHERE rule = $1`,
      [rule.id],
    )
    for (const r of rows) {
      const real = String(r.target)
      if (!aliases.has(real)) aliases.set(real, maskValue(ws, then.field, real))
    }
  }
  return aliases
}
