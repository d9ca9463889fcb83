/** rules-sql: which FOCUS rules apply to a file, and the SQL of each kind of rule. */
import { describe, expect, it } from 'vitest'
import { FOCUS_RULES } from '../../../../shared/focus/rules'
import {
  STORED_COLUMNS,
  applicableRules,
  ruleCountsSql,
  ruleSamplesSql,
  versionAtLeast,
  violatedSql,
} from '../../../../shared/focus/rules-sql'

const byId = (id: string) => {
  const found = FOCUS_RULES.find((r) => r.id === id)
  if (!found) throw new Error(id)
  return found
}

describe('applicableRules', () => {
  it('holds presence and cross-column rules to their version, one-column rules to every file with the column', () => {
    const present = new Set(['ChargeCategory', 'CommitmentDiscountId', 'ResourceId', 'Tags'])
    const ids = (version: '0.5' | '1.3' | '1.4') =>
      applicableRules(FOCUS_RULES, version, present).map((r) => r.id)
    // ResourceId = CommitmentDiscountId on a commitment purchase is a 1.4 rule.
    expect(ids('1.3')).not.toContain('CommitmentDiscountId.PurchaseResource')
    expect(ids('1.4')).toContain('CommitmentDiscountId.PurchaseResource')
    // Tags came in 1.0, yet a 0.5-looking header with a Tags column has it checked, as an import does.
    expect(ids('0.5')).toContain('Tags.JsonObject')
    // HostProviderName is Mandatory from 1.3 on.
    expect(ids('1.3')).toContain('HostProviderName.Present')
    expect(ids('0.5')).not.toContain('HostProviderName.Present')
    // A rule whose columns the file lacks does not run.
    expect(ids('1.4')).not.toContain('ChargePeriod.Order')
  })

  it('orders versions as FOCUS released them', () => {
    expect(versionAtLeast('1.0', '1.0-preview')).toBe(true)
    expect(versionAtLeast('1.0-preview', '1.0')).toBe(false)
    expect(versionAtLeast('1.4', '0.5')).toBe(true)
  })
})

describe('violatedSql', () => {
  it('writes each kind of rule over quoted column names', () => {
    expect(violatedSql(byId('BilledCost.NotNull'), STORED_COLUMNS)).toBe('"BilledCost" IS NULL')
    expect(violatedSql(byId('ChargeClass.Allowed'), STORED_COLUMNS)).toBe(
      `"ChargeClass" IS NOT NULL AND "ChargeClass" NOT IN ('Correction')`,
    )
    // An allowed-values rule of a column that must not be null counts the null too.
    expect(violatedSql(byId('BillingCurrency.Format'), STORED_COLUMNS)).toBe(
      `"BillingCurrency" IS NULL OR NOT regexp_full_match("BillingCurrency", '[A-Z]{3}')`,
    )
    expect(violatedSql(byId('BilledCost.Type'), STORED_COLUMNS)).toBe('false')
    expect(violatedSql(byId('BilledCost.Present'), STORED_COLUMNS)).toBeNull()
  })

  it('gives every rule a unique id, a spec section and a column it shows', () => {
    const ids = FOCUS_RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const r of FOCUS_RULES) expect(r.section).toMatch(/^FOCUS 1\.4 §[A-Za-z]+$/)
    expect(FOCUS_RULES.filter((r) => r.onImport).map((r) => r.id)).toEqual([
      'BilledCost.NotNull',
      'ChargeCategory.Allowed',
      'ChargeClass.Allowed',
      'ServiceCategory.Allowed',
      'BillingCurrency.Format',
      'ChargePeriod.Order',
      'Tags.JsonObject',
    ])
  })
})

describe('ruleCountsSql and ruleSamplesSql', () => {
  const rules = [
    byId('BilledCost.Present'),
    byId('BilledCost.NotNull'),
    byId('ChargeClass.Allowed'),
  ]
  const options = { rowExpr: 'source_row', samples: 5 }

  it('counts every rule with a row condition in one pass, gathering no samples there', () => {
    expect(ruleCountsSql(rules, 'r', STORED_COLUMNS)).toBe(
      `SELECT count(*) AS total, count(*) FILTER (WHERE "BilledCost" IS NULL) AS n1, count(*) FILTER (WHERE "ChargeClass" IS NOT NULL AND "ChargeClass" NOT IN ('Correction')) AS n2 FROM r`,
    )
  })

  it('samples only the rules that failed, over only the rows that break one of them', () => {
    expect(ruleSamplesSql(rules, [], 'r', STORED_COLUMNS, options)).toBeNull()
    // A presence rule has no rows to sample.
    expect(ruleSamplesSql(rules, [0], 'r', STORED_COLUMNS, options)).toBeNull()
    expect(ruleSamplesSql(rules, [2], 'r', STORED_COLUMNS, options)).toBe(
      `SELECT min({'row': source_row, 'value': left(CAST("ChargeClass" AS VARCHAR), 200)}, 5) FILTER (WHERE "ChargeClass" IS NOT NULL AND "ChargeClass" NOT IN ('Correction')) AS s2 FROM r WHERE ("ChargeClass" IS NOT NULL AND "ChargeClass" NOT IN ('Correction'))`,
    )
  })
})
