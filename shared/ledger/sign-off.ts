/**
 * The ledger's sign-off threshold (issue 12: "a mover above a threshold without sign-off is
 * flagged"): a mover is flagged when |delta| is at least `amount` in its own currency or
 * |delta %| at least `percent`. A FinOps lead sets it per workspace; either part may be off
 * (null), not both, or no mover could ever be flagged. Pure: the engine, the CLI and the
 * Ledger tab check and word it the same way.
 */
import { normalizeDecimal } from '../money'
import { atLeast, type Change } from './change'

/** A sign-off threshold: an amount in the mover's currency and a percent, each exact decimal text or off. */
export interface SignOffThreshold {
  readonly amount: string | null
  readonly percent: string | null
}

/** The threshold of a workspace that never set one. */
export const DEFAULT_SIGN_OFF: SignOffThreshold = { amount: '1000', percent: '20' }

/** Decimals a threshold part may have (DECIMAL money is exact; a finer limit means nothing). */
export const SIGN_OFF_DECIMALS = 4

const DECIMAL = new RegExp(`^\\d{1,18}(\\.\\d{1,${SIGN_OFF_DECIMALS}})?$`)

/** A checked threshold, or the part (`amount`, `percent`, or `both` off) and why it was refused. */
export type SignOffCheck =
  | { readonly ok: true; readonly value: SignOffThreshold }
  | { readonly ok: false; readonly part: 'amount' | 'percent' | 'both'; readonly message: string }

/** How the parts are named in a message: the CLI names its options, the engine the setting. */
export interface SignOffLabels {
  readonly amount: string
  readonly percent: string
}

const SETTING_LABELS: SignOffLabels = {
  amount: 'The sign-off amount',
  percent: 'The sign-off percent',
}

/** One part as typed: empty or "off" turns it off; else a decimal ≥ 0 with ≤ 4 decimals. */
function checkPart(text: string | null, label: string): { value: string | null } | string {
  const t = text?.trim() ?? ''
  if (t === '' || t.toLowerCase() === 'off') return { value: null }
  if (/^-\d/.test(t))
    return `${label} "${t}" is negative: give 0 or more, or leave it empty to turn it off.`
  if (DECIMAL.test(t)) return { value: normalizeDecimal(t) }
  if (/^\d+\.\d+$/.test(t))
    return `${label} "${t}" has more than ${SIGN_OFF_DECIMALS} decimals: round it to ${SIGN_OFF_DECIMALS} or fewer.`
  return `${label} "${t}" is not a number: give a decimal such as 1000 or 12.5, or leave it empty to turn it off.`
}

/** Checks a threshold as typed (text per part, null or empty for off). */
export function checkSignOff(
  input: { amount: string | null; percent: string | null },
  labels: SignOffLabels = SETTING_LABELS,
): SignOffCheck {
  const amount = checkPart(input.amount, labels.amount)
  if (typeof amount === 'string') return { ok: false, part: 'amount', message: amount }
  const percent = checkPart(input.percent, labels.percent)
  if (typeof percent === 'string') return { ok: false, part: 'percent', message: percent }
  if (amount.value === null && percent.value === null)
    return {
      ok: false,
      part: 'both',
      message: `${labels.amount} and ${labels.percent} cannot both be off: keep one, or no mover is ever flagged.`,
    }
  return { ok: true, value: { amount: amount.value, percent: percent.value } }
}

/** True when a change is over the threshold: |delta| ≥ amount or |delta %| ≥ percent (a part off never flags). */
export function overSignOff(
  figures: Pick<Change, 'delta' | 'deltaPercent'>,
  threshold: SignOffThreshold,
): boolean {
  return (
    (threshold.amount !== null && atLeast(figures.delta, threshold.amount)) ||
    (threshold.percent !== null &&
      figures.deltaPercent !== null &&
      atLeast(figures.deltaPercent, threshold.percent))
  )
}

/** The rule in words, e.g. "|delta| ≥ 1000 in its currency or |delta %| ≥ 20%". */
export function signOffRule(threshold: SignOffThreshold): string {
  const parts = [
    ...(threshold.amount !== null ? [`|delta| ≥ ${threshold.amount} in its currency`] : []),
    ...(threshold.percent !== null ? [`|delta %| ≥ ${threshold.percent}%`] : []),
  ]
  return parts.join(' or ')
}
