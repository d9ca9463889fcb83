/**
 * A person's column mapping (user-mapping.ts, already checked) as the
 * FormatMapping every native format is written in, so compile-sql.ts, the
 * value checks and reconciliation treat it as they treat AWS or Azure.
 */
import { focusColumn } from '../focus'
import type { ColumnRule, Expression, FormatMapping, SumTerm, WrittenNumber } from './mapping-types'
import type { UserColumnRule, UserMapping } from './user-mapping'

/** The format id an import made with this mapping is stored under (`mapping:<name>`). */
export function userFormatId(mapping: Pick<UserMapping, 'name'>): string {
  return `mapping:${mapping.name}`
}

/** The mapping's FormatMapping: its source columns are its signature; its money columns its reconcile terms. */
export function compileUserMapping(mapping: UserMapping): FormatMapping {
  const columns: Record<string, ColumnRule> = {}
  for (const [target, rule] of Object.entries(mapping.columns))
    columns[target] = { value: expressionOf(target, rule) }
  // A source with no amortized figure is billed and amortized alike (as OCI and Azure's legacy
  // usage details are); every row says so rather than holding an EffectiveCost of nothing.
  const effective = mapping.columns.EffectiveCost ?? mapping.columns.BilledCost
  if (!mapping.columns.EffectiveCost && effective)
    columns.EffectiveCost = {
      value: expressionOf('EffectiveCost', effective),
      fix: 'EFFECTIVE_COST_IS_BILLED_COST',
    }
  if (mapping.tags)
    columns.Tags = {
      value: {
        tagColumns:
          'prefix' in mapping.tags
            ? { prefixes: [mapping.tags.prefix] }
            : { prefixes: [], columns: mapping.tags.columns },
      },
    }
  const currency = mapping.columns.BillingCurrency
  return {
    id: userFormatId(mapping),
    title: mapping.name,
    signature: { all: sourceColumns(mapping) },
    columns,
    reconcile: {
      currency: currency?.column ?? [],
      ...(currency?.constant !== undefined ? { currencyConstant: currency.constant } : {}),
      billed: moneyTerms(mapping.columns.BilledCost),
      effective: moneyTerms(effective),
    },
  }
}

/** Every source column the mapping reads (tag columns chosen by prefix are found in the file). */
export function sourceColumns(mapping: UserMapping): string[] {
  const names = Object.values(mapping.columns).flatMap((r) => (r.column ? [r.column] : []))
  if (mapping.tags && 'columns' in mapping.tags) names.push(...mapping.tags.columns)
  return [...new Set(names)]
}

function written(rule: UserColumnRule): WrittenNumber {
  return {
    ...(rule.decimal ? { decimal: rule.decimal } : {}),
    ...(rule.thousands ? { thousands: rule.thousands } : {}),
    ...(rule.trim ? { trim: rule.trim } : {}),
    ...(rule.factor ? { factor: rule.factor } : {}),
  }
}

/** The rule of one column as an Expression: the transforms nest in the order the value is read. */
function expressionOf(target: string, rule: UserColumnRule): Expression {
  if (rule.constant !== undefined) return { constant: rule.constant }
  const source: Expression = { column: rule.column ?? '' }
  const type = focusColumn(target)?.type ?? 'string'
  if (type === 'decimal')
    return { number: source, ...written(rule), ...(rule.negate ? { negate: true } : {}) }
  const stripped: Expression = rule.trim ? { strip: source, chars: rule.trim } : source
  if (type === 'datetime')
    return {
      date: stripped,
      ...(rule.date ? { formats: [rule.date] } : {}),
      ...(rule.addDays ? { addDays: rule.addDays } : {}),
      ...(rule.addMonths ? { addMonths: rule.addMonths } : {}),
      ...(rule.monthStart ? { monthStart: true } : {}),
    }
  if (rule.lookup === undefined) return stripped
  return {
    lookup: stripped,
    table: rule.lookup,
    // A value the table lacks is kept as written unless the mapping says otherwise.
    otherwise: rule.otherwise !== undefined ? { constant: rule.otherwise } : stripped,
  }
}

/** The source sum a money column must equal: its column read as the mapping reads it. */
function moneyTerms(rule: UserColumnRule | undefined): SumTerm[] {
  if (rule?.column === undefined) return []
  return [
    {
      column: rule.column,
      ...(rule.negate ? { negate: true } : {}),
      ...(Object.keys(written(rule)).length > 0 ? { written: written(rule) } : {}),
    },
  ]
}
