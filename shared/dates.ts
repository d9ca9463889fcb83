/** Dates and times for people (DESIGN.md: dates are UTC). */

/**
 * A moment as "2024-09-18 22:05 UTC": always UTC and always saying so, so a time reads the same
 * on every machine and in every exported screenshot. Text that is not a time is shown as given.
 */
export function formatUtcTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
