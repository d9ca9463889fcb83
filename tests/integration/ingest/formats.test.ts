/** The same billing data as CSV, CSV.gz and Parquet, and FOCUS 1.4 / pre-1.0 column sets. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal } from '../../../shared/money'
import { scratchSql } from '../../helpers/duckdb'
import { csvSums, parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const expected = csvSums(SAMPLE, 'BilledCost').USD?.sum
let ws: Workspace | undefined
afterEach(() => ws?.close())

function toCsv(rows: string[][]): string {
  return (
    rows
      .map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(','))
      .join('\n') + '\n'
  )
}

describe('formats', () => {
  it('imports CSV.gz with the same totals as the CSV', async () => {
    const path = join(tempDir(), 'focus_sample.csv.gz')
    writeFileSync(path, gzipSync(readFileSync(SAMPLE)))
    ws = await freshWorkspace()
    const record = await importFile(ws, path)
    expect(record).toMatchObject({
      status: 'imported',
      format: 'csv.gz',
      rowCount: 1000,
      reconciled: true,
    })
    expect(record.totals[0]?.billedStored).toBe(expected)
  })

  it('imports Parquet (written by DuckDB with DECIMAL money) with the same totals', async () => {
    const path = join(tempDir(), 'focus_sample.parquet')
    await scratchSql(
      `COPY (SELECT * REPLACE (CAST(BilledCost AS DECIMAL(38,18)) AS BilledCost, CAST(EffectiveCost AS DECIMAL(38,18)) AS EffectiveCost)
       FROM read_csv($1, all_varchar = true, nullstr = 'NULL')) TO '${path}' (FORMAT parquet)`,
      [SAMPLE],
    )
    ws = await freshWorkspace()
    const record = await importFile(ws, path)
    expect(record).toMatchObject({
      status: 'imported',
      format: 'parquet',
      focusVersion: '1.0',
      rowCount: 1000,
      reconciled: true,
    })
    expect(record.totals[0]?.billedStored).toBe(expected)
    const [row] = await ws.all(
      'SELECT count(DISTINCT ServiceProviderName)::INT AS providers, min(x_SourceRow)::INT AS first, max(x_SourceRow)::INT AS last, count(DISTINCT x_SourceRow)::INT AS distinct_rows FROM focus',
    )
    expect(row).toEqual({ providers: 3, first: 1, last: 1000, distinct_rows: 1000 })
  })

  it('imports Parquet with DOUBLE money exactly as the CSV it was written from (no binary noise)', async () => {
    const path = join(tempDir(), 'focus_sample_double.parquet')
    // Every FOCUS decimal column of the sample becomes a DOUBLE, as many exporters write money.
    const money = [
      'BilledCost',
      'EffectiveCost',
      'ListCost',
      'ContractedCost',
      'ContractedUnitPrice',
      'ListUnitPrice',
      'ConsumedQuantity',
      'PricingQuantity',
    ]
    const replace = money.map((c) => `CAST(${c} AS DOUBLE) AS ${c}`).join(', ')
    await scratchSql(
      `COPY (SELECT * REPLACE (${replace}) FROM read_csv($1, all_varchar = true, nullstr = 'NULL')) TO '${path}' (FORMAT parquet)`,
      [SAMPLE],
    )
    const [types] = await scratchSql(
      `SELECT typeof(BilledCost) AS t FROM read_parquet('${path}') LIMIT 1`,
    )
    expect(types?.t).toBe('DOUBLE')
    // The CSV in a workspace of its own: beside it, the Parquet is the same delivery (already imported).
    const csvWorkspace = await freshWorkspace()
    const csv = await importFile(csvWorkspace, SAMPLE)
    await csvWorkspace.close()
    ws = await freshWorkspace()
    const parquet = await importFile(ws, path)
    expect(parquet).toMatchObject({
      status: 'imported',
      format: 'parquet',
      rowCount: 1000,
      reconciled: true,
    })
    expect(parquet.totals[0]?.billedStored).toBe(expected)
    expect(parquet.totals[0]?.effectiveStored).toBe(csvSums(SAMPLE, 'EffectiveCost').USD?.sum)
    expect(
      parquet.totals.map((t) => [t.currency, t.rows, t.billedStored, t.effectiveStored]),
    ).toEqual(csv.totals.map((t) => [t.currency, t.rows, t.billedStored, t.effectiveStored]))
    // Row by row: the first rows hold values such as 0.00000080000 and 20.52022672899.
    const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE, 'utf8'))
    const stored = await ws.all(
      `SELECT ${money.map((c) => `${c}::VARCHAR AS ${c}`).join(', ')} FROM focus WHERE x_ImportId = $1 AND x_SourceRow <= 5 ORDER BY x_SourceRow`,
      [parquet.id],
    )
    const exact = (text: string | undefined) =>
      text === undefined || text === 'NULL' || text === '' ? null : normalizeDecimal(text)
    expect(
      stored.map((row) =>
        money.map((c) => (row[c] == null ? null : normalizeDecimal(String(row[c])))),
      ),
    ).toEqual(rows.slice(0, 5).map((row) => money.map((c) => exact(row[header.indexOf(c)]))))
    // Every row and every money column equals its CSV twin.
    const [diff] = await ws.all(
      `SELECT count(*)::INT AS n FROM focus a JOIN focus b ON a.x_SourceRow = b.x_SourceRow
       WHERE a.x_ImportId = $1 AND b.x_ImportId = $2 AND (${money.map((c) => `a.${c} IS DISTINCT FROM b.${c}`).join(' OR ')})`,
      [csv.id, parquet.id],
    )
    expect(diff?.n).toBe(0)
    expect(parquet.fixes).toEqual([])
  })

  it('reads a FOCUS 1.4 column set (ServiceProviderName without ProviderName, InvoiceDetailId)', async () => {
    const [header = [], ...rows] = parseCsv(
      readFileSync(
        sample('focus-data-toolkit-golden/aws_1_3_cost_and_usage_rows100_seed42.csv'),
        'utf8',
      ),
    )
    const keep = header
      .map((h, i) => (h === 'ProviderName' || h === 'PublisherName' ? -1 : i))
      .filter((i) => i >= 0)
    const v14 = [
      [...keep.map((i) => header[i] ?? ''), 'InvoiceDetailId'],
      ...rows.map((r, n) => [...keep.map((i) => r[i] ?? ''), `line-${n + 1}`]),
    ]
    const path = join(tempDir(), 'aws_1_4.csv')
    writeFileSync(path, toCsv(v14))
    ws = await freshWorkspace()
    const record = await importFile(ws, path)
    expect(record).toMatchObject({
      status: 'imported',
      focusVersion: '1.4',
      rowCount: 100,
      reconciled: true,
    })
    const [row] = await ws.all(
      'SELECT InvoiceDetailId, ServiceProviderName FROM focus WHERE x_SourceRow = 7',
    )
    expect(row).toEqual({
      InvoiceDetailId: 'line-7',
      ServiceProviderName: rows[6]?.[header.indexOf('ServiceProviderName')],
    })
  })

  it('renames FOCUS 0.5 columns (AmortizedCost, ChargeType, Provider, Region) onto 1.4 names', async () => {
    const path = sample('focus-validator-samples/all_pass_0.5.csv')
    ws = await freshWorkspace()
    const record = await importFile(ws, path)
    expect(record.status).toBe('imported')
    const rows = await ws.all(
      'SELECT EffectiveCost::VARCHAR AS e, ChargeCategory AS c, ServiceProviderName AS p, RegionId AS r FROM focus ORDER BY x_SourceRow',
    )
    const source = parseCsv(readFileSync(path, 'utf8'))
    const col = (name: string) => source[0]?.indexOf(name) ?? -1
    expect(rows.map((r) => [Number(r.e), r.c, r.p, r.r])).toEqual(
      source
        .slice(1)
        .map((s) => [
          Number(s[col('AmortizedCost')]),
          s[col('ChargeType')],
          s[col('Provider')],
          s[col('Region')],
        ]),
    )
  })
})
