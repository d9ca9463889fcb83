/**
 * The buckets of a cost-per-unit series, every one from the first to the last, so a bucket
 * without a metric value is a gap on the chart and in the table, never a missing point.
 * Labels are the pivot's: 2024-09-16 (a day, or the Monday a week starts), 2024-09 (a month).
 */

/** The grains a cost per unit is read at. */
export type UnitGrain = 'day' | 'week' | 'month'

function dayLabel(d: Date): string {
  return d.toISOString().slice(0, 10)
}

/** Every bucket label from `first` to `last` (both labels of `grain`), in order. */
export function bucketRange(grain: UnitGrain, first: string, last: string): string[] {
  const labels: string[] = []
  if (grain === 'month') {
    let [y, m] = first.split('-').map(Number) as [number, number]
    for (let label = first; label <= last;) {
      labels.push(label)
      m += 1
      if (m > 12) [y, m] = [y + 1, 1]
      label = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`
    }
    return labels
  }
  const step = grain === 'week' ? 7 : 1
  const d = new Date(`${first}T00:00:00Z`)
  while (dayLabel(d) <= last) {
    labels.push(dayLabel(d))
    d.setUTCDate(d.getUTCDate() + step)
  }
  return labels
}
