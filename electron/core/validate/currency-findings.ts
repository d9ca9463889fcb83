/**
 * `focal validate`'s finding for money written as a currency string (`$10,000.00`):
 * FOCUS §Numeric Format asks for plain numbers, but an import reads these into the
 * decimal they mean (ingest/currency-text-sql.ts) and flags the rows, so validation
 * reports them as a warning per column, not as a failed type rule.
 */
import type { HeaderMapping } from '../../../shared/formats/focus-header'
import { quoteIdent } from '../../../shared/sql/identifiers'
import { CURRENCY_STRING_PARSED } from '../ingest/currency-text-sql'
import { currencyTextFixCondition, sourceRowExpr, type SourceKind } from '../ingest/stage-sql'
import type { Workspace } from '../workspace/workspace'
import { shownValue, type RuleResult } from './rule-results'

/** A warning per money column with currency strings; none for a file without them. */
export async function currencyFindings(
  ws: Workspace,
  table: string,
  kind: SourceKind,
  mapping: HeaderMapping,
  types: readonly string[],
): Promise<RuleResult[]> {
  const checked = mapping.columns.flatMap((column) => {
    const condition = currencyTextFixCondition(column, kind, types[column.index])
    return condition ? [{ column, condition }] : []
  })
  if (checked.length === 0) return []
  const select = checked
    .map(
      ({ condition }, i) =>
        `count(*) FILTER (WHERE ${condition}) AS n${i}, min(${sourceRowExpr(kind)}) FILTER (WHERE ${condition}) AS r${i}`,
    )
    .join(', ')
  const [counts = {}] = await ws.all(`SELECT ${select} FROM ${quoteIdent(table)}`)
  const findings: RuleResult[] = []
  for (const [i, { column }] of checked.entries()) {
    const rows = Number(counts[`n${i}`] ?? 0)
    if (rows === 0) continue
    const row = Number(counts[`r${i}`])
    const [first] = await ws.all(
      `SELECT CAST(c${column.index} AS VARCHAR) AS v FROM ${quoteIdent(table)} WHERE ${sourceRowExpr(kind)} = $1`,
      [row],
    )
    findings.push({
      rule: `${column.target}.${CURRENCY_STRING_PARSED}`,
      check: 'format',
      column: column.target,
      since: '1.0',
      section: 'Numeric Format',
      severity: 'warning',
      message: `${column.target} is written as a currency string (such as $10,000.00), not a plain number; an import reads it as the decimal it means and flags the rows ${CURRENCY_STRING_PARSED}.`,
      failingRows: rows,
      passed: false,
      samples: [{ row: row + 1, value: shownValue(first?.v == null ? null : String(first.v)) }],
    })
  }
  return findings
}
