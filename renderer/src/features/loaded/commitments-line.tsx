/**
 * The What's loaded line of the FOCUS Contract Commitment dataset: how many
 * commitments are counted and their cost per currency. Commitments are
 * contract terms, not charges, so they sit beside the cost summary, never in it.
 */
import type { CommitmentList } from '../../../../shared/contract'
import { CommitmentSummary } from '../../components/commitment-summary'

/** "Contract Commitment dataset: N commitments, total …", or nothing when none is imported. */
export function CommitmentsLine({ list }: { list: CommitmentList | null }) {
  if (!list || list.commitments.length === 0) return null
  const count = list.totals.reduce((n, t) => n + t.commitments, 0)
  return <CommitmentSummary count={count} totals={list.totals} testId="commitments-line" />
}
