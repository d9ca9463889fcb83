/**
 * Azure cost details for Enterprise Agreements, actual or amortized
 * (reference/mappings.md §1 rules 8 and 9): the PascalCase cost details
 * (`CostInBillingCurrency`, `BillingCurrencyCode`) and the EA export
 * (`Cost`, `BillingCurrency`).
 */
import { azureRules, type AzureNames } from './azure-rules'
import type { FormatMapping } from './mapping-types'

const EA: Omit<AzureNames, 'cost' | 'currency'> = {
  billingAccountId: 'BillingAccountId',
  billingAccountName: 'BillingAccountName',
  billingAccountType: 'Billing Account',
}

/** Azure EA cost details (CostInBillingCurrency). */
export const AZURE_EA: FormatMapping = {
  id: 'azure-ea',
  title: 'Azure cost details (EA)',
  caseInsensitive: true,
  signature: {
    all: [
      'CostInBillingCurrency',
      'BillingCurrencyCode',
      'MeterCategory',
      'SubscriptionId',
      'ChargeType',
      'PricingModel',
    ],
  },
  costViews: true,
  ...azureRules({ ...EA, cost: ['CostInBillingCurrency'], currency: ['BillingCurrencyCode'] }),
}

/** Azure EA export (Cost, BillingCurrency). */
export const AZURE_EA_EXPORT: FormatMapping = {
  id: 'azure-ea-export',
  title: 'Azure cost details (EA export)',
  caseInsensitive: true,
  signature: {
    all: [
      'Cost',
      'BillingCurrency',
      'Product',
      'MeterCategory',
      'InvoiceSection',
      'AccountOwnerId',
      'ChargeType',
    ],
  },
  costViews: true,
  ...azureRules({ ...EA, cost: ['Cost'], currency: ['BillingCurrency'] }),
}
