/**
 * Encrypting a workspace to carry it (issue 11): create one, import the demo file, encrypt it,
 * close it; a wrong passphrase is refused saying so; the right one decrypts it under a new name
 * and opens it with the same row count and totals as before (and as the file added up here).
 */
import { join } from 'node:path'
import { csvSums } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { CarryPage } from './pages/carry-page'
import { EncryptionPage } from './pages/encryption-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const DEMO = join(ROOT, 'resources', 'demo', 'focus-sample.csv')
const PASSPHRASE = 'carry it safely 42'

test('create, import, encrypt, close, decrypt under a new name: the same totals', async ({
  page,
  app,
  importer,
  loaded,
}, testInfo) => {
  test.setTimeout(240_000)
  const carry = new CarryPage(page)
  const encryption = new EncryptionPage(page)
  // A name of this run, so a data folder other runs used does not change what the list shows.
  const original = `Client ${Date.now()}`
  const carried = `${original} carried`
  const byHand = csvSums(DEMO, 'BilledCost').USD

  await app.open()
  await carry.create(original)
  await importer.importFiles([DEMO])
  await app.goTo('loaded')
  await loaded.waitForTable()
  const before = await loaded.total('USD')
  expect(before.billed).toBe(byHand?.sum)
  expect(before.rows).toBe((byHand?.rows ?? 0).toLocaleString('en-US'))

  expect(await encryption.encrypt(PASSPHRASE)).toBe(
    `Written: ${original}.focal.enc in the workspaces folder.`,
  )
  // The workspace stays open after encrypting.
  await expect(page.getByTestId('workspace-name')).toHaveText(original)
  await expect(encryption.rows().filter({ hasText: `${original}.focal.enc` })).toHaveCount(1)
  await screenshotPage(page, testInfo.outputPath('encrypt-written.png'))
  await encryption.closeWorkspace()

  await encryption.decrypt(original, carried, 'not the passphrase')
  const form = page.getByTestId('decrypt-form')
  await expect(form).toHaveAttribute('aria-busy', 'false')
  await expect(form.getByTestId('error-alert')).toContainText(
    `Wrong passphrase for ${original}.focal.enc`,
  )
  await expect(page.getByText('No workspace open')).toBeVisible()
  await screenshotPage(page, testInfo.outputPath('decrypt-wrong.png'))

  await form.getByTestId('decrypt-passphrase').fill(PASSPHRASE)
  await form.getByTestId('decrypt-submit').click()
  await expect(page.getByTestId('workspace-name')).toHaveText(carried, { timeout: 60_000 })
  await app.goTo('loaded')
  await loaded.waitForTable()
  expect(await loaded.total('USD')).toEqual(before)
  await screenshotPage(page, testInfo.outputPath('decrypted-loaded.png'))
})
