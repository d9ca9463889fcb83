/** A dropped ZIP is opened in the app: each billing file inside is its own import, other files are listed as skipped. */
import { readFileSync } from 'node:fs'
import { csvSums } from '../helpers/csv-sums'
import { sample } from '../helpers/paths'
import { writeZip } from '../helpers/zip-writer'
import { expect, test } from './support/fixtures'

const GCP = 'focus-data-toolkit-golden/gcp_1_3_cost_and_usage_rows100_seed42.csv'

test('a ZIP of billing exports imports each file inside and lists what it skipped', async ({
  app,
  workspace,
  importer,
}, testInfo) => {
  const zip = testInfo.outputPath('exports.zip')
  writeZip(zip, [
    { name: 'gcp/gcp.csv', data: readFileSync(sample(GCP)) },
    { name: 'README.txt', data: Buffer.from('GCP exports\n') },
  ])

  await app.open()
  await workspace.openSample()
  await app.goTo('import')
  await importer.importFiles([zip])
  const outcome = importer.outcome('exports.zip/gcp/gcp.csv')
  await expect(outcome).toHaveAttribute('data-status', 'imported')
  const rows = Object.values(csvSums(sample(GCP), 'BilledCost')).reduce((n, c) => n + c.rows, 0)
  await expect(outcome).toContainText(`${rows} rows · csv · FOCUS 1.3`)
  await expect(outcome).toContainText('reconciled')
  await expect(importer.page.getByTestId('import-skipped')).toHaveText(
    'exports.zip/README.txt: skipped, not a billing file (CSV, CSV.gz, Parquet or JSON lines)',
  )
})
