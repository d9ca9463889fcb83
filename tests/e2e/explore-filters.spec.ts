/**
 * Explore's filter editor (issue 9, Filters): an include filter from the searchable values list
 * (its counts as the CSV has them), an exclude, a text match and a numeric range, each a chip;
 * the total follows each step as computed here from the demo CSV; a chip edited; one removed;
 * all cleared. Screenshots of each step under test-results/.
 */
import { join } from 'node:path'
import { sumDecimals } from '../../shared/money'
import { atLeast, csvRows, type CsvRow as Row } from '../helpers/csv-rows'
import { ROOT } from '../helpers/paths'
import { FiltersPage } from './pages/filters-page'
import { screenshotPage } from './support/screenshot'
import { expect, test } from './support/fixtures'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')
const SHOTS = join(ROOT, 'test-results', 'explore-filters')

const billed = (rows: Row[]): string =>
  sumDecimals(rows.flatMap((r) => (r.BilledCost === null ? [] : [r.BilledCost])))

const EC2 = 'Amazon Elastic Compute Cloud'
const ELB = 'Elastic Load Balancing'

test('filters from the values list, a text match and a range: chips, edit, remove, clear', async ({
  page,
  app,
  workspace,
  explore,
}) => {
  const filters = new FiltersPage(page)
  const all = csvRows(SAMPLE_CSV)
  const services = all.filter((r) => r.ServiceName === EC2 || r.ServiceName === ELB)
  const regions = services.filter((r) => r.RegionId !== 'us-west-2')
  const hourly = regions.filter((r) => (r.ChargeDescription ?? '').toLowerCase().includes('hour'))
  const ranged = (min: string): Row[] =>
    hourly.filter((r) => r.BilledCost !== null && atLeast(r.BilledCost, min))
  // Each step must change the total, or the test could not tell a filter from none.
  const totals = [all, services, regions, hourly, ranged('0.01'), ranged('0.1')].map(billed)
  expect(new Set(totals).size).toBe(totals.length)

  await app.open()
  await workspace.openSample()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')
  expect(await explore.total('USD')).toBe(totals[0])

  // Include: search the list, which counts each value's rows as the file has them.
  await filters.add('ServiceName')
  await filters.search('ELASTIC')
  const count = (rows: Row[], column: string, value: string): number =>
    rows.filter((r) => r[column] === value).length
  await expect(filters.valueLine(EC2)).toContainText(`${count(all, 'ServiceName', EC2)} rows`)
  await expect(filters.valueLine(ELB)).toContainText(`${count(all, 'ServiceName', ELB)} rows`)
  await filters.tick(EC2, ELB)
  await screenshotPage(page, join(SHOTS, '1-include-from-list.png'))
  await filters.apply()
  await expect.poll(() => explore.total('USD')).toBe(totals[1])

  // Exclude: the list now counts under the ServiceName filter.
  await filters.add('RegionId')
  await filters.editor.getByTestId('filter-op').getByText('Leave these out').click()
  await filters.search('west-2')
  await expect(filters.valueLine('us-west-2')).toContainText(
    `${count(services, 'RegionId', 'us-west-2')} rows`,
  )
  await filters.tick('us-west-2')
  await filters.apply()
  await expect.poll(() => explore.total('USD')).toBe(totals[2])

  // Text match, case-insensitive.
  await filters.add('ChargeDescription')
  await filters.mode('Text match')
  await filters.editor.getByTestId('filter-text').fill('HOUR')
  await filters.apply()
  await expect.poll(() => explore.total('USD')).toBe(totals[3])

  // Numeric range on an amount, exact decimals.
  await filters.add('BilledCost')
  await filters.editor.getByTestId('filter-min').fill('0.01')
  await filters.apply()
  await expect.poll(() => explore.total('USD')).toBe(totals[4])
  await expect(filters.chips).toHaveText([
    `ServiceName: ${EC2}, ${ELB}`,
    'RegionId is not: us-west-2',
    'ChargeDescription contains "HOUR"',
    'BilledCost ≥ 0.01',
  ])
  await screenshotPage(page, join(SHOTS, '2-four-chips.png'))

  // A chip reopens in the editor with its rule; the change replaces it in place.
  await filters.edit('BilledCost ≥ 0.01')
  await expect(filters.editor.getByTestId('filter-min')).toHaveValue('0.01')
  await filters.editor.getByTestId('filter-min').fill('0.1')
  await screenshotPage(page, join(SHOTS, '3-edit-range.png'))
  await filters.apply()
  await expect.poll(() => explore.total('USD')).toBe(totals[5])
  await expect(filters.chips.nth(3)).toHaveText('BilledCost ≥ 0.1')

  // × removes one rule; "Clear all" the rest.
  await filters.remove('ChargeDescription contains "HOUR"')
  await expect
    .poll(() => explore.total('USD'))
    .toBe(billed(regions.filter((r) => r.BilledCost !== null && atLeast(r.BilledCost, '0.1'))))
  await filters.clearAll()
  await expect(filters.chips).toHaveCount(0)
  await expect.poll(() => explore.total('USD')).toBe(totals[0])
})

test('a tag missing, then present, and "(none)" picked from the values list', async ({
  page,
  app,
  workspace,
  explore,
}) => {
  const filters = new FiltersPage(page)
  const all = csvRows(SAMPLE_CSV)
  const tagged = (r: Row): boolean => {
    const tags = r.Tags === null ? {} : (JSON.parse(r.Tags) as Record<string, unknown>)
    return tags.application !== undefined && tags.application !== null
  }
  const without = all.filter((r) => !tagged(r))
  const withTag = all.filter(tagged)
  const noRegion = withTag.filter((r) => r.RegionId === null)
  expect(noRegion.length).toBeGreaterThan(0)
  const totals = [all, without, withTag, noRegion].map(billed)
  expect(new Set(totals).size).toBe(totals.length)

  await app.open()
  await workspace.openSample()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')

  await filters.add('tag:application')
  await filters.mode('Tag present')
  await filters.editor.getByTestId('filter-tag').getByText('Rows without this tag').click()
  await filters.apply()
  await expect(filters.chips).toHaveText(['no tag application'])
  await expect.poll(() => explore.total('USD')).toBe(totals[1])

  await filters.edit('no tag application')
  await filters.editor.getByTestId('filter-tag').getByText('Rows that have this tag').click()
  await filters.apply()
  await expect(filters.chips).toHaveText(['has tag application'])
  await expect.poll(() => explore.total('USD')).toBe(totals[2])

  // The missing value reads "(none)" in the list and a search for it finds it.
  await filters.add('RegionId')
  await filters.search('none')
  await expect(filters.valueLine('(none)')).toContainText(`${noRegion.length} rows`)
  await filters.tick('(none)')
  await filters.apply()
  // Value filters read first, then the conditions.
  await expect(filters.chips).toHaveText(['RegionId: (none)', 'has tag application'])
  await expect.poll(() => explore.total('USD')).toBe(totals[3])
  await screenshotPage(page, join(SHOTS, '4-tag-and-none.png'))
})
