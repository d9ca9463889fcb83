/**
 * Nothing leaves the machine (DESIGN.md, Security baseline): every request the
 * page makes goes to the web host's own origin, and the CSP is never violated.
 */
import { ROOT, sample } from '../helpers/paths'
import { E2E_ORIGIN } from './support/host'
import { expect, test } from './support/fixtures'
import { join } from 'node:path'

test('the app requests nothing but its own host', async ({
  page,
  app,
  workspace,
  importer,
  loaded,
  explore,
}) => {
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  // A CSP violation would mean the page tried to load or run something the policy forbids.
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { cspViolations: string[] }).cspViolations = seen
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    )
  })

  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()
  await app.goTo('import')
  await importer.importFiles([
    sample('focus-data-toolkit-golden/gcp_1_2_cost_and_usage_rows100_seed42.csv'),
  ])
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')
  await expect(explore.chartCanvas).toBeVisible()
  await page.screenshot({ path: join(ROOT, 'test-results', 'offline-explore.png') })

  expect(requests.length).toBeGreaterThan(5)
  const foreign = requests.filter((url) => !url.startsWith(`${E2E_ORIGIN}/`))
  expect(foreign).toEqual([])
  expect(
    await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  ).toEqual([])
  // The token left the address bar once the page had read it.
  expect(page.url()).not.toContain('token=')
})
