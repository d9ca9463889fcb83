/**
 * An import's money per currency: what the file holds (read a second time, by header name) beside
 * what Focal stored, every decimal shown, and the difference when they disagree.
 */
import { Badge, Group, Stack, Table, Text } from '@mantine/core'
import type { ImportRecord, ImportTotal } from '../../../../shared/contract'
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

function CurrencyTotals({ total, refused }: { total: ImportTotal; refused: boolean }) {
  const currency = total.currency
  return (
    <Stack gap={4} data-testid={`details-total-${currency}`}>
      <Group gap="xs">
        <Text fw={600}>{currency || '(no currency)'}</Text>
        <Text size="sm" c="dimmed" data-testid="details-rows">
          {total.rows.toLocaleString('en-US')} {total.rows === 1 ? 'row' : 'rows'}{' '}
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
          <Table.Tbody>
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
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  )
}

/** Source against stored totals per currency; BilledCost and EffectiveCost are never added together. */
export function ImportTotals({ record }: { record: ImportRecord }) {
  const { totals, refused } = totalsShown(record)
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
