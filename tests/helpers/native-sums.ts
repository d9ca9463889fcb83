/**
 * Expected totals of native billing exports, computed apart from Focal's SQL:
 * the file parsed in TypeScript (RFC 4180), values in E-notation written out
 * as plain decimals by string arithmetic, summed exactly with scaled bigints.
 */
import { readFileSync } from 'node:fs'
import { sumDecimals } from '../../shared/money'
import { parseCsv } from './csv-sums'

/** A number as written (1.81E-8, -2e3, 0.5) as a plain decimal string, exactly. */
export function plainDecimal(text: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(text.trim())
  if (!match) return text.trim()
  const [, sign = '', int = '', frac = '', exp = '0'] = match
  const digits = `${int}${frac}`
  const point = int.length + Number(exp)
  const padded =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? `${digits}${'0'.repeat(point - digits.length)}`
        : `${digits.slice(0, point)}.${digits.slice(point)}`
  return `${sign}${padded}`
}

/**
 * A plain decimal at most 18 decimals long, rounded half away from zero as
 * DuckDB's cast to DECIMAL(38,18) rounds (Focal flags such rows ROUNDED_TO_18_DECIMALS).
 */
export function roundTo18(text: string): string {
  const match = /^([+-]?)(\d*)\.(\d{19,})$/.exec(text)
  if (!match) return text
  const [, sign = '', int = '', frac = ''] = match
  let scaled = BigInt(`${int || '0'}${frac.slice(0, 18)}`)
  if (Number(frac[18]) >= 5) scaled += 1n
  const digits = scaled.toString().padStart(19, '0')
  return `${sign}${digits.slice(0, -18)}.${digits.slice(-18)}`
}

/** The header and rows of a CSV file as objects keyed by header name (BOM dropped). */
export function csvRecords(path: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8').replace(/^\ufeff/, ''))
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])))
}

/** Exact sum of `value(row)` per `groupBy` column over the rows `keep` accepts (empty values skipped). */
export function sumBy(
  records: readonly Record<string, string>[],
  groupBy: string,
  value: (row: Record<string, string>) => string | null,
  keep: (row: Record<string, string>) => boolean = () => true,
): Record<string, { sum: string; rows: number }> {
  const groups: Record<string, { values: string[]; rows: number }> = {}
  for (const row of records) {
    const group = (groups[row[groupBy] ?? ''] ??= { values: [], rows: 0 })
    group.rows++
    const v = keep(row) ? (value(row) ?? '').trim() : ''
    if (v !== '' && v !== 'NULL') group.values.push(roundTo18(plainDecimal(v)))
  }
  return Object.fromEntries(
    Object.entries(groups).map(([k, g]) => [
      k,
      { sum: g.values.length > 0 ? sumDecimals(g.values) : '0', rows: g.rows },
    ]),
  )
}
