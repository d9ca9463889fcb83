/**
 * AWS Cost and Usage Report, legacy CSV ("CUR v1": `category/Name` headers,
 * one column per tag `resourceTags/user:<Key>`); reference/mappings.md §1 rule 4.
 */
import { awsCurRules } from './aws-cur-rules'
import type { FormatMapping } from './mapping-types'

const rules = awsCurRules((legacy) => legacy, {
  // Keys as written (`user:CostCenter`, `aws:createdBy`): tag aliasing groups them later, the original stays.
  tags: { tagColumns: { prefixes: ['resourceTags/'] } },
  product: (_field, legacy) => ({ column: legacy }),
})

/** AWS CUR legacy CSV. */
export const AWS_CUR_LEGACY: FormatMapping = {
  id: 'aws-cur-legacy',
  title: 'AWS Cost and Usage Report (legacy CSV)',
  signature: {
    all: [
      'identity/LineItemId',
      'lineItem/LineItemType',
      'lineItem/UnblendedCost',
      'bill/PayerAccountId',
    ],
  },
  ...rules,
}
