/** The web host's upload path with a ZIP: the app imports each billing file inside as its own file. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportJob } from '../../../shared/contract'
import type { WebHost } from '../../../electron/webhost/server'
import { csvSums } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { writeZip } from '../../helpers/zip-writer'
import { call, startTestHost, TOKEN } from './support'

let host: WebHost

beforeAll(async () => {
  host = await startTestHost()
})
afterAll(() => host.close())

const AWS = 'focus-data-toolkit-golden/aws_1_3_cost_and_usage_rows100_seed42.csv'
const AZURE = 'focus-data-toolkit-golden/azure_1_3_cost_and_usage_rows100_seed42.csv'

describe('web host upload of a ZIP', () => {
  it('stages a dropped ZIP and imports each billing file inside, listing the skipped ones', async () => {
    expect((await call(host, 'workspace:create', { name: 'zipped' })).json.ok).toBe(true)
    const zip = join(tempDir(), 'exports.zip')
    writeZip(zip, [
      { name: 'aws/aws.csv', data: readFileSync(sample(AWS)) },
      { name: 'azure.csv', data: readFileSync(sample(AZURE)) },
      { name: 'README.txt', data: Buffer.from('Exports of September.\n') },
    ])
    const upload = await fetch(`http://127.0.0.1:${host.port}/api/upload?name=exports.zip`, {
      method: 'POST',
      headers: { 'x-focal-token': TOKEN },
      body: readFileSync(zip),
    })
    const staged = (await upload.json()) as { value: { token: string } }
    const started = await call(host, 'import:start', { files: [staged.value.token] })
    const { jobId } = started.json.value as { jobId: string }
    let job: ImportJob
    do {
      await new Promise((resolve) => setTimeout(resolve, 100))
      job = (await call(host, 'import:status', { jobId })).json.value as ImportJob
    } while (job.state === 'running')
    expect(job.state).toBe('done')
    expect(job.results.map((r) => [r.fileName, r.record?.status])).toEqual([
      ['exports.zip/aws/aws.csv', 'imported'],
      ['exports.zip/azure.csv', 'imported'],
    ])
    expect(job.results[1]?.record?.totals.map((t) => [t.currency, t.billedStored])).toEqual(
      Object.entries(csvSums(sample(AZURE), 'BilledCost')).map(([c, s]) => [c, s.sum]),
    )
    expect(job.skipped).toEqual([
      {
        fileName: 'exports.zip/README.txt',
        reason: 'not a billing file (CSV, CSV.gz, Parquet or JSON lines)',
      },
    ])
  })
})
