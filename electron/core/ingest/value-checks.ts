/**
 * Checks staged values before anything is stored: every money, quantity and
 * date value must convert to its FOCUS type. The first bad value is reported
 * with its row, column and text; values that only need rounding become fixes.
 */
import { fail } from '../../../shared/contract'
import { quoteIdent } from '../../../shared/sql/identifiers'
import type { HeaderMapping } from '../../../shared/formats/focus-header'
import type { Workspace } from '../workspace/workspace'
import {
  badValueCondition,
  currencyTextFixCondition,
  overScaleCondition,
  ROW_FITS_COLUMN,
  rowFitsFastDecimal,
  sourceRowExpr,
  type SourceKind,
} from './stage-sql'
import { CURRENCY_STRING_PARSED } from './currency-text-sql'

/** A fix Focal applies to some rows, with the condition that selects them. */
export interface FixRule {
  readonly code: string
  readonly condition: string
}

const HINTS = {
  decimal:
    'FOCUS money and quantity columns hold plain numbers such as 10000.00 (Focal also reads $10,000.00 in a cost or price column whose symbol is the row currency). Fix the file and import it again.',
  datetime:
    'Use ISO 8601 date-times such as 2024-09-01T00:00:00Z. Fix the file and import it again.',
} as const

const OUT_OF_RANGE_HINT =
  'Focal stores money and quantities as DECIMAL(38,18). Check that the column holds amounts (not identifiers or another unit), fix the file and import it again.'

/** A plain number, with or without an exponent: if such a value does not convert, it is out of range. */
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/

/** Longest part of a bad value an error message repeats; the rest is cut with "…". */
const SHOWN_CHARACTERS = 60

/** A value as an error shows it: at most 60 characters, control characters written as \uXXXX. */
function shownValue(value: string): string {
  const characters = Array.from(value)
  const shown = characters.slice(0, SHOWN_CHARACTERS).join('')
  const escaped = shown.replace(
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return characters.length > SHOWN_CHARACTERS ? `${escaped}…` : escaped
}

/** Fails with BAD_VALUE on the first unconvertible value; returns the fixes to apply otherwise. */
export async function checkValues(
  ws: Workspace,
  table: string,
  mapping: HeaderMapping,
  kind: SourceKind,
  fileName: string,
  sourceTypes: readonly string[],
): Promise<{ fixes: FixRule[] }> {
  const checked = mapping.columns.flatMap((column) => {
    const condition = badValueCondition(column, kind, sourceTypes[column.index])
    return condition ? [{ column, condition }] : []
  })
  if (checked.length > 0) {
    const select = checked
      .map(
        ({ condition }, i) =>
          `min(${sourceRowExpr(kind)}) FILTER (WHERE ${condition}) AS r${i}, count(*) FILTER (WHERE ${condition}) AS n${i}`,
      )
      .join(', ')
    const [counts = {}] = await ws.all(`SELECT ${select} FROM "${table}"`)
    let first: { i: number; row: number } | null = null
    let total = 0
    checked.forEach((_, i) => {
      const row = counts[`r${i}`]
      total += Number(counts[`n${i}`] ?? 0)
      if (row != null && (first === null || Number(row) < first.row))
        first = { i, row: Number(row) }
    })
    if (first !== null) {
      const { i, row } = first as { i: number; row: number }
      const { column } = checked[i]!
      const [found] = await ws.all(
        `SELECT CAST(c${column.index} AS VARCHAR) AS v FROM "${table}" WHERE ${sourceRowExpr(kind)} = $1`,
        [row],
      )
      const value = shownValue(String(found?.v ?? ''))
      const tooLarge = column.type === 'decimal' && NUMBER.test(String(found?.v ?? ''))
      const what = tooLarge
        ? 'is too large for a FOCUS amount (out of range: at most 20 digits before the decimal point)'
        : `is not ${column.type === 'decimal' ? 'a number' : 'a date/time'}`
      const more =
        total > 1
          ? ` ${total - 1} more value${total > 2 ? 's' : ''} in the file fail the same way.`
          : ''
      fail(
        'BAD_VALUE',
        `${fileName}, row ${row + 1}, column ${column.source}: "${value}" ${what}.${more}`,
        {
          hint: `${tooLarge ? OUT_OF_RANGE_HINT : HINTS[column.type as 'decimal' | 'datetime']} Nothing was imported.`,
          location: { file: fileName, row: row + 1, column: column.source, value },
          details: { badValues: total },
        },
      )
    }
  }
  return {
    fixes: [
      ...roundingFixes(mapping, kind, sourceTypes),
      ...currencyFixes(mapping, kind, sourceTypes),
    ],
  }
}

/** The fix that marks rows with a money value read from a currency string (currency-text-sql.ts). */
export function currencyFixes(
  mapping: HeaderMapping,
  kind: SourceKind,
  sourceTypes: readonly string[],
): FixRule[] {
  const parsed = mapping.columns.flatMap((column) => {
    const condition = currencyTextFixCondition(column, kind, sourceTypes[column.index])
    return condition ? [condition] : []
  })
  return parsed.length > 0 ? [{ code: CURRENCY_STRING_PARSED, condition: parsed.join(' OR ') }] : []
}

/**
 * The fix that marks rows whose money has digits past the 18th decimal: read nothing, a condition
 * for the insert (`inPlace`: of a CSV read in place, stage-sql.ts overScaleCondition, whose source
 * has ROW_FITS_COLUMN).
 */
export function roundingFixes(
  mapping: HeaderMapping,
  kind: SourceKind,
  sourceTypes: readonly string[],
  inPlace = false,
): FixRule[] {
  const rounding = mapping.columns.flatMap((column) => {
    const condition = overScaleCondition(column, kind, sourceTypes[column.index], inPlace)
    return condition ? [condition] : []
  })
  if (rounding.length === 0) return []
  // The insert's own test of the row, ROW_FITS_COLUMN of its source (store-rows.ts): a row it
  // clears has nothing to round.
  const rowFits = inPlace && rowFitsFastDecimal(mapping.columns, kind) !== null
  const any = rounding.join(' OR ')
  return [
    {
      code: 'ROUNDED_TO_18_DECIMALS',
      condition: rowFits
        ? `CASE WHEN ${quoteIdent(ROW_FITS_COLUMN)} THEN false ELSE (${any}) END`
        : any,
    },
  ]
}

/** The fixes checkValues would return, without its read of the values (a typed read checks them). */
export function valueFixes(
  mapping: HeaderMapping,
  kind: SourceKind,
  sourceTypes: readonly string[],
): FixRule[] {
  return [
    ...roundingFixes(mapping, kind, sourceTypes),
    ...currencyFixes(mapping, kind, sourceTypes),
  ]
}
