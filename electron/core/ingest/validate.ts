/**
 * FOCUS rule checks on the rows of one import (reference/focus-spec.md):
 * reported per rule with a row count, never used to hide or drop rows.
 */
import { FOCUS_RULES } from '../../../shared/focus/rules'
import { STORED_COLUMNS, violatedSql } from '../../../shared/focus/rules-sql'
import type { ImportRecord } from '../../../shared/contract'
import type { Workspace } from '../workspace/workspace'

/** The rules every import runs: the same table and SQL as `focal validate`, so the two never disagree. */
const RULES = FOCUS_RULES.flatMap((rule) => {
  const violated = rule.onImport ? violatedSql(rule, STORED_COLUMNS) : null
  return violated === null
    ? []
    : [{ rule: rule.id, needs: rule.needs, violated, message: rule.message }]
})

/**
 * Counts rule violations among the rows of `importId`; only rules whose columns the file has.
 * Rules that pass are kept with 0 rows, so the registry can say which rules were checked.
 */
export async function validateImport(
  ws: Workspace,
  importId: number,
  presentColumns: ReadonlySet<string>,
): Promise<ImportRecord['issues']> {
  const rules = RULES.filter((r) => r.needs.every((c) => presentColumns.has(c)))
  if (rules.length === 0) return []
  // The first offending source row goes with each count, so a person can find the value in the file.
  const select = rules
    .map(
      (r, i) =>
        `count(*) FILTER (WHERE ${r.violated}) AS v${i}, min(x_SourceRow) FILTER (WHERE ${r.violated}) AS f${i}`,
    )
    .join(', ')
  const [counts = {}] = await ws.all(`SELECT ${select} FROM cost_rows WHERE x_ImportId = $1`, [
    importId,
  ])
  return rules.map((r, i) => ({
    rule: r.rule,
    rows: Number(counts[`v${i}`] ?? 0),
    message: r.message,
    firstRow: Number(counts[`f${i}`] ?? 0),
  }))
}
