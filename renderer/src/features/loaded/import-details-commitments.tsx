/**
 * What a Contract Commitment import changed in the commitments it superseded, per
 * currency: commitments added, removed and changed (by ContractCommitmentId) and the
 * counted ContractCommitmentCost it moved. Commitments are not cost rows, so this
 * table has no BilledCost or EffectiveCost.
 */
import { Table } from '@mantine/core'
import type { ImportRecord } from '../../../../shared/contract'
import { formatSigned } from '../../../../shared/report'

const NOWRAP = { whiteSpace: 'nowrap' } as const

/** The commitment delta of an import, or nothing when it superseded no commitment. */
export function CommitmentDelta({ record }: { record: ImportRecord }) {
  const delta = record.commitments?.delta ?? []
  if (delta.length === 0) return null
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={4} withTableBorder data-testid="details-commitment-delta">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Currency</Table.Th>
            <Table.Th style={NOWRAP} ta="right">
              Commitments added
            </Table.Th>
            <Table.Th ta="right">Removed</Table.Th>
            <Table.Th ta="right">Changed</Table.Th>
            <Table.Th ta="right">ContractCommitmentCost</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {delta.map((d) => (
            <Table.Tr key={d.currency} data-testid={`details-commitment-delta-${d.currency}`}>
              <Table.Td>{d.currency || '(no currency)'}</Table.Td>
              <Table.Td ta="right" className="amount">
                {d.added.toLocaleString('en-US')}
              </Table.Td>
              <Table.Td ta="right" className="amount">
                {d.removed.toLocaleString('en-US')}
              </Table.Td>
              <Table.Td ta="right" className="amount">
                {d.changed.toLocaleString('en-US')}
              </Table.Td>
              <Table.Td ta="right" className="amount" data-value={d.costDifference}>
                {formatSigned(d.costDifference, d.currency, true)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
