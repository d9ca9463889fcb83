/**
 * Value lookups ship as CSV files in resources/lookups (one copy of the data,
 * with its origin and license beside it); the bundlers load each as text and
 * this turns it into the Record a mapping's `lookup` expression reads.
 */
import { parseCsv } from '../csv'

/** How a key is read from its CSV cell. */
export interface KeyOptions {
  /** Keys compared in lower case (the mapping looks them up with `lower`). */
  readonly lower?: boolean
  /** Keys trimmed, as a mapping's `column` expression trims the file's text. */
  readonly trim?: boolean
}

/**
 * `keyColumn` → `valueColumn` of a lookup CSV; the first row of a key wins, and a key
 * given two different values is refused, so a table edit cannot silently change a mapping.
 */
export function lookupTable(
  csv: string,
  keyColumn: string,
  valueColumn: string,
  options: KeyOptions = {},
): Readonly<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(csv)
  const keyAt = header.indexOf(keyColumn)
  const valueAt = header.indexOf(valueColumn)
  if (keyAt < 0 || valueAt < 0)
    throw new Error(`A lookup table lacks column ${keyAt < 0 ? keyColumn : valueColumn}.`)
  const table: Record<string, string> = {}
  for (const row of rows) {
    let key = row[keyAt] ?? ''
    if (options.trim) key = key.trim()
    if (options.lower) key = key.toLowerCase()
    const value = row[valueAt] ?? ''
    if (!Object.hasOwn(table, key)) table[key] = value
    else if (table[key] !== value)
      throw new Error(`A lookup table maps ${key} to both ${table[key]} and ${value}.`)
  }
  return table
}
