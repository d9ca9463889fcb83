/** UTC day arithmetic on YYYY-MM-DD strings for budgets: no local time zone ever enters. */

const DAY_MS = 86_400_000

/** The day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

/** The first day of a YYYY-MM month. */
export function monthStart(period: string): string {
  return `${period}-01`
}

/** The last day of a YYYY-MM month. */
export function monthEnd(period: string): string {
  const [year, month] = period.split('-').map(Number)
  return new Date(Date.UTC(year ?? 1970, month ?? 1, 0)).toISOString().slice(0, 10)
}

/** True for Saturday and Sunday (UTC), the days cloud spend often dips. */
export function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return weekday === 0 || weekday === 6
}

/** Every day from `first` to `last`, both included; empty when `last` is before `first`. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = []
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d)
  return days
}
