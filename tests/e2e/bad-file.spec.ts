/** A bad file is refused by name, with what to do, and leaves the loaded data as it was. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../helpers/paths'
import { expect, test } from './support/fixtures'

test('a 0-byte file shows an error naming it and changes nothing', async ({
  page,
  app,
  workspace,
  importer,
  loaded,
}, testInfo) => {
  const empty = testInfo.outputPath('empty-billing-export.csv')
  writeFileSync(empty, '')

  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()
  const before = await loaded.summaryText()
  const totalBefore = await loaded.total('USD')

  await app.goTo('import')
  await importer.importFiles([empty])
  const outcome = importer.outcome('empty-billing-export.csv')
  await expect(outcome).toHaveAttribute('data-status', 'failed')
  await expect(outcome.getByTestId('outcome-error')).toContainText('empty-billing-export.csv')
  await page.screenshot({ path: join(ROOT, 'test-results', 'import-error.png') })

  await app.goTo('loaded')
  await loaded.waitForTable()
  expect(await loaded.summaryText()).toBe(before)
  expect(await loaded.total('USD')).toEqual(totalBefore)
  // The attempt itself is logged, as failed.
  await expect(loaded.registryRow('empty-billing-export.csv')).toContainText('failed')
})
