/**
 * The FOCUS rules a column catalog implies (reference/focus-spec.md §4):
 * presence of Mandatory columns, type of Decimal and Date/Time columns,
 * not-null of columns that do not allow nulls, allowed values, JSON objects.
 * Used for each FOCUS dataset Focal checks (Cost and Usage, Contract Commitment).
 */
import type { FocusRule } from './rules'
import type { FocusColumn } from './types'
import type { FocusVersion } from './versions'

/** A nullable enumerated column and its allowed values (focus-spec.md §4.2). */
export interface EnumColumn {
  readonly column: string
  readonly values: readonly string[]
}

/** How a dataset's catalog turns into rules. */
export interface CatalogRuleOptions {
  /** The dataset's name as a message says it ("FOCUS", "the FOCUS Contract Commitment dataset"). */
  readonly requiredBy: string
  /** Columns whose not-null another rule already checks. */
  readonly notNullChecked?: ReadonlySet<string>
  /** The version from which a Mandatory column must be present, when not its own introduction. */
  readonly presenceSince?: Readonly<Record<string, FocusVersion>>
  readonly enums?: readonly EnumColumn[]
  /** JSON columns checked elsewhere. */
  readonly jsonChecked?: ReadonlySet<string>
}

/** Every rule the catalog `columns` implies. */
export function catalogRules(
  columns: readonly FocusColumn[],
  options: CatalogRuleOptions,
): { presence: FocusRule[]; perColumn: FocusRule[] } {
  const since = (c: FocusColumn): FocusVersion => c.since as FocusVersion
  const byName = new Map(columns.map((c) => [c.name, c]))
  const presence: FocusRule[] = columns
    .filter((c) => c.level === 'Mandatory')
    .map((c) => ({
      id: `${c.name}.Present`,
      check: 'presence',
      column: c.name,
      needs: [],
      since: options.presenceSince?.[c.name] ?? since(c),
      section: `FOCUS 1.4 §${c.name}`,
      severity: 'error',
      message: `The file has no ${c.name} column, which ${options.requiredBy} requires (Mandatory).`,
    }))
  const types: FocusRule[] = columns
    .filter((c) => c.type === 'decimal' || c.type === 'datetime')
    .map((c) => ({
      id: `${c.name}.Type`,
      check: 'type',
      column: c.name,
      needs: [c.name],
      since: since(c),
      section: `FOCUS 1.4 §${c.type === 'decimal' ? 'NumericFormat' : 'DateTimeFormat'}`,
      severity: 'error',
      message:
        c.type === 'decimal'
          ? `${c.name} is not a plain number (no currency symbol, thousands separator or unit).`
          : `${c.name} is not an ISO 8601 date/time.`,
    }))
  // Not-null when present: an error for Mandatory and Conditional columns, a warning for Recommended ones.
  const notNull: FocusRule[] = columns
    .filter((c) => !c.nullable && !options.notNullChecked?.has(c.name))
    .map((c) => ({
      id: `${c.name}.NotNull`,
      check: 'nullability',
      column: c.name,
      needs: [c.name],
      since: since(c),
      section: `FOCUS 1.4 §${c.name}`,
      severity: c.level === 'Recommended' ? 'warning' : 'error',
      message: `${c.name} is empty (FOCUS: must not be null).`,
    }))
  const allowed: FocusRule[] = (options.enums ?? []).map((e) => ({
    id: `${e.column}.Allowed`,
    check: 'allowed',
    values: e.values,
    column: e.column,
    needs: [e.column],
    since: (byName.get(e.column)?.since ?? '1.4') as FocusVersion,
    section: `FOCUS 1.4 §${e.column}`,
    severity: 'error',
    message: `${e.column} is not empty and not one of ${e.values.join(', ')}.`,
  }))
  const json: FocusRule[] = columns
    .filter((c) => c.type === 'json' && !options.jsonChecked?.has(c.name))
    .map((c) => ({
      id: `${c.name}.JsonObject`,
      check: 'format',
      pattern: 'json-object',
      column: c.name,
      needs: [c.name],
      since: since(c),
      section: 'FOCUS 1.4 §JsonObjectFormat',
      severity: 'error',
      message: `${c.name} is not a JSON object.`,
    }))
  return { presence, perColumn: [...types, ...notNull, ...allowed, ...json] }
}
