/** Billing periods as YYYY-MM strings: validation, arithmetic and names, all in UTC. */

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** True for a YYYY-MM month. */
export function isPeriod(text: string): boolean {
  return PERIOD_RE.test(text)
}

function parts(period: string): { year: number; month: number } {
  const match = PERIOD_RE.exec(period)
  if (!match) throw new Error(`not a period (YYYY-MM): ${JSON.stringify(period)}`)
  return { year: Number(match[1]), month: Number(match[2]) }
}

/** The period `months` after (or before, when negative) `period`. */
export function shiftPeriod(period: string, months: number): string {
  const { year, month } = parts(period)
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** "September 2024" for "2024-09". */
export function periodName(period: string): string {
  const { year, month } = parts(period)
  return `${MONTHS[month - 1]} ${year}`
}

/** Short month name for chart axes ("Sep"; "Sep 24" in January or when years differ). */
export function monthAxisLabel(period: string, withYear: boolean): string {
  const { year, month } = parts(period)
  const name = (MONTHS[month - 1] ?? '').slice(0, 3)
  return withYear ? `${name} ${String(year).slice(2)}` : name
}

/** The `count` periods ending with `period`, oldest first. */
export function periodWindow(period: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(period, i - count + 1))
}

/** Every day of a period as YYYY-MM-DD. */
export function daysOfPeriod(period: string): string[] {
  const { year, month } = parts(period)
  // Date.UTC with day 0 of the next month is the last day of this one; no local time involved.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return Array.from({ length: last }, (_, i) => `${period}-${String(i + 1).padStart(2, '0')}`)
}
