/**
 * lookup-table.ts and the lookups it loads from resources/lookups: each Record the
 * mappings use is the CSV shipped there, read here by the tests' own parser.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AWS_SERVICE_CATEGORIES } from '../../../../shared/formats/aws-service-categories'
import { AZURE_REGION_IDS, AZURE_REGION_NAMES } from '../../../../shared/formats/azure-regions'
import { AZURE_SERVICE_CATEGORIES } from '../../../../shared/formats/azure-service-categories'
import { GCP_SERVICE_CATEGORIES } from '../../../../shared/formats/gcp-service-categories'
import { lookupTable } from '../../../../shared/formats/lookup-table'
import {
  AWS_PRICING_UNITS,
  AZURE_PRICING_BLOCK_SIZES,
  AZURE_PRICING_UNITS,
} from '../../../../shared/formats/pricing-units'
import { csvRecords } from '../../../helpers/native-sums'
import { ROOT, sample } from '../../../helpers/paths'

const lookups = `${ROOT}/resources/lookups/`

/** `key` → `value` of every row of a shipped lookup CSV, keys shaped by `shape`. */
function shipped(
  file: string,
  key: string,
  value: string,
  shape: (k: string) => string = (k) => k,
): Record<string, string> {
  return Object.fromEntries(csvRecords(lookups + file).map((r) => [shape(r[key] ?? ''), r[value]]))
}

describe('lookupTable', () => {
  it('reads quoted fields, trims or lower-cases keys when asked, and keeps the first row of a key', () => {
    const csv = 'Key,Value,Other\r\n"1 GB ",GB,x\r\nHrs,Hours,y\r\nhrs,Hours,z\r\n'
    expect(lookupTable(csv, 'Key', 'Value')).toEqual({ '1 GB ': 'GB', Hrs: 'Hours', hrs: 'Hours' })
    expect(lookupTable(csv, 'Key', 'Value', { trim: true, lower: true })).toEqual({
      '1 gb': 'GB',
      hrs: 'Hours',
    })
  })

  it('refuses a key given two values and a missing column', () => {
    expect(() => lookupTable('K,V\na,1\nA,2\n', 'K', 'V', { lower: true })).toThrow(
      'maps a to both 1 and 2',
    )
    expect(() => lookupTable('K,V\na,1\n', 'K', 'W')).toThrow('lacks column W')
  })
})

describe('shipped lookups', () => {
  it('ServiceCategory and region tables are the CSVs in resources/lookups', () => {
    expect(AWS_SERVICE_CATEGORIES).toEqual(
      shipped('aws-service-categories.csv', 'product_code', 'ServiceCategory'),
    )
    const lower = (k: string) => k.toLowerCase()
    expect(AZURE_SERVICE_CATEGORIES).toEqual(
      shipped('azure-service-categories.csv', 'ConsumedService', 'ServiceCategory', lower),
    )
    expect(GCP_SERVICE_CATEGORIES).toEqual(
      shipped('gcp-service-categories.csv', 'ConsumedService', 'ServiceCategory', lower),
    )
    expect(AZURE_REGION_IDS).toEqual(
      shipped('azure-regions.csv', 'OriginalValue', 'RegionId', lower),
    )
    expect(AZURE_REGION_NAMES).toEqual(
      shipped('azure-regions.csv', 'OriginalValue', 'RegionName', lower),
    )
    expect(Object.keys(AWS_SERVICE_CATEGORIES)).toHaveLength(213)
    expect(Object.keys(AZURE_REGION_IDS)).toHaveLength(500)
    expect(AZURE_REGION_NAMES['us east 2']).toBe('East US 2')
  })

  it('pricing unit tables: Azure units and block sizes keyed by trimmed UnitOfMeasure, AWS abbreviations', () => {
    const trim = (k: string) => k.trim()
    expect(AZURE_PRICING_UNITS).toEqual(
      shipped('azure-pricing-units.csv', 'UnitOfMeasure', 'DistinctUnits', trim),
    )
    expect(AZURE_PRICING_BLOCK_SIZES).toEqual(
      shipped('azure-pricing-units.csv', 'UnitOfMeasure', 'PricingBlockSize', trim),
    )
    expect([AZURE_PRICING_UNITS['10K'], AZURE_PRICING_BLOCK_SIZES['10K']]).toEqual([
      'Units',
      '10000',
    ])
    expect([AZURE_PRICING_UNITS['100 Hours'], AZURE_PRICING_BLOCK_SIZES['100 Hours']]).toEqual([
      'Hours',
      '100',
    ])
    expect(AWS_PRICING_UNITS).toEqual(
      shipped('aws-pricing-units.csv', 'pricing/unit', 'PricingUnit'),
    )
    expect(AWS_PRICING_UNITS['GB-Mo']).toBe('GB-Months')
  })

  it('the copied tables are byte-for-byte their sources (resources/lookups/README.md)', () => {
    const same = (file: string, source: string) =>
      expect(readFileSync(lookups + file, 'utf8')).toBe(readFileSync(sample(source), 'utf8'))
    same(
      'aws-service-categories.csv',
      'focus-converters-samples/mapping_files/aws_category_mapping.csv',
    )
    same(
      'azure-service-categories.csv',
      'focus-converters-samples/mapping_files/azure_category_mapping.csv',
    )
    same(
      'gcp-service-categories.csv',
      'focus-converters-samples/mapping_files/gcp_category_mapping.csv',
    )
    same('azure-regions.csv', 'finops-toolkit-open-data/Regions.csv')
    same('azure-pricing-units.csv', 'finops-toolkit-open-data/PricingUnits.csv')
  })
})
