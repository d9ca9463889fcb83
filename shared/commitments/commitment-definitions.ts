/**
 * What each commitment figure means, in one place for the Commitments tab and
 * `focal commitments --period`: the FinOps Foundation's definitions (FinOps
 * Framework, "Rate Optimization" capability and its KPIs: commitment discount
 * utilization, coverage, effective savings rate) read on FOCUS columns.
 */

/** The period a row belongs to: its billing period, as the invoice does. */
export const PERIOD_BASIS =
  'Period: the UTC month of BillingPeriodStart (the invoice month), not of ChargePeriodStart.'

/** One figure's name and its definition. */
export interface FigureDefinition {
  readonly label: string
  readonly definition: string
}

/** The definitions, by figure, in the order the screen and the CLI show them. */
export const COMMITMENT_DEFINITIONS = {
  committed: {
    label: 'Committed',
    definition:
      'The amortized commitment of the period: EffectiveCost of Usage rows with CommitmentDiscountStatus Used plus Unused. Purchase rows (ChargeCategory Purchase) are never added: their cost is already in these rows.',
  },
  used: {
    label: 'Used',
    definition: 'EffectiveCost of Usage rows with CommitmentDiscountStatus Used.',
  },
  unused: {
    label: 'Unused',
    definition:
      'EffectiveCost of Usage rows with CommitmentDiscountStatus Unused: commitment paid for and not consumed (waste).',
  },
  utilization: {
    label: 'Utilization',
    definition:
      'FinOps Foundation commitment discount utilization: the share of the commitment used, Used ÷ Committed by EffectiveCost; by CommitmentDiscountQuantity too where the data has it in one unit.',
  },
  coverage: {
    label: 'Coverage',
    definition:
      'FinOps Foundation commitment discount coverage: the share of eligible usage a commitment discount covered, by ListCost (on-demand equivalent) and by EffectiveCost. Covered: Usage rows with CommitmentDiscountStatus Used. Eligible: covered usage plus Usage rows priced Standard (on-demand) of a ServiceName that commitments covered in the period; Spot, Dynamic and Unused rows are not eligible.',
  },
  savings: {
    label: 'Savings vs list',
    definition:
      'ListCost − EffectiveCost of the covered usage: what the commitment discounts saved against list prices, before unused cost.',
  },
  commitmentSavings: {
    label: 'Savings vs contracted',
    definition:
      'ContractedCost − EffectiveCost of the covered usage: what the commitment discounts saved beyond negotiated rates (FOCUS: commitment savings; ListCost − ContractedCost is the negotiated part).',
  },
  effectiveSavingsRate: {
    label: 'Effective savings rate',
    definition:
      'FinOps Foundation ESR: (ListCost − EffectiveCost) ÷ ListCost over all Usage rows of the period, the EffectiveCost including Unused commitment cost and the ListCost leaving Unused rows out (nothing ran). Per commitment: (ListCost of its covered usage − Committed) ÷ that ListCost. Negative when the commitment cost more than list prices would have.',
  },
  purchasesBilled: {
    label: 'Purchases billed',
    definition:
      'BilledCost of Purchase rows carrying a CommitmentDiscountId, for reference; not part of any figure above.',
  },
} as const satisfies Record<string, FigureDefinition>

/** A figure of COMMITMENT_DEFINITIONS. */
export type CommitmentFigure = keyof typeof COMMITMENT_DEFINITIONS

/** A ratio (a decimal fraction) as a percentage for display, one decimal, rounded half away from zero; '—' for null. */
export function formatRatio(ratio: string | null): string {
  if (ratio === null) return '—'
  const negative = ratio.startsWith('-')
  const [int = '0', frac = ''] = ratio.replace('-', '').split('.')
  // Tenths of a percent: the first three decimals, then round on the fourth.
  const digits = frac.padEnd(4, '0')
  let tenths = BigInt(int) * 1000n + BigInt(digits.slice(0, 3))
  if (Number(digits[3]) >= 5) tenths += 1n
  const text = `${tenths / 10n}.${tenths % 10n}%`
  return negative && tenths !== 0n ? `-${text}` : text
}
