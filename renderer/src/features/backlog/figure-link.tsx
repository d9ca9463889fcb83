/** A backlog figure that opens the rows it sums in the Rows drawer. */
import { UnstyledButton } from '@mantine/core'
import type { EvidenceRows } from '../../../../shared/contract/backlog'
import { Amount } from '../../components/amount'
import { useAppStore } from '../../state/store-context'
import { evidenceRowsRequest } from './rows-request'

/** The amount, as a button that opens `rows` titled `title`. */
export function FigureLink({
  value,
  currency,
  rows,
  title,
  testId,
}: {
  value: string
  currency: string
  rows: EvidenceRows
  title: string
  testId: string
}) {
  const openRows = useAppStore((s) => s.openRows)
  return (
    <UnstyledButton
      onClick={() => openRows(title, evidenceRowsRequest(rows))}
      title="Show the rows behind this figure"
      data-testid={testId}
      style={{ textDecoration: 'underline dotted' }}
    >
      <Amount value={value} currency={currency} />
    </UnstyledButton>
  )
}
