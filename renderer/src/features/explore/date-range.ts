/** The Explore date inputs as a pivot date range: each bound applies on its own. */
import type { PivotSpec } from '../../../../shared/pivot'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** True when both bounds are dates and Until is not after From (the inputs say so; nothing applies). */
export function isReversed(start: string, end: string): boolean {
  return ISO_DATE.test(start) && ISO_DATE.test(end) && start >= end
}

/**
 * The range for the typed "From" and "Until (exclusive)" texts: a bound that is a whole date
 * applies even when the other is empty, so "From 2024-09-15" alone means from that day on.
 * A reversed pair applies nothing rather than showing no rows.
 */
export function dateRangeOf(start: string, end: string): PivotSpec['dateRange'] {
  if (isReversed(start, end)) return null
  const from = ISO_DATE.test(start) ? start : null
  const until = ISO_DATE.test(end) ? end : null
  return from || until ? { start: from, end: until } : null
}
