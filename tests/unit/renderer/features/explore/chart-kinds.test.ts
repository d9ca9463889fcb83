/**
 * The chart kind picker (chart-kinds.ts): kinds that cannot draw the pivot are offered disabled
 * with what they need, and a saved kind that no longer fits draws what "auto" would.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../../../shared/pivot'
import { drawnKind, kindChoices } from '../../../../../renderer/src/features/explore/chart-kinds'

const service = { kind: 'column', name: 'ServiceName' } as const
const region = { kind: 'column', name: 'RegionId' } as const
const enabled = (spec: PivotSpec, buckets: number): string[] =>
  kindChoices(spec, buckets)
    .filter((c) => c.reason === null)
    .map((c) => c.kind)

describe('kindChoices', () => {
  it('offers areas and lines only over two or more time buckets', () => {
    const spec: PivotSpec = { ...DEFAULT_PIVOT, rows: [service] }
    expect(enabled(spec, 1)).toEqual(['auto', 'bar', 'pareto'])
    expect(enabled(spec, 3)).toEqual(['auto', 'bar', 'area', 'line', 'pareto'])
  })

  it('offers treemap and sunburst for two group-bys, heatmap for a day grain', () => {
    const spec: PivotSpec = { ...DEFAULT_PIVOT, rows: [service, region], timeGrain: 'day' }
    expect(enabled(spec, 30)).toEqual([
      'auto',
      'bar',
      'area',
      'line',
      'treemap',
      'sunburst',
      'pareto',
      'heatmap',
    ])
    expect(
      kindChoices({ ...spec, rows: [service] }, 30).find((c) => c.kind === 'treemap')?.reason,
    ).toBe('needs two group-bys')
    expect(
      kindChoices({ ...spec, timeGrain: 'month' }, 3).find((c) => c.kind === 'heatmap')?.reason,
    ).toBe('needs a day grain and a group-by')
  })
})

describe('drawnKind', () => {
  it('draws a chosen kind that fits, and what auto draws otherwise', () => {
    const spec: PivotSpec = { ...DEFAULT_PIVOT, rows: [service] }
    expect(drawnKind('pareto', kindChoices(spec, 1), 1)).toBe('pareto')
    expect(drawnKind('treemap', kindChoices(spec, 1), 1)).toBe('bar')
    expect(drawnKind('treemap', kindChoices(spec, 3), 3)).toBe('line')
    expect(drawnKind('auto', kindChoices(spec, 3), 3)).toBe('line')
  })
})
