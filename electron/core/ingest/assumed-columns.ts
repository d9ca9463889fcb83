/**
 * Values a person supplies for FOCUS columns a file lacks (`focal import --assume
 * BillingCurrency=USD`, the app's "Supply the missing values…"): the FOCUS spec's
 * own examples leave out BillingCurrency. Each assumed column becomes one more
 * stage column holding the value, so it is checked, typed and stored as a column
 * the file had; every row is flagged VALUE_ASSUMED and the import record lists the
 * values (never assumed silently).
 */
import { fail } from '../../../shared/contract'
import { focusColumn } from '../../../shared/focus'
import type { HeaderMapping, MappedColumn } from '../../../shared/formats/focus-header'
import { quoteIdent, quoteLiteral } from '../../../shared/sql/identifiers'
import type { Workspace } from '../workspace/workspace'
import { badValueCondition } from './stage-sql'
import type { FixRule } from './value-checks'

/** Fix code on every row of an import with an assumed column value. */
export const VALUE_ASSUMED = 'VALUE_ASSUMED'

/** FOCUS column name → the value every row gets. */
export type Assumptions = Readonly<Record<string, string>>

/**
 * The mapping with each assumed column added after the file's `columnCount` columns, and no
 * longer missing. Fails with BAD_REQUEST for a name that is not a FOCUS column, a column the
 * file has, or an empty value.
 */
export function assumeColumns(
  mapping: HeaderMapping,
  columnCount: number,
  assume: Assumptions,
  fileName: string,
): HeaderMapping {
  const added: MappedColumn[] = []
  for (const [name, value] of Object.entries(assume)) {
    const column = focusColumn(name)
    if (!column)
      fail('BAD_REQUEST', `${name} is not a FOCUS column, so no value can be assumed for it.`, {
        hint: 'Assume values only for FOCUS columns the file lacks, spelled as in FOCUS (BillingCurrency).',
      })
    if (mapping.columns.some((c) => c.target === column.name))
      fail(
        'BAD_REQUEST',
        `${fileName} has a ${name} column: its own values are used, none is assumed.`,
        {
          hint: `Import ${fileName} without assuming ${name}.`,
          location: { file: fileName, column: name },
        },
      )
    if (value.trim() === '')
      fail('BAD_REQUEST', `The value assumed for ${name} is empty.`, {
        hint: `Give the value every row of ${fileName} should have, e.g. ${name}=USD.`,
        location: { file: fileName, column: name },
      })
    added.push({
      index: columnCount + added.length,
      source: name,
      target: column.name,
      type: column.type,
      assumed: value,
    })
  }
  const assumed = new Set(added.map((c) => c.target))
  return {
    ...mapping,
    columns: [...mapping.columns, ...added],
    missing: mapping.missing.filter((name) => !assumed.has(name)),
  }
}

/** Fails with BAD_VALUE when an assumed value is not one a cell of its column may hold. */
export async function checkAssumedValues(
  ws: Workspace,
  mapping: HeaderMapping,
  fileName: string,
): Promise<void> {
  for (const column of mapping.columns) {
    if (column.assumed === undefined) continue
    // The very check a cell of the column gets (value-checks.ts), on a one-row table.
    const condition = badValueCondition({ ...column, index: 0 }, 'csv')
    if (!condition) continue
    const [row] = await ws.all(`SELECT ${condition} AS bad FROM (SELECT $1::VARCHAR AS c0)`, [
      column.assumed,
    ])
    if (row?.bad === true)
      fail(
        'BAD_VALUE',
        `The value assumed for ${column.target}, "${column.assumed}", is not ${column.type === 'decimal' ? 'a number' : 'a date/time'}.`,
        {
          hint:
            column.type === 'datetime'
              ? 'Give an ISO 8601 date-time such as 2024-09-01T00:00:00Z.'
              : 'Give a plain number such as 10.5.',
          location: { file: fileName, column: column.target, value: column.assumed },
        },
      )
  }
}

/** ALTER TABLE statements that add each assumed column's value to a CSV's text stage. */
export function addAssumedSql(table: string, mapping: HeaderMapping): string[] {
  return mapping.columns
    .filter((c) => c.assumed !== undefined)
    .map(
      (c) =>
        `ALTER TABLE ${quoteIdent(table)} ADD COLUMN c${c.index} VARCHAR DEFAULT ${quoteLiteral(c.assumed ?? '')}`,
    )
}

/** The fix that flags every row of an import with assumed values. */
export function assumedFixes(mapping: HeaderMapping): FixRule[] {
  return mapping.columns.some((c) => c.assumed !== undefined)
    ? [{ code: VALUE_ASSUMED, condition: 'true' }]
    : []
}

/** True when the mapping has an assumed column. */
export function hasAssumed(mapping: HeaderMapping): boolean {
  return mapping.columns.some((c) => c.assumed !== undefined)
}
