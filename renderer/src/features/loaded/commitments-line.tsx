/**
 * The What's loaded line of the FOCUS Contract Commitment dataset: how many
 * commitments are counted and their cost per currency. Commitments are
 * contract terms, not charges, so they sit beside the cost summary, never in it.
 */
import { Text } from '@mantine/core'
import { Fragment } from 'react'
import type { CommitmentList } from '../../../../shared/contract'
import { Amount } from '../../components/amount'

/** "Contract Commitment dataset: N commitments, total …", or nothing when none is imported. */
export function CommitmentsLine({ list }: { list: CommitmentList | null }) {
  if (!list || list.commitments.length === 0) return null
  const count = list.totals.reduce((n, t) => n + t.commitments, 0)
  return (
    <Text size="sm" data-testid="commitments-line">
      Contract Commitment dataset: {count} commitment{count === 1 ? '' : 's'}, total{' '}
      {list.totals.map((t, i) => (
        <Fragment key={t.currency ?? ''}>
          {i > 0 ? '; ' : ''}
          <Amount value={t.cost} currency={t.currency ?? ''} exact />
        </Fragment>
      ))}
    </Text>
  )
}
