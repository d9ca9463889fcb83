/**
 * "Contract Commitment dataset: N commitments, total …": how the app names a FOCUS
 * Contract Commitment dataset, on What's loaded (every counted commitment) and on an
 * import's outcome (that file's). Commitments are contract terms, never a cost total.
 */
import { Text } from '@mantine/core'
import { Fragment } from 'react'
import { Amount } from './amount'

/** The sentence, each currency's exact cost shown with its code. */
export function CommitmentSummary({
  count,
  totals,
  testId,
}: {
  count: number
  totals: ReadonlyArray<{ currency: string | null; cost: string }>
  testId: string
}) {
  return (
    <Text size="sm" data-testid={testId}>
      Contract Commitment dataset: {count.toLocaleString('en-US')} commitment
      {count === 1 ? '' : 's'}, total{' '}
      {totals.map((t, i) => (
        <Fragment key={t.currency ?? ''}>
          {i > 0 ? '; ' : ''}
          <Amount value={t.cost} currency={t.currency ?? ''} exact />
        </Fragment>
      ))}
    </Text>
  )
}
