/** The commitments:list channel: a staged Contract Commitment file imported by a job, listed as the contract says. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { createServices } from '../../../electron/core/services'
import { CHANNELS, type ImportJob } from '../../../shared/contract'
import { csvSums, parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { waitForImport } from './support'

const GCP = sample('focus-data-toolkit-golden/gcp_1_3_contract_commitment_rows100_seed42.csv')
let services: FocalServices

beforeEach(async () => {
  const dir = tempDir()
  services = await createServices({
    workspacesDir: join(dir, 'workspaces'),
    scratchDir: join(dir, 'scratch'),
    sampleFile: null,
    host: 'web',
    version: 'test',
  })
})
afterEach(() => services.close())

function waitForJob(jobId: string): Promise<ImportJob> {
  return waitForImport(services, jobId)
}

describe('commitments:list', () => {
  it('lists every commitment of an imported dataset, valid against its contract schema', async () => {
    await services['workspace:create']({ name: 'commitments' })
    expect(await services['commitments:list']({})).toEqual({ commitments: [], totals: [] })
    const staged = await services.stageFile(GCP, 'gcp-commitments.csv')
    const { jobId } = await services['import:start']({ files: [staged.token] })
    const job = await waitForJob(jobId)
    expect(job.results[0]?.record?.status).toBe('imported')

    const list = await services['commitments:list']({})
    expect(CHANNELS['commitments:list'].response.parse(list)).toEqual(list)
    const cost = csvSums(GCP, 'ContractCommitmentCost').USD!
    expect(list.totals).toEqual([{ currency: 'USD', commitments: cost.rows, cost: cost.sum }])
    const [header = [], ...rows] = parseCsv(readFileSync(GCP, 'utf8'))
    const column = (name: string): string[] => rows.map((r) => r[header.indexOf(name)] ?? '')
    expect(list.commitments.map((c) => c.id).sort()).toEqual(column('ContractCommitmentId').sort())
    // Listed by start, each with the file it came from; a commitment file adds no cost row.
    const starts = list.commitments.map((c) => c.start ?? '')
    expect(starts).toEqual([...starts].sort())
    expect(new Set(list.commitments.map((c) => c.fileName))).toEqual(
      new Set(['gcp-commitments.csv']),
    )
    expect(await services['loaded:summary']({})).toEqual([])
    // The request takes nothing: a host refuses anything else before calling in.
    expect(CHANNELS['commitments:list'].request.safeParse({ workspace: 'x' }).success).toBe(false)
  })

  it('refuses without an open workspace', async () => {
    await expect(services['commitments:list']({})).rejects.toMatchObject({
      error: { code: 'NO_WORKSPACE' },
    })
  })
})
