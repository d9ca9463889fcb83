/**
 * Contract commitments' terms and expiries (issue 13): how long each runs, and which end
 * within 30, 60 or 90 days of an "as of" day. Pure: dates are UTC ISO text.
 */
import type { CommitmentTerm, ContractCommitment } from '../../../shared/contract'

const DAY_MS = 86_400_000

/** Whole UTC days from day `from` (YYYY-MM-DD) to the instant `to` (ISO), counting a started day as whole. */
export function daysUntil(from: string, to: string): number {
  return Math.ceil((Date.parse(to) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/** A term as people say it: whole years, else whole months, else days; null without both ends. */
export function termText(start: string | null, end: string | null): string | null {
  if (!start || !end) return null
  const a = new Date(start)
  const b = new Date(end)
  const months =
    (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth())
  const sameDay = a.getUTCDate() === b.getUTCDate()
  if (sameDay && months > 0 && months % 12 === 0)
    return months === 12 ? '1 year' : `${months / 12} years`
  if (sameDay && months > 0) return months === 1 ? '1 month' : `${months} months`
  const days = Math.round((b.getTime() - a.getTime()) / DAY_MS)
  return days === 1 ? '1 day' : `${days} days`
}

/** The window of 30, 60 or 90 days an end `daysLeft` away falls in; null when it ended or is further. */
export function expiryWindow(daysLeft: number | null): 30 | 60 | 90 | null {
  if (daysLeft === null || daysLeft < 0) return null
  if (daysLeft <= 30) return 30
  if (daysLeft <= 60) return 60
  if (daysLeft <= 90) return 90
  return null
}

/** Each counted contract commitment with its term and expiry window as of `asOf`, soonest end first. */
export function commitmentTerms(
  commitments: readonly ContractCommitment[],
  asOf: string,
): CommitmentTerm[] {
  const terms = commitments.map((c) => {
    const daysLeft = c.end ? daysUntil(asOf, c.end) : null
    return {
      id: c.id,
      type: c.type,
      category: c.category,
      start: c.start,
      end: c.end,
      term: termText(c.start, c.end),
      cost: c.cost,
      currency: c.currency,
      daysLeft,
      expiresWithin: expiryWindow(daysLeft),
    }
  })
  return terms.sort(
    (a, b) => (a.end ?? '9999').localeCompare(b.end ?? '9999') || a.id.localeCompare(b.id),
  )
}
