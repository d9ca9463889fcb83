/** The one line the focal command says of a Contract Commitment dataset (README: Contract commitments). */
import type { CommitmentDelta, CommitmentTotal } from '../../shared/contract'

/**
 * "Contract Commitment dataset: N commitments, total …": the line `focal import` and
 * `focal commitments list` print, with each currency's exact ContractCommitmentCost.
 */
export function commitmentSummary(
  count: number,
  totals: ReadonlyArray<{ currency: string | null; cost: string }>,
): string {
  const money = totals.map((t) => `${t.cost} ${t.currency || '(no currency)'}`).join('; ')
  return `Contract Commitment dataset: ${count} commitment${count === 1 ? '' : 's'}, total ${money || '0'}`
}

/** The summary line of one Contract Commitment import's stored totals. */
export function importedCommitmentSummary(
  count: number,
  totals: readonly CommitmentTotal[],
): string {
  return commitmentSummary(
    count,
    totals.map((t) => ({ currency: t.currency, cost: t.costStored })),
  )
}

/** One currency of what a commitment restatement changed, as `focal import` prints it. */
export function commitmentDeltaLine(d: CommitmentDelta): string {
  const sign = d.costDifference.startsWith('-') ? '' : '+'
  return `    ${d.currency || '(no currency)'}: ${d.added} commitments added, ${d.removed} removed, ${d.changed} changed; ContractCommitmentCost ${sign}${d.costDifference}`
}
