/**
 * AWS CUR in snake_case: CUR 2.0 (Data Exports; `product`, `resource_tags`,
 * `cost_category` are map columns, JSON text in CSV) and legacy CUR delivered
 * as Parquet / Athena (one `resource_tags_user_<key>` column per tag);
 * reference/mappings.md §1 rules 5 and 6. Both share the CUR rules.
 */
import { awsCurRules } from './aws-cur-rules'
import type { FormatMapping } from './mapping-types'

/** A legacy CUR column name in snake_case, as Athena and CUR 2.0 write it (`savingsPlan/SavingsPlanARN` → `savings_plan_savings_plan_a_r_n`). */
export function snakeCaseCurName(legacy: string): string {
  return legacy
    .replace('/', '_')
    .replace(/([A-Z])/g, '_$1')
    .toLowerCase()
    .replace(/_+/g, '_')
    .replace(/^_/, '')
}

const CORE = [
  'identity_line_item_id',
  'line_item_line_item_type',
  'line_item_unblended_cost',
  'bill_payer_account_id',
]

const rules = awsCurRules(snakeCaseCurName, {
  tags: {
    coalesce: [
      { json: { column: 'resource_tags' } },
      // `resource_tags_user_cost_center` → `user_cost_center`, the key CUR 2.0's map has.
      { tagColumns: { prefixes: ['resource_tags_'] } },
    ],
  },
  // A product attribute is a column of its own in legacy Parquet and in CUR 2.0's fixed set, else a key of the `product` map.
  product: (field, legacy) => ({
    coalesce: [{ column: snakeCaseCurName(legacy) }, { field, of: { column: 'product' } }],
  }),
})

/** AWS CUR 2.0 (CSV or Parquet). */
export const AWS_CUR_2: FormatMapping = {
  id: 'aws-cur-2',
  title: 'AWS CUR 2.0 (Data Exports)',
  signature: {
    all: CORE,
    anyOf: [
      [
        'resource_tags',
        'product',
        'cost_category',
        'discount',
        'bill_payer_account_name',
        'line_item_usage_account_name',
      ],
    ],
  },
  ...rules,
}

/** Legacy AWS CUR in Parquet / Athena form (snake_case, tag columns). */
export const AWS_CUR_SNAKE_CASE: FormatMapping = {
  id: 'aws-cur-legacy-snake-case',
  title: 'AWS Cost and Usage Report (legacy, Parquet/Athena snake_case)',
  signature: { all: CORE, none: ['resource_tags', 'product'] },
  ...rules,
}
