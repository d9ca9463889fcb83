/**
 * Presentation mode on the sample: switched on from the header, the pivot by SubAccountId
 * and the rows drawer (a row's detail too) show aliases instead of account and resource ids, the badge stays on every screen,
 * and switching it off brings the ids back.
 */
import { join } from 'node:path'
import { RowsPage } from './pages/rows-page'
import { PresentationPage } from './pages/presentation-page'
import { screenshotPage } from './support/screenshot'
import { expect, test } from './support/fixtures'

// The sample's largest SubAccountId by BilledCost (resources/demo/focus-sample.csv).
const LARGEST = '11353890204'

test('presentation mode masks account ids on screen and says so on every screen', async ({
  app,
  workspace,
  explore,
  page,
}, testInfo) => {
  const presentation = new PresentationPage(page)
  await app.open()
  await workspace.openSample()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')
  await explore.groupBy('SubAccountId')
  await explore.waitForCurrent()
  await expect(explore.table).toContainText(LARGEST)
  await expect(presentation.badge).toHaveCount(0)

  await presentation.set(true)
  await expect(presentation.badge).toHaveText('Presentation mode: ids and names masked')
  await expect(explore.table).not.toContainText(LARGEST)
  await explore.waitForCurrent()
  await expect(explore.table).toContainText(/acct-[0-9a-f]{10}/)
  await expect(explore.table).not.toContainText(LARGEST)
  const alias = /acct-[0-9a-f]{10}/.exec(await explore.rows.first().innerText())?.[0] ?? ''
  expect(alias).not.toBe('')

  // The first figure's rows carry the same alias and no id.
  const rows = new RowsPage(page)
  await rows.openCell(0)
  await expect(rows.table).toHaveAttribute('aria-busy', 'false')
  await expect(rows.rows.first()).toContainText(/res-[0-9a-f]{10}/)
  await expect(rows.table).not.toContainText(LARGEST)
  // A row's detail (every column) names the account by the pivot's alias.
  await rows.rows.first().click()
  await expect(rows.detail).toContainText(alias)
  await expect(rows.detail).not.toContainText(LARGEST)
  await screenshotPage(page, join(testInfo.outputDir, 'presentation-explore.png'))
  await page.keyboard.press('Escape')

  for (const screen of ['loaded', 'review', 'reports'] as const) {
    await app.goTo(screen)
    await expect(presentation.badge).toBeVisible()
  }
  // A tab the mode does not mask yet is hidden, saying why.
  await app.goTo('review')
  await page.getByTestId('tab-budgets').click()
  await expect(page.getByTestId('unmasked-guard')).toContainText('Budgets are not masked yet')
  await app.goTo('reports')
  await screenshotPage(page, join(testInfo.outputDir, 'presentation-reports.png'))
  await presentation.set(false)
  await expect(presentation.badge).toHaveCount(0)
  await app.goTo('explore')
  await explore.waitForCurrent()
  await expect(explore.table).toContainText(LARGEST)
})
