/** A commitment figure that opens the rows it sums in the Rows drawer (shared/commitments/commitment-rows.ts). */
import { UnstyledButton } from '@mantine/core'
import type { ReactNode } from 'react'
import {
  commitmentRowsRequest,
  type RowsFigure,
} from '../../../../shared/commitments/commitment-rows'
import { Amount } from '../../components/amount'
import { useAppStore } from '../../state/store-context'

/** What a figure's rows are: the figure, its period, currency and commitment (null: all). */
export interface FigureRows {
  figure: RowsFigure
  period: string
  currency: string | null
  commitmentId: string | null
  title: string
}

/** An amount in its currency, or the bare decimal when the rows have none. */
export function Money({ value, currency }: { value: string; currency: string | null }) {
  return currency ? <Amount value={value} currency={currency} /> : <span>{value}</span>
}

/** A button showing `children` (default: the amount) that opens the figure's rows. */
export function FigureButton({
  rows,
  value,
  testId,
  children,
}: {
  rows: FigureRows
  value: string
  testId: string
  children?: ReactNode
}) {
  const openRows = useAppStore((s) => s.openRows)
  return (
    <UnstyledButton
      onClick={() =>
        openRows(
          rows.title,
          commitmentRowsRequest(rows.figure, rows.period, rows.currency, rows.commitmentId),
        )
      }
      title="Show the rows behind this figure"
      data-testid={testId}
      style={{ textDecoration: 'underline dotted' }}
    >
      {children ?? <Money value={value} currency={rows.currency} />}
    </UnstyledButton>
  )
}
