/**
 * Azure cost details for Microsoft Customer Agreements (camelCase, some tools
 * PascalCase), actual or amortized (reference/mappings.md §1 rule 10). The
 * FOCUS billing account of an MCA is its billing profile.
 */
import { azureRules } from './azure-rules'
import type { FormatMapping } from './mapping-types'

/** Azure MCA cost details. */
export const AZURE_MCA: FormatMapping = {
  id: 'azure-mca',
  title: 'Azure cost details (MCA)',
  caseInsensitive: true,
  signature: {
    all: [
      'costInBillingCurrency',
      'billingCurrency',
      'billingProfileId',
      'invoiceSectionId',
      'chargeType',
      'pricingModel',
    ],
  },
  costViews: true,
  ...azureRules({
    cost: ['costInBillingCurrency'],
    currency: ['billingCurrency'],
    billingAccountId: 'billingProfileId',
    billingAccountName: 'billingProfileName',
    billingAccountType: 'Billing Profile',
    listCost: 'paygCostInBillingCurrency',
  }),
}
