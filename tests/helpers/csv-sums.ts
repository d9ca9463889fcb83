/**
 * An independent oracle for reconciliation tests: parses a CSV in plain
 * TypeScript (RFC 4180, shared/csv.ts) and sums a column exactly with scaled
 * bigints, so expected totals come from the file itself, not from DuckDB.
 */
import { readFileSync } from 'node:fs'
import { parseCsv } from '../../shared/csv'
import { sumDecimals } from '../../shared/money'

export { parseCsv }

/** Exact sums of `column` per value of `groupBy` (empty and literal NULL skipped), plus row counts. */
export function csvSums(
  path: string,
  column: string,
  groupBy = 'BillingCurrency',
): Record<string, { sum: string; rows: number }> {
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'))
  const at = header.indexOf(column)
  const key = header.indexOf(groupBy)
  const groups: Record<string, { values: string[]; rows: number }> = {}
  for (const row of rows) {
    const group = (groups[row[key] ?? ''] ??= { values: [], rows: 0 })
    group.rows++
    const value = (row[at] ?? '').trim()
    if (value !== '' && value !== 'NULL') group.values.push(value)
  }
  return Object.fromEntries(
    Object.entries(groups).map(([k, g]) => [k, { sum: sumDecimals(g.values), rows: g.rows }]),
  )
}
