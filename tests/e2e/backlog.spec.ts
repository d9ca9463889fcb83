/**
 * Savings → Backlog on the sample data: the candidates proposed from the data include the
 * spend of sub account "Atlas Orion" without an owner tag, its EffectiveCost and row count
 * worked out here from the CSV; its figure opens those rows; Accept puts it in the backlog.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sumDecimals } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { BacklogPage } from './pages/backlog-page'
import { RowsPage } from './pages/rows-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')
const OWNER_KEYS = new Set(['team', 'budgetowner', 'owner'])

/** EffectiveCost and rows of Atlas Orion's rows carrying no owner tag (any case or separator), without Focal. */
function untaggedAtlasOrion(): { cost: string; rows: number } {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  const picked = rows.filter((r) => {
    if (r[at('SubAccountName')] !== 'Atlas Orion') return false
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
  await screenshotPage(page, join(ROOT, 'test-results', 'backlog.png'))
})
