/**
 * The screens a person reads, at the widths people use (1024 and 1440 px): the navigation
 * works from the keyboard, What's loaded shows its money columns whole, times say UTC.
 * Screenshots land in test-results/screens/ for a person to look at.
 */
import { join } from 'node:path'
import { ROOT, sample } from '../helpers/paths'
import { screenshotPage } from './support/screenshot'
import { expect, test } from './support/fixtures'

const SHOTS = join(ROOT, 'test-results', 'screens')
const AWS_CSV = sample('focus-data-toolkit-golden/aws_1_2_cost_and_usage_rows100_seed42.csv')
const MULTI_CSV = sample('focus-data-toolkit-golden/consolidated_multi_provider_1_3.csv')

test('the navigation is reachable and usable with the keyboard, with a visible focus', async ({
  page,
  app,
}) => {
  await app.open()
  await page.locator('body').focus()
  const seen = await app.tabTo('reports')
  for (const screen of ['workspace', 'import', 'loaded', 'explore', 'allocate'])
    expect(seen).toContain(`nav-${screen}`)
  const focused = app.navItem('reports')
  await expect(focused).toBeFocused()
  const outline = await focused.evaluate((element) => {
    const style = getComputedStyle(element)
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) }
  })
  expect(outline.style).not.toBe('none')
  expect(outline.width).toBeGreaterThan(0)
  // Enter and Space open a screen, as a click does.
  await page.keyboard.press('Enter')
  await expect(
    page
      .getByRole('main')
      .getByText(/reports/i)
      .first(),
  ).toBeVisible()
  await expect(focused).toHaveAttribute('aria-current', 'page')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Space')
  await expect(app.navItem('allocate')).toHaveAttribute('aria-current', 'page')
  await expect(focused).not.toHaveAttribute('aria-current', 'page')
})

for (const width of [1024, 1440]) {
  test(`What's loaded and Explore at ${width} px: money columns whole, times in UTC`, async ({
    page,
    app,
    workspace,
    importer,
    loaded,
    explore,
  }) => {
    await page.setViewportSize({ width, height: 900 })
    await app.open()
    await workspace.openSample()
    // Two more providers and a second currency: more accounts, and a total line per currency.
    await app.goTo('import')
    await importer.importFiles([AWS_CSV, MULTI_CSV])
    await app.goTo('loaded')
    await loaded.waitForTable()
    const cells = loaded.moneyCells()
    // Two headers, then per currency (EUR, USD) two table totals and two exact totals.
    await expect(cells).toHaveCount(2 + 2 * 4)
    // Whole and on screen without scrolling sideways: inside the window's width and not cut by
    // any scrolling or clipping box around it (scrolling down to reach them is fine).
    for (const cell of await cells.all()) {
      await expect(cell).toBeVisible()
      const cut = await cell.evaluate((element) => {
        const box = element.getBoundingClientRect()
        if (box.width === 0 || box.left < 0 || box.right > window.innerWidth) return 'window'
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          const view = parent.getBoundingClientRect()
          if (getComputedStyle(parent).overflowX === 'visible') continue
          if (box.left < view.left - 0.5 || box.right > view.right + 0.5) return parent.className
        }
        return element.scrollWidth > element.clientWidth + 1 ? 'itself' : ''
      })
      expect(cut, `${await cell.innerText()} is cut by ${cut}`).toBe('')
    }
    await expect(page.getByTestId('registry-row').first()).toContainText(
      /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/,
    )
    await screenshotPage(page, join(SHOTS, `loaded-${width}.png`))

    await app.goTo('explore')
    await explore.waitForResult('BilledCost')
    // Top 3 within each currency (EUR has one service, USD many): the fold comes last, "(Other)".
    await page.getByTestId('time-grain').getByText('None', { exact: true }).click()
    await explore.setTopN(3)
    await expect(explore.rows).toHaveCount(1 + 3 + 1)
    await expect(explore.rows.nth(0)).toContainText('EUR')
    await expect(explore.rows.nth(4)).toContainText('(Other)')
    await expect(explore.rows.nth(4)).toContainText('USD')
    // One chart per currency: EUR and USD amounts never share an axis.
    await expect(explore.chartCanvas).toHaveCount(2)
    for (const canvas of await explore.chartCanvas.all()) await expect(canvas).toBeVisible()
    await screenshotPage(page, join(SHOTS, `explore-${width}.png`))
  })
}
