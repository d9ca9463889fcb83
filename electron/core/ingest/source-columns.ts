/**
 * Which columns of a source file hold its own money, named as its header
 * names them. Reconciliation's second reader sums these (csv-totals.ts,
 * parquet-totals.ts) and never sees Focal's column mapping, so a mapping that
 * reads the wrong column cannot agree with it by construction.
 */
import type { CurrencySums } from './reconcile'
import type { SourceColumns } from './source-terms'

/**
 * Source header names of a format's money: in each list the first name the header
 * has is the column read (FOCUS 0.5's AmortizedCost is EffectiveCost's older name);
 * an empty list means the format has no such column.
 */
export interface CostColumns {
  readonly billed: readonly string[]
  readonly effective: readonly string[]
  readonly currency: string
  /** Every row's currency when the file lacks the currency column (an assumed value, run-import.ts). */
  readonly currencyConstant?: string
}

/** A FOCUS file's money columns (FOCUS 1.4 §BilledCost, §EffectiveCost, §BillingCurrency). */
export const FOCUS_COST_COLUMNS: CostColumns = {
  billed: ['BilledCost'],
  effective: ['EffectiveCost', 'AmortizedCost'],
  currency: 'BillingCurrency',
}

/** The file's own sums per currency, and the first value the second reader could not read as a number. */
export interface SourceTotals {
  readonly sums: CurrencySums[]
  /** 1-based data row, header name and text (empty for Parquet) of the first money value that is not a number. */
  readonly unreadable: { row: number; column: string; value: string } | null
  /** The names the sums were read from; null if the file had no header or was not read. */
  readonly columns: SourceColumns | null
}

/** Positions in `header` of the columns `names` lists: the first listed name present, else null. */
export function costColumnIndexes(
  header: readonly string[],
  names: CostColumns,
): { billed: number | null; effective: number | null; currency: number | null } {
  const first = (list: readonly string[]): number | null => {
    for (const name of list) {
      const at = header.indexOf(name)
      if (at >= 0) return at
    }
    return null
  }
  return {
    billed: first(names.billed),
    effective: first(names.effective),
    currency: first([names.currency]),
  }
}
