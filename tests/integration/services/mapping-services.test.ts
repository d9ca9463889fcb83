/**
 * The column-mapping channels of the core services (services-mappings.ts) on a
 * chargeback CSV no format matches: its columns and samples, a live preview
 * with cell errors, save, list, export, and an import job read with the saved mapping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, type ImportJob } from '../../../shared/contract'
import {
  CHARGEBACK_HEADER,
  chargebackMapping,
  chargebackRows,
  chargebackSums,
  germanAmount,
  writeChargebackCsv,
} from '../../helpers/chargeback-csv'
import { demoServices } from './support'

let services: FocalServices

beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:create']({ name: 'mappings' })
})
afterAll(() => services.close())

function waitForJob(jobId: string): Promise<ImportJob> {
  return new Promise((resolve) => {
    const take = (job: ImportJob): void => {
      if (job.jobId !== jobId || job.state === 'running') return
      stop()
      resolve(job)
    }
    const stop = services.onEvent((event, payload) => {
      if (event === 'import:progress') take(payload as ImportJob)
    })
    void services['import:status']({ jobId }).then(take)
  })
}

describe('mapping services', () => {
  it('mappings:inspect gives the header, the first 20 rows as written and the closest formats', async () => {
    const { token } = await services.stageFile(writeChargebackCsv(), 'chargeback.csv')
    const sample = await services['mappings:inspect']({ token })
    expect(CHANNELS['mappings:inspect'].response.parse(sample)).toEqual(sample)
    const rows = chargebackRows()
    expect(sample.header).toEqual(CHARGEBACK_HEADER)
    expect(sample.samples).toHaveLength(20)
    expect(sample.samples[0]).toEqual([
      rows[0]?.date,
      rows[0]?.team,
      germanAmount(rows[0]?.mills ?? 0n),
      rows[0]?.currency,
      rows[0]?.service,
      rows[0]?.project,
    ])
    expect(sample.closest).toHaveLength(3)
    expect(sample.closest[0]?.lacks.length).toBeGreaterThan(0)
  })

  it('mappings:preview maps the rows by the compiled mapping and marks each value the import would refuse', async () => {
    const { token } = await services.stageFile(writeChargebackCsv(), 'chargeback.csv')
    // Amounts read without the decimal comma, dates without their format: both refused per cell.
    const mapping = chargebackMapping()
    const loose = {
      ...mapping,
      columns: {
        ...mapping.columns,
        BilledCost: { column: 'Amount' },
        ChargePeriodStart: { column: 'Date' },
      },
    }
    const preview = await services['mappings:preview']({ token, mapping: loose })
    expect(preview.problems).toEqual([])
    const at = (name: string): number => preview.columns.indexOf(name)
    const first = preview.rows[0]
    expect(first?.row).toBe(1)
    expect(first?.values[at('BilledCost')]).toBe('1.234,572')
    expect(first?.errors[at('BilledCost')]).toBe(
      '"1.234,572" is not a number; set the decimal mark, thousands separator or characters to trim.',
    )
    expect(first?.errors[at('ChargePeriodStart')]).toBe(
      '"01.01.2026" is not a date Focal can read; set the date format (e.g. %d.%m.%Y).',
    )
    // With the mapping as made, every cell reads.
    const good = await services['mappings:preview']({ token, mapping })
    expect(good.rows).toHaveLength(20)
    expect(good.rows.flatMap((r) => r.errors).filter((e) => e !== null)).toEqual([])
    expect(good.rows[0]?.values[good.columns.indexOf('BilledCost')]).toBe('1234.572')
    expect(good.rows[0]?.values[good.columns.indexOf('ChargePeriodStart')]).toBe(
      '2026-01-01T00:00:00.000000Z',
    )
  })

  it('mappings:preview lists what the mapping lacks without failing', async () => {
    const { token } = await services.stageFile(writeChargebackCsv(), 'chargeback.csv')
    const { BilledCost: _cost, ...columns } = chargebackMapping().columns
    const preview = await services['mappings:preview']({
      token,
      mapping: { ...chargebackMapping(), columns },
    })
    expect(preview.problems).toEqual([
      'The mapping does not fill the required FOCUS column BilledCost: map each to a source column or a constant.',
    ])
    expect(preview.rows).toHaveLength(20)
  })

  it('saves, lists and exports a mapping, and an import job reads the file with it', async () => {
    const saved = await services['mappings:save']({ mapping: chargebackMapping() })
    expect(saved.name).toBe('Internal chargeback')
    expect((await services['mappings:list']({})).map((m) => [m.name, m.sha256])).toEqual([
      ['Internal chargeback', saved.sha256],
    ])
    const file = await services['mappings:export']({ name: 'Internal chargeback' })
    expect(file.fileName).toBe('Internal-chargeback.focal-mapping.json')
    expect(JSON.parse(file.text)).toEqual(chargebackMapping())

    const { token } = await services.stageFile(writeChargebackCsv(), 'chargeback.csv')
    const { jobId } = await services['import:start']({
      files: [token],
      mapping: 'Internal chargeback',
    })
    const job = await waitForJob(jobId)
    const record = job.results[0]?.record
    expect(record).toMatchObject({
      status: 'imported',
      format: `mapping:Internal chargeback@${saved.sha256.slice(0, 12)}/csv`,
      rowCount: 37,
      reconciled: true,
    })
    const sums = chargebackSums()
    expect(record?.totals.map((t) => [t.currency, t.rows, t.billedStored])).toEqual([
      ['EUR', sums.EUR?.rows, sums.EUR?.sum],
      ['USD', sums.USD?.rows, sums.USD?.sum],
    ])
  })

  it('refuses an import with a mapping the workspace does not have', async () => {
    const { token } = await services.stageFile(writeChargebackCsv(), 'chargeback.csv')
    await expect(services['import:start']({ files: [token], mapping: 'Nope' })).rejects.toThrow(
      'The workspace has no column mapping named "Nope".',
    )
  })
})
