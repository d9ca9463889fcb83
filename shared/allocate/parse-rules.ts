/**
 * Reading a rule file: JSON → validated RuleSet, with every error naming the
 * dimension, the rule (id and position) and the field, so a finance user can
 * find the line to fix. Cross-references (pools, unique ids, percentages
 * adding up to 100) are checked here; columns and mapping tables, which need
 * the workspace, are checked when the rules are compiled against it.
 */
import type { z } from '../zod'
import { fail } from '../contract/errors'
import { toScaled } from '../money'
import { UNALLOCATED_TARGET } from './names'
import { RuleSetSchema, type RuleSet } from './rule-set'

/** Parses and validates a rule set given as a value (already JSON-parsed). Throws BAD_VALUE listing every problem. */
export function parseRuleSet(input: unknown, source = 'rule set'): RuleSet {
  const parsed = RuleSetSchema.safeParse(input)
  const problems = parsed.success
    ? crossCheck(parsed.data)
    : parsed.error.issues.map((issue) => `${where(input, issue.path)}: ${explain(issue)}`)
  if (!parsed.success || problems.length > 0) {
    fail('BAD_VALUE', `${source} is not a valid allocation rule set: ${problems[0]}`, {
      hint: 'Fix the named rule and field; every problem is listed in details.problems.',
      details: { problems },
    })
  }
  return parsed.data
}

/** Parses a rule file's text (JSON). */
export function parseRuleSetText(text: string, source = 'rule file'): RuleSet {
  let value: unknown
  try {
    value = JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text)
  } catch (cause) {
    fail('BAD_VALUE', `${source} is not valid JSON: ${(cause as Error).message}`)
  }
  return parseRuleSet(value, source)
}

/** The canonical JSON of a rule set (defaults filled, schema key order): what versions store and digest. */
export function ruleSetJson(ruleSet: RuleSet): string {
  return `${JSON.stringify(ruleSet, null, 2)}\n`
}

function crossCheck(ruleSet: RuleSet): string[] {
  const problems: string[] = []
  duplicates(ruleSet.dimensions.map((d) => d.id)).forEach((id) =>
    problems.push(`dimension "${id}": two dimensions have this id`),
  )
  ruleSet.dimensions.forEach((dimension) => {
    const at = `dimension "${dimension.id}"`
    const pools = new Set(dimension.pools.map((p) => p.id))
    duplicates(dimension.rules.map((r) => r.id)).forEach((id) =>
      problems.push(`${at}, rule "${id}": two rules have this id`),
    )
    duplicates(dimension.pools.map((p) => p.id)).forEach((id) =>
      problems.push(`${at}, pool "${id}": two pools have this id`),
    )
    dimension.rules.forEach((rule, i) => {
      const then = rule.then
      const ruleAt = `${at}, rule "${rule.id}" (#${i + 1})`
      if (then.kind === 'pool' && !pools.has(then.pool))
        problems.push(`${ruleAt}, then.pool: no pool "${then.pool}" in this dimension`)
      if (then.kind === 'value' && then.value === UNALLOCATED_TARGET)
        problems.push(
          `${ruleAt}, then.value: "${UNALLOCATED_TARGET}" is reserved for unmatched cost`,
        )
    })
    dimension.pools.forEach((pool) => {
      const poolAt = `${at}, pool "${pool.id}"`
      const names = pool.method === 'fixed' ? Object.keys(pool.percentages) : (pool.targets ?? [])
      if (names.includes(UNALLOCATED_TARGET))
        problems.push(`${poolAt}: "${UNALLOCATED_TARGET}" cannot receive a share`)
      if (pool.method !== 'fixed') return
      const total = Object.values(pool.percentages).reduce((s, p) => s + toScaled(p), 0n)
      if (total !== toScaled('100'))
        problems.push(`${poolAt}, percentages: add up to ${sumText(pool.percentages)}, not 100`)
    })
  })
  return problems
}

function sumText(percentages: Record<string, string>): string {
  const total = Object.values(percentages).reduce((s, p) => s + toScaled(p), 0n)
  const text = total.toString().padStart(19, '0')
  return `${text.slice(0, -18)}.${text.slice(-18)}`.replace(/\.?0+$/, '')
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>()
  return [...new Set(ids.filter((id) => seen.has(id) || !seen.add(id)))]
}

// "dimension "cost_center", rule "support" (#3), when[0].op" from an issue path and the raw input.
function where(input: unknown, path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = []
  let node: unknown = input
  let rest = ''
  for (let i = 0; i < path.length; i++) {
    const key = path[i]
    const next = path[i + 1]
    if ((key === 'dimensions' || key === 'rules' || key === 'pools') && typeof next === 'number') {
      const item = (node as Record<string, unknown[]>)?.[key]?.[next] as
        Record<string, unknown> | undefined
      const id = typeof item?.id === 'string' ? `"${item.id}"` : '(no id)'
      const noun = key === 'dimensions' ? 'dimension' : key === 'rules' ? 'rule' : 'pool'
      parts.push(`${noun} ${id}${noun === 'dimension' ? '' : ` (#${next + 1})`}`)
      node = item
      i++
      continue
    }
    rest += typeof key === 'number' ? `[${key}]` : `${rest ? '.' : ''}${String(key)}`
    node = (node as Record<PropertyKey, unknown> | undefined)?.[key as string]
  }
  if (rest) parts.push(rest)
  return parts.length ? parts.join(', ') : '(top level)'
}

function explain(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}`
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message))
    return `missing (expected ${issue.expected})`
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'driver')
    return 'a driver is {"field": <column>, "when": [...]} or {"table": <driver table>}'
  return issue.message
}
