/**
 * The FOCUS Contract Commitment dataset (1.3+; reference/focus-spec.md §3,
 * §4): one row per contract commitment, a dataset of its own, not a cost
 * file short of cost columns. Its catalog, how a header is told to be one,
 * and the rules it is validated by.
 */
import { catalogRules } from './catalog-rules'
import type { FocusRule } from './rules'
import type { FocusColumn } from './types'
import type { FocusVersion } from './versions'

const column = (
  name: string,
  type: FocusColumn['type'],
  nullable: boolean,
  since: '1.3' | '1.4',
  level: FocusColumn['level'] = 'Mandatory',
): FocusColumn => ({ name, type, level, nullable, since })

/** The 1.4 Contract Commitment columns (30; the 13 marked 1.3 are the 1.3 dataset). */
export const CONTRACT_COMMITMENT_COLUMNS: readonly FocusColumn[] = [
  column('BillingCurrency', 'string', true, '1.3'),
  column('ContractCommitmentApplicability', 'json', false, '1.4'),
  column('ContractCommitmentBenefitCategory', 'string', false, '1.4'),
  column('ContractCommitmentCategory', 'string', false, '1.3'),
  column('ContractCommitmentCost', 'decimal', true, '1.3'),
  column('ContractCommitmentCreated', 'datetime', false, '1.4'),
  column('ContractCommitmentDescription', 'string', true, '1.3'),
  column('ContractCommitmentDiscountPercentage', 'decimal', true, '1.4'),
  column('ContractCommitmentDurationType', 'string', false, '1.4'),
  column('ContractCommitmentFulfillmentInterval', 'string', false, '1.4'),
  column('ContractCommitmentId', 'string', false, '1.3'),
  column('ContractCommitmentLastUpdated', 'datetime', false, '1.4'),
  column('ContractCommitmentLifecycleStatus', 'string', false, '1.4'),
  column('ContractCommitmentModel', 'string', false, '1.4'),
  column('ContractCommitmentOfferCategory', 'string', false, '1.4'),
  column('ContractCommitmentPaymentInterval', 'string', false, '1.4'),
  column('ContractCommitmentPaymentModel', 'string', false, '1.4'),
  column('ContractCommitmentPaymentUpfrontPercentage', 'decimal', false, '1.4', 'Conditional'),
  column('ContractCommitmentPeriodEnd', 'datetime', false, '1.3'),
  column('ContractCommitmentPeriodStart', 'datetime', false, '1.3'),
  column('ContractCommitmentQuantity', 'decimal', true, '1.3'),
  column('ContractCommitmentType', 'string', false, '1.3'),
  column('ContractCommitmentUnit', 'string', true, '1.3'),
  column('ContractId', 'string', false, '1.3'),
  column('ContractPeriodEnd', 'datetime', false, '1.3'),
  column('ContractPeriodStart', 'datetime', false, '1.3'),
  column('InvoiceIssuerName', 'string', false, '1.4'),
  column('PricingCurrency', 'string', false, '1.4', 'Conditional'),
  column('PricingCurrencyContractCommitmentCost', 'decimal', true, '1.4', 'Conditional'),
  column('ServiceProviderName', 'string', false, '1.4'),
]

/**
 * A Contract Commitment header has ContractCommitmentId and ContractId and no
 * BilledCost (a cost row carries commitments in its ContractApplied JSON instead).
 */
export function isContractCommitmentHeader(header: readonly string[]): boolean {
  const names = new Set(header.map((h) => h.replace(/^\ufeff/, '')))
  return names.has('ContractCommitmentId') && names.has('ContractId') && !names.has('BilledCost')
}

/** 1.4 when the header has any column the dataset gained in 1.4, else 1.3. */
export function contractCommitmentVersion(header: readonly string[]): FocusVersion {
  const added = new Set(
    CONTRACT_COMMITMENT_COLUMNS.filter((c) => c.since === '1.4').map((c) => c.name),
  )
  return header.some((h) => added.has(h)) ? '1.4' : '1.3'
}

const CATALOG = catalogRules(CONTRACT_COMMITMENT_COLUMNS, {
  requiredBy: 'the FOCUS Contract Commitment dataset',
  // focus-spec.md §4.2, Contract Commitment enumerations.
  enums: [
    { column: 'ContractCommitmentCategory', values: ['Spend', 'Usage'] },
    {
      column: 'ContractCommitmentBenefitCategory',
      values: ['Discount', 'Entitlement', 'Availability', 'Other'],
    },
    {
      column: 'ContractCommitmentFulfillmentInterval',
      values: [
        'Hourly',
        'Daily',
        'Weekly',
        'Monthly',
        'Quarterly',
        'Semi-Annual',
        'Annual',
        'Full Period',
        'Transactional',
        'Custom',
      ],
    },
    {
      column: 'ContractCommitmentLifecycleStatus',
      values: ['Proposed', 'Pending', 'Active', 'Exhausted', 'Expired', 'Canceled', 'Superseded'],
    },
    { column: 'ContractCommitmentModel', values: ['Continuous', 'Discontinuous'] },
    { column: 'ContractCommitmentOfferCategory', values: ['Negotiated', 'Public'] },
    {
      column: 'ContractCommitmentPaymentInterval',
      values: ['One-Time', 'Monthly', 'Quarterly', 'Semi-Annual', 'Annual', 'Custom'],
    },
    {
      column: 'ContractCommitmentPaymentModel',
      values: ['No Upfront', 'Partial Upfront', 'All Upfront'],
    },
  ],
})

/** A period ends after it starts ([start, end), focus-spec.md §5.1). */
function periodOrder(prefix: string): FocusRule {
  const start = `${prefix}Start`
  const end = `${prefix}End`
  return {
    id: `${prefix}.Order`,
    check: 'cross',
    violated: `"${end}" <= "${start}"`,
    column: end,
    needs: [start, end],
    since: '1.3',
    section: `FOCUS 1.4 §${end}`,
    severity: 'error',
    message: `${end} is not after ${start}.`,
  }
}

/** Every rule of the Contract Commitment dataset. */
export const CONTRACT_COMMITMENT_RULES: readonly FocusRule[] = [
  ...CATALOG.presence,
  ...CATALOG.perColumn,
  periodOrder('ContractCommitmentPeriod'),
  periodOrder('ContractPeriod'),
  {
    id: 'ContractCommitmentFulfillmentInterval.Continuous',
    check: 'cross',
    violated: `"ContractCommitmentModel" = 'Continuous' AND "ContractCommitmentFulfillmentInterval" = 'Full Period'`,
    column: 'ContractCommitmentFulfillmentInterval',
    needs: ['ContractCommitmentModel', 'ContractCommitmentFulfillmentInterval'],
    since: '1.4',
    section: 'FOCUS 1.4 §ContractCommitmentFulfillmentInterval',
    severity: 'error',
    message: 'A Continuous commitment has the fulfillment interval Full Period.',
  },
]
