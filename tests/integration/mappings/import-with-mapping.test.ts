/** A CSV no format matches, imported with a person's column mapping (core/mappings/import-with-mapping.ts). */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import {
  importFormat,
  importWithMapping,
} from '../../../electron/core/mappings/import-with-mapping'
import { loadMappingJson } from '../../../electron/core/mappings/mapping-file'
import { importMapping, listMappings } from '../../../electron/core/mappings/mappings-store'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import {
  chargebackMapping,
  chargebackRows,
  chargebackSums,
  germanAmount,
  writeChargebackCsv,
} from '../../helpers/chargeback-csv'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace, storedSums } from '../../helpers/workspace'

let ws: Workspace | undefined
afterEach(() => ws?.close())

describe('importWithMapping', () => {
  it('is refused without a mapping, naming the closest formats and offering a mapping', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, writeChargebackCsv())
    expect(record.status).toBe('failed')
    expect(record.error?.message).toMatch(
      /^chargeback-2026\.csv is not a billing export Focal recognizes\. Closest: /,
    )
    expect(record.error?.hint).toContain('focal import --mapping')
    expect(record.error?.hint).toContain('mapping screen')
    expect(record.error?.details).toMatchObject({ mappable: true })
  })

  it('imports every row with decimal-comma amounts, totals per currency exactly as the file sums them, reconciled', async () => {
    ws = await freshWorkspace()
    const loaded = loadMappingJson(chargebackMapping())
    const { records } = await importWithMapping(ws, writeChargebackCsv(), loaded)
    const [record] = records
    expect(record?.error).toBeNull()
    expect(record).toMatchObject({
      status: 'imported',
      format: `mapping:Internal chargeback@${loaded.sha256.slice(0, 12)}/csv`,
      rowCount: 37,
      reconciled: true,
    })
    const sums = chargebackSums()
    expect(sums.EUR?.rows).toBe(28)
    expect(await storedSums(ws)).toEqual({
      EUR: { rows: 28, billed: sums.EUR?.sum, effective: sums.EUR?.sum },
      USD: { rows: 9, billed: sums.USD?.sum, effective: sums.USD?.sum },
    })
    // The second reader summed the file's own Amount column, read as the mapping says.
    expect(record?.totals.map((t) => [t.currency, t.billedSource])).toEqual([
      ['EUR', sums.EUR?.sum],
      ['USD', sums.USD?.sum],
    ])
  })

  it('without an EffectiveCost rule, takes the billed amount as EffectiveCost and flags every row so', async () => {
    ws = await freshWorkspace()
    const mapping = chargebackMapping()
    const { EffectiveCost: _dropped, ...columns } = mapping.columns
    const loaded = loadMappingJson({ ...mapping, columns })
    const [record] = (await importWithMapping(ws, writeChargebackCsv(), loaded)).records
    expect([record?.status, record?.reconciled]).toEqual(['imported', true])
    const sums = chargebackSums()
    expect(await storedSums(ws)).toEqual({
      EUR: { rows: 28, billed: sums.EUR?.sum, effective: sums.EUR?.sum },
      USD: { rows: 9, billed: sums.USD?.sum, effective: sums.USD?.sum },
    })
    expect(record?.fixes).toContainEqual({ code: 'EFFECTIVE_COST_IS_BILLED_COST', rows: 37 })
  })

  it('maps dates, lookups, constants and tag columns as the mapping says', async () => {
    ws = await freshWorkspace()
    await importWithMapping(ws, writeChargebackCsv(), loadMappingJson(chargebackMapping()))
    const rows = chargebackRows()
    const [first] = await ws.all(
      `SELECT strftime(ChargePeriodStart AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS s,
        strftime(ChargePeriodEnd AT TIME ZONE 'UTC', '%Y-%m-%d') AS e,
        strftime(BillingPeriodStart AT TIME ZONE 'UTC', '%Y-%m-%d') AS ps,
        strftime(BillingPeriodEnd AT TIME ZONE 'UTC', '%Y-%m-%d') AS pe,
        ServiceName, ServiceCategory, ChargeCategory, ServiceProviderName, SubAccountName,
        CAST(Tags AS VARCHAR) AS tags, CAST(BilledCost AS VARCHAR) AS cost
        FROM focus WHERE x_SourceRow = 27`,
    )
    const source = rows[26]
    expect(source).toMatchObject({
      date: '27.02.2026',
      team: 'Web',
      service: 'Lambda',
      project: 'P-2',
    })
    expect(first).toEqual({
      s: '2026-02-27 00:00',
      e: '2026-02-28',
      ps: '2026-02-01',
      pe: '2026-03-01',
      ServiceName: 'Lambda',
      ServiceCategory: 'Compute',
      ChargeCategory: 'Usage',
      ServiceProviderName: 'Internal IT',
      SubAccountName: 'Web',
      tags: '{"Team":"Web","Project":"P-2"}',
      cost: '26.083000000000000000',
    })
    expect(germanAmount(source?.mills ?? 0n)).toBe('26,083')
    const categories = await ws.all(
      'SELECT ServiceCategory AS c, count(*)::BIGINT AS n FROM focus GROUP BY 1 ORDER BY 1',
    )
    const count = (services: string[]): number =>
      rows.filter((r) => services.includes(r.service)).length
    expect(categories.map((r) => [r.c, Number(r.n)])).toEqual([
      ['Compute', count(['EC2', 'Lambda'])],
      ['Other', count(['Kafka'])],
      ['Storage', count(['S3'])],
    ])
  })

  it('saves the mapping and records it, with its hash, for the import it made', async () => {
    ws = await freshWorkspace()
    const loaded = loadMappingJson(chargebackMapping())
    const { records } = await importWithMapping(ws, writeChargebackCsv(), loaded)
    expect((await listMappings(ws)).map((m) => [m.mapping.name, m.sha256])).toEqual([
      ['Internal chargeback', loaded.sha256],
    ])
    expect(await importMapping(ws, records[0]?.id ?? 0)).toEqual(loaded)
  })

  it('reads amounts in cents with a factor, a currency constant and a negated sign', async () => {
    ws = await freshWorkspace()
    const path = join(tempDir(), 'credits.csv')
    writeFileSync(
      path,
      'Day,Who,Cents\n2026-03-01,a,12345\n2026-03-02,b,-5\n2026-03-03,c,100000001\n',
    )
    const mapping = {
      focalMapping: 1,
      name: 'Credits in cents',
      header: ['Day', 'Who', 'Cents'],
      columns: {
        BilledCost: { column: 'Cents', factor: '0.01', negate: true },
        BillingCurrency: { constant: 'CHF' },
        ChargePeriodStart: { column: 'Day' },
        ChargePeriodEnd: { column: 'Day', addDays: 1 },
      },
    }
    const { records } = await importWithMapping(ws, path, loadMappingJson(mapping))
    expect(records[0]?.error).toBeNull()
    // -(123.45 - 0.05 + 1000000.01) = -1000123.41
    expect(records[0]?.totals).toMatchObject([
      { currency: 'CHF', rows: 3, billedSource: '-1000123.41', reconciled: true },
    ])
    const [stored] = await ws.all(
      'SELECT BillingCurrency AS c, count(*)::BIGINT AS n, CAST(sum(BilledCost) AS VARCHAR) AS b FROM focus GROUP BY 1',
    )
    expect(stored).toEqual({ c: 'CHF', n: '3', b: '-1000123.410000000000000000' })
  })

  it('refuses a file that lacks a column the mapping reads, naming it', async () => {
    ws = await freshWorkspace()
    const path = join(tempDir(), 'other.csv')
    writeFileSync(path, 'Date;Team;Betrag;Currency;Service;Project\n01.01.2026;a;1,5;EUR;S3;\n')
    const { records } = await importWithMapping(ws, path, loadMappingJson(chargebackMapping()))
    expect(records[0]?.status).toBe('failed')
    expect(records[0]?.error).toMatchObject({
      code: 'MISSING_COLUMNS',
      message: 'other.csv lacks the column Amount that the mapping "Internal chargeback" reads.',
    })
    expect(await storedSums(ws)).toEqual({})
  })

  it('refuses an amount the mapping cannot read, naming its row and column', async () => {
    ws = await freshWorkspace()
    const path = join(tempDir(), 'bad.csv')
    writeFileSync(
      path,
      'Date;Team;Amount;Currency;Service;Project\n01.01.2026;a;1,5;EUR;S3;\n02.01.2026;b;zwölf;EUR;S3;\n',
    )
    const { records } = await importWithMapping(ws, path, loadMappingJson(chargebackMapping()))
    expect(records[0]?.status).toBe('failed')
    expect(records[0]?.error).toMatchObject({
      code: 'BAD_VALUE',
      location: { file: 'bad.csv', row: 2, column: 'Amount', value: 'zwölf' },
    })
  })

  it('is not reconciled when the mapping SQL reads an amount other than the file writes it', async () => {
    ws = await freshWorkspace()
    const format = importFormat(loadMappingJson(chargebackMapping()))
    // The SQL scales what the reconcile terms (and the file) say is 1234.5 to 12345.
    const misread = {
      number: { column: 'Amount' },
      decimal: ',' as const,
      thousands: '.',
      factor: '10',
    }
    const wrong = {
      ...format,
      columns: { ...format.columns, BilledCost: { value: { ...misread } } },
    }
    const path = join(tempDir(), 'misread.csv')
    writeFileSync(path, 'Date;Team;Amount;Currency;Service;Project\n01.01.2026;a;1.234,5;EUR;S3;\n')
    const record = await importFile(ws, path, { format: wrong })
    expect(record.status).toBe('failed')
    expect(record.error?.code).toBe('RECONCILIATION_FAILED')
    expect(await storedSums(ws)).toEqual({})
  })
})
