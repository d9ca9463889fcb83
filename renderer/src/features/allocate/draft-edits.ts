/**
 * Pure edits of a draft rule set, kept out of the components so they can be
 * tested: new rules and pools with unique ids, reordering, and switching a
 * condition's operator, a target's kind or a pool's method while keeping
 * what still applies (a value typed for "equals" survives a switch to "in").
 */
import type {
  AllocationDimension,
  Condition,
  Pool,
  Rule,
  SplitMethod,
  Target,
} from '../../../../shared/allocate/rule-set'

/** The operators a condition can use, with the words the editor shows. */
export const OPERATORS: ReadonlyArray<{ value: Condition['op']; label: string }> = [
  { value: 'equals', label: 'equals' },
  { value: 'in', label: 'is one of' },
  { value: 'prefix', label: 'starts with' },
  { value: 'regex', label: 'matches regex' },
  { value: 'missing', label: 'is missing' },
]

/** The split methods, with the words the editor shows. */
export const METHODS: ReadonlyArray<{ value: SplitMethod; label: string }> = [
  { value: 'even', label: 'Even' },
  { value: 'proportional', label: 'Proportional to direct cost' },
  { value: 'fixed', label: 'Fixed %' },
  { value: 'driver', label: 'Usage driver' },
]

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
}

/** Moves one item of a list to another position (clamped); returns a new list. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list]
  const target = Math.max(0, Math.min(next.length - 1, to))
  const [item] = next.splice(from, 1)
  if (item !== undefined) next.splice(target, 0, item)
  return next
}

/** A new rule for a dimension: one condition to fill in, a literal target. */
export function newRule(dimension: AllocationDimension): Rule {
  return {
    id: uniqueId(
      'rule',
      dimension.rules.map((r) => r.id),
    ),
    when: [{ field: 'ServiceCategory', op: 'equals', value: '' }],
    then: { kind: 'value', value: 'New cost center' },
  }
}

/** A new shared pool split evenly, and the rule id that will send rows to it. */
export function newPool(dimension: AllocationDimension): Pool {
  return {
    id: uniqueId(
      'shared',
      dimension.pools.map((p) => p.id),
    ),
    label: 'Shared cost',
    method: 'even',
  }
}

/** The same condition under another operator, keeping the field, flags and any value that still fits. */
export function withOperator(condition: Condition, op: Condition['op']): Condition {
  const common = {
    field: condition.field,
    ...(condition.ignoreCase ? { ignoreCase: true } : {}),
    ...(condition.not ? { not: true } : {}),
  }
  const text =
    'value' in condition
      ? condition.value
      : 'pattern' in condition
        ? condition.pattern
        : 'values' in condition
          ? (condition.values[0] ?? '')
          : ''
  switch (op) {
    case 'equals':
    case 'prefix':
      return { ...common, op, value: text }
    case 'in':
      return {
        ...common,
        op,
        values: 'values' in condition ? condition.values : text ? [text] : [],
      }
    case 'regex':
      return { ...common, op, pattern: text }
    case 'missing':
      return { ...common, op }
  }
}

/** A target of another kind, carrying over the field when both have one. */
export function withTargetKind(
  target: Target,
  kind: Target['kind'],
  pools: readonly Pool[],
): Target {
  const field = 'field' in target ? target.field : 'SubAccountName'
  switch (kind) {
    case 'value':
      return { kind, value: target.kind === 'value' ? target.value : 'New cost center' }
    case 'field':
      return { kind, field }
    case 'mapping':
      return { kind, mapping: target.kind === 'mapping' ? target.mapping : '', field }
    case 'pool':
      return { kind, pool: target.kind === 'pool' ? target.pool : (pools[0]?.id ?? '') }
  }
}

/** The same pool split another way: the id and label stay, method parameters start empty. */
export function withMethod(pool: Pool, method: SplitMethod): Pool {
  const base = { id: pool.id, ...(pool.label ? { label: pool.label } : {}) }
  switch (method) {
    case 'fixed':
      return { ...base, method, percentages: {} }
    case 'driver':
      return { ...base, method, driver: { field: 'ConsumedQuantity', when: [] } }
    default:
      return { ...base, method }
  }
}

/** A condition in words: `ServiceCategory = "Networking"`, `tag:team is missing`. */
export function conditionText(c: Condition): string {
  const not = c.not ? 'not ' : ''
  switch (c.op) {
    case 'equals':
      return `${c.field} ${c.not ? '≠' : '='} "${c.value}"`
    case 'in':
      return `${c.field} ${not}in (${c.values.join(', ')})`
    case 'prefix':
      return `${c.field} ${not}starts with "${c.value}"`
    case 'regex':
      return `${c.field} ${not}~ /${c.pattern}/`
    case 'missing':
      return `${c.field} is ${c.not ? 'present' : 'missing'}`
  }
}

/** A target in words: a name, "value of X", "X via mapping m", "pool p". */
export function targetText(t: Target): string {
  switch (t.kind) {
    case 'value':
      return t.value
    case 'field':
      return `value of ${t.field}`
    case 'mapping':
      return `${t.field} via mapping ${t.mapping || '?'}`
    case 'pool':
      return `shared pool ${t.pool || '?'}`
  }
}
