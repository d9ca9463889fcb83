/**
 * The screens a person reads, at the widths people use (1024 and 1440 px): the navigation
 * works from the keyboard, What's loaded shows its money columns whole, times say UTC.
 * Screenshots land in test-results/screens/ for a person to look at.
 */
import { join } from 'node:path'
import { ROOT } from '../helpers/paths'
import { screenshotPage } from './support/screenshot'
import { expect, test } from './support/fixtures'

const SHOTS = join(ROOT, 'test-results', 'screens')

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
    loaded,
    explore,
  }) => {
    await page.setViewportSize({ width, height: 900 })
    await app.open()
    await workspace.openSample()
    await loaded.waitForTable()
    const cells = loaded.moneyCells()
    await expect(cells).toHaveCount(4)
    // Whole and on screen without scrolling sideways: inside the window and not cut by the table.
    for (const cell of await cells.all()) {
      await expect(cell).toBeInViewport({ ratio: 1 })
      const clipped = await cell.evaluate((element) => {
        const box = element.getBoundingClientRect()
        let parent = element.parentElement
        while (parent) {
          const view = parent.getBoundingClientRect()
          if (getComputedStyle(parent).overflowX !== 'visible' && box.right > view.right + 0.5)
            return true
          parent = parent.parentElement
        }
        return element.scrollWidth > element.clientWidth + 1
      })
      expect(clipped).toBe(false)
    }
    await expect(page.getByTestId('registry-row').first()).toContainText(
      /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/,
    )
    await screenshotPage(page, join(SHOTS, `loaded-${width}.png`))

    await app.goTo('explore')
    await explore.waitForResult('BilledCost')
    await expect(explore.chartCanvas).toBeVisible()
    await screenshotPage(page, join(SHOTS, `explore-${width}.png`))
  })
}
