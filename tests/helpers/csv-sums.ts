/**
 * An independent oracle for reconciliation tests: parses a CSV in plain
 * TypeScript (RFC 4180) and sums a column exactly with scaled bigints, so
 * expected totals come from the file itself, not from DuckDB.
 */
import { readFileSync } from 'node:fs'
import { sumDecimals } from '../../shared/money'

/** Parses CSV text into records. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  const body = text.startsWith('\ufeff') ? text.slice(1) : text
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      record.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += ch
  }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  return records.filter((r) => !(r.length === 1 && r[0] === ''))
}

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
