/**
 * Sealed workspaces in the app (issue 11, At rest): create one, import the demo file, see its
 * totals, close it (encrypted back); a wrong passphrase is refused saying so; the right one
 * opens it sealed again with the same totals (and as the file added up here).
 */
import { join } from 'node:path'
import { csvSums } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { EncryptionPage, SealedPage } from './pages/encryption-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const DEMO = join(ROOT, 'resources', 'demo', 'focus-sample.csv')
const PASSPHRASE = 'kept in memory 17'

test('create sealed, import, close, open sealed again: the same totals', async ({
  page,
  app,
  importer,
  loaded,
}, testInfo) => {
  test.setTimeout(240_000)
  const sealed = new SealedPage(page)
  const encryption = new EncryptionPage(page)
  // A name of this run, so a data folder other runs used does not change what the list shows.
  const name = `Sealed ${Date.now()}`
  const byHand = csvSums(DEMO, 'BilledCost').USD

  await app.open()
  await sealed.create(name, PASSPHRASE)
  await importer.importFiles([DEMO])
  await app.goTo('loaded')
  await loaded.waitForTable()
  const before = await loaded.total('USD')
  expect(before.billed).toBe(byHand?.sum)
  expect(before.rows).toBe((byHand?.rows ?? 0).toLocaleString('en-US'))
  await expect(sealed.badge()).toHaveText('Sealed — decrypted in RAM only')
  await screenshotPage(page, testInfo.outputPath('sealed-loaded.png'))

  await page.getByTestId('nav-workspace').click()
  // Save as and Encrypt would write the plaintext to disk: not offered while sealed.
  await expect(page.getByTestId('encrypt-form')).toHaveCount(0)
  await expect(encryption.rows().filter({ hasText: `${name}.focal.enc` })).toHaveCount(1)
  await screenshotPage(page, testInfo.outputPath('sealed-workspace-screen.png'))
  await encryption.closeWorkspace()

  await sealed.open(name, 'not the passphrase')
  await expect(sealed.form()).toHaveAttribute('aria-busy', 'false')
  await expect(sealed.form().getByTestId('error-alert')).toContainText(
    `Wrong passphrase for ${name}.focal.enc`,
  )
  await expect(page.getByText('No workspace open')).toBeVisible()
  // The browser has no OS keychain of Focal's: no Remember box, and a sentence says why.
  await expect(sealed.form().getByTestId('open-sealed-remember')).toHaveCount(0)
  await expect(sealed.form().getByTestId('keychain-reason')).toHaveText(
    'Only the desktop app can use the keychain; in the browser the passphrase is never remembered.',
  )
  await screenshotPage(page, testInfo.outputPath('sealed-wrong.png'))

  await sealed.form().getByTestId('open-sealed-passphrase').fill(PASSPHRASE)
  await sealed.form().getByTestId('open-sealed-submit').click()
  await expect(page.getByTestId('workspace-name')).toHaveText(name, { timeout: 60_000 })
  await expect(sealed.badge()).toBeVisible()
  await app.goTo('loaded')
  await loaded.waitForTable()
  expect(await loaded.total('USD')).toEqual(before)
  await screenshotPage(page, testInfo.outputPath('sealed-reopened.png'))
})
