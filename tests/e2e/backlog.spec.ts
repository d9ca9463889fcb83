/**
 * Savings → Backlog on the sample data: the candidates proposed from the data include the
 * spend of sub account "Atlas Orion" without an owner tag, its EffectiveCost and row count
 * worked out here from the CSV; its figure opens those rows; Accept puts it in the backlog.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fromScaled, sumDecimals, toScaled } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { BacklogPage } from './pages/backlog-page'
import { RowsPage } from './pages/rows-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')
const OWNER_KEYS = new Set(['team', 'budgetowner', 'owner'])

/** EffectiveCost and rows of Atlas Orion's rows carrying no owner tag (any case or separator), without Focal; `before` only those charged before that day. */
function untaggedAtlasOrion(before = '9999'): { cost: string; rows: number } {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  const picked = rows.filter((r) => {
    if (r[at('SubAccountName')] !== 'Atlas Orion') return false
    if ((r[at('ChargePeriodStart')] ?? '') >= before) return false
    const text = r[at('Tags')] ?? ''
    const tags = text === '' || text === 'NULL' ? {} : (JSON.parse(text) as Record<string, unknown>)
    return !Object.entries(tags).some(
      ([k, v]) => OWNER_KEYS.has(k.toLowerCase().replace(/[\s_-]/g, '')) && v != null && v !== '',
    )
  })
  return {
    cost: sumDecimals(picked.map((r) => r[at('EffectiveCost')] ?? '0')),
    rows: picked.length,
  }
}

test('backlog: see the candidates, follow one to its rows, accept it into the backlog', async ({
  page,
  app,
  workspace,
}) => {
  const backlog = new BacklogPage(page)
  const rows = new RowsPage(page)
  await app.open()
  await workspace.openSample()
  await backlog.open()
  await expect(page.getByTestId('backlog-empty')).toBeVisible()

  const key = 'untagged:USD:Atlas Orion'
  const expected = untaggedAtlasOrion()
  const candidate = backlog.candidate(key)
  await expect(candidate).toContainText('Tag the owner of Atlas Orion')
  const cost = candidate.getByTestId('candidate-cost').locator('[data-value]')
  await expect(cost).toHaveAttribute('data-value', expected.cost)

  await candidate.getByTestId('candidate-cost').click()
  await expect(rows.place).toContainText(`of ${expected.rows}`)
  await page.keyboard.press('Escape')
  await expect(rows.place).toBeHidden()

  await backlog.accept(key)
  await expect(backlog.items).toHaveCount(1)
  await expect(backlog.items.first().getByTestId('backlog-item-title')).toHaveText(
    'Tag the owner of Atlas Orion',
  )
  await expect(backlog.items.first()).toContainText('proposed')
  // The item's scope opens the same rows (the sample holds September only).
  await backlog.items.first().getByTestId('backlog-scope').click()
  await expect(rows.place).toContainText(`of ${expected.rows}`)
  await page.keyboard.press('Escape')
  await expect(rows.place).toBeHidden()

  // Done on 2024-09-15: 14 days of September before, 16 after; (before/14 − after/16) × 30.
  await backlog.markDone(0, '2024-09-15')
  const early = untaggedAtlasOrion('2024-09-15')
  const late = toScaled(expected.cost) - toScaled(early.cost)
  const n = 30n * (toScaled(early.cost) * 16n - late * 14n)
  const d = 14n * 16n
  const realized = fromScaled((2n * n + (n < 0n ? -d : d)) / (2n * d))
  await expect(backlog.realized).toHaveCount(1)
  await expect(
    backlog.realized.first().getByTestId('realized-monthly').locator('[data-value]'),
  ).toHaveAttribute('data-value', realized)
  await screenshotPage(page, join(ROOT, 'test-results', 'backlog.png'))

  await backlog.realized.first().getByTestId('realized-before').click()
  await expect(rows.place).toContainText(`of ${early.rows}`)
})
