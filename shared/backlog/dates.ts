/** UTC calendar days as YYYY-MM-DD text for the backlog's windows; never a local time. */

const DAY_MS = 86_400_000

/** The day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Days from `start` to `end` ([start, end)), 0 when end is not after start. */
export function daysBetween(start: string, end: string): number {
  const d = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS)
  return Math.max(0, d)
}

/** The Monday starting the ISO week of `day` (ISO 8601 weeks start on Monday). */
export function isoWeekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return addDays(day, -((weekday + 6) % 7))
}

/** True for a real calendar day written YYYY-MM-DD (2024-02-30 is not). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const time = Date.parse(`${text}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text)
}

/** Later of two days. */
export function laterDay(a: string, b: string): string {
  return a > b ? a : b
}

/** Earlier of two days. */
export function earlierDay(a: string, b: string): string {
  return a < b ? a : b
}
