/** detect.ts: one decision list over headers, first match wins; no match names the closest formats. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { closestFormats, detectFormat, NATIVE_FORMATS } from '../../../../shared/formats/detect'
import { parseCsv } from '../../../helpers/csv-sums'
import { sample } from '../../../helpers/paths'

/** The header of a real sample, as Focal reads it (BOM left on, as a file starts). */
function headerOf(relative: string): string[] {
  return parseCsv(readFileSync(sample(relative), 'utf8').split(/\r?\n/)[0] ?? '')[0] ?? []
}

const formatOf = (header: readonly string[]): string => {
  const found = detectFormat(header)
  return found.kind === 'native' ? found.mapping.id : found.kind
}

describe('detectFormat', () => {
  it('tells every real sample its format', () => {
    expect(formatOf(headerOf('focus-sample-data/FOCUS-1.0/focus_sample.csv'))).toBe('focus')
    expect(
      formatOf(headerOf('focus-converters-samples/sample-anonymous-aws-export-dataset.csv')),
    ).toBe('aws-cur-legacy')
    expect(formatOf(headerOf('koku-test-data/aws/2023-06-01.csv'))).toBe('aws-cur-legacy')
    expect(
      formatOf(headerOf('focus-converters-samples/sample-anonymous-ea-export-dataset.csv')),
    ).toBe('azure-ea')
    expect(formatOf(headerOf('finops-toolkit-samples/EA_ActualCost_Small.csv'))).toBe(
      'azure-ea-export',
    )
  })

  it('tells a flattened GCP billing export and an OCI cost report (mappings.md §1 rules 13, 14)', () => {
    const gcp = headerOf(
      'koku-test-data/gcp/202011_30c31bca571d9b7f3b2c8459dd8bc34a_2020-11-08_2020-11-11.csv',
    )
    expect(formatOf(gcp)).toBe('gcp-billing')
    expect(
      formatOf(headerOf('focus-converters-samples/reports_cost-csv_0000000030000269.csv')),
    ).toBe('oci-cost-report')
    // Without its credits column a GCP header is not taken: its money could not be whole.
    const noCredits = gcp.filter((h) => h !== 'credits')
    expect(formatOf(noCredits)).toBe('unknown')
    expect(closestFormats(noCredits)[0]).toMatchObject({ id: 'gcp-billing', lacks: ['credits'] })
  })

  it('ignores a UTF-8 BOM before the first column name', () => {
    const header = headerOf('focus-converters-samples/sample-anonymous-aws-export-dataset.csv')
    expect(header[0]).toBe('identity/LineItemId')
    expect(formatOf([`\ufeff${header[0]}`, ...header.slice(1)])).toBe('aws-cur-legacy')
  })

  it('tells CUR 2.0 from legacy CUR in snake_case by its map columns', () => {
    const core = [
      'identity_line_item_id',
      'line_item_line_item_type',
      'line_item_unblended_cost',
      'bill_payer_account_id',
    ]
    expect(formatOf([...core, 'resource_tags', 'product'])).toBe('aws-cur-2')
    expect(formatOf([...core, 'resource_tags_user_team', 'product_product_name'])).toBe(
      'aws-cur-legacy-snake-case',
    )
  })

  it('compares Azure names without case (MCA in PascalCase), AWS names with case', () => {
    const mca = [
      'CostInBillingCurrency',
      'BillingCurrency',
      'BillingProfileId',
      'InvoiceSectionId',
      'ChargeType',
      'PricingModel',
    ]
    expect(formatOf(mca)).toBe('azure-mca')
    const cur = [
      'identity/lineitemid',
      'lineItem/LineItemType',
      'lineItem/UnblendedCost',
      'bill/PayerAccountId',
    ]
    expect(detectFormat(cur).kind).toBe('unknown')
  })

  it('keeps a FOCUS file short of required columns on the FOCUS path, which names them', () => {
    expect(formatOf(['BilledCost', 'ChargePeriodStart', 'ServiceName'])).toBe('focus')
  })

  it('names the closest formats of an unknown header and what each lacks', () => {
    const header = ['identity/LineItemId', 'lineItem/LineItemType', 'lineItem/UnblendedCost', 'x']
    const found = detectFormat(header)
    expect(found).toEqual({ kind: 'unknown', closest: closestFormats(header) })
    expect(closestFormats(header)[0]).toEqual({
      id: 'aws-cur-legacy',
      title: 'AWS Cost and Usage Report (legacy CSV)',
      lacks: ['bill/PayerAccountId'],
    })
    expect(closestFormats(['a', 'b'])).toHaveLength(3)
  })

  it('lists each native format once, with ids that name it', () => {
    const ids = NATIVE_FORMATS.map((f) => f.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
