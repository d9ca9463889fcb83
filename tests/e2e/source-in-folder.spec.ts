/**
 * "Show in source" in the web host (issue 9, Drill-through): the file is not at hand, so the
 * person types the folder that holds the demo CSV and sees the row's original line, exactly
 * as the file has it; a folder that does not exist is refused with a sentence.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../helpers/paths'
import { RowsPage } from './pages/rows-page'
import { screenshotPage } from './support/screenshot'
import { expect, test } from './support/fixtures'

const DEMO_DIR = join(ROOT, 'resources', 'demo')

test('a typed folder re-links the source file and shows the row’s original line', async ({
  app,
  workspace,
  explore,
  page,
}) => {
  const lines = readFileSync(join(DEMO_DIR, 'focus-sample.csv'), 'utf8').split(/\r?\n/)
  await app.open()
  await workspace.openSample()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')
  const rows = new RowsPage(page)
  await rows.openCell(0)
  await rows.rows.first().click()
  await expect(rows.detail).toContainText('data row')
  // "Row 1:42: data row 42 of focus-sample.csv": the line to expect is the file's line 42 after the header.
  const title = (await rows.detail.getByRole('heading').first().innerText()).trim()
  const dataRow = Number(/data row (\d+) of/.exec(title)?.[1])
  expect(dataRow).toBeGreaterThan(0)
  await rows.showInSource()
  await expect(page.getByTestId('source-missing')).toContainText('is not at hand')

  const field = page.getByTestId('source-folder')
  await field.fill(join(DEMO_DIR, 'no-such-folder'))
  await page.getByTestId('source-folder-look').click()
  await expect(rows.detail).toContainText('No folder is at that path on the machine running Focal.')

  await field.fill(DEMO_DIR)
  await page.getByTestId('source-folder-look').click()
  const source = page.getByTestId('source-line')
  await expect(source).toContainText('Source line of focus-sample.csv')
  await expect(source.locator('code, pre').first()).toHaveText(`${lines[0]}\n${lines[dataRow]}`)
  await screenshotPage(page, join(ROOT, 'test-results', 'source-in-folder.png'))
})
