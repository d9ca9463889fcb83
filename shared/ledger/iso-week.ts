/**
 * ISO 8601 weeks (Monday start, UTC) for the weekly cost ledger: `2025-W01` is the week that
 * holds the year's first Thursday, so it may start in December (2024-12-30) and a year may have
 * 53 weeks (2020-W53). Pure date arithmetic on UTC milliseconds, never the local clock.
 */

const DAY_MS = 86_400_000
const WEEK_MS = 7 * DAY_MS

/** The text form of a week: 2025-W07. */
export const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/

/** One ISO week: its label, and its [start, end) as YYYY-MM-DD (UTC midnights). */
export interface IsoWeek {
  readonly label: string
  readonly year: number
  readonly week: number
  readonly start: string
  readonly end: string
}

/** Thrown for a text that is not a week that exists (2021-W53, 2024-W00, 2024-7). */
export class IsoWeekError extends Error {}

const dayText = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** Monday of week 1 of `year`: the Monday on or before 4 January (the 4th is always in week 1). */
function weekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4)
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return jan4 - weekday * DAY_MS
}

/** How many ISO weeks `year` has: 53 when it starts on a Thursday, or a leap year on a Wednesday. */
export function weeksInYear(year: number): number {
  return (weekOneMonday(year + 1) - weekOneMonday(year)) / WEEK_MS
}

function build(year: number, week: number): IsoWeek {
  const start = weekOneMonday(year) + (week - 1) * WEEK_MS
  return {
    label: `${year}-W${String(week).padStart(2, '0')}`,
    year,
    week,
    start: dayText(start),
    end: dayText(start + WEEK_MS),
  }
}

/** Parses `YYYY-Www`; throws IsoWeekError for a malformed text or a week the year does not have. */
export function parseIsoWeek(text: string): IsoWeek {
  const match = ISO_WEEK_PATTERN.exec(text.trim())
  if (!match) throw new IsoWeekError(`${text} is not a week; write it as YYYY-Www, e.g. 2025-W07.`)
  const year = Number(match[1])
  const week = Number(match[2])
  if (week < 1 || week > weeksInYear(year))
    throw new IsoWeekError(
      `${year} has weeks 1 to ${weeksInYear(year)}; ${text} is not one of them.`,
    )
  return build(year, week)
}

/** The ISO week holding the UTC day of `day` (YYYY-MM-DD or any ISO timestamp). */
export function isoWeekOf(day: string): IsoWeek {
  const ms = Date.parse(`${day.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(ms)) throw new IsoWeekError(`${day} is not a date.`)
  const weekday = (new Date(ms).getUTCDay() + 6) % 7
  const thursday = ms + (3 - weekday) * DAY_MS
  // The week belongs to the year of its Thursday.
  const year = new Date(thursday).getUTCFullYear()
  return build(year, Math.floor((ms - weekday * DAY_MS - weekOneMonday(year)) / WEEK_MS) + 1)
}

/** The week `offset` weeks from `week` (-1: the week before). */
export function shiftIsoWeek(week: IsoWeek, offset: number): IsoWeek {
  return isoWeekOf(dayText(Date.parse(`${week.start}T00:00:00Z`) + offset * WEEK_MS))
}

/** The seven days of `week`, Monday first, as YYYY-MM-DD. */
export function daysOfWeek(week: IsoWeek): string[] {
  const start = Date.parse(`${week.start}T00:00:00Z`)
  return Array.from({ length: 7 }, (_, i) => dayText(start + i * DAY_MS))
}
