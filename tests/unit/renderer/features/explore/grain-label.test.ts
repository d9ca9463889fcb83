/** The summary table's time column names its grain (pivot-view.ts grainLabel). */
import { describe, expect, it } from 'vitest'
import { grainLabel } from '../../../../../renderer/src/features/explore/pivot-view'

describe('grainLabel', () => {
  it('reads each grain, a week by its first day', () => {
    expect(['day', 'week', 'month', 'quarter'].map((g) => grainLabel(g as 'day'))).toEqual([
      'Day',
      'Week of',
      'Month',
      'Quarter',
    ])
  })
})
