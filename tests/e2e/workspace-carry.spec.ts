/**
 * Carrying a workspace (issue 11): create one, import the demo file, Save As; the app works
 * in the copy, which shows the same totals as the original (and as the file added up here),
 * and the Recent list shows both, the copy first; "Show in folder" says where its file is.
 */
import { join } from 'node:path'
import { csvSums } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { CarryPage } from './pages/carry-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const DEMO = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

test('create, import, Save As: the copy opens with the same totals and leads the Recent list', async ({
  page,
  app,
  importer,
  loaded,
}, testInfo) => {
  test.setTimeout(180_000)
  const carry = new CarryPage(page)
  // A name of this run, so a data folder other runs used does not change what the list shows.
  const original = `Client ${Date.now()}`
  const copy = `${original} carried`
  const byHand = csvSums(DEMO, 'BilledCost').USD

  await app.open()
  await carry.create(original)
  await importer.importFiles([DEMO])
  await app.goTo('loaded')
  await loaded.waitForTable()
  const before = await loaded.total('USD')
  expect(before.billed).toBe(byHand?.sum)

  await carry.saveAs(copy)
  await expect(carry.recentRows().first()).toHaveAttribute('data-name', copy)
  await expect(carry.recentRows().nth(1)).toHaveAttribute('data-name', original)
  await carry
    .recentRows()
    .first()
    .getByRole('button', { name: `Show ${copy} in folder` })
    .click()
  await expect(page.getByTestId('workspace-location')).toContainText(`${copy}.focal`)
  await screenshotPage(page, testInfo.outputPath('workspace-carry.png'))

  await app.goTo('loaded')
  await loaded.waitForTable()
  expect(await loaded.total('USD')).toEqual(before)
})
