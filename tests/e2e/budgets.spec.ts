/**
 * Weekly review → Budgets on the sample data: a budget for the largest sub account set so its
 * September BilledCost is about 90% of it crosses 50% and 80% (the alerts with their days,
 * worked out here from the CSV) and not 100%; its actual opens its rows; an inline edit
 * below the actual crosses 100%.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatMoney, fromScaled, sumDecimals, toScaled } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { BudgetsPage } from './pages/budgets-page'
import { RowsPage } from './pages/rows-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

/** September's BilledCost per sub account and day (ChargePeriodStart, UTC), without Focal. */
function september(): Map<string, Map<string, string[]>> {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  const accounts = new Map<string, Map<string, string[]>>()
  for (const r of rows) {
    const day = (r[at('ChargePeriodStart')] ?? '').slice(0, 10)
    if (!day.startsWith('2024-09') || r[at('BillingCurrency')] !== 'USD') continue
    const account = r[at('SubAccountName')] ?? ''
    const days = accounts.get(account) ?? new Map<string, string[]>()
    days.set(day, [...(days.get(day) ?? []), r[at('BilledCost')] ?? '0'])
    accounts.set(account, days)
  }
  return accounts
}

/** The first day the cumulative cost reached `percent` of `amount`. */
function crossingDay(days: Map<string, string[]>, amount: string, percent: number): string | null {
  let total = 0n
  for (const day of [...days.keys()].sort()) {
    total += toScaled(sumDecimals(days.get(day) ?? []))
    if (total * 100n >= toScaled(amount) * BigInt(percent)) return day
  }
  return null
}

test('budgets: set a budget on the sample, see it cross 80% with its day, open its rows', async ({
  page,
  app,
  workspace,
}) => {
  const budgets = new BudgetsPage(page)
  const rows = new RowsPage(page)
  await app.open()
  await workspace.openSample()
  await budgets.open()
  // The month of the last day with data.
  await expect(budgets.period).toHaveValue('2024-09')

  const [account = '', days = new Map<string, string[]>()] = [...september()].sort(
    ([, a], [, b]) =>
      Number(sumDecimals([...b.values()].flat())) - Number(sumDecimals([...a.values()].flat())),
  )[0] ?? ['', new Map()]
  const actual = sumDecimals([...days.values()].flat())
  // actual ÷ 0.9 to the cent: about 90% used.
  const amount = fromScaled((toScaled(actual) * 10n) / 9n / 10n ** 16n, 2)
  await budgets.add({ dimension: 'SubAccountName', value: account, currency: 'USD', amount })

  const row = budgets.row(account)
  await expect(row.getByTestId('budget-actual')).toHaveText(formatMoney(actual, 'USD'))
  const used = Number(
    await row
      .getByTestId('budget-used')
      .innerText()
      .then((t) => t.replace('%', '')),
  )
  expect(used).toBeGreaterThan(80)
  expect(used).toBeLessThan(100)
  const day50 = crossingDay(days, amount, 50)
  const day80 = crossingDay(days, amount, 80)
  expect(crossingDay(days, amount, 100)).toBeNull()
  await expect(row.getByTestId('budget-crossed')).toContainText(`80% on ${day80}`)
  await expect(row.getByTestId('budget-crossed')).toContainText('100% not yet')
  await expect(budgets.alerts).toHaveCount(2)
  await expect(budgets.alerts.first()).toContainText(
    `${account} (SubAccountName, USD) crossed 80% on ${day80}`,
  )
  await expect(budgets.alerts.nth(1)).toContainText(`crossed 50% on ${day50}`)
  await screenshotPage(page, join(ROOT, 'test-results', 'budgets.png'))

  await row.getByTestId('budget-actual').click()
  const count = [...days.values()].flat().length
  await expect(rows.place).toContainText(`of ${count}`)
  await screenshotPage(page, join(ROOT, 'test-results', 'budgets-rows.png'))
  await page.keyboard.press('Escape')

  // Below the actual: 100% crossed on the day the CSV says, listed first.
  const lower = fromScaled(toScaled(actual) / 2n / 10n ** 16n, 2)
  await budgets.editAmount(account, lower)
  const day100 = crossingDay(days, lower, 100)
  await expect(row.getByTestId('budget-day100')).toHaveText(day100 ?? '')
  await expect(budgets.alerts.first()).toContainText(`crossed 100% on ${day100}`)
})
