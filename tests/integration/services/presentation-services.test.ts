/**
 * The presentation mode channels (services-presentation.ts) over the sample: off when a
 * workspace opens, on and off again with answers that pass their contract; while on, the
 * evidence bundle states it first and holds no original account id, and "Show in source"
 * (the file as written) is refused with what to do. The contract refuses unknown fields.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, FocalFailure } from '../../../shared/contract'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { readZipEntries } from '../../helpers/zip-reader'
import { DEMO, demoServices } from './support'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
})
afterAll(() => services.close())

const [HEADER = [], ...DEMO_ROWS] = parseCsv(readFileSync(DEMO, 'utf8'))
const SUB = HEADER.indexOf('SubAccountId')
const ids = [...new Set(DEMO_ROWS.map((r) => r[SUB]!))].filter((id) => id !== 'NULL')
const service = DEMO_ROWS[0]![HEADER.indexOf('ServiceName')]!

describe('presentation channels', () => {
  it('switches on and off; while on, evidence is masked and Show in source refused', async () => {
    const get = CHANNELS['presentation:get'].response
    expect(get.parse(await services['presentation:get']({}))).toEqual({
      on: false,
      tagKeys: null,
      notice: null,
    })
    const on = get.parse(await services['presentation:set']({ on: true }))
    expect(on.on).toBe(true)
    expect(on.notice).toMatch(
      /^Masked: account ids and names, resource and commitment ids and names and all tag values/,
    )

    const answer = await services['rows:evidence']({
      request: {
        dateRange: null,
        filters: [
          { dimension: { kind: 'column', name: 'ServiceName' }, op: 'in', values: [service] },
        ],
        period: null,
        sort: null,
        offset: 0,
        limit: 50,
      },
      title: `BilledCost of ${service}`,
    })
    const zip = join(tempDir(), answer.fileName)
    writeFileSync(zip, Buffer.from(answer.base64, 'base64'))
    const entries = await readZipEntries(zip)
    const text = (name: string): string =>
      entries.find((e) => e.name === name)!.bytes.toString('utf8')
    expect(text('README.txt').split('\n')[0]).toBe(on.notice)
    const [rowsHeader = [], ...rows] = parseCsv(text('rows.csv'))
    expect(rows.length).toBe(answer.rows)
    for (const row of rows) expect(row[rowsHeader.indexOf('SubAccountId')]).toMatch(/^acct-/)
    for (const id of ids) expect(text('rows.csv')).not.toContain(id)

    const refused = await services['rows:source']({ importId: 1, sourceRow: 1 }).catch(
      (cause: unknown) => cause,
    )
    expect(refused).toBeInstanceOf(FocalFailure)
    expect((refused as FocalFailure).error.message).toBe(
      'Show in source is off in presentation mode: the source line holds the ids it masks.',
    )

    expect(get.parse(await services['presentation:set']({ on: false }))).toEqual({
      on: false,
      tagKeys: null,
      notice: null,
    })
  })

  it('the contract refuses unknown fields and endless tag lists', () => {
    const set = CHANNELS['presentation:set'].request
    expect(set.safeParse({ on: true, tagKeys: ['team'] }).success).toBe(true)
    expect(set.safeParse({ on: true, path: '/tmp/x' }).success).toBe(false)
    expect(
      set.safeParse({ on: true, tagKeys: Array.from({ length: 51 }, (_, i) => `k${i}`) }).success,
    ).toBe(false)
    expect(set.safeParse({ on: 'yes' }).success).toBe(false)
  })
})
