/**
 * Native exports side by side in one workspace, gzipped too: each keeps its own
 * totals, and once cost_rows holds 200 provider columns a wide file's new ones go
 * to x_Extra (store-rows.ts) and still reconcile.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal } from '../../../shared/money'
import { csvRecords, sumBy } from '../../helpers/native-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

let ws: Workspace | undefined
afterEach(() => ws?.close())

describe('native exports in one workspace', () => {
  it('AWS (CSV.gz), Koku AWS (wide) and Azure EA keep their own totals per currency', async () => {
    const aws = sample('focus-converters-samples/sample-anonymous-aws-export-dataset.csv')
    const gz = join(tempDir(), 'cur-2023-11.csv.gz')
    writeFileSync(gz, gzipSync(readFileSync(aws)))
    const koku = sample('koku-test-data/aws/2023-06-01.csv')
    const azure = sample('focus-converters-samples/sample-anonymous-ea-export-dataset.csv')
    ws = await freshWorkspace()
    const records = []
    for (const path of [gz, koku, azure]) records.push(await importFile(ws, path))
    expect(records.map((r) => [r.status, r.format, r.reconciled, r.error])).toEqual([
      ['imported', 'aws-cur-legacy/csv.gz', true, null],
      ['imported', 'aws-cur-legacy/csv', true, null],
      ['imported', 'azure-ea/csv', true, null],
    ])
    const billed = (path: string, cost: string, currency: string) =>
      Object.fromEntries(
        Object.entries(sumBy(csvRecords(path), currency, (r) => r[cost] ?? null)).map(([c, s]) => [
          c,
          normalizeDecimal(s.sum),
        ]),
      )
    const stored = await ws.all(
      'SELECT BillingCurrency AS c, sum(BilledCost)::VARCHAR AS b FROM focus GROUP BY 1 ORDER BY 1',
    )
    expect(Object.fromEntries(stored.map((r) => [r.c, normalizeDecimal(String(r.b))]))).toEqual({
      ...billed(aws, 'lineItem/UnblendedCost', 'lineItem/CurrencyCode'),
      ...billed(koku, 'lineItem/UnblendedCost', 'lineItem/CurrencyCode'),
      ...billed(azure, 'CostInBillingCurrency', 'BillingCurrencyCode'),
    })
    expect(
      (
        await ws.all(
          `SELECT "x_costCategory/cost_env" AS env FROM focus WHERE x_SourceRow = 1 AND BillingCurrency = 'NOK'`,
        )
      )[0]?.env,
    ).toBe(csvRecords(koku)[0]?.['costCategory/cost_env'])
    // The Azure file's new provider columns no longer fit as columns of their own: x_Extra keeps them.
    const [extra] = await ws.all(
      `SELECT json_extract_string(x_Extra, '$.AdditionalInfo') AS info FROM focus WHERE x_SourceRow = 1 AND BillingCurrency = 'CAD'`,
    )
    expect(extra?.info).toBe(csvRecords(azure)[0]?.AdditionalInfo)
  })
})
