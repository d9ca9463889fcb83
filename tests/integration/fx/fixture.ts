/**
 * A two-currency month for the reporting-currency tests: the demo CSV (USD) and, beside it,
 * its September rows of the "Atlas …" sub accounts billed in EUR to a second billing account
 * (written to a temp folder, never into the project). Expected figures are summed here from
 * the two files with plain TypeScript, independent of DuckDB and the report code.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sumDecimals } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { DEMO } from '../report/support'
import { readFileSync } from 'node:fs'

/** The month both currencies have rows in. */
export const PERIOD = '2024-09'

/** Writes the EUR file into `dir` and returns its path. */
export function writeEuroFile(dir: string): string {
  const [header = [], ...rows] = parseCsv(readFileSync(DEMO, 'utf8'))
  const col = (name: string): number => header.indexOf(name)
  const picked = rows.filter(
    (r) =>
      (r[col('BillingPeriodStart')] ?? '').startsWith(PERIOD) &&
      (r[col('SubAccountName')] ?? '').startsWith('Atlas'),
  )
  const euro = picked.map((r) =>
    r.map((v, i) =>
      i === col('BillingCurrency')
        ? 'EUR'
        : i === col('BillingAccountId')
          ? 'eu-billing-account'
          : i === col('BillingAccountName')
            ? 'EU billing account'
            : v,
    ),
  )
  const quote = (v: string): string => `"${v.replaceAll('"', '""')}"`
  const path = join(dir, 'demo-eur.csv')
  writeFileSync(path, [header, ...euro].map((r) => r.map(quote).join(',')).join('\n') + '\n')
  return path
}

/** Exact BilledCost of PERIOD per SubAccountName and currency, over the given FOCUS CSV files. */
export function expectedSums(files: readonly string[]): Map<string, Map<string, string>> {
  const parts = new Map<string, Map<string, string[]>>()
  for (const file of files) {
    const [header = [], ...rows] = parseCsv(readFileSync(file, 'utf8'))
    const col = (name: string): number => header.indexOf(name)
    for (const r of rows) {
      if (!(r[col('BillingPeriodStart')] ?? '').startsWith(PERIOD)) continue
      const target = r[col('SubAccountName')] || 'Unallocated'
      const currency = r[col('BillingCurrency')] ?? ''
      const byCurrency = parts.get(target) ?? new Map<string, string[]>()
      const list = byCurrency.get(currency) ?? []
      list.push(r[col('BilledCost')] || '0')
      byCurrency.set(currency, list)
      parts.set(target, byCurrency)
    }
  }
  return new Map(
    [...parts].map(([t, m]) => [t, new Map([...m].map(([c, v]) => [c, sumDecimals(v)]))]),
  )
}

/** a × b of two decimal strings, exactly: digits multiplied as integers, the point placed after. */
export function multiply(a: string, b: string): string {
  const split = (v: string): [bigint, number] => {
    const [int = '0', frac = ''] = v.replace('-', '').split('.')
    const n = BigInt(int + frac)
    return [v.startsWith('-') ? -n : n, frac.length]
  }
  const [x, xs] = split(a)
  const [y, ys] = split(b)
  return placePoint(x * y, xs + ys)
}

/** Exact sum of decimal strings of any scale. */
export function add(values: readonly string[]): string {
  const scale = Math.max(0, ...values.map((v) => (v.split('.')[1] ?? '').length))
  const total = values.reduce((s, v) => {
    const [int = '0', frac = ''] = v.replace('-', '').split('.')
    const n = BigInt(int + frac.padEnd(scale, '0'))
    return s + (v.startsWith('-') ? -n : n)
  }, 0n)
  return placePoint(total, scale)
}

function placePoint(n: bigint, scale: number): string {
  const negative = n < 0n
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0')
  const int = digits.slice(0, digits.length - scale)
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '')
  const body = frac ? `${int}.${frac}` : int
  return negative && body !== '0' ? `-${body}` : body
}
