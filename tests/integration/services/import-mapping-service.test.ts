/**
 * imports:mapping and the registry's `mapping` (services-mappings.ts, imports-registry.ts): an
 * import read with a column mapping names the mapping and its hash in its record, and its rules
 * are the mapping as it was when the file was imported, even after a new version is saved under
 * its name. Hashes are checked against the text served and the import's format id.
 */
import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, type ImportJob } from '../../../shared/contract'
import type { UserMapping } from '../../../shared/formats/user-mapping'
import { chargebackMapping, chargebackRows, writeChargebackCsv } from '../../helpers/chargeback-csv'
import { DEMO, demoServices } from './support'

let services: FocalServices

beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:create']({ name: 'import-mapping' })
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

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

/** Imports a chargeback CSV of `rows`, with the saved mapping `name` (none: detected by format). */
async function importChargeback(
  file: string,
  name?: string,
): Promise<NonNullable<ImportJob['results'][number]['record']>> {
  const { token } = await services.stageFile(file, basename(file))
  const { jobId } = await services['import:start']({
    files: [token],
    // Later files restate the same months: counted beside, so each import keeps its rows.
    onOverlap: 'keep-both',
    ...(name ? { mapping: name } : {}),
  })
  const record = (await waitForJob(jobId)).results[0]?.record
  if (!record) throw new Error(`no record for ${file}`)
  return record
}

describe('the mapping an import was read with', () => {
  it('is named with its hash in the import record and served as recorded, after a re-save too', async () => {
    const first = chargebackMapping()
    await services['mappings:save']({ mapping: first })
    const imported = await importChargeback(writeChargebackCsv(), first.name)
    expect(imported.status).toBe('imported')
    const id = imported.id

    // A new version saved under the same name: the earlier import keeps its own.
    const second: UserMapping = {
      ...first,
      columns: { ...first.columns, ServiceName: { column: 'Project' } },
    }
    await services['mappings:save']({ mapping: second })
    const later = await importChargeback(
      writeChargebackCsv(chargebackRows().slice(0, 30), 'chargeback-first-30.csv'),
      second.name,
    )
    expect(later.status).toBe('imported')
    const laterId = later.id
    // The demo sample is detected by its format: no mapping.
    const detected = await importChargeback(DEMO)
    expect(detected.status).toBe('imported')

    const records = await services['imports:list']({})
    const byId = (n: number) => records.find((r) => r.id === n)
    const shown = await services['imports:mapping']({ importId: id })
    expect(CHANNELS['imports:mapping'].response.parse(shown)).toEqual(shown)
    expect(shown).toMatchObject({ importId: id, name: 'Internal chargeback' })
    expect(shown.mapping).toEqual(first)
    expect(shown.file.fileName).toBe('Internal-chargeback.focal-mapping.json')
    expect(JSON.parse(shown.file.text)).toEqual(first)
    // The hash is that of the file served, and the one the import's format names.
    const firstHash = sha256(shown.file.text)
    expect(shown.sha256).toBe(firstHash)
    expect(imported.format).toBe(`mapping:Internal chargeback@${firstHash.slice(0, 12)}/csv`)
    expect(byId(id)?.mapping).toEqual({ name: 'Internal chargeback', sha256: firstHash })

    const laterShown = await services['imports:mapping']({ importId: laterId })
    expect(laterShown.mapping).toEqual(second)
    expect(laterShown.sha256).not.toBe(firstHash)
    expect(byId(laterId)?.mapping).toEqual({
      name: 'Internal chargeback',
      sha256: sha256(laterShown.file.text),
    })
    expect(later.format).toBe(`mapping:Internal chargeback@${laterShown.sha256.slice(0, 12)}/csv`)

    expect(byId(detected.id)).toBeDefined()
    expect(byId(detected.id)?.mapping).toBeUndefined()
    expect(detected.mapping).toBeUndefined()
  })

  it('the import job returns the record naming the mapping, as the registry does', async () => {
    const mapping = chargebackMapping()
    await services['mappings:save']({ mapping })
    const record = await importChargeback(
      writeChargebackCsv(chargebackRows().slice(5), 'chargeback-from-6.csv'),
      mapping.name,
    )
    expect(record.status).toBe('imported')
    const served = await services['imports:mapping']({ importId: record.id })
    expect(record.mapping).toEqual({ name: mapping.name, sha256: sha256(served.file.text) })
    const listed = (await services['imports:list']({})).find((r) => r.id === record.id)
    expect(listed?.mapping).toEqual(record.mapping)
  })

  it('refuses an import that was not read with a mapping, saying so', async () => {
    const detected = (await services['imports:list']({})).find((r) => r.mapping === undefined)
    await expect(services['imports:mapping']({ importId: detected?.id ?? 0 })).rejects.toThrow(
      `Import #${detected?.id} was not read with a column mapping.`,
    )
  })

  it('the contract refuses an id that is not a positive integer', () => {
    const request = CHANNELS['imports:mapping'].request
    expect(request.safeParse({ importId: 0 }).success).toBe(false)
    expect(request.safeParse({ importId: 1.5 }).success).toBe(false)
    expect(request.safeParse({ importId: 1, path: '/etc/passwd' }).success).toBe(false)
  })
})
