/** Renewals due and overlaps (shared/vendors/renewals.ts): the 90-day window's ends, notice deadlines, categories. */
import { describe, expect, it } from 'vitest'
import { EMPTY_VENDOR, type VendorEntry } from '../../../shared/contract/vendors'
import { addDays, categoryOverlaps, renewalsDue } from '../../../shared/vendors/renewals'

function entry(id: number, name: string, more: Partial<VendorEntry> = {}): VendorEntry {
  return {
    ...EMPTY_VENDOR,
    id,
    name,
    updatedAt: '2026-01-01T00:00:00Z',
    actor: 'test',
    dataName: null,
    ...more,
  }
}

describe('renewalsDue', () => {
  const asOf = '2026-11-30'
  const entries = [
    entry(1, 'Yesterday', { renewalDate: '2026-11-29' }),
    entry(2, 'Today', { renewalDate: '2026-11-30', noticeDays: 0 }),
    entry(3, 'Day 90', { renewalDate: addDays(asOf, 90), noticeDays: 30 }),
    entry(4, 'Day 91', { renewalDate: addDays(asOf, 91) }),
    entry(5, 'Notice passed', { renewalDate: '2027-01-15', noticeDays: 60 }),
    entry(6, 'Notice today', { renewalDate: '2026-12-30', noticeDays: 30 }),
    entry(7, 'No date'),
  ]

  it('lists renewals from the as-of date to 90 days on, both ends included, soonest first', () => {
    expect(renewalsDue(entries, asOf)).toEqual([
      {
        id: 2,
        name: 'Today',
        renewalDate: '2026-11-30',
        noticeDeadline: '2026-11-30',
        daysToRenewal: 0,
        noticePassed: false,
      },
      {
        id: 6,
        name: 'Notice today',
        renewalDate: '2026-12-30',
        noticeDeadline: '2026-11-30',
        daysToRenewal: 30,
        noticePassed: false,
      },
      {
        id: 5,
        name: 'Notice passed',
        renewalDate: '2027-01-15',
        noticeDeadline: '2026-11-16',
        daysToRenewal: 46,
        noticePassed: true,
      },
      {
        id: 3,
        name: 'Day 90',
        renewalDate: '2027-02-28',
        noticeDeadline: '2027-01-29',
        daysToRenewal: 90,
        noticePassed: false,
      },
    ])
  })

  it('counts days in UTC across a leap day and a year end', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28')
  })
})

describe('categoryOverlaps', () => {
  it('groups categories without case or spaces, two or more vendors each', () => {
    expect(
      categoryOverlaps([
        entry(1, 'Slack', { category: 'Chat' }),
        entry(2, 'Teams', { category: ' chat' }),
        entry(3, 'Zoom', { category: 'Video' }),
        entry(4, 'Untagged'),
      ]),
    ).toEqual([{ category: 'Chat', vendors: ['Slack', 'Teams'] }])
  })
})
