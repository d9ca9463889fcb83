/**
 * A billing CSV read by hand as records, and an exact decimal comparison, so a test can filter
 * rows itself (a range, a text match, a tag) and compute the totals Focal must show.
 */
import { readFileSync } from 'node:fs'
import { parseCsv } from './csv-sums'

/** One CSV row as header → value; empty and NULL cells are null. */
export type CsvRow = Record<string, string | null>

/** The rows of the CSV file at `path` as header → value (NULL and empty as null). */
export function csvRows(path: string): CsvRow[] {
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'))
  return rows.map((row) =>
    Object.fromEntries(
      header.map((h, i) => {
        const v = row[i] ?? ''
        return [h, v === '' || v === 'NULL' ? null : v]
      }),
    ),
  )
}

/** `a ≥ b` for plain decimal text, compared exactly with BigInt at 18 places. */
export function atLeast(a: string, b: string): boolean {
  const scaled = (text: string): bigint => {
    const [whole = '0', fraction = ''] = text.replace('-', '').split('.')
    const n = BigInt(whole + fraction.padEnd(18, '0').slice(0, 18))
    return text.startsWith('-') ? -n : n
  }
  return scaled(a) >= scaled(b)
}
