/**
 * SVG export of a chart (echart-svg.ts): the same option as on screen, drawn by ECharts' SVG
 * renderer without a screen, on white, with the drawn shapes as paths.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_PIVOT } from '../../../../shared/pivot'
import { renderSvg } from '../../../../renderer/src/components/echart-svg'
import { chartPanels } from '../../../../renderer/src/features/explore/chart-option'
import { resultView } from '../../../helpers/pivot-result'

describe('renderSvg', () => {
  it('draws a Pareto of a result as SVG paths with its labels', () => {
    const view = resultView(
      [
        { dims: ['Compute'], unit: 'USD', value: '5' },
        { dims: ['Storage'], unit: 'USD', value: '3' },
      ],
      ['ServiceName'],
    )
    const spec = { ...DEFAULT_PIVOT, timeGrain: 'none' as const, topN: null }
    const [panel] = chartPanels(view, spec, 'pareto', false)
    const svg = renderSvg(panel?.option ?? {}, 800, 340)
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).toContain('width="800"')
    expect(svg).toContain('fill="#ffffff"')
    expect(svg).toContain('<path')
    expect(svg).toContain('Compute')
    expect(svg).toContain('80%')
  })
})
