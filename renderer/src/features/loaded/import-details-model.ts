/** What the import-details drawer shows, worked out from an ImportRecord apart from any component. */
import { ImportTotalSchema, type ImportRecord, type ImportTotal } from '../../../../shared/contract'
import { FOCUS_RULES, type RuleSeverity } from '../../../../shared/focus/rules'

/** The totals to show, and whether they are those of a file refused for not reconciling. */
export function totalsShown(record: ImportRecord): { totals: ImportTotal[]; refused: boolean } {
  if (record.totals.length > 0) return { totals: record.totals, refused: false }
  // A file refused because its totals disagreed stored nothing, so the registry has no totals;
  // its error carries both sides (store-rows.ts, RECONCILIATION_FAILED details.totals).
  const parsed = ImportTotalSchema.array().safeParse(record.error?.details?.totals)
  return parsed.success && parsed.data.length > 0
    ? { totals: parsed.data, refused: true }
    : { totals: [], refused: false }
}

/** One rule line: the rule, where the spec sets it and how much it weighs, and its failure. */
export interface RuleShown {
  readonly rule: string
  /** FOCUS spec section; null for a rule id the rule table no longer has. */
  readonly section: string | null
  readonly severity: RuleSeverity | null
  readonly failure: ImportRecord['issues'][number] | null
}

/** Every rule checked in the order run; records made before rulesChecked existed list only their failures. */
export function rulesShown(record: ImportRecord): RuleShown[] {
  const rules = [...new Set([...record.rulesChecked, ...record.issues.map((i) => i.rule)])]
  return rules.map((rule) => {
    const known = FOCUS_RULES.find((r) => r.id === rule)
    return {
      rule,
      section: known?.section ?? null,
      severity: known?.severity ?? null,
      failure: record.issues.find((issue) => issue.rule === rule) ?? null,
    }
  })
}
