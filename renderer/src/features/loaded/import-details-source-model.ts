/**
 * How an import's rows were read, as the import-details drawer words it: the AWS CUR delivery
 * part it was (cur-delivery.ts), values supplied for columns the file lacked, and the column mapping's rules (shared/formats/user-mapping.ts),
 * one line per FOCUS column: where its value comes from and the transforms on the way.
 */
import type { ImportRecord } from '../../../../shared/contract'
import type { UserColumnRule, UserMapping } from '../../../../shared/formats/user-mapping'

type Delivery = NonNullable<ImportRecord['delivery']>

/** "Part 2 of 3 of AWS CUR delivery <assemblyId> (<manifest>)". */
export function deliveryPartLine(delivery: Delivery): string {
  return `Part ${delivery.part} of ${delivery.parts} of AWS CUR delivery ${delivery.assemblyId} (${delivery.manifest})`
}

/** For a delivery imported incomplete on request: which parts it lacked and what that means. */
export function missingPartsLine(delivery: Delivery): string | null {
  if (!delivery.incomplete) return null
  const missing = delivery.missing
  const named =
    missing.length === 0
      ? 'Some parts the manifest lists were'
      : `${missing.length === 1 ? 'Part' : 'Parts'} ${missing.join(', ')} ${missing.length === 1 ? 'was' : 'were'}`
  return `${named} missing when this delivery was imported (imported incomplete, on request), so the billing period's totals lack their rows; a later delivery of the period restates this one whole.`
}

/** FOCUS columns the file lacked and the value a person supplied for each, on every row. */
export function assumedLine(assumed: NonNullable<ImportRecord['assumed']>): string | null {
  if (assumed.length === 0) return null
  const values = assumed.map((a) => `${a.column} = ${a.value}`).join(', ')
  return `${values} on every row, as supplied at import: the file has no ${assumed.length === 1 ? 'such column' : 'such columns'} (fix VALUE_ASSUMED)`
}

/** One column of a mapping: the column it fills, where the value comes from, and the transforms. */
export interface MappingRuleShown {
  readonly target: string
  /** `Amount` (a source column) or `"EUR" (constant)`. */
  readonly source: string
  readonly fromConstant: boolean
  /** In the order the import applies them (user-mapping-compile.ts). */
  readonly transforms: readonly string[]
}

const quoted = (text: string): string => JSON.stringify(text)
const unit = (n: number, one: string): string => (Math.abs(n) === 1 ? one : `${one}s`)
const plural = (n: number, one: string): string => `${n} ${unit(n, one)}`
const signed = (n: number): string => (n < 0 ? `${n}` : `+${n}`)

/** A lookup table shown by its first entries; a long one by its size. */
function lookupText(lookup: Record<string, string>, otherwise: string | undefined): string {
  const entries = Object.entries(lookup)
  const shown = entries.slice(0, 3).map(([from, to]) => `${quoted(from)} → ${quoted(to)}`)
  const more = entries.length > 3 ? `, and ${entries.length - 3} more` : ''
  const rest =
    otherwise === undefined ? 'other values kept as written' : `other values → ${quoted(otherwise)}`
  return `lookup of ${plural(entries.length, 'value')} (${shown.join(', ')}${more}; ${rest})`
}

/** The transforms of one column's rule, each as a short phrase. */
export function ruleTransforms(rule: UserColumnRule): string[] {
  return [
    ...(rule.trim ? [`trim ${quoted(rule.trim)}`] : []),
    ...(rule.date ? [`date format ${rule.date}`] : []),
    ...(rule.addDays ? [`${signed(rule.addDays)} ${unit(rule.addDays, 'day')}`] : []),
    ...(rule.addMonths ? [`${signed(rule.addMonths)} ${unit(rule.addMonths, 'month')}`] : []),
    ...(rule.monthStart ? ['first day of the month'] : []),
    ...(rule.decimal ? [`decimal mark ${quoted(rule.decimal)}`] : []),
    ...(rule.thousands ? [`thousands separator ${quoted(rule.thousands)}`] : []),
    ...(rule.factor ? [`× ${rule.factor}`] : []),
    ...(rule.negate ? ['sign flipped'] : []),
    ...(rule.lookup ? [lookupText(rule.lookup, rule.otherwise)] : []),
  ]
}

/** Every column the mapping fills, in the mapping's order, then the Tags it builds. */
export function mappingRulesShown(mapping: UserMapping): MappingRuleShown[] {
  const columns = Object.entries(mapping.columns).map(([target, rule]) => ({
    target,
    source:
      rule.constant !== undefined ? `${quoted(rule.constant)} (constant)` : (rule.column ?? ''),
    fromConstant: rule.constant !== undefined,
    transforms: ruleTransforms(rule),
  }))
  const tags = mapping.tags
  if (!tags) return columns
  return [
    ...columns,
    {
      target: 'Tags',
      source:
        'prefix' in tags
          ? `columns starting with ${quoted(tags.prefix)}`
          : `columns ${tags.columns.join(', ')}`,
      fromConstant: false,
      transforms: ['one tag per column'],
    },
  ]
}
