/** The text `focal commitments --period` prints: totals per currency with definitions, a table per commitment, expiries. */
import {
  COMMITMENT_DEFINITIONS,
  PERIOD_BASIS,
  formatRatio,
} from '../../shared/commitments/commitment-definitions'
import type { CommitmentRates } from '../../shared/contract'
import { textTable } from './format'

const cur = (c: string | null): string => c || '(no currency)'
const amount = (v: string | null): string => v ?? '—'

/** The period's figures as text: exact amounts, ratios as percentages rounded for reading. */
export function describeCommitmentRates(rates: CommitmentRates): string {
  if (!rates.period) return 'The workspace holds no billing period.'
  const lines = [`Commitments, billing period ${rates.period}. ${PERIOD_BASIS}`, '']
  if (rates.totals.length === 0) lines.push('No usage or commitment purchase in this period.')
  for (const t of rates.totals) {
    lines.push(`${cur(t.currency)} (EffectiveCost unless named):`)
    lines.push(
      `  committed ${t.committed}, used ${t.used}, unused ${t.unused}, utilization ${formatRatio(t.utilization)}`,
      `  coverage ${formatRatio(t.coverage)} by ListCost (${amount(t.coveredList)} of ${amount(t.eligibleList)}), ${formatRatio(t.coverageEffective)} by EffectiveCost (${t.coveredEffective} of ${t.eligibleEffective})`,
      `  savings vs list ${amount(t.savings)}, vs contracted ${amount(t.commitmentSavings)}, effective savings rate ${formatRatio(t.effectiveSavingsRate)} (ListCost ${amount(t.usageList)}, EffectiveCost ${t.usageEffective})`,
      `  purchases billed ${t.purchasesBilled} (BilledCost, not added to committed)`,
    )
  }
  if (rates.commitments.length > 0) {
    const rows = rates.commitments.map((c) => [
      c.id,
      c.type ?? '',
      c.category ?? '',
      cur(c.currency),
      c.committed,
      c.used,
      c.unused,
      formatRatio(c.utilization),
      c.quantityUtilization === null ? '' : formatRatio(c.quantityUtilization),
      amount(c.savings),
      formatRatio(c.effectiveSavingsRate),
      c.contract?.end?.slice(0, 10) ?? '',
    ])
    const header = ['id', 'type', 'category', 'currency', 'committed', 'used', 'unused']
    const tail = ['utilization', 'by quantity', 'savings', 'ESR', 'ends']
    lines.push('', textTable([...header, ...tail], rows, new Set([4, 5, 6, 7, 8, 9, 10])))
  }
  lines.push('', ...expiryLines(rates))
  lines.push('', 'Definitions:')
  for (const d of Object.values(COMMITMENT_DEFINITIONS)) lines.push(`  ${d.label}: ${d.definition}`)
  return lines.join('\n')
}

function expiryLines(rates: CommitmentRates): string[] {
  if (!rates.contractsImported)
    return ['No Contract Commitment dataset is imported: terms and expiries are not known.']
  const expiring = rates.terms.filter((t) => t.expiresWithin !== null)
  if (expiring.length === 0) return [`No contract commitment ends within 90 days of ${rates.asOf}.`]
  return [
    `Contract commitments ending within 90 days of ${rates.asOf}:`,
    textTable(
      ['id', 'type', 'term', 'end', 'days left', 'within', 'cost'],
      expiring.map((t) => [
        t.id,
        t.type ?? '',
        t.term ?? '',
        t.end?.slice(0, 10) ?? '',
        String(t.daysLeft),
        `${t.expiresWithin} days`,
        t.cost === null ? '' : `${t.cost} ${t.currency ?? ''}`.trimEnd(),
      ]),
      new Set([4, 6]),
    ),
  ]
}
