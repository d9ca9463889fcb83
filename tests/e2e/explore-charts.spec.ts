/**
 * Explore's charts on the demo sample: every kind draws (screenshots under test-results/); a click
 * on a treemap node and on a heatmap cell filters the pivot to it, and the total becomes the figure
 * computed here from the sample CSV for what the chips and the date range now say; the chart
 * exports as PNG and as SVG.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { sumDecimals } from '../../shared/money'
import { NONE_LABEL } from '../../shared/pivot'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { expect, test } from './support/fixtures'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

/** Exact BilledCost of the sample's rows with these column values, charged in [from, until). */
function billed(where: Record<string, string>, from?: string, until?: string): string {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  const start = at('ChargePeriodStart')
  const matches = (row: string[]): boolean =>
    Object.entries(where).every(([column, value]) => {
      const cell = row[at(column)] ?? ''
      return value === NONE_LABEL ? cell === '' || cell === 'NULL' : cell === value
    }) &&
    (!from || (row[start] ?? '').slice(0, 10) >= from) &&
    (!until || (row[start] ?? '').slice(0, 10) < until)
  return sumDecimals(rows.filter(matches).map((r) => r[at('BilledCost')] ?? '0'))
}

/** The filter chips as column → value ("ServiceName: Amazon EC2"). */
async function chipValues(page: Page): Promise<Record<string, string>> {
  const texts = await page.getByTestId('filter-chip').allInnerTexts()
  return Object.fromEntries(
    texts.map((text) => {
      const at = text.indexOf(': ')
      return [text.slice(0, at).trim(), text.slice(at + 2).trim()]
    }),
  )
}

/** Clicks across the chart at the given heights until a filter chip appears. */
async function clickUntilFiltered(page: Page, chart: Locator, heights: number[]): Promise<void> {
  const chips = page.getByTestId('filter-chip')
  await chart.scrollIntoViewIfNeeded()
  const box = await chart.boundingBox()
  if (!box) throw new Error('The chart is not on the page.')
  for (const y of heights)
    for (let x = 0.25; x < 0.95 && (await chips.count()) === 0; x += 0.07)
      await page.mouse.click(box.x + box.width * x, box.y + y)
  await expect(chips.first()).toBeVisible()
}

test('every chart kind draws; treemap and heatmap clicks filter; PNG and SVG export', async ({
  app,
  workspace,
  explore,
  page,
}, testInfo) => {
  test.setTimeout(180_000)
  await app.open()
  await workspace.openSample()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')
  const all = billed({})
  await expect.poll(() => explore.total('USD')).toBe(all)

  // One month of data: lines and areas need two buckets, the treemap two group-bys.
  const picker = page.getByTestId('chart-kind')
  await expect(page.getByTestId('chart-kind-note')).toContainText(
    'Treemap and Sunburst need two group-bys',
  )
  await expect(picker.locator('input[value="treemap"]')).toBeDisabled()

  await explore.thenBy('RegionId')
  await explore.timeGrain('Day')
  await expect(picker.locator('input[value="heatmap"]')).toBeEnabled()
  await expect(picker.locator('input[value="treemap"]')).toBeEnabled()
  await expect(picker.locator('input[value="line"]')).toBeEnabled()

  const result = page.getByTestId('pivot-result')
  for (const label of ['Bars', 'Area', 'Lines', 'Treemap', 'Sunburst', 'Pareto', 'Heatmap']) {
    await explore.chartKind(label)
    await result.screenshot({ path: testInfo.outputPath(`chart-${label.toLowerCase()}.png`) })
  }
  // Over 30 days, 12 service × region series are kept and the rest said to be summed in (Other).
  await explore.chartKind('Lines')
  await expect(page.getByTestId('chart')).toHaveAttribute('aria-label', /are summed in \(Other\)/)

  // A treemap node: its chips name what was clicked; the total is the CSV's for those values.
  await explore.chartKind('Treemap')
  const chart = page.getByTestId('chart')
  await clickUntilFiltered(page, chart, [120, 200])
  const treemapChips = await chipValues(page)
  expect(Object.keys(treemapChips)).toContain('ServiceName')
  const node = billed(treemapChips)
  expect(node).not.toBe(all)
  await expect.poll(() => explore.total('USD')).toBe(node)
  await result.screenshot({ path: testInfo.outputPath('chart-treemap-filtered.png') })
  await page.getByTestId('clear-filters').click()
  await expect(page.getByTestId('filter-chip')).toHaveCount(0)
  await expect.poll(() => explore.total('USD')).toBe(all)

  // A heatmap cell: the top line is the largest service; the click sets its day as the date range.
  await explore.chartKind('Heatmap')
  await clickUntilFiltered(page, chart, [26, 44])
  const cellChips = await chipValues(page)
  const from = await page.getByLabel('From', { exact: true }).inputValue()
  const until = await page.getByLabel('Until (exclusive)', { exact: true }).inputValue()
  expect(until > from).toBe(true)
  const cell = billed(cellChips, from, until)
  expect(cell).not.toBe(all)
  await expect.poll(() => explore.total('USD')).toBe(cell)
  await result.screenshot({ path: testInfo.outputPath('chart-heatmap-filtered.png') })

  // Export: a PNG (its magic bytes) and an SVG with drawn paths, named after the measure and the day.
  const png = page.waitForEvent('download')
  await page.getByTestId('chart-export-png').click()
  const pngFile = await png
  expect(pngFile.suggestedFilename()).toMatch(/^BilledCost-\d{4}-\d{2}-\d{2}\.png$/)
  const bytes = readFileSync(await pngFile.path())
  expect(bytes.length).toBeGreaterThan(0)
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

  const svg = page.waitForEvent('download')
  await page.getByTestId('chart-export-svg').click()
  const svgFile = await svg
  expect(svgFile.suggestedFilename()).toMatch(/^BilledCost-\d{4}-\d{2}-\d{2}\.svg$/)
  const text = readFileSync(await svgFile.path(), 'utf8')
  expect(text.startsWith('<svg')).toBe(true)
  expect(text).toContain('<path')
  expect(text).toContain('</svg>')
})
