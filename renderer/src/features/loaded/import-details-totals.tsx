/**
 * An import's money per currency: what the file holds (read a second time, by header name) beside
 * what Focal stored, every decimal shown, and the difference when they disagree.
 */
import type { ReactNode } from 'react'
import { Badge, Group, Stack, Table, Text } from '@mantine/core'
import type { CommitmentTotal, ImportRecord, ImportTotal } from '../../../../shared/contract'
import { decimalsEqual, subtractDecimals } from '../../../../shared/money'
import { formatSigned } from '../../../../shared/report'
import { Amount } from '../../components/amount'
import { totalsShown } from './import-details-model'

/** One cost column's source, stored and difference cells. */
function CostLine({
  name,
  source,
  stored,
  currency,
}: {
  name: string
  source: string
  stored: string
  currency: string
}) {
  const difference = subtractDecimals(stored, source)
  const same = decimalsEqual(difference, '0')
  return (
    <Table.Tr data-testid={`details-${name}`}>
      <Table.Th scope="row" fw={500}>
        {name}
      </Table.Th>
      <Table.Td ta="right" data-testid="source">
        <Amount value={source} currency={currency} exact />
      </Table.Td>
      <Table.Td ta="right" data-testid="stored">
        <Amount value={stored} currency={currency} exact />
      </Table.Td>
      <Table.Td ta="right" data-testid="difference" c={same ? 'dimmed' : 'red.8'}>
        <span className="amount" data-value={difference}>
          {same ? 'none' : formatSigned(difference, currency, true)}
        </span>
      </Table.Td>
    </Table.Tr>
  )
}

/** A currency's heading: rows stored and whether the file and the store agree. */
function CurrencyHeading({
  total,
  refused,
  noun,
}: {
  total: { currency: string; rows: number; reconciled: boolean }
  refused: boolean
  noun: readonly [string, string]
}) {
  return (
    <Group gap="xs">
      <Text fw={600}>{total.currency || '(no currency)'}</Text>
      <Text size="sm" c="dimmed" data-testid="details-rows">
        {total.rows.toLocaleString('en-US')} {total.rows === 1 ? noun[0] : noun[1]}{' '}
        {refused ? 'read, none stored' : 'stored'}
      </Text>
      {total.reconciled ? (
        <Badge size="sm" color="green" variant="filled" data-testid="details-reconciled">
          reconciled
        </Badge>
      ) : (
        <Badge size="sm" color="red" variant="filled" data-testid="details-differs">
          does not reconcile
        </Badge>
      )}
    </Group>
  )
}

/** The file-against-stored table of the given money columns. */
function CostTable({ children }: { children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={4} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Column</Table.Th>
            <Table.Th ta="right">In the file</Table.Th>
            <Table.Th ta="right">Stored</Table.Th>
            <Table.Th ta="right">Difference</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** A Contract Commitment dataset's ContractCommitmentCost in one currency: commitment terms, not cost rows. */
function CommitmentCurrencyTotals({ total }: { total: CommitmentTotal }) {
  return (
    <Stack gap={4} data-testid={`details-total-${total.currency}`}>
      <CurrencyHeading total={total} refused={false} noun={['commitment', 'commitments']} />
      <CostTable>
        <CostLine
          name="ContractCommitmentCost"
          source={total.costSource}
          stored={total.costStored}
          currency={total.currency}
        />
      </CostTable>
    </Stack>
  )
}

function CurrencyTotals({ total, refused }: { total: ImportTotal; refused: boolean }) {
  const currency = total.currency
  return (
    <Stack gap={4} data-testid={`details-total-${currency}`}>
      <CurrencyHeading total={total} refused={refused} noun={['row', 'rows']} />
      <CostTable>
        <CostLine
          name="BilledCost"
          source={total.billedSource}
          stored={total.billedStored}
          currency={currency}
        />
        <CostLine
          name="EffectiveCost"
          source={total.effectiveSource}
          stored={total.effectiveStored}
          currency={currency}
        />
      </CostTable>
    </Stack>
  )
}

/** Source against stored totals per currency; BilledCost and EffectiveCost are never added together. */
export function ImportTotals({ record }: { record: ImportRecord }) {
  const { totals, refused } = totalsShown(record)
  // A Contract Commitment dataset stores commitments, never cost rows: its own money column.
  if (record.commitments)
    return (
      <Stack gap="md">
        {record.commitments.totals.map((total) => (
          <CommitmentCurrencyTotals key={total.currency} total={total} />
        ))}
      </Stack>
    )
  if (totals.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing was stored from this file, so there are no totals to compare.
      </Text>
    )
  }
  return (
    <Stack gap="md">
      {refused ? (
        <Text size="sm" c="red.8">
          The file was refused because these totals disagree; nothing of it was stored.
        </Text>
      ) : null}
      {totals.map((total) => (
        <CurrencyTotals key={total.currency} total={total} refused={refused} />
      ))}
    </Stack>
  )
}
