/**
 * The Tags screen on the sample data, whose rows spell one key as "org" and " org": it
 * shows them as one canonical key with the rows counted from the CSV here, and a person
 * can split, rename, merge and reset, each change shown at once.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { TagsPage } from './pages/tags-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

/** Rows of the sample whose Tags carry `key`, counted without Focal. */
function rowsWith(key: string): string {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const at = header.indexOf('Tags')
  const count = rows.filter((row) => {
    const text = row[at] ?? ''
    return text !== '' && text !== 'NULL' && Object.hasOwn(JSON.parse(text) as object, key)
  }).length
  return `${count} rows`
}

test('tags: aliases of one key grouped, split, renamed, merged and reset', async ({
  page,
  app,
  workspace,
}) => {
  const tags = new TagsPage(page)
  await app.open()
  await workspace.openSample()
  await app.goTo('tags')
  await tags.waitForTable()

  expect(await tags.aliases('org')).toEqual([
    ['org', rowsWith('org')],
    ['" org"', rowsWith(' org')],
  ])
  await screenshotPage(page, join(ROOT, 'test-results', 'tags.png'))

  await tags.split('org', '" org"')
  await expect(tags.group(' org')).toBeVisible()
  await expect(tags.group(' org').getByText('by hand')).toBeVisible()
  expect(await tags.aliases('org')).toEqual([['org', rowsWith('org')]])

  await tags.rename('org', 'Organization')
  await expect(tags.group('Organization')).toBeVisible()
  await expect(tags.group('org')).toHaveCount(0)

  await tags.merge('env', 'environment')
  expect((await tags.aliases('environment')).map(([key]) => key)).toEqual(['environment', 'env'])

  await tags
    .group(' org')
    .getByRole('button', { name: 'Return " org" to the automatic rule' })
    .click()
  await expect(tags.group(' org')).toHaveCount(0)
  expect((await tags.aliases('Organization')).map(([key]) => key)).toEqual(['" org"', 'org'])
  await screenshotPage(page, join(ROOT, 'test-results', 'tags-edited.png'))

  // Explore offers the canonical key once and says which original keys it reads.
  await app.goTo('explore')
  await page.getByTestId('group-by-1').click()
  await page.getByTestId('group-by-1').fill('tag:Org')
  const option = page.getByRole('option', { name: /tag:Organization/ })
  await expect(option).toContainText('also " org", "org"')
  await expect(page.getByRole('option', { name: /^tag:org/ })).toHaveCount(0)
  await page.screenshot({ path: join(ROOT, 'test-results', 'tags-explore.png') })
})
