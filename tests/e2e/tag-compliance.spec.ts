/**
 * Savings → Tag compliance on the sample data: the default policy's keys are on no row (0%);
 * requiring only `environment` gives the share of BilledCost on rows carrying it, worked out
 * here from the CSV; the largest resource to fix is the one the CSV says, and a click opens
 * its rows.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { percentOf } from '../../shared/compliance/percent'
import { sumDecimals, toScaled } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { CompliancePage } from './pages/compliance-page'
import { RowsPage } from './pages/rows-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

/** The sample's September rows with the fields compliance reads, without Focal. */
function september(): Array<{ resource: string; service: string; billed: string; env: boolean }> {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  return rows
    .filter((r) => (r[at('BillingPeriodStart')] ?? '').startsWith('2024-09'))
    .map((r) => {
      const text = r[at('Tags')] ?? ''
      const tags =
        text === '' || text === 'NULL' ? {} : (JSON.parse(text) as Record<string, unknown>)
      const env = tags.environment
      return {
        resource: r[at('ResourceId')] ?? '',
        service: r[at('ServiceName')] ?? '',
        billed: r[at('BilledCost')] ?? '0',
        env: typeof env === 'string' && env.trim() !== '',
      }
    })
}

test('tag compliance: change a required key, see the share change, open the worst resource', async ({
  page,
  app,
  workspace,
}) => {
  const compliance = new CompliancePage(page)
  const rows = new RowsPage(page)
  await app.open()
  await workspace.openSample()
  await compliance.open()
  await compliance.choosePeriod('2024-09')
  // The default keys (service, team, tenant, …) are on none of the sample's rows.
  await expect(compliance.percent('USD')).toHaveText('0.00%')

  await compliance.renameKey(1, 'environment')
  for (const key of ['team', 'tenant', 'tier', 'env', 'budget_owner', 'ledger_account'])
    await compliance.removeKey(key)
  await compliance.measure()

  const lines = september()
  const all = sumDecimals(lines.map((l) => l.billed))
  const tagged = sumDecimals(lines.filter((l) => l.env).map((l) => l.billed))
  await expect(compliance.percent('USD')).toHaveText(`${percentOf(tagged, all)}%`)

  // The largest resource without the tag, by BilledCost, worked out from the CSV.
  const untagged = new Map<string, string[]>()
  for (const l of lines.filter((x) => !x.env)) {
    const key = `${l.resource}\u0000${l.service}`
    untagged.set(key, [...(untagged.get(key) ?? []), l.billed])
  }
  const [worst] = [...untagged]
    .map(([key, billed]) => ({ key, cost: sumDecimals(billed) }))
    .sort((a, b) =>
      toScaled(b.cost) > toScaled(a.cost) ? 1 : toScaled(b.cost) < toScaled(a.cost) ? -1 : 0,
    )
  const [resource = '', service = ''] = (worst?.key ?? '').split('\u0000')
  await expect(compliance.resources.first()).toHaveAttribute('data-resource', resource)
  await screenshotPage(page, join(ROOT, 'test-results', 'tag-compliance.png'))

  await compliance.resources.first().click()
  const count = lines.filter((l) => l.resource === resource && l.service === service).length
  await expect(rows.place).toContainText(`of ${count.toLocaleString('en-US')}`)
  await expect(rows.rows.first()).toContainText(resource)
  await screenshotPage(page, join(ROOT, 'test-results', 'tag-compliance-rows.png'))
})
