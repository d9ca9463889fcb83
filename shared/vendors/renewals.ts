/**
 * Renewals due and overlaps of the vendor register, pure so the screen, the CLI and the
 * tests agree: a contract is due when its renewal date falls within the window from the
 * as-of date (both ends included); its notice deadline is the renewal date less the notice
 * period, the last day a person can still decline the renewal.
 */
import type { VendorEntry, VendorRegister } from '../contract/vendors'

/** Days ahead a renewal is listed in: a quarter, time to give notice on most SaaS contracts. */
export const RENEWAL_WINDOW_DAYS = 90

const DAY_MS = 86_400_000

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS
}

/** `iso` moved by `days` (may be negative), as YYYY-MM-DD. */
export function addDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * DAY_MS).toISOString().slice(0, 10)
}

/** The renewals within `windowDays` of `asOf`, soonest first (then by name). */
export function renewalsDue(
  entries: readonly VendorEntry[],
  asOf: string,
  windowDays = RENEWAL_WINDOW_DAYS,
): VendorRegister['renewals'] {
  const start = dayNumber(asOf)
  return entries
    .filter((e): e is VendorEntry & { renewalDate: string } => e.renewalDate !== null)
    .map((e) => {
      const noticeDeadline = e.noticeDays === null ? null : addDays(e.renewalDate, -e.noticeDays)
      return {
        id: e.id,
        name: e.name,
        renewalDate: e.renewalDate,
        noticeDeadline,
        daysToRenewal: dayNumber(e.renewalDate) - start,
        noticePassed: noticeDeadline !== null && noticeDeadline < asOf,
      }
    })
    .filter((r) => r.daysToRenewal >= 0 && r.daysToRenewal <= windowDays)
    .sort((a, b) => a.daysToRenewal - b.daysToRenewal || a.name.localeCompare(b.name))
}

/** Categories (compared without case or surrounding spaces) holding two or more vendors. */
export function categoryOverlaps(entries: readonly VendorEntry[]): VendorRegister['overlaps'] {
  const groups = new Map<string, { category: string; vendors: string[] }>()
  for (const e of entries) {
    const category = e.category?.trim()
    if (!category) continue
    const key = category.toLowerCase()
    const group = groups.get(key) ?? { category, vendors: [] }
    group.vendors.push(e.name)
    groups.set(key, group)
  }
  return [...groups.values()]
    .filter((g) => g.vendors.length >= 2)
    .map((g) => ({ category: g.category, vendors: g.vendors.sort((a, b) => a.localeCompare(b)) }))
    .sort((a, b) => a.category.localeCompare(b.category))
}
