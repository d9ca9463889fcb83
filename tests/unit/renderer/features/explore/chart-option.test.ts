/**
 * The charts of a result (chart-option.ts): one chart per currency, so amounts in different
 * currencies never share an axis, a stack or a total, each titled and labelled in its currency;
 * every kind draws from the same rows.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../../../shared/pivot'
import { formatAmount } from '../../../../../shared/report'
import { chartPanels } from '../../../../../renderer/src/features/explore/chart-option'
import { resultView, type ResultRow } from '../../../../helpers/pivot-result'

const service = { kind: 'column', name: 'ServiceName' } as const
const region = { kind: 'column', name: 'RegionId' } as const
const spec: PivotSpec = { ...DEFAULT_PIVOT, rows: [service, region], timeGrain: 'day', topN: null }

const rows: ResultRow[] = [
  { time: '2024-09-01', dims: ['Compute', 'eu-west-1'], unit: 'EUR', value: '5' },
  { time: '2024-09-01', dims: ['Compute', 'us-east-1'], unit: 'USD', value: '7.5' },
  { time: '2024-09-02', dims: ['Storage', 'eu-west-1'], unit: 'EUR', value: '2' },
  { time: '2024-09-02', dims: ['Compute', 'us-east-1'], unit: 'USD', value: '1' },
]
const view = resultView(rows, ['ServiceName', 'RegionId'], { timeName: 'Day' })

interface Drawn {
  title?: { text: string }
  yAxis?: { axisLabel: { formatter: (value: number) => string } }
  series: { name?: string; data: unknown[] }[]
}

describe('chartPanels', () => {
  it('draws two currencies as two charts, never one axis', () => {
    for (const kind of [
      'bar',
      'area',
      'line',
      'treemap',
      'sunburst',
      'pareto',
      'heatmap',
    ] as const) {
      const panels = chartPanels(view, spec, kind, true)
      expect(panels.map((p) => p.unit)).toEqual(['EUR', 'USD'])
      expect(panels.map((p) => (p.option as unknown as Drawn).title?.text)).toEqual([
        'BilledCost in EUR',
        'BilledCost in USD',
      ])
    }
  })

  it('keeps each currency’s amounts in its own chart, axis labels in that currency', () => {
    const [eur, usd] = chartPanels(view, spec, 'bar', true).map((p) => p.option as unknown as Drawn)
    expect(eur?.series.map((s) => s.name)).toEqual(['Compute · eu-west-1', 'Storage · eu-west-1'])
    expect(usd?.series.map((s) => s.name)).toEqual(['Compute · us-east-1'])
    expect(usd?.series[0]?.data.map((d) => (d as { exact: string } | null)?.exact)).toEqual([
      '7.5',
      '1',
    ])
    expect(eur?.yAxis?.axisLabel.formatter(2000)).toBe('EUR 2.0k')
    expect(usd?.yAxis?.axisLabel.formatter(2000)).toBe('USD 2.0k')
  })

  it('writes a tooltip amount in the chart’s currency', () => {
    const [eur] = chartPanels(view, spec, 'treemap', true)
    const formatter = (eur?.option.tooltip as { formatter: (p: unknown) => string }).formatter
    const node = (eur?.option as unknown as Drawn).series[0]?.data[0]
    expect(formatter({ data: node })).toBe(`Compute: <b>${formatAmount('5', 'EUR')}</b>`)
  })

  it('leaves a one-currency chart untitled and its plot at the top', () => {
    const one = resultView(
      rows.filter((r) => r.unit === 'USD'),
      ['ServiceName', 'RegionId'],
      {
        timeName: 'Day',
      },
    )
    const [panel] = chartPanels(one, spec, 'bar', true)
    expect(panel?.option.title).toBeUndefined()
    expect((panel?.option.grid as { top: number }).top).toBe(16)
  })

  it('draws every kind without an animation, so a click’s figures are in its first frame', () => {
    for (const kind of ['bar', 'area', 'line', 'treemap', 'sunburst', 'pareto', 'heatmap'] as const)
      for (const panel of chartPanels(view, spec, kind, true))
        expect(panel.option.animation, kind).toBe(false)
  })
})
