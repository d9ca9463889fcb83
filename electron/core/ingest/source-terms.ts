/**
 * The money columns of a source file resolved against its header, in one form
 * for both kinds of description: a FOCUS file's names (source-columns.ts) and a
 * native format's reconcile terms (shared/formats: a column summed, maybe
 * negated, on the rows where its conditions hold). The second reader
 * (csv-totals.ts) evaluates these itself, without the mapping's SQL.
 */
import type {
  Condition,
  ReconcileColumns,
  WrittenNumber,
} from '../../../shared/formats/mapping-types'
import type { CostColumns } from './source-columns'

/** A native format's reconcile terms, and whether its header names ignore case. */
export interface TermColumns {
  readonly terms: ReconcileColumns
  readonly caseInsensitive: boolean
}

/** What the second reader is told to sum: FOCUS names or a native format's terms. */
export type SourceColumns = CostColumns | TermColumns

/** A condition on the field at `index` (null: the header lacks the column, so its value is null). */
export interface ResolvedCondition extends Omit<Condition, 'column'> {
  readonly index: number | null
}

/** One sum term: the field added, its sign, and the conditions a row must meet. */
export interface ResolvedTerm {
  readonly index: number
  readonly negate: boolean
  readonly when: readonly ResolvedCondition[]
  /** The field is a JSON array whose objects' `arrayKey` values are summed (GCP credits). */
  readonly arrayKey?: string
  /** The field's numbers are written this way (a user's mapping; written-number.ts reads them). */
  readonly written?: WrittenNumber
}

/** Fields of the header the sums read. */
export interface ResolvedColumns {
  readonly currency: number | null
  /** A native currency is compared trimmed (as its mapping stores it); a FOCUS one as written. */
  readonly trimCurrency: boolean
  /** Every row's currency when the file has none (a user's mapping sets it). */
  readonly currencyConstant?: string
  /** Money may be written as a currency string, as a FOCUS file's is read (currency-text.ts). */
  readonly currencyText?: boolean
  readonly billed: readonly ResolvedTerm[]
  readonly effective: readonly ResolvedTerm[]
  /** False when the description has no billed (effective) column at all: that sum is not read. */
  readonly hasBilled: boolean
  readonly hasEffective: boolean
}

/** Resolves `columns` against `header`: terms whose column the header lacks add nothing. */
export function resolveColumns(header: readonly string[], columns: SourceColumns): ResolvedColumns {
  if (!('terms' in columns)) {
    const term = (names: readonly string[]): ResolvedTerm[] => {
      const index = firstIndex(header, names, false)
      return index === null ? [] : [{ index, negate: false, when: [] }]
    }
    return {
      currency: firstIndex(header, [columns.currency], false),
      trimCurrency: false,
      currencyText: true,
      ...(columns.currencyConstant !== undefined
        ? { currencyConstant: columns.currencyConstant }
        : {}),
      billed: term(columns.billed),
      effective: term(columns.effective),
      hasBilled: columns.billed.length > 0,
      hasEffective: columns.effective.length > 0,
    }
  }
  const { terms, caseInsensitive } = columns
  const names = (column: string | readonly string[]): readonly string[] =>
    typeof column === 'string' ? [column] : column
  const resolve = (list: ReconcileColumns['billed']): ResolvedTerm[] =>
    list.flatMap((term) => {
      const index = firstIndex(header, names(term.column), caseInsensitive)
      if (index === null) return []
      const when = (term.when ?? []).map(({ column, ...test }) => ({
        ...test,
        index: firstIndex(header, [column], caseInsensitive),
      }))
      return [
        {
          index,
          negate: term.negate ?? false,
          when,
          ...(term.arrayKey ? { arrayKey: term.arrayKey } : {}),
          ...(term.written ? { written: term.written } : {}),
        },
      ]
    })
  return {
    currency: firstIndex(header, names(terms.currency), caseInsensitive),
    trimCurrency: true,
    ...(terms.currencyConstant !== undefined ? { currencyConstant: terms.currencyConstant } : {}),
    billed: resolve(terms.billed),
    effective: resolve(terms.effective),
    hasBilled: terms.billed.length > 0,
    hasEffective: terms.effective.length > 0,
  }
}

/** True when `value` (trimmed text, null when missing) meets the condition, as the mapping's SQL reads it. */
export function meets(condition: ResolvedCondition, value: string | null): boolean {
  if (condition.in && (value === null || !condition.in.includes(value))) return false
  if (condition.notIn && value !== null && condition.notIn.includes(value)) return false
  if (condition.present !== undefined && (value !== null) !== condition.present) return false
  if (
    condition.contains !== undefined &&
    (value === null || !value.toLowerCase().includes(condition.contains.toLowerCase()))
  )
    return false
  return true
}

/** Position of the first of `names` in `header`, or null. */
function firstIndex(
  header: readonly string[],
  names: readonly string[],
  caseInsensitive: boolean,
): number | null {
  const key = (name: string): string => (caseInsensitive ? name.toLowerCase() : name)
  for (const name of names) {
    const at = header.findIndex((h) => key(h) === key(name))
    if (at >= 0) return at
  }
  return null
}
