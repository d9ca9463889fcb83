/**
 * The relation `focal validate` runs the FOCUS rules over: one row per staged
 * source row, each FOCUS column as its typed value (null where it does not
 * convert), its source text and whether it is a bad value — the same
 * expressions an import stores and checks with (ingest/stage-sql.ts).
 */
import type { RuleColumns } from '../../../shared/focus/rules-sql'
import type { MappedColumn } from '../../../shared/formats/focus-header'
import { quoteIdent } from '../../../shared/sql/identifiers'
import {
  badValueCondition,
  canonicalValue,
  moneyValue,
  sourceRowExpr,
  stagedValue,
  type SourceKind,
} from '../ingest/stage-sql'

/** How the rules read the validation relation's columns. */
export const FILE_COLUMNS: RuleColumns = {
  value: quoteIdent,
  text: (column) => quoteIdent(`${column}#text`),
  bad: (column) => quoteIdent(`${column}#bad`),
}

/** The typed value of a staged column, null where the value does not convert (the import would refuse it). */
function tryValue(column: MappedColumn, kind: SourceKind, sourceType: string): string {
  if (column.type === 'decimal') return moneyValue(column, kind, 'TRY_CAST', sourceType)
  if (column.type === 'datetime') return `TRY_CAST(${stagedValue(column, kind)} AS TIMESTAMPTZ)`
  return canonicalValue(column, kind, sourceType)
}

/** CREATE TEMP VIEW `relation` over a stage: `source_row` (1-based) and three columns per FOCUS column given. */
export function fileRelationSql(
  relation: string,
  stage: string,
  kind: SourceKind,
  focusColumns: readonly MappedColumn[],
  sourceTypes: readonly string[],
): string {
  const columns = focusColumns.flatMap((c) => {
    const type = sourceTypes[c.index] ?? 'VARCHAR'
    const text =
      kind === 'parquet' && type !== 'VARCHAR'
        ? `CAST(${stagedValue(c, kind)} AS VARCHAR)`
        : stagedValue(c, kind)
    return [
      `${tryValue(c, kind, type)} AS ${FILE_COLUMNS.value(c.target)}`,
      `${text} AS ${FILE_COLUMNS.text(c.target)}`,
      `coalesce(${badValueCondition(c, kind, type) ?? 'false'}, false) AS ${FILE_COLUMNS.bad(c.target)}`,
    ]
  })
  return `CREATE TEMP VIEW ${quoteIdent(relation)} AS SELECT ${sourceRowExpr(kind)} + 1 AS source_row${columns.length ? `, ${columns.join(', ')}` : ''} FROM ${quoteIdent(stage)}`
}
