/**
 * Presentation mode on the sample: switched on from the header, the pivot by SubAccountId
 * and the rows drawer (a row's detail too) show aliases instead of account and resource ids, the badge stays on every screen,
 * and switching it off brings the ids back. Every tab of Weekly review and Savings, a budget over
 * an account included, shows no account, resource or tag value of the sample while it is on.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { AnomaliesPage } from './pages/anomalies-page'
import { BacklogPage } from './pages/backlog-page'
import { BudgetsPage } from './pages/budgets-page'
import { CommitmentsPage } from './pages/commitments-page'
import { CompliancePage } from './pages/compliance-page'
import { LedgerPage } from './pages/ledger-page'
import { RowsPage } from './pages/rows-page'
import { UnitCostsPage } from './pages/unit-costs-page'
import { VendorsPage } from './pages/vendors-page'
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
  await app.goTo('reports')
  await screenshotPage(page, join(testInfo.outputDir, 'presentation-reports.png'))
  await presentation.set(false)
  await expect(presentation.badge).toHaveCount(0)
  await app.goTo('explore')
  await explore.waitForCurrent()
  await expect(explore.table).toContainText(LARGEST)
})

/**
 * The sample's account ids and names, resource ids and names and its distinctive tag values
 * (application, business_unit; environment's prod and dev are everyday words on any screen).
 */
function sampleValues(): string[] {
  const [header = [], ...rows] = parseCsv(
    readFileSync(join(ROOT, 'resources/demo/focus-sample.csv'), 'utf8'),
  )
  const columns = ['BillingAccountId', 'BillingAccountName', 'SubAccountId', 'SubAccountName']
  const more = ['ResourceId', 'ResourceName'].map((c) => header.indexOf(c))
  const found = new Set<string>()
  for (const row of rows) {
    for (const i of [...columns.map((c) => header.indexOf(c)), ...more]) found.add(row[i] ?? '')
    const text = row[header.indexOf('Tags')] ?? ''
    const tags = (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, string>
    for (const key of ['application', 'business_unit']) found.add(tags[key] ?? '')
  }
  return [...found].filter((v) => v.length >= 6 && v !== 'NULL')
}

/** Fails naming the sample values the page's text holds. */
async function expectMasked(page: Page, values: readonly string[], tab: string): Promise<void> {
  await expect(page.getByTestId('presentation-badge')).toBeVisible()
  const text = await page.locator('body').innerText()
  expect(
    values.filter((v) => text.includes(v)),
    `${tab} shows real values`,
  ).toEqual([])
}

test('Weekly review and Savings tabs are masked while presentation mode is on', async ({
  app,
  workspace,
  page,
}, testInfo) => {
  const presentation = new PresentationPage(page)
  const values = sampleValues()
  expect(values).toContain(LARGEST)
  await app.open()
  await workspace.openSample()
  const budgets = new BudgetsPage(page)
  await budgets.open()
  await budgets.add({ dimension: 'SubAccountId', value: LARGEST, currency: 'USD', amount: '1000' })

  // Switched on while the budget is on screen: the tab reads again, under the alias.
  await presentation.set(true)
  await expect(budgets.row(LARGEST)).toHaveCount(0)
  const masked = page.locator('[data-testid="budget-row"][data-value^="acct-"]')
  await expect(masked).toHaveCount(1)
  await budgets.settled()
  await expect(page.getByTestId('budgets-presenting')).toBeVisible()
  // A change would be refused (budgets are kept under real values): the buttons say so instead.
  for (const button of [
    masked.getByTestId('budget-edit'),
    masked.getByTestId('budget-delete'),
    page.getByTestId('budget-import'),
  ]) {
    await expect(button).toBeDisabled()
    await expect(button).toHaveAttribute('title', 'Turn presentation mode off to edit')
  }
  await expectMasked(page, values, 'Budgets')
  await screenshotPage(page, join(testInfo.outputDir, 'presentation-budgets.png'))
  // The actual's rows open by the alias (a filter on it, through the masked view): not empty.
  const rows = new RowsPage(page)
  await masked.getByTestId('budget-actual').click()
  await expect(rows.table).toHaveAttribute('aria-busy', 'false')
  await expect(rows.rows.first()).toContainText(/res-[0-9a-f]{10}/)
  await expectMasked(page, values, 'Budget rows')
  await page.keyboard.press('Escape')

  const ledger = new LedgerPage(page)
  await ledger.open()
  await expectMasked(page, values, 'Ledger')
  await screenshotPage(page, join(testInfo.outputDir, 'presentation-ledger.png'))
  const anomalies = new AnomaliesPage(page)
  await anomalies.open()
  await expectMasked(page, values, 'Anomalies')
  await screenshotPage(page, join(testInfo.outputDir, 'presentation-anomalies.png'))

  for (const tab of [
    new CommitmentsPage(page),
    new CompliancePage(page),
    new UnitCostsPage(page),
    new BacklogPage(page),
    new VendorsPage(page),
  ]) {
    await tab.open()
    await tab.settled()
    await expectMasked(page, values, tab.constructor.name)
    if (tab instanceof BacklogPage) await expect(page.getByTestId('backlog-add')).toBeDisabled()
    await screenshotPage(
      page,
      join(testInfo.outputDir, `presentation-${tab.constructor.name.toLowerCase()}.png`),
    )
  }

  // Off again, the budget is shown under its account id.
  await presentation.set(false)
  await budgets.open()
  await expect(budgets.row(LARGEST)).toHaveCount(1)
  await expect(budgets.row(LARGEST).getByTestId('budget-edit')).toBeEnabled()
})
