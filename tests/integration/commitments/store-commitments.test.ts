/**
 * importFile on FOCUS Contract Commitment datasets (electron/core/commitments/store-commitments.ts):
 * stored in contract_commitments, typed and reconciled per currency, never in a cost total.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listCommitments } from '../../../electron/core/commitments/list-commitments'
import { importFile } from '../../../electron/core/ingest/import-file'
import { importSource } from '../../../electron/core/ingest/import-source'
import { loadedSummary } from '../../../electron/core/query/loaded'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { CONTRACT_COMMITMENT_COLUMNS } from '../../../shared/focus/contract-commitment'
import { csvSums } from '../../helpers/csv-sums'
import { scratchSql } from '../../helpers/duckdb'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace, storedSums } from '../../helpers/workspace'
import { writeZip } from '../../helpers/zip-writer'
import { GOLDEN, commitmentFile, rowsOf, writeCsv } from './fixture'

let ws: Workspace | undefined
afterEach(async () => {
  await ws?.close()
  ws = undefined
})

describe('importFile: Contract Commitment dataset', () => {
  it.each(['aws', 'azure', 'gcp'])(
    'stores the %s 1.3 sample in its own table, reconciled per currency against the file',
    async (provider) => {
      ws = await freshWorkspace()
      const path = commitmentFile(provider)
      const record = await importFile(ws, path)
      const { rows } = rowsOf(path)
      const expected = csvSums(path, 'ContractCommitmentCost')
      expect(record).toMatchObject({
        status: 'imported',
        format: 'focus-contract-commitment/csv',
        focusVersion: '1.3',
        rowCount: rows.length,
        reconciled: true,
        totals: [],
        error: null,
      })
      expect(record.commitments?.totals).toEqual(
        Object.entries(expected).map(([currency, e]) => ({
          currency,
          rows: e.rows,
          costSource: e.sum,
          costStored: e.sum,
          reconciled: true,
        })),
      )
      // The dataset's rules ran on the rows, and the sample breaks none.
      expect(record.rulesChecked).toContain('ContractCommitmentPeriod.Order')
      expect(record.issues).toEqual([])
      const [stored] = await ws.all(
        `SELECT count(*)::INTEGER AS n, sum(ContractCommitmentCost)::VARCHAR AS cost FROM contract_commitments WHERE x_ImportId = $1`,
        [record.id],
      )
      expect(Number(stored?.n)).toBe(rows.length)
      // Nothing reaches the cost rows.
      expect(await storedSums(ws)).toEqual({})
    },
  )

  // The rows and ContractCommitmentCost sums ../shared/data/README.md lists for the three files.
  it.each([
    ['aws', 10, '530096.56576'],
    ['azure', 10, '539071.29088'],
    ['gcp', 11, '537224.92816'],
  ] as const)(
    'matches the data README figures for the %s file (%i rows, %s)',
    async (provider, rows, sum) => {
      ws = await freshWorkspace()
      const record = await importFile(ws, commitmentFile(provider))
      expect(record.commitments?.totals).toEqual([
        { currency: 'USD', rows, costSource: sum, costStored: sum, reconciled: true },
      ])
    },
  )

  it('types every column: DECIMAL money and quantities, TIMESTAMPTZ dates, with provenance', async () => {
    ws = await freshWorkspace()
    const path = commitmentFile('azure')
    const record = await importFile(ws, path)
    const types = Object.fromEntries(
      (
        await ws.all(
          "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'contract_commitments'",
        )
      ).map((r) => [String(r.column_name), String(r.data_type)]),
    )
    expect(types).toMatchObject({
      ContractCommitmentCost: 'DECIMAL(38,18)',
      ContractCommitmentQuantity: 'DECIMAL(38,18)',
      ContractCommitmentPeriodStart: 'TIMESTAMP WITH TIME ZONE',
      ContractPeriodEnd: 'TIMESTAMP WITH TIME ZONE',
      ContractCommitmentApplicability: 'VARCHAR',
      x_ImportId: 'INTEGER',
    })
    const { header, rows } = rowsOf(path)
    const at = (row: string[], name: string): string => row[header.indexOf(name)] ?? ''
    const first = rows[1]!
    const [stored] = await ws.all(
      `SELECT ContractCommitmentCost::VARCHAR AS cost, ContractCommitmentQuantity::VARCHAR AS quantity,
         strftime(ContractCommitmentPeriodStart, '%Y-%m-%dT%H:%M:%SZ') AS start, x_SourceFile AS file, x_SourceFormat AS format
       FROM contract_commitments WHERE x_SourceRow = 2`,
    )
    expect(stored).toEqual({
      cost: `${at(first, 'ContractCommitmentCost')}000000000000`,
      quantity: `${at(first, 'ContractCommitmentQuantity')}00000000000000`,
      start: at(first, 'ContractCommitmentPeriodStart'),
      file: record.fileName,
      format: 'focus-contract-commitment/csv',
    })
  })

  it('never changes a cost-and-usage total', async () => {
    ws = await freshWorkspace()
    const cost = sample(`${GOLDEN}/azure_1_3_cost_and_usage_rows100_seed42.csv`)
    expect((await importFile(ws, cost)).status).toBe('imported')
    const before = { sums: await storedSums(ws), loaded: await loadedSummary(ws) }
    const billed = csvSums(cost, 'BilledCost')
    expect(before.sums.USD?.billed).toBe(billed.USD?.sum)
    expect((await importFile(ws, commitmentFile('azure'))).status).toBe('imported')
    expect((await importFile(ws, commitmentFile('aws'))).status).toBe('imported')
    expect({ sums: await storedSums(ws), loaded: await loadedSummary(ws) }).toEqual(before)
  })

  it('stores a FOCUS 1.4 dataset: its JSON as written, percentages and the pricing currency typed', async () => {
    const values: Record<string, string> = {
      BillingCurrency: 'EUR',
      ContractCommitmentApplicability: '{"Services":["Compute"],"Regions":["westeurope"]}',
      ContractCommitmentBenefitCategory: 'Discount',
      ContractCommitmentCategory: 'Spend',
      ContractCommitmentCost: '120000.50',
      ContractCommitmentCreated: '2025-12-15T09:30:00Z',
      ContractCommitmentDescription: 'MACC, 3 years',
      ContractCommitmentDiscountPercentage: '12.5',
      ContractCommitmentDurationType: 'Fixed',
      ContractCommitmentFulfillmentInterval: 'Annual',
      ContractCommitmentId: 'macc-2026',
      ContractCommitmentLastUpdated: '2026-01-02T00:00:00+01:00',
      ContractCommitmentLifecycleStatus: 'Active',
      ContractCommitmentModel: 'Discontinuous',
      ContractCommitmentOfferCategory: 'Negotiated',
      ContractCommitmentPaymentInterval: 'Annual',
      ContractCommitmentPaymentModel: 'No Upfront',
      ContractCommitmentPaymentUpfrontPercentage: '0',
      ContractCommitmentPeriodEnd: '2029-01-01T00:00:00Z',
      ContractCommitmentPeriodStart: '2026-01-01T00:00:00Z',
      ContractCommitmentQuantity: '',
      ContractCommitmentType: 'Azure Consumption Commitment',
      ContractCommitmentUnit: '',
      ContractId: 'EA-1',
      ContractPeriodEnd: '2029-01-01T00:00:00Z',
      ContractPeriodStart: '2026-01-01T00:00:00Z',
      InvoiceIssuerName: 'Microsoft',
      PricingCurrency: 'USD',
      PricingCurrencyContractCommitmentCost: '130000.25',
      ServiceProviderName: 'Microsoft',
    }
    const header = CONTRACT_COMMITMENT_COLUMNS.map((c) => c.name)
    expect(Object.keys(values).sort()).toEqual([...header].sort())
    ws = await freshWorkspace()
    const record = await importFile(
      ws,
      writeCsv('commitments-1.4.csv', header, [header.map((h) => values[h] ?? '')]),
    )
    expect([record.status, record.error?.message]).toEqual(['imported', undefined])
    expect(record.focusVersion).toBe('1.4')
    expect(record.issues).toEqual([])
    expect(record.commitments?.totals).toEqual([
      {
        currency: 'EUR',
        rows: 1,
        costSource: '120000.5',
        costStored: '120000.5',
        reconciled: true,
      },
    ])
    const [stored] = await ws.all(
      `SELECT ContractCommitmentApplicability AS json, ContractCommitmentDiscountPercentage::VARCHAR AS pct,
         PricingCurrencyContractCommitmentCost::VARCHAR AS pricing, PricingCurrency AS pc,
         strftime(ContractCommitmentLastUpdated, '%Y-%m-%dT%H:%M:%SZ') AS updated, ContractCommitmentQuantity AS q
       FROM contract_commitments`,
    )
    expect(stored).toEqual({
      json: values.ContractCommitmentApplicability,
      pct: '12.500000000000000000',
      pricing: '130000.250000000000000000',
      pc: 'USD',
      // An offset is kept as the instant it names, stored in UTC.
      updated: '2026-01-01T23:00:00Z',
      q: null,
    })
  })

  it('keeps JSON that does not parse as written and reports it, as a cost file does', async () => {
    const header = [
      'ContractCommitmentId',
      'ContractId',
      'ContractCommitmentApplicability',
      'ContractCommitmentCategory',
    ]
    const rows = [
      ['cc-1', 'c-1', '{"Services":["Compute"]}', 'Spend'],
      ['cc-2', 'c-1', '{"Services":', 'Spending'],
    ]
    ws = await freshWorkspace()
    const record = await importFile(ws, writeCsv('applicability.csv', header, rows))
    expect(record.status).toBe('imported')
    // In the order the dataset's rules run (shared/focus/contract-commitment.ts).
    expect(record.issues).toEqual([
      expect.objectContaining({ rule: 'ContractCommitmentCategory.Allowed', rows: 1, firstRow: 2 }),
      expect.objectContaining({
        rule: 'ContractCommitmentApplicability.JsonObject',
        rows: 1,
        firstRow: 2,
      }),
    ])
    const kept = await ws.all(
      'SELECT ContractCommitmentApplicability AS a FROM contract_commitments ORDER BY x_SourceRow',
    )
    expect(kept.map((r) => r.a)).toEqual(['{"Services":["Compute"]}', '{"Services":'])
  })

  it('rounds an amount past 18 decimals and says so in the fixes, as for cost rows', async () => {
    ws = await freshWorkspace()
    const header = [
      'ContractCommitmentId',
      'ContractId',
      'ContractCommitmentCost',
      'BillingCurrency',
    ]
    const rows = [
      ['cc-1', 'c-1', '1.0000000000000000001', 'USD'],
      ['cc-2', 'c-1', '2.5e-20', 'USD'],
      ['cc-3', 'c-1', '0.5', 'USD'],
    ]
    const record = await importFile(ws, writeCsv('rounded.csv', header, rows))
    expect(record.status).toBe('imported')
    expect(record.fixes).toEqual([{ code: 'ROUNDED_TO_18_DECIMALS', rows: 2 }])
    // 1 + 0 + 0.5 once each value is at 18 decimals.
    expect(record.commitments?.totals).toEqual([
      { currency: 'USD', rows: 3, costSource: '1.5', costStored: '1.5', reconciled: true },
    ])
  })

  it('keeps columns outside the dataset (x_ columns) in x_Extra, by source name', async () => {
    ws = await freshWorkspace()
    const { header, rows } = rowsOf(commitmentFile('gcp'))
    const path = writeCsv(
      'with-extra.csv',
      [...header, 'x_Team'],
      rows.map((r, i) => [...r, i === 0 ? 'platform' : '']),
    )
    const record = await importFile(ws, path)
    expect(record.status).toBe('imported')
    expect(record.extraColumns).toEqual([{ source: 'x_Team', target: 'x_Extra' }])
    const kept = await ws.all(
      'SELECT x_SourceRow AS r, x_Extra AS x FROM contract_commitments WHERE x_Extra IS NOT NULL ORDER BY 1',
    )
    expect(kept.map((k) => [Number(k.r), JSON.parse(String(k.x))])).toEqual([
      [1, { x_Team: 'platform' }],
      ...rows.slice(1).map((_, i) => [i + 2, { x_Team: null }]),
    ])
  })

  it('refuses a bad amount, a bad date and a missing id with file, row and column', async () => {
    ws = await freshWorkspace()
    const { header, rows } = rowsOf(commitmentFile('aws'))
    const col = (name: string): number => header.indexOf(name)
    const broken = (name: string, value: string): string[][] =>
      rows.map((r, i) => (i === 3 ? r.map((v, j) => (j === col(name) ? value : v)) : r))
    const cases = [
      [
        'ContractCommitmentCost',
        '1,200.50',
        'row 4, column ContractCommitmentCost: "1,200.50" is not a number',
      ],
      [
        'ContractCommitmentPeriodEnd',
        '31/12/2027',
        'row 4, column ContractCommitmentPeriodEnd: "31/12/2027" is not a date/time',
      ],
      ['ContractCommitmentId', '', 'row 4, column ContractCommitmentId: the value is empty'],
    ] as const
    for (const [column, value, message] of cases) {
      const record = await importFile(
        ws,
        writeCsv(`bad-${column}.csv`, header, broken(column, value)),
      )
      expect(record.status).toBe('failed')
      expect(record.error).toMatchObject({
        code: 'BAD_VALUE',
        location: { file: `bad-${column}.csv`, row: 4, column },
      })
      expect(record.error?.message).toContain(`bad-${column}.csv, ${message}`)
    }
    // A column named twice: Focal cannot tell which holds the commitment's cost.
    const twice = await importFile(
      ws,
      writeCsv(
        'twice.csv',
        [...header, 'contractcommitmentcost'],
        rows.map((r) => [...r, '1']),
      ),
    )
    expect(twice.error).toMatchObject({
      code: 'DUPLICATE_COLUMNS',
      location: { file: 'twice.csv', line: 1, column: 'contractcommitmentcost' },
    })
    expect(await ws.all('SELECT * FROM contract_commitments')).toEqual([])
  })

  it('is refused when the stored cost differs from the file (reconciliation)', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, commitmentFile('azure'), {
      beforeReconcile: (importId) =>
        ws!.run(
          'UPDATE contract_commitments SET ContractCommitmentCost = ContractCommitmentCost + 0.01 WHERE x_ImportId = $1 AND x_SourceRow = 3',
          [importId],
        ),
    })
    expect(record.status).toBe('failed')
    expect(record.error?.code).toBe('RECONCILIATION_FAILED')
    expect(record.error?.message).toContain(
      'USD file 539071.29088 vs stored 539071.30088 (difference 0.01)',
    )
    expect(await ws.all('SELECT * FROM contract_commitments')).toEqual([])
  })
})

describe('importFile: Contract Commitment dataset in other containers', () => {
  it('reads a Parquet copy typed by DuckDB, reconciles it, and knows it for the CSV already imported', async () => {
    const csv = commitmentFile('gcp')
    const parquet = join(tempDir(), 'gcp-commitments.parquet')
    // Typed as DuckDB's CSV reader guesses: DOUBLE costs, TIMESTAMP WITH TIME ZONE dates.
    await scratchSql(`COPY (SELECT * FROM read_csv($1)) TO '${parquet}' (FORMAT parquet)`, [csv])
    ws = await freshWorkspace()
    const record = await importFile(ws, parquet)
    expect([record.status, record.error?.message]).toEqual(['imported', undefined])
    expect(record.format).toBe('focus-contract-commitment/parquet')
    const expected = csvSums(csv, 'ContractCommitmentCost').USD!
    expect(record.commitments?.totals).toEqual([
      {
        currency: 'USD',
        rows: expected.rows,
        costSource: expected.sum,
        costStored: expected.sum,
        reconciled: true,
      },
    ])
    const again = await importFile(ws, csv)
    expect(again.status).toBe('duplicate')
    expect(again.error?.message).toContain(`the same commitments as import #${record.id}`)
  })

  it('imports a commitment file inside a ZIP beside a cost file, each into its own table', async () => {
    const zip = join(tempDir(), 'exports.zip')
    const cost = sample(`${GOLDEN}/aws_1_3_cost_and_usage_rows100_seed42.csv`)
    writeZip(zip, [
      { name: 'aws/commitments.csv', data: readFileSync(commitmentFile('aws')) },
      { name: 'aws/cost.csv', data: readFileSync(cost) },
    ])
    ws = await freshWorkspace()
    const { records } = await importSource(ws, zip)
    expect(records.map((r) => [r.fileName, r.status, r.format])).toEqual([
      ['exports.zip/aws/commitments.csv', 'imported', 'focus-contract-commitment/csv'],
      ['exports.zip/aws/cost.csv', 'imported', 'csv'],
    ])
    const commitments = csvSums(commitmentFile('aws'), 'ContractCommitmentCost').USD!
    expect((await listCommitments(ws)).totals).toEqual([
      { currency: 'USD', commitments: commitments.rows, cost: commitments.sum },
    ])
    expect((await storedSums(ws)).USD?.billed).toBe(csvSums(cost, 'BilledCost').USD?.sum)
  })
})
