/**
 * "Explain this number" (rows:evidence): the evidence bundle of a figure holds exactly the
 * rows it sums, their totals per currency, the source file with its SHA-256 and the audit
 * entry that logged its import, all checked against the demo CSV itself (parsed and summed
 * apart from Focal). A figure too large for a bundle is refused saying what to do.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, type FocalFailure, type RowsPageRequest } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { readZipEntries } from '../../helpers/zip-reader'
import { DEMO, demoServices } from '../services/support'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
})
afterAll(() => services.close())

const [HEADER = [], ...DEMO_ROWS] = parseCsv(readFileSync(DEMO, 'utf8'))
const col = (name: string): number => HEADER.indexOf(name)

function rowsOf(service: string): RowsPageRequest {
  return {
    dateRange: null,
    filters: [{ dimension: { kind: 'column', name: 'ServiceName' }, op: 'in', values: [service] }],
    period: null,
    sort: null,
    offset: 0,
    limit: 50,
  }
}

describe('rows:evidence', () => {
  it('bundles exactly the rows a figure sums, their totals, source file and audit entry', async () => {
    const service = DEMO_ROWS[0]![col('ServiceName')]!
    const mine = DEMO_ROWS.map((row, i) => ({ row, line: i + 1 })).filter(
      (r) => r.row[col('ServiceName')] === service,
    )
    const answer = await services['rows:evidence']({
      request: rowsOf(service),
      title: `BilledCost of ${service}`,
    })
    expect(CHANNELS['rows:evidence'].response.parse(answer)).toEqual(answer)
    expect([answer.rows, answer.mediaType]).toEqual([mine.length, 'application/zip'])
    const zip = join(tempDir(), answer.fileName)
    writeFileSync(zip, Buffer.from(answer.base64, 'base64'))
    const entries = await readZipEntries(zip)
    expect(entries.map((e) => e.name)).toEqual([
      'README.txt',
      'totals.csv',
      'rows.csv',
      'sources.csv',
      'audit.csv',
      'request.json',
    ])
    const file = (name: string): string[][] =>
      parseCsv(entries.find((e) => e.name === name)!.bytes.toString('utf8'))

    const [rowsHeader = [], ...rows] = file('rows.csv')
    const sourceRow = rowsHeader.indexOf('x_SourceRow')
    expect(rows.map((r) => Number(r[sourceRow])).sort((a, b) => a - b)).toEqual(
      mine.map((m) => m.line),
    )
    const currency = DEMO_ROWS[0]![col('BillingCurrency')]!
    expect(file('totals.csv')).toEqual([
      ['currency', 'rows', 'BilledCost', 'EffectiveCost'],
      [
        currency,
        String(mine.length),
        sumDecimals(mine.map((m) => m.row[col('BilledCost')]!)),
        sumDecimals(mine.map((m) => m.row[col('EffectiveCost')]!)),
      ],
    ])
    const [sourcesHeader = [], source = []] = file('sources.csv')
    const at = (name: string): string => source[sourcesHeader.indexOf(name)] ?? ''
    expect(at('sha256')).toBe(createHash('sha256').update(readFileSync(DEMO)).digest('hex'))
    expect([at('rows_in_figure'), at('status')]).toEqual([String(mine.length), 'imported'])
    expect([at('first_source_row'), at('last_source_row')]).toEqual([
      String(mine[0]!.line),
      String(mine.at(-1)!.line),
    ])
    const [, logged = []] = file('audit.csv')
    expect([logged[0], logged[3]]).toEqual([at('audit_seq'), 'import.imported'])
    expect(at('audit_hash')).toMatch(/^[0-9a-f]{64}$/)
    const readme = entries[0]!.bytes.toString('utf8')
    expect(readme).toContain(`Evidence for: BilledCost of ${service}`)
  })

  it('refuses a request naming a column the workspace lacks', async () => {
    const bad = await services['rows:evidence']({
      request: {
        ...rowsOf('x'),
        filters: [{ dimension: { kind: 'column', name: 'NoSuchColumn' }, op: 'in', values: ['x'] }],
      },
      title: 'x',
    }).catch((cause: unknown) => cause)
    expect((bad as FocalFailure).error).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('NoSuchColumn'),
    })
  })
})
