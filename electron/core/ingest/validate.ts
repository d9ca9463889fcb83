/**
 * FOCUS rule checks on the rows of one import (reference/focus-spec.md):
 * reported per rule with a row count, never used to hide or drop rows.
 */
import { CHARGE_CATEGORIES, SERVICE_CATEGORIES } from '../../../shared/focus'
import { isJsonObject, quoteLiteral } from '../../../shared/sql/identifiers'
import type { ImportRecord } from '../../../shared/contract'
import type { Workspace } from '../workspace/workspace'

interface Rule {
  readonly rule: string
  /** Columns the rule reads; it runs only when the file has them. */
  readonly needs: readonly string[]
  readonly violated: string
  readonly message: string
}

const list = (values: readonly string[]): string => values.map(quoteLiteral).join(', ')

const RULES: readonly Rule[] = [
  {
    rule: 'BilledCost.NotNull',
    needs: ['BilledCost'],
    violated: 'BilledCost IS NULL',
    message: 'BilledCost is empty (FOCUS: must not be null).',
  },
  {
    rule: 'ChargeCategory.Allowed',
    needs: ['ChargeCategory'],
    violated: `ChargeCategory IS NULL OR ChargeCategory NOT IN (${list(CHARGE_CATEGORIES)})`,
    message: 'ChargeCategory is not one of Usage, Purchase, Tax, Credit, Adjustment.',
  },
  {
    rule: 'ChargeClass.Allowed',
    needs: ['ChargeClass'],
    violated: "ChargeClass IS NOT NULL AND ChargeClass <> 'Correction'",
    message: 'ChargeClass must be empty or Correction.',
  },
  {
    rule: 'ServiceCategory.Allowed',
    needs: ['ServiceCategory'],
    violated: `ServiceCategory IS NULL OR ServiceCategory NOT IN (${list(SERVICE_CATEGORIES)})`,
    message: 'ServiceCategory is not a FOCUS 1.4 value.',
  },
  {
    rule: 'BillingCurrency.Format',
    needs: ['BillingCurrency'],
    violated: "BillingCurrency IS NULL OR NOT regexp_full_match(BillingCurrency, '[A-Z]{3}')",
    message: 'BillingCurrency is not a three-letter ISO 4217 code.',
  },
  {
    rule: 'ChargePeriod.Order',
    needs: ['ChargePeriodStart', 'ChargePeriodEnd'],
    violated:
      'ChargePeriodStart IS NULL OR ChargePeriodEnd IS NULL OR ChargePeriodEnd <= ChargePeriodStart',
    message: 'ChargePeriodEnd is missing or not after ChargePeriodStart.',
  },
  {
    rule: 'Tags.JsonObject',
    needs: ['Tags'],
    violated: `Tags IS NOT NULL AND NOT ${isJsonObject('Tags')}`,
    message:
      'Tags is not a JSON object (malformed JSON or another JSON type); the value is kept as written and tag columns read it as empty. Fix the tags in the source and import it again to use them.',
  },
]

/**
 * Counts rule violations among the rows of `importId`; only rules whose columns the file has.
 * Rules that pass are kept with 0 rows, so the registry can say which rules were checked.
 */
export async function validateImport(
  ws: Workspace,
  importId: number,
  presentColumns: ReadonlySet<string>,
): Promise<ImportRecord['issues']> {
  const rules = RULES.filter((r) => r.needs.every((c) => presentColumns.has(c)))
  if (rules.length === 0) return []
  // The first offending source row goes with each count, so a person can find the value in the file.
  const select = rules
    .map(
      (r, i) =>
        `count(*) FILTER (WHERE ${r.violated}) AS v${i}, min(x_SourceRow) FILTER (WHERE ${r.violated}) AS f${i}`,
    )
    .join(', ')
  const [counts = {}] = await ws.all(`SELECT ${select} FROM cost_rows WHERE x_ImportId = $1`, [
    importId,
  ])
  return rules.map((r, i) => ({
    rule: r.rule,
    rows: Number(counts[`v${i}`] ?? 0),
    message: r.message,
    firstRow: Number(counts[`f${i}`] ?? 0),
  }))
}
