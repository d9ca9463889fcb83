/**
 * Provider pricing units → FOCUS Unit Format (FOCUS 1.4 §Unit Format: "Hours",
 * "GB-Months", "GB/Hour"), read from resources/lookups (see its README.md).
 *
 * Azure writes a block size into its UnitOfMeasure ("10 Hours", "1 GB/Month"):
 * finops-toolkit's PricingUnits.csv (@ 04d370f3, MIT, © Microsoft Corporation)
 * splits it into the unit (DistinctUnits) and the block size (PricingBlockSize).
 * AWS writes abbreviations (`Hrs`, `GB-Mo`); Focal's own short table names the
 * unambiguous ones in full.
 */
import awsCsv from '../../resources/lookups/aws-pricing-units.csv?raw'
import azureCsv from '../../resources/lookups/azure-pricing-units.csv?raw'
import { lookupTable } from './lookup-table'

/** FOCUS unit per Azure UnitOfMeasure, trimmed as the mapping reads it ("10 Hours" → "Hours"). */
export const AZURE_PRICING_UNITS = lookupTable(azureCsv, 'UnitOfMeasure', 'DistinctUnits', {
  trim: true,
})

/** Units per pricing block per Azure UnitOfMeasure ("10 Hours" → "10"). */
export const AZURE_PRICING_BLOCK_SIZES = lookupTable(
  azureCsv,
  'UnitOfMeasure',
  'PricingBlockSize',
  { trim: true },
)

/** FOCUS unit per AWS `pricing/unit` abbreviation ("Hrs" → "Hours"). */
export const AWS_PRICING_UNITS = lookupTable(awsCsv, 'pricing/unit', 'PricingUnit')
