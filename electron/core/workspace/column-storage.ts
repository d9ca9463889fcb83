/**
 * How a workspace stores its text columns. Text whose values come from a small set (the spec's
 * enumerations, and the accounts, services, regions and units a bill names over and over) is
 * stored with dictionary compression, named in the table's definition, in cost_rows (schema.ts)
 * and in the pivot rollups (query/rollup-sql.ts). DuckDB chooses it for most of these columns
 * anyway (a few, mostly empty, it stored as FSST); naming it spares the insert and every
 * checkpoint trying FSST on each of them first: about 1 CPU-s (5–7 %) of storing a 1M-row FOCUS
 * file, for a file of the same size, and 0.1 s of the commit of the rollups an import of 1M rows
 * builds. Ids, names and descriptions with a value per resource or charge (ResourceId,
 * ResourceName, ChargeDescription, Tags, Sku*) stay DuckDB's choice, as do the provider columns
 * an import adds. A workspace made before keeps DuckDB's choice throughout, which holds the
 * same data.
 */
import { quoteIdent } from '../../../shared/sql/identifiers'

/** The text columns stored with dictionary compression, by name. */
export const FEW_VALUE_COLUMNS: ReadonlySet<string> = new Set([
  'AvailabilityZone',
  'BillingAccountId',
  'BillingAccountName',
  'BillingAccountType',
  'BillingCurrency',
  'CapacityReservationStatus',
  'ChargeCategory',
  'ChargeClass',
  'ChargeFrequency',
  'CommitmentDiscountCategory',
  'CommitmentDiscountStatus',
  'CommitmentDiscountType',
  'CommitmentDiscountUnit',
  'ConsumedUnit',
  'HostProviderName',
  'InvoiceIssuerName',
  'PricingCategory',
  'PricingCurrency',
  'PricingUnit',
  'RegionId',
  'RegionName',
  'ResourceType',
  'ServiceCategory',
  'ServiceName',
  'ServiceProviderName',
  'ServiceSubcategory',
  'SubAccountId',
  'SubAccountName',
  'SubAccountType',
  'x_PublisherName',
  'x_ChargeSubcategory',
  'x_SourceFile',
  'x_SourceFormat',
])

/** A column's definition in CREATE TABLE: its name, its type, and dictionary compression for FEW_VALUE_COLUMNS. */
export function columnDefinition(name: string, sqlType: string): string {
  const dictionary = FEW_VALUE_COLUMNS.has(name) ? ' USING COMPRESSION dictionary' : ''
  return `${quoteIdent(name)} ${sqlType}${dictionary}`
}
