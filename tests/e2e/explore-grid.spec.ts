/**
 * Explore's pivot grid (issue 9, Pivot): the row labels stay pinned while the days scroll by at
 * a narrow window, the header row while the rows scroll; a 2×3 selection copies as the
 * tab-separated text the screen shows; Export CSV and XLSX download the view with the sample's
 * own total; hundreds of column keys keep only the columns in view in the page.
 */
import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { sumDecimals, toScaled } from '../../shared/money'
import { GridPage } from './pages/grid-page'
import { screenshotPage } from './support/screenshot'
import { expect, test } from './support/fixtures'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

/** The sample's BilledCost summed exactly from the file, read here with its own parser. */
function sampleBilled(): string {
  const [header = [], ...records] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const at = header.indexOf('BilledCost')
  return sumDecimals(records.map((r) => r[at] ?? '').filter((v) => v !== ''))
}

/** Cents of a decimal, half away from zero. */
function cents(value: string): bigint {
  const scaled = toScaled(value)
  const unit = toScaled('0.01')
  return scaled < 0n ? -((-scaled + unit / 2n) / unit) : (scaled + unit / 2n) / unit
}

test('pinned labels and header, a copied 2×3 selection, CSV and XLSX exports as shown', async ({
  app,
  workspace,
  explore,
  page,
}, testInfo) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.setViewportSize({ width: 1024, height: 800 })
  await app.open()
  await workspace.openSample()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')
  const grid = new GridPage(page)
  await grid.build(
    ['BilledCost', 'EffectiveCost'],
    'Time (by the grain)',
    'Day',
    '2024-09-01 BilledCost',
  )
  await expect(grid.grid).toHaveAttribute('aria-colcount', String(2 + 30 * 2 + 2))

  // Scrolled right past twenty days, the service labels and their header stay where they were.
  const label = grid.cell(0, 0)
  const labelHeader = grid.header('ServiceName')
  const before = (await label.boundingBox())!
  const headerBefore = (await labelHeader.boundingBox())!
  await grid.scrollTo(20 * 2 * 176, 0)
  await expect(grid.header('2024-09-22 BilledCost')).toBeInViewport()
  await expect(grid.header('2024-09-01 BilledCost')).not.toBeInViewport()
  expect((await label.boundingBox())!.x).toBe(before.x)
  expect((await labelHeader.boundingBox())!.x).toBe(headerBefore.x)
  await expect(label).toBeInViewport()
  await screenshotPage(page, testInfo.outputPath('explore-grid-scrolled-right.png'))
  // Scrolled down, the header row stays on top.
  await grid.scrollTo(20 * 2 * 176, 600)
  await expect.poll(() => grid.grid.evaluate((el) => el.scrollTop)).toBeGreaterThan(200)
  await expect(grid.rows.last().getByRole('cell').first()).toHaveText('Total')
  await expect(grid.rows.last()).toBeInViewport()
  expect((await labelHeader.boundingBox())!.y).toBe(headerBefore.y)
  await grid.grid.screenshot({ path: testInfo.outputPath('explore-grid-scrolled-down.png') })

  // Select 2 rows × 3 figures by click and shift+click; Ctrl+C copies them as shown.
  await grid.scrollTo(0, 0)
  await expect(grid.header('2024-09-01 BilledCost')).toBeInViewport()
  await grid.cell(0, 2).click()
  await grid.cell(1, 4).click({ modifiers: ['Shift'] })
  await expect(grid.grid.locator('[data-selected]')).toHaveCount(6)
  const shown: string[] = []
  for (const r of [0, 1]) {
    const texts: string[] = []
    for (const c of [2, 3, 4]) texts.push(await grid.cell(r, c).innerText())
    shown.push(texts.join('\t'))
  }
  expect(shown.join('\n')).toMatch(/^USD\u00a0[\d,.-]+\t/)
  await page.keyboard.press('ControlOrMeta+c')
  await expect(page.getByTestId('matrix-copy-note')).toHaveText('Copied 2 × 3 cells.')
  expect(await grid.clipboard()).toBe(shown.join('\n'))
  await screenshotPage(page, testInfo.outputPath('explore-grid-selection.png'))

  // Ctrl+A takes everything, headers first; the Copy button copies it.
  await page.keyboard.press('ControlOrMeta+a')
  await page.getByTestId('matrix-copy').click()
  const rowCount = Number(await grid.grid.getAttribute('aria-rowcount'))
  await expect(page.getByTestId('matrix-copy-note')).toHaveText(
    `Copied ${rowCount + 1} × 64 cells.`,
  )
  const all = (await grid.clipboard()).split('\n')
  expect(all).toHaveLength(rowCount + 1)
  expect(all[0]!.split('\t').slice(0, 4)).toEqual([
    'ServiceName',
    'Currency',
    '2024-09-01 BilledCost',
    '2024-09-01 EffectiveCost',
  ])
  expect(all.at(-1)!.split('\t').slice(0, 2)).toEqual(['Total', 'USD'])

  // Export CSV: the header block, then the same header line and the sample's exact total.
  const billed = sampleBilled()
  const csv = await grid.export('CSV')
  expect(csv.suggestedFilename()).toMatch(/^pivot-.*\.csv$/)
  const lines = parseCsv(readFileSync(await csv.path(), 'utf8'))
  expect(lines[1]).toEqual(['Rows', 'ServiceName'])
  const titles = lines.findIndex((l) => l[0] === 'ServiceName')
  expect(lines[titles]!.join('\t')).toBe(all[0])
  const total = lines.find((l) => l[0] === 'Total')!
  expect(total[lines[titles]!.indexOf('Total BilledCost')]).toBe(billed)
  await expect(page.getByTestId('matrix-export-note')).toHaveText(
    `Exported ${csv.suggestedFilename()}.`,
  )

  // Export XLSX: the same total to the cent, as a number.
  const xlsx = await grid.export('XLSX')
  expect(xlsx.suggestedFilename()).toMatch(/^pivot-.*\.xlsx$/)
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(await xlsx.path())
  const sheet = book.getWorksheet('Pivot')!
  let xlsxTotal: number | null = null
  let totalAt = -1
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1)
    if (values[0] === 'ServiceName') totalAt = values.indexOf('Total BilledCost')
    if (values[0] === 'Total') xlsxTotal = values[totalAt] as number
  })
  expect(BigInt(Math.round(xlsxTotal! * 100))).toBe(cents(billed))

  // 843 resources across: only the columns in view (and a few beyond) are in the page.
  await page.getByTestId('columns-axis').click()
  await page.getByTestId('columns-axis').fill('ResourceId')
  await page.getByRole('option', { name: 'ResourceId', exact: true }).click()
  await expect(grid.grid).toHaveAttribute('aria-colcount', /^\d{3,}$/)
  const columns = Number(await grid.grid.getAttribute('aria-colcount'))
  expect(columns).toBeGreaterThan(800)
  expect(await grid.rows.first().getByRole('cell').count()).toBeLessThan(30)
  await grid.scrollTo(1e7, 0)
  await expect(grid.header('Total EffectiveCost')).toBeInViewport()
  await expect(grid.cell(0, 0)).toBeInViewport()
  await grid.grid.screenshot({ path: testInfo.outputPath('explore-grid-resources.png') })
})

test('a narrow table fills the grid, a drag selects, and a copy reaches the clipboard where the host refuses the permission', async ({
  app,
  workspace,
  explore,
  page,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  // As in the desktop app, which denies every permission request: writeText is refused.
  await page.addInitScript(() => {
    Object.defineProperty(navigator.clipboard, 'writeText', {
      value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
    })
  })
  await app.open()
  await workspace.openSample()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')
  const grid = new GridPage(page)
  await grid.build(['BilledCost'], 'Time (by the grain)', 'Month', '2024-09 BilledCost')
  // Four columns leave room in a wide window: the figures' columns widen to fill the grid.
  const inner = await grid.grid.evaluate((el) => {
    const box = el.getBoundingClientRect()
    return { right: box.left + el.clientLeft + el.clientWidth }
  })
  await expect
    .poll(async () => {
      const box = (await grid.header('Total BilledCost').boundingBox())!
      return Math.abs(box.x + box.width - inner.right) <= 4
    })
    .toBe(true)
  await grid.cell(0, 0).click()
  await grid.cell(0, 2).click({ modifiers: ['Shift'] })
  const shown = [
    await grid.cell(0, 0).innerText(),
    await grid.cell(0, 1).innerText(),
    await grid.cell(0, 2).innerText(),
  ].join('\t')
  await page.getByTestId('matrix-copy').click()
  await expect(page.getByTestId('matrix-copy-note')).toHaveText('Copied 1 × 3 cells.')
  expect(await grid.clipboard()).toBe(shown)

  // A drag selects the rectangle it crosses.
  const from = (await grid.cell(1, 0).boundingBox())!
  const to = (await grid.cell(2, 1).boundingBox())!
  await page.mouse.move(from.x + 5, from.y + 5)
  await page.mouse.down()
  await page.mouse.move(to.x + 5, to.y + 5, { steps: 5 })
  await page.mouse.up()
  await expect(grid.grid.locator('[data-selected]')).toHaveCount(4)
})
