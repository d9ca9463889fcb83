/**
 * The pivot table in Explore (issue 9, Pivot): services × billing months with two measures side
 * by side, totals per currency, a header click that sorts, and a figure that opens exactly its rows.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { sumDecimals } from '../../shared/money'
import { RowsPage } from './pages/rows-page'
import { screenshotPage } from './support/screenshot'
import { expect, test } from './support/fixtures'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

test('services × months with two measures, sorted, a cell opening its rows', async ({
  app,
  workspace,
  explore,
  page,
}, testInfo) => {
  const [header = [], ...records] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  await app.open()
  await workspace.openSample()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')

  // Two measures, months across, read on the billing period (the demo bills September and October).
  const measures = page.getByTestId('table-measures')
  await measures.click()
  await page.getByRole('option', { name: 'BilledCost', exact: true }).click()
  await page.getByRole('option', { name: 'EffectiveCost', exact: true }).click()
  await page.keyboard.press('Escape')
  await page.getByTestId('columns-axis').click()
  await page.getByRole('option', { name: 'Time (by the grain)', exact: true }).click()
  await page.getByTestId('date-basis').getByText('Billing period').click()
  await expect(page.getByTestId('date-basis-note')).toContainText(
    'billing period (BillingPeriodStart)',
  )

  const matrix = page.getByTestId('pivot-matrix')
  for (const name of [
    '2024-09 BilledCost',
    '2024-09 EffectiveCost',
    '2024-10 BilledCost',
    'Total BilledCost',
  ])
    await expect(matrix.getByRole('columnheader', { name: new RegExp(`^${name}`) })).toBeVisible()
  await expect(page.getByTestId('matrix-summary')).toContainText('dates by billing period')

  // The grand total per currency is the file's own sum.
  const rows = matrix.getByTestId('table-row')
  const totalRow = rows.filter({ has: page.getByRole('cell', { name: 'Total', exact: true }) })
  const billedByCurrency = new Map<string, string[]>()
  for (const r of records) {
    const currency = r[at('BillingCurrency')] ?? ''
    if (!billedByCurrency.has(currency)) billedByCurrency.set(currency, [])
    if ((r[at('BilledCost')] ?? '') !== '')
      billedByCurrency.get(currency)!.push(r[at('BilledCost')]!)
  }
  await expect(totalRow).toHaveCount(billedByCurrency.size)
  const totalBilled = totalRow.first().getByRole('cell').nth(6).locator('[data-value]')
  await expect(totalBilled).toHaveAttribute(
    'data-value',
    sumDecimals(billedByCurrency.get('USD') ?? []),
  )

  // Sorting: the first click on a total sorts largest first, the second smallest first.
  const totals = async (): Promise<number[]> =>
    (
      await rows.evaluateAll((trs) =>
        trs.map((tr) => {
          const cells = tr.querySelectorAll('[role="cell"]')
          const label = cells[0]?.textContent ?? ''
          const value = cells[6]?.querySelector('[data-value]')?.getAttribute('data-value')
          return label === 'Total' || label === '(Other)' || !value ? null : Number(value)
        }),
      )
    ).filter((v): v is number => v !== null)
  const sortButton = matrix.getByRole('button', { name: /^Total BilledCost/ })
  await sortButton.click()
  await expect(sortButton).toHaveText('Total BilledCost ▼')
  await expect.poll(totals).toEqual([...(await totals())].sort((a, b) => b - a))
  await sortButton.click()
  await expect(sortButton).toHaveText('Total BilledCost ▲')
  await expect
    .poll(async () => {
      const t = await totals()
      return t.length > 1 && t.every((v, i) => i === 0 || t[i - 1]! <= v)
    })
    .toBe(true)
  await screenshotPage(page, testInfo.outputPath('explore-matrix.png'))
  // Whatever the sort, "(Other)" comes after the services and the total per currency last.
  await matrix
    .locator('[role="row"]')
    .last()
    .evaluate((row) => row.scrollIntoView())
  await expect
    .poll(async () =>
      (
        await rows.evaluateAll((trs) =>
          trs.map((tr) => tr.querySelector('[role="cell"]')?.textContent),
        )
      ).slice(-2),
    )
    .toEqual(['(Other)', 'Total'])
  await matrix.screenshot({ path: testInfo.outputPath('explore-matrix-bottom.png') })

  // A figure opens exactly its rows: that service, currency and billing month.
  const cell = matrix.getByTestId('matrix-cell').first()
  const [service, currency, month] = ((await cell.getAttribute('data-cell')) ?? '').split(' · ')
  const expected = records.filter(
    (r) =>
      r[at('ServiceName')] === service &&
      r[at('BillingCurrency')] === currency &&
      (r[at('BillingPeriodStart')] ?? '').startsWith(month ?? '?'),
  )
  expect(expected.length).toBeGreaterThan(0)
  await expect(cell.locator('[data-value]')).toHaveAttribute(
    'data-value',
    sumDecimals(expected.map((r) => r[at('BilledCost')] ?? '').filter((v) => v !== '')),
  )
  await cell.dblclick()
  const drawer = new RowsPage(page)
  await expect(drawer.place).toHaveText(
    `Rows 1–${Math.min(50, expected.length)} of ${expected.length.toLocaleString('en-US')}`,
  )
  await screenshotPage(page, testInfo.outputPath('explore-matrix-rows.png'))
})

test('ServiceCategory → ServiceName: a group collapses to its subtotal, a copy holds the rows shown, Expand all brings them back', async ({
  app,
  workspace,
  explore,
  page,
}, testInfo) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const [header = [], ...records] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  await app.open()
  await workspace.openSample()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')
  await explore.groupBy('ServiceCategory')
  await explore.thenBy('ServiceName')
  await explore.timeGrain('None')
  await page.getByTestId('table-measures').click()
  await page.getByRole('option', { name: 'BilledCost', exact: true }).click()
  await page.getByRole('option', { name: 'EffectiveCost', exact: true }).click()
  await page.keyboard.press('Escape')
  const matrix = page.getByTestId('pivot-matrix')
  await expect(matrix.getByRole('columnheader', { name: /^EffectiveCost/ })).toBeVisible()
  await expect(matrix.getByRole('columnheader', { name: /^ServiceName/ })).toBeVisible()

  // Rows in view as [category, service, currency, BilledCost value], the toggle's arrow left out.
  const rows = matrix.getByTestId('table-row')
  const shown = async (): Promise<string[][]> =>
    rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('[role="cell"]')]
        const texts = cells.slice(0, 3).map((c) => (c.textContent ?? '').replace(/^[▾▸]/, ''))
        return [...texts, cells[3]?.querySelector('[data-value]')?.getAttribute('data-value') ?? '']
      }),
    )
  const toggle = matrix.getByTestId('matrix-toggle').first()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const category = ((await toggle.getAttribute('aria-label')) ?? '').replace(/^Collapse /, '')
  const inGroup = (r: string[]): boolean => r[0] === category
  const billed = sumDecimals(
    records
      .filter((r) => r[at('ServiceCategory')] === category && r[at('BillingCurrency')] === 'USD')
      .map((r) => r[at('BilledCost')] ?? '')
      .filter((v) => v !== ''),
  )
  const services = new Set(
    records.filter((r) => r[at('ServiceCategory')] === category).map((r) => r[at('ServiceName')]),
  )
  const before = (await shown()).filter(inGroup)
  // Its services (some may fold into the group's own "(Other)") and the subtotal, with the file's sum.
  expect(before.length).toBeGreaterThan(1)
  expect(before.length).toBeLessThanOrEqual(services.size + 2)
  expect(before.at(-1)).toEqual([category, 'Subtotal', 'USD', billed])

  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(toggle).toHaveAttribute('aria-label', `Expand ${category}`)
  await expect
    .poll(async () => (await shown()).filter(inGroup))
    .toEqual([[category, 'Subtotal', 'USD', billed]])
  await expect(page.getByTestId('matrix-summary')).toContainText('shown)')
  await screenshotPage(page, testInfo.outputPath('explore-matrix-collapsed.png'))

  // A copy of the first two rows holds what is shown: the collapsed subtotal, then the next group.
  const view = await shown()
  const firstCell = (row: number) => rows.nth(row).getByRole('cell').nth(1)
  await firstCell(0).click()
  await firstCell(1).click({ modifiers: ['Shift'] })
  await page.getByTestId('matrix-copy').click()
  await expect(page.getByTestId('matrix-copy-note')).toHaveText('Copied 2 × 1 cells.')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${view[0]![1]}\n${view[1]![1]}`,
  )
  expect(view[0]![1]).toBe('Subtotal')
  expect(view[1]![0]).not.toBe(category)

  // Expand all: the group's rows are back, its subtotal the same figure.
  await page.getByTestId('matrix-expand-all').click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await expect.poll(async () => (await shown()).filter(inGroup)).toEqual(before)
  // Collapse all: every group down to its subtotal; a new second group-by starts expanded.
  await page.getByTestId('matrix-collapse-all').click()
  await expect
    .poll(async () => (await shown()).every((r) => r[1] === 'Subtotal' || r[0] === 'Total'))
    .toBe(true)
  await expect(page.getByTestId('matrix-expand-all')).toBeEnabled()
  await matrix.screenshot({ path: testInfo.outputPath('explore-matrix-collapsed-all.png') })
  await explore.thenBy('RegionId')
  await expect(matrix.getByRole('columnheader', { name: /^RegionId/ })).toBeVisible()
  await expect(page.getByTestId('matrix-expand-all')).toBeDisabled()
  await expect(matrix.getByTestId('matrix-toggle').first()).toHaveAttribute('aria-expanded', 'true')
})
