/**
 * The embedded sources switch (issue 11, Portable): off in a new workspace with nothing inside;
 * turned on, the demo file imported afterwards is kept inside the workspace and counted; turned
 * off again, the count stays.
 */
import { join } from 'node:path'
import { ROOT } from '../helpers/paths'
import { CarryPage } from './pages/carry-page'
import { EmbedSourcesPage } from './pages/embed-sources-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const DEMO = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

test('turn embedding on, import, see the file counted inside the workspace', async ({
  page,
  app,
  importer,
}, testInfo) => {
  test.setTimeout(180_000)
  const embed = new EmbedSourcesPage(page)
  await app.open()
  await new CarryPage(page).create(`Embedded ${Date.now()}`)
  await embed.show()
  await expect(embed.switch()).not.toBeChecked()
  await expect(embed.count()).toHaveText('No imported file is inside this workspace yet.')

  await embed.set(true)
  await app.goTo('import')
  await importer.importFiles([DEMO])
  await embed.show()
  await expect(embed.count()).toHaveText(
    /^1 file inside this workspace \(\d+(\.\d+)? KB compressed\)\.$/,
  )
  await expect(embed.switch()).toBeChecked()
  await screenshotPage(page, testInfo.outputPath('embedded-sources.png'))

  await embed.set(false)
  await expect(embed.count()).toHaveText(/^1 file inside this workspace/)
})
