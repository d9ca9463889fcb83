/**
 * Treemap and sunburst (chart-hierarchy.ts): rows[0] → rows[1] summed exactly over time; a node
 * filters to its path; credits are not drawn as areas and the note says how many; a click
 * filters instead of zooming.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_PIVOT, OTHER_LABEL, type PivotSpec } from '../../../../../shared/pivot'
import { rowsOfUnit } from '../../../../../renderer/src/features/explore/chart-data'
import {
  hierarchyData,
  hierarchyOption,
} from '../../../../../renderer/src/features/explore/chart-hierarchy'
import { resultView, type ResultRow } from '../../../../helpers/pivot-result'

const service = { kind: 'column', name: 'ServiceName' } as const
const region = { kind: 'column', name: 'RegionId' } as const
const spec: PivotSpec = { ...DEFAULT_PIVOT, rows: [service, region], topN: 2 }
const scale = 10n ** 18n

const rows: ResultRow[] = [
  { time: '2024-09', dims: ['Compute', 'us-east-1'], unit: 'USD', value: '4.5' },
  { time: '2024-10', dims: ['Compute', 'us-east-1'], unit: 'USD', value: '0.5' },
  { time: '2024-10', dims: ['Compute', 'eu-west-1'], unit: 'USD', value: '2' },
  { time: '2024-10', dims: ['Storage', 'us-east-1'], unit: 'USD', value: '3' },
  { time: '2024-10', dims: ['Storage', 'eu-west-1'], unit: 'USD', value: '-1' },
  { time: '2024-10', dims: [null, 'us-east-1'], unit: 'USD', value: '0.75', other: true },
]
const view = resultView(rows, ['ServiceName', 'RegionId'], { timeName: 'Month', folding: true })
const data = hierarchyData(view, spec, rowsOfUnit(view, 'USD'))

describe('hierarchyData', () => {
  it('nests the second group-by under the first, summed over time, the fold last', () => {
    expect(
      data.nodes.map((n) => [n.name, n.total, n.children.map((c) => [c.name, c.total])]),
    ).toEqual([
      [
        'Compute',
        7n * scale,
        [
          ['us-east-1', 5n * scale],
          ['eu-west-1', 2n * scale],
        ],
      ],
      ['Storage', 3n * scale, [['us-east-1', 3n * scale]]],
      [OTHER_LABEL, 75n * 10n ** 16n, [['us-east-1', 75n * 10n ** 16n]]],
    ])
  })

  it('leaves out a credit, which has no area, and counts it', () => {
    expect(data.notPositive).toBe(1)
    const { note } = hierarchyOption(data, 'treemap', { unit: 'USD', money: true }, 'BilledCost')
    expect(note).toBe('1 item with a zero or credit total is not drawn (an area is a size).')
  })

  it('filters a child to both values, a parent to its own, and nothing under the fold', () => {
    const [compute, , other] = data.nodes
    expect(compute?.target.filters).toEqual([{ dimension: service, op: 'in', values: ['Compute'] }])
    expect(compute?.children[1]?.target.filters).toEqual([
      { dimension: service, op: 'in', values: ['Compute'] },
      { dimension: region, op: 'in', values: ['eu-west-1'] },
    ])
    expect(other?.target.filters).toEqual([])
    expect(other?.children[0]?.target.filters).toEqual([])
  })
})

describe('hierarchyOption', () => {
  it('filters on a click instead of zooming, for both kinds', () => {
    for (const kind of ['treemap', 'sunburst'] as const) {
      const { option } = hierarchyOption(data, kind, { unit: 'USD', money: true }, 'BilledCost')
      const [series] = option.series as {
        type: string
        nodeClick: boolean
        data: { name: string; exact: string; children: { exact: string }[] }[]
      }[]
      expect(series?.type).toBe(kind)
      expect(series?.nodeClick).toBe(false)
      expect(series?.data.map((n) => [n.name, n.exact, n.children.map((c) => c.exact)])).toEqual([
        ['Compute', '7', ['5', '2']],
        ['Storage', '3', ['3']],
        [OTHER_LABEL, '0.75', ['0.75']],
      ])
    }
  })
})
