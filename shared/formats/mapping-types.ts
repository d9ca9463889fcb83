/**
 * The data a native billing format is described by: how to recognize its
 * header, and per FOCUS column an expression over the file's own columns.
 * compile-sql.ts turns one of these into SQL; adding a format is adding a
 * mapping file, never a code path (issue 8, "Mappings are data").
 */

/** A condition on one source column's trimmed text (a column the file lacks is empty). */
export interface Condition {
  readonly column: string
  /** The value is one of these. */
  readonly in?: readonly string[]
  /** The value is empty or none of these. */
  readonly notIn?: readonly string[]
  /** The value is (true) or is not (false) empty. */
  readonly present?: boolean
  /** The value contains this text, compared in lower case. */
  readonly contains?: string
}

/** An expression whose result is text (money as decimal text, times as ISO 8601 UTC). */
export type Expression =
  /** A source column's trimmed text; empty is null. */
  | { readonly column: string }
  /** The first of these columns that the header has (a header-level choice, e.g. Net* columns). */
  | { readonly firstColumn: readonly string[] }
  | { readonly constant: string | null }
  /** The first non-null of these. */
  | { readonly coalesce: readonly Expression[] }
  /** A value table: source text (lower-cased first when `lower`) → FOCUS text; anything else → `otherwise` (null if absent). */
  | {
      readonly lookup: Expression
      readonly table: Readonly<Record<string, string>>
      readonly otherwise?: Expression
      readonly lower?: boolean
    }
  /** The first case whose conditions all hold; else `otherwise`. */
  | {
      readonly cases: readonly { readonly when: readonly Condition[]; readonly then: Expression }[]
      readonly otherwise?: Expression
    }
  /** Exact decimal sum of the terms (a term is subtracted when `negate`); null when all are empty. */
  | { readonly sum: readonly { readonly value: Expression; readonly negate?: boolean }[] }
  /**
   * A date or date-time as written (formats are DuckDB strptime patterns), read as UTC (or as local
   * time in `zone` when it carries no offset), moved to its month's first day when `monthStart`,
   * plus whole months and days.
   */
  | {
      readonly date: Expression
      readonly formats?: readonly string[]
      readonly addDays?: number
      readonly addMonths?: number
      readonly monthStart?: boolean
      readonly zone?: string
    }
  /** Columns whose names start with a prefix gathered into one JSON object, keyed by the rest of the name. */
  | { readonly tagColumns: TagColumns }
  /** One key of a JSON object column (a CUR 2.0 `product` map); null when absent or not JSON. */
  | { readonly field: string; readonly of: Expression }
  /** A JSON object written in one column; `braces` wraps a list written without them (Azure EA). */
  | { readonly json: Expression; readonly braces?: boolean }
  /**
   * Exact decimal sum of one key of each object of a JSON array (GCP `credits[].amount`); null for
   * an empty array. A Python literal (single quotes, None) is read as JSON; text that is neither
   * passes as written, to be refused with its row.
   */
  | { readonly arraySum: Expression; readonly key: string }
  /**
   * JSON arrays of `{key, value}` objects (GCP `labels`, `project.labels`) as one JSON object;
   * a key of an earlier array wins. Python literals are read as JSON, as for `arraySum`.
   */
  | { readonly keyValues: readonly Expression[] }
  /**
   * A number as a person's export writes it (decimal comma, thousands separators, a currency
   * sign to strip), times a factor, maybe negated, as decimal text; text that is no number
   * passes as written, to be refused with its row. Column mappings a user writes use it.
   */
  | ({ readonly number: Expression; readonly negate?: boolean } & WrittenNumber)
  /** A text with these characters stripped from both ends; empty is null. */
  | { readonly strip: Expression; readonly chars: string }
  /**
   * Exact decimal product of a number and a whole number (Azure's Quantity, counted
   * in pricing blocks, in single units). A null factor or 1 leaves the number as written; a
   * number or factor that is no such number, or a product too large to store, passes as
   * written, to be refused with its row.
   */
  | { readonly product: Expression; readonly factor: Expression }

/** How a number is written in a file (user-mapping.ts): all optional, the default is `1234.5`. */
export interface WrittenNumber {
  /** The decimal mark: `.` (default) or `,`. */
  readonly decimal?: '.' | ','
  /** A thousands separator removed before reading (`.`, `,`, a space or `'`). */
  readonly thousands?: string
  /** Characters stripped from both ends first (a currency sign: `€ `). */
  readonly trim?: string
  /** Exact decimal multiplier (cents to units: `0.01`). */
  readonly factor?: string
}

/** How tag columns are found and keyed. */
export interface TagColumns {
  readonly prefixes: readonly string[]
  /** Whole column names, each a tag keyed by its name (a user's mapping picks them one by one). */
  readonly columns?: readonly string[]
  /** A key prefix dropped from the key (AWS `user:`: one user scheme, so no prefix is needed). */
  readonly dropKeyPrefix?: string
}

/** One FOCUS (or x_) column a format fills. */
export interface ColumnRule {
  readonly value: Expression
  /** Fix code recorded on every row where this derived value is set (issue 8: fixes are flagged). */
  readonly fix?: string
  /** Record the fix only on rows where, for one of these lists, all conditions hold (e.g. a cost set to 0 for amortized rows). */
  readonly fixWhen?: readonly (readonly Condition[])[]
}

/** The source columns whose sums must equal the stored totals: billed and effective terms, by currency. */
export interface ReconcileColumns {
  /** The currency column, or the first of several the header has. */
  readonly currency: string | readonly string[]
  readonly billed: readonly SumTerm[]
  readonly effective: readonly SumTerm[]
  /** Every row's currency, when the file has no currency column (a user's mapping sets one). */
  readonly currencyConstant?: string
}

/** A source money column summed over the rows where all `when` conditions hold. */
export interface SumTerm {
  /** Column name, or the first of several the header has. */
  readonly column: string | readonly string[]
  readonly negate?: boolean
  readonly when?: readonly Condition[]
  /** The column holds a JSON array (or Python literal) of objects: this key of each is summed (GCP credits). */
  readonly arrayKey?: string
  /** The column's numbers are written this way (a user's mapping): read and scaled as the mapping does. */
  readonly written?: WrittenNumber
}

/** A native billing export format. */
export interface FormatMapping {
  /** Stable id, stored as the import's format (e.g. `aws-cur-legacy`). */
  readonly id: string
  /** Name shown to people. */
  readonly title: string
  /** Header names compared without case (Azure exports vary the case of the same columns). */
  readonly caseInsensitive?: boolean
  readonly signature: {
    /** Every one of these columns must be present. */
    readonly all: readonly string[]
    /** At least one of each group must be present. */
    readonly anyOf?: readonly (readonly string[])[]
    /** None of these may be present (tells apart formats sharing a core). */
    readonly none?: readonly string[]
  }
  readonly columns: Readonly<Record<string, ColumnRule>>
  readonly reconcile: ReconcileColumns
  /**
   * The format comes as an actual and an amortized export of the same schema (Azure cost details):
   * each import is told one or the other, and the two of one period merge (azure-cost-view.ts).
   */
  readonly costViews?: boolean
}
