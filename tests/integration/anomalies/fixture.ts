/**
 * The crafted anomaly workspace data: one USD series (Compute · a1) alternating 10 and 11 a day
 * across vm-1 (5) and vm-2, with vm-3's 10 on its last day (2025-02-26), and the same series in
 * EUR (db-1), flat at 100 and 95 on the last day. Tags: team ops on vm-1, web on vm-2 and vm-3. Worked out by hand: on the last day USD
 * expected 10.5, deviation 1.4826 × 0.5 = 0.7413; EUR expected 100, deviation 1 (its floor).
 */
import { addDays } from '../../../shared/anomalies'
import { HEADER, focusLine } from '../../bench/anomaly-generator'

/** The first day of the data. */
export const START = '2025-01-01'
/** The last day, with the spike and the drop. */
export const LAST = addDays(START, 56)
/** The USD series' daily totals before the spike. */
export const USD_DAYS = Array.from({ length: 57 }, (_, i) => 10 + (i % 2))

/** The CSV text. */
export function craftedCsv(): string {
  const lines = [HEADER.join(',')]
  const add = (resource: string, day: number, cost: string, currency = 'USD', team?: string) =>
    lines.push(
      focusLine({
        account: 'a1',
        service: 'Compute',
        resource,
        sku: `sku-${resource}`,
        day: addDays(START, day),
        cost,
        currency,
        ...(team ? { tags: { team } } : {}),
      }),
    )
  for (let d = 0; d <= 56; d++) {
    add('vm-1', d, '5', 'USD', 'ops')
    add('vm-2', d, String((USD_DAYS[d] ?? 0) - 5), 'USD', 'web')
    add('db-1', d, d === 56 ? '95' : '100', 'EUR')
  }
  add('vm-3', 56, '10', 'USD', 'web')
  return `${lines.join('\n')}\n`
}
