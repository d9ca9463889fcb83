/** The built `focal import` on ZIP archives and folders holding them. */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportRecord } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { focal } from '../../helpers/cli'
import { csvSums } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { writeZip } from '../../helpers/zip-writer'

const GOLDEN = 'focus-data-toolkit-golden'
const AWS = `${GOLDEN}/aws_1_3_cost_and_usage_rows100_seed42.csv`
const AZURE = `${GOLDEN}/azure_1_3_cost_and_usage_rows100_seed42.csv`
const GCP = `${GOLDEN}/gcp_1_3_cost_and_usage_rows100_seed42.csv`

describe('focal import with ZIP archives', () => {
  it('imports a folder: its CSV, and the billing files of a ZIP in a sub-folder, listing what it skipped', async () => {
    const dir = tempDir()
    const exports = join(dir, 'exports')
    mkdirSync(join(exports, 'archives'), { recursive: true })
    copyFileSync(sample(GCP), join(exports, 'gcp.csv'))
    writeZip(join(exports, 'archives', 'january.zip'), [
      { name: 'aws/aws.csv', data: readFileSync(sample(AWS)) },
      { name: 'azure/azure.csv', data: readFileSync(sample(AZURE)) },
      { name: 'README.txt', data: Buffer.from('January exports\n') },
    ])
    const ws = join(dir, 'costs.focal')
    const result = await focal('import', '-w', ws, exports, '--json')
    expect(result.code).toBe(0)
    const out = JSON.parse(result.stdout) as {
      ok: boolean
      imports: ImportRecord[]
      skipped: { fileName: string; reason: string }[]
    }
    expect(out.imports.map((r) => [r.fileName, r.status])).toEqual([
      ['january.zip/aws/aws.csv', 'imported'],
      ['january.zip/azure/azure.csv', 'imported'],
      ['gcp.csv', 'imported'],
    ])
    expect(out.skipped).toEqual([
      {
        fileName: 'january.zip/README.txt',
        reason: 'not a billing file (CSV, CSV.gz, Parquet or JSON lines)',
      },
    ])
    // The three files' own BilledCost, summed by an independent parser, is what the workspace holds.
    const expected = sumDecimals(
      [AWS, AZURE, GCP].map((file) => csvSums(sample(file), 'BilledCost').USD?.sum ?? '0'),
    )
    const sql = await focal(
      'query',
      '-w',
      ws,
      'SELECT sum(BilledCost) AS billed FROM focus',
      '--csv',
    )
    expect(sql.stdout.trim().split('\n')).toEqual(['billed', expected])
    expect(result.stdout).not.toContain(dir)
  })

  it('refuses an unsafe ZIP with exit 1, naming the archive and the entry, and stores nothing', async () => {
    const dir = tempDir()
    const zip = join(dir, 'evil.zip')
    writeZip(zip, [
      { name: 'aws.csv', data: readFileSync(sample(AWS)) },
      { name: '../../outside.csv', data: readFileSync(sample(AZURE)) },
    ])
    const ws = join(dir, 'costs.focal')
    const result = await focal('import', '-w', ws, zip)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      'evil.zip: the entry ../../outside.csv points outside the archive',
    )
    expect(result.stdout).not.toContain(dir)
    const imports = await focal('imports', '-w', ws, '--json')
    const registry = JSON.parse(imports.stdout) as { imports: ImportRecord[] }
    expect(registry.imports.map((r) => [r.fileName, r.status, r.rowCount])).toEqual([
      ['evil.zip', 'failed', 0],
    ])
  })
})
