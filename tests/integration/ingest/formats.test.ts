/** The same billing data as CSV, CSV.gz and Parquet, and FOCUS 1.4 / pre-1.0 column sets. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
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
    ws = await freshWorkspace('writer')
    await ws.run(
      `COPY (SELECT * REPLACE (CAST(BilledCost AS DECIMAL(38,18)) AS BilledCost, CAST(EffectiveCost AS DECIMAL(38,18)) AS EffectiveCost)
       FROM read_csv($1, all_varchar = true, nullstr = 'NULL')) TO '${path}' (FORMAT parquet)`,
      [SAMPLE],
    )
    ws.close()
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
