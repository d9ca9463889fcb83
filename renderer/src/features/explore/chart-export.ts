/**
 * Export of the chart as a picture: PNG from the chart on screen (twice its pixels, on white) and
 * SVG from the same option drawn by ECharts' SVG renderer, each downloaded as a file named after
 * the open view (or the measure) and today's date. No path crosses to the host (CONVENTIONS.md #4).
 */
import type { ChartImage, ChartOption } from '../../components/echart'
import { renderSvg } from '../../components/echart-svg'
import { downloadBlob } from '../mapping/download'

/** "<view or measure>[-<currency>]-<yyyy-mm-dd>.<ext>", with only characters every file system takes. */
export function chartFileName(
  name: string,
  unit: string | null,
  extension: 'png' | 'svg',
  today: Date = new Date(),
): string {
  const safe = (text: string): string =>
    text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '')
  const base = [safe(name) || 'chart', ...(unit ? [safe(unit)] : [])].join('-')
  return `${base}-${today.toISOString().slice(0, 10)}.${extension}`
}

/** The bytes of a data URL (what getDataURL gives) as a Blob. */
export function dataUrlBlob(dataUrl: string): Blob {
  const [head = '', body = ''] = dataUrl.split(',', 2)
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream'
  const binary = atob(body)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type })
}

/** One chart to export: its option, the chart on screen, and its currency when there are several. */
export interface ExportedChart {
  readonly option: ChartOption
  readonly image: ChartImage | null
  readonly unit: string | null
}

/** Downloads every chart as PNG or SVG. */
export function exportCharts(
  charts: readonly ExportedChart[],
  name: string,
  format: 'png' | 'svg',
): void {
  for (const chart of charts) {
    if (!chart.image) continue
    const fileName = chartFileName(name, chart.unit, format)
    if (format === 'png') {
      downloadBlob(fileName, dataUrlBlob(chart.image.png()))
    } else {
      const { width, height } = chart.image.size()
      const svg = renderSvg(chart.option, width || 960, height || 340)
      downloadBlob(fileName, new Blob([svg], { type: 'image/svg+xml' }))
    }
  }
}
