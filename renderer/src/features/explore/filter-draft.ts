/**
 * What Explore's filter editor edits (issue 9, Filters): a draft of one rule (a values filter or
 * a condition), how a rule reads on its chip, and how a draft goes back into the spec. Pure, so
 * the labels and the round trip are tested without a screen.
 */
import {
  dimensionLabel,
  NONE_LABEL,
  parseDimension,
  type Condition,
  type Filter,
  type PivotSpec,
} from '../../../../shared/pivot'

// Few values read in full; a long list (from drill-through or a view file) is counted instead.
const SHOWN_VALUES = 3

/** Text match operators as a person reads them. */
export const TEXT_OPS = [
  { value: 'contains', label: 'contains' },
  { value: 'startsWith', label: 'starts with' },
  { value: 'equals', label: 'equals' },
] as const

/** A text match operator. */
export type TextOp = (typeof TEXT_OPS)[number]['value']

/** One rule being edited; `dimension` is a column name or `tag:<key>` as the selects show it. */
export type FilterDraft =
  | { mode: 'values'; dimension: string; op: 'in' | 'notIn'; values: (string | null)[] }
  | { mode: 'text'; dimension: string; op: TextOp; text: string }
  | { mode: 'range'; dimension: string; min: string; max: string }
  | { mode: 'tag'; dimension: string; present: boolean }
  | { mode: 'dates'; dimension: string; start: string; end: string }

/** Which rule of the spec a chip stands for. */
export type RuleRef = { list: 'filters' | 'conditions'; index: number }

/** Exact decimal text as the spec takes it ("100", "-0.5"); empty means no bound. */
export const DECIMAL_TEXT = /^-?\d{1,20}(\.\d{1,18})?$/

/** A filter as a person reads it: "ServiceName: Amazon EC2", "Region is not: a, b". */
export function filterText(filter: Filter): string {
  const values = filter.values.map((v) => v ?? NONE_LABEL)
  const list =
    values.length > SHOWN_VALUES
      ? `${values.slice(0, SHOWN_VALUES).join(', ')} and ${values.length - SHOWN_VALUES} more`
      : values.join(', ')
  return `${dimensionLabel(filter.dimension)}${filter.op === 'in' ? ':' : ' is not:'} ${list}`
}

/** A condition as a person reads it: 'ResourceId contains "prod"', "BilledCost ≥ 100". */
export function conditionText(condition: Condition): string {
  switch (condition.op) {
    case 'contains':
    case 'startsWith':
    case 'equals': {
      const op = TEXT_OPS.find((o) => o.value === condition.op)?.label ?? condition.op
      return `${dimensionLabel(condition.dimension)} ${op} "${condition.text}"`
    }
    case 'range': {
      const bounds = [
        condition.min === null ? null : `≥ ${condition.min}`,
        condition.max === null ? null : `≤ ${condition.max}`,
      ].filter((b): b is string => b !== null)
      return `${condition.column} ${bounds.length ? bounds.join(' and ') : 'any'}`
    }
    case 'dates':
      return `${condition.column} ${[
        condition.start === null ? null : `from ${condition.start}`,
        condition.end === null ? null : `before ${condition.end}`,
      ]
        .filter(Boolean)
        .join(' ')}`.trim()
    case 'tagPresent':
      return `has tag ${condition.key}`
    case 'tagMissing':
      return `no tag ${condition.key}`
  }
}

/** The draft that edits an existing rule. */
export function draftOf(spec: PivotSpec, ref: RuleRef): FilterDraft | null {
  if (ref.list === 'filters') {
    const f = spec.filters[ref.index]
    return f
      ? { mode: 'values', dimension: dimensionLabel(f.dimension), op: f.op, values: [...f.values] }
      : null
  }
  const c = spec.conditions?.[ref.index]
  if (!c) return null
  switch (c.op) {
    case 'contains':
    case 'startsWith':
    case 'equals':
      return { mode: 'text', dimension: dimensionLabel(c.dimension), op: c.op, text: c.text }
    case 'range':
      return { mode: 'range', dimension: c.column, min: c.min ?? '', max: c.max ?? '' }
    case 'dates':
      return { mode: 'dates', dimension: c.column, start: c.start ?? '', end: c.end ?? '' }
    case 'tagPresent':
    case 'tagMissing':
      return { mode: 'tag', dimension: `tag:${c.key}`, present: c.op === 'tagPresent' }
  }
}

/** What is wrong with a draft, in words, or null when it can be applied. */
export function draftProblem(draft: FilterDraft): string | null {
  if (draft.dimension === '') return 'Choose a column or tag.'
  switch (draft.mode) {
    case 'values':
      return draft.values.length === 0 ? 'Tick at least one value.' : null
    case 'text':
      return draft.text === '' ? 'Type the text to match.' : null
    case 'range': {
      const bad = [draft.min, draft.max].find(
        (v) => v.trim() !== '' && !DECIMAL_TEXT.test(v.trim()),
      )
      if (bad !== undefined) return `"${bad}" is not a number: write it as 100 or -12.50.`
      return draft.min.trim() === '' && draft.max.trim() === ''
        ? 'Give a minimum, a maximum or both.'
        : null
    }
    case 'tag':
      return draft.dimension.startsWith('tag:') ? null : 'Choose a tag key.'
    case 'dates':
      return draft.start === '' && draft.end === '' ? 'Give a start, an end or both.' : null
  }
}

/** The draft as the spec's rule: a values filter or a condition. */
export function ruleOf(
  draft: FilterDraft,
): { list: 'filters'; rule: Filter } | { list: 'conditions'; rule: Condition } {
  switch (draft.mode) {
    case 'values':
      return {
        list: 'filters',
        rule: { dimension: parseDimension(draft.dimension), op: draft.op, values: draft.values },
      }
    case 'text':
      return {
        list: 'conditions',
        rule: { op: draft.op, dimension: parseDimension(draft.dimension), text: draft.text },
      }
    case 'range': {
      const bound = (v: string): string | null => (v.trim() === '' ? null : v.trim())
      return {
        list: 'conditions',
        rule: {
          op: 'range',
          column: draft.dimension,
          min: bound(draft.min),
          max: bound(draft.max),
        },
      }
    }
    case 'tag':
      return {
        list: 'conditions',
        rule: { op: draft.present ? 'tagPresent' : 'tagMissing', key: draft.dimension.slice(4) },
      }
    case 'dates':
      return {
        list: 'conditions',
        rule: {
          op: 'dates',
          column: draft.dimension,
          start: draft.start || null,
          end: draft.end || null,
        },
      }
  }
}

/**
 * The spec's filters and conditions with `draft` applied: in place of the rule `editing`
 * (moved to the other list when its kind changed), else added last.
 */
export function applyDraft(
  spec: PivotSpec,
  draft: FilterDraft,
  editing: RuleRef | null,
): Pick<PivotSpec, 'filters' | 'conditions'> {
  const filters = [...spec.filters]
  const conditions = [...(spec.conditions ?? [])]
  const next = ruleOf(draft)
  if (editing && editing.list === next.list) {
    if (next.list === 'filters') filters[editing.index] = next.rule
    else conditions[editing.index] = next.rule
    return { filters, conditions }
  }
  if (editing) (editing.list === 'filters' ? filters : conditions).splice(editing.index, 1)
  if (next.list === 'filters') filters.push(next.rule)
  else conditions.push(next.rule)
  return { filters, conditions }
}

/** The spec's rules without `ref`. */
export function removeRule(
  spec: PivotSpec,
  ref: RuleRef,
): Pick<PivotSpec, 'filters' | 'conditions'> {
  return {
    filters: spec.filters.filter((_, i) => ref.list !== 'filters' || i !== ref.index),
    conditions: (spec.conditions ?? []).filter(
      (_, i) => ref.list !== 'conditions' || i !== ref.index,
    ),
  }
}
