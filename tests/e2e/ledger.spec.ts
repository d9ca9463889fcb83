/**
 * Weekly review → Ledger on the sample data (September 2024): the latest complete week
 * (2024-W39) by the owner dimension (SubAccountName: the sample has no owner or team tag); the
 * largest mover and its figure worked out here from the CSV; its drivers; a click opens its
 * rows; explain it, sign it off, and see the sign-off kept when the ledger is read again; the
 * sign-off threshold set on the boundary of a mover's delta % (from the CSV) unflags and flags it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { change } from '../../shared/ledger/change'
import { subtractDecimals, sumDecimals } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { LedgerPage } from './pages/ledger-page'
import { RowsPage } from './pages/rows-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

/** BilledCost per SubAccountName in [start, end) of ChargePeriodStart, with row counts, from the CSV. */
function week(start: string, end: string): Map<string, { cost: string; rows: number }> {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  const groups = new Map<string, string[]>()
  for (const r of rows) {
    const day = (r[at('ChargePeriodStart')] ?? '').slice(0, 10)
    if (day < start || day >= end) continue
    const key = r[at('SubAccountName')] ?? ''
    groups.set(key, [...(groups.get(key) ?? []), r[at('BilledCost')] || '0'])
  }
  return new Map([...groups].map(([k, v]) => [k, { cost: sumDecimals(v), rows: v.length }]))
}

test('ledger: the week by the owner dimension, explain the largest mover, sign it off', async ({
  page,
  app,
  workspace,
}) => {
  test.setTimeout(120_000)
  const ledger = new LedgerPage(page)
  const rows = new RowsPage(page)
  await app.open()
  await workspace.openSample()
  await ledger.open()
  await expect(ledger.week).toHaveValue('2024-W39')
  await expect(page.getByTestId('ledger-summary')).toContainText(
    'BilledCost by SubAccountName (the owner dimension)',
  )

  // The largest change by size from 2024-W38 to 2024-W39, worked out from the file.
  const now = week('2024-09-23', '2024-09-30')
  const before = week('2024-09-16', '2024-09-23')
  const [top] = [...new Set([...now.keys(), ...before.keys()])]
    .map((v) => ({
      v,
      delta: subtractDecimals(now.get(v)?.cost ?? '0', before.get(v)?.cost ?? '0'),
    }))
    .sort((a, b) => Math.abs(Number(b.delta)) - Math.abs(Number(a.delta)))
  const value = top?.v ?? ''
  await expect(ledger.movers('USD').first()).toHaveAttribute('data-value', value)
  const mover = ledger.mover('USD', value)
  await expect(ledger.thisWeek(mover)).toHaveAttribute('data-value', now.get(value)?.cost ?? '')
  await expect(mover).toHaveAttribute('data-flagged', 'true')

  await mover.getByTestId('ledger-expand').click()
  await expect(page.getByTestId('ledger-drivers')).toContainText(
    'ServiceName: largest change first',
  )

  await mover.getByTestId('ledger-this-week').click()
  await expect(rows.place).toContainText(`of ${now.get(value)?.rows ?? 0}`)
  await page.keyboard.press('Escape')

  await ledger.explain(mover, 'AKS node pool scaled down after the load test', 'platform team')
  await expect(mover.getByTestId('ledger-signoff')).toBeVisible()
  await ledger.signOff(mover)
  await expect(mover).toHaveAttribute('data-flagged', 'false')
  await screenshotPage(page, join(ROOT, 'test-results', 'ledger.png'))

  // The sign-off threshold: Pioneer Zenith's delta % worked out from the file is the boundary.
  const pioneer = ledger.mover('USD', 'Pioneer Zenith')
  const moved = change(
    now.get('Pioneer Zenith')?.cost ?? '0',
    before.get('Pioneer Zenith')?.cost ?? '0',
  ).deltaPercent?.replace('-', '')
  expect(moved).toBe('99.65')
  await expect(ledger.flagged).toContainText('|delta| ≥ 1000 in its currency or |delta %| ≥ 20%')
  await expect(pioneer).toHaveAttribute('data-flagged', 'true')
  await ledger.setSignOff('', '99.66', 'flagged when |delta %| ≥ 99.66%, until signed off')
  await expect(pioneer).toHaveAttribute('data-flagged', 'false')
  await expect(ledger.flagged).toHaveAttribute(
    'data-count',
    String(await page.locator('[data-testid="ledger-mover"][data-flagged="true"]').count()),
  )
  await screenshotPage(page, join(ROOT, 'test-results', 'ledger-sign-off.png'))
  await ledger.setSignOff('', '99.65', 'flagged when |delta %| ≥ 99.65%, until signed off')
  await expect(pioneer).toHaveAttribute('data-flagged', 'true')
  // A negative amount is named before anything is sent.
  await page.getByTestId('ledger-sign-off-amount').fill('-5')
  await expect(page.getByText('The sign-off amount "-5" is negative')).toBeVisible()
  await expect(page.getByTestId('ledger-sign-off-save')).toBeDisabled()

  // Read again (another week and back): the explanation and sign-off are kept.
  await ledger.week.click()
  await page.getByRole('option', { name: '2024-W38', exact: true }).click()
  await ledger.settled()
  await expect(ledger.week).toHaveValue('2024-W38')
  await ledger.week.click()
  await page.getByRole('option', { name: '2024-W39', exact: true }).click()
  await ledger.settled()
  await expect(ledger.mover('USD', value).getByTestId('ledger-signed')).toBeVisible()
  await expect(ledger.mover('USD', value).getByTestId('ledger-explanation')).toContainText(
    'platform team',
  )
})
