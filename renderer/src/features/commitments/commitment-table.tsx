/** One row per commitment discount and currency: its figures, utilization bar, savings and ESR; a figure opens its rows. */
import { Group, Progress, Table, Text } from '@mantine/core'
import type { CommitmentRate } from '../../../../shared/contract'
import { Ratio, percent } from './commitment-totals'
import { FigureButton, Money } from './figure-button'

/** The table of commitments of the period. */
export function CommitmentTable({
  commitments,
  period,
}: {
  commitments: readonly CommitmentRate[]
  period: string
}) {
  if (commitments.length === 0)
    return (
      <Text c="dimmed" data-testid="commitment-table-empty">
        No row of this period carries a CommitmentDiscountId.
      </Text>
    )
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped highlightOnHover data-testid="commitment-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>CommitmentDiscountId</Table.Th>
            <Table.Th>Type, category</Table.Th>
            <Table.Th ta="right">Committed</Table.Th>
            <Table.Th ta="right">Used</Table.Th>
            <Table.Th ta="right">Unused</Table.Th>
            <Table.Th>Utilization</Table.Th>
            <Table.Th ta="right">Savings vs list</Table.Th>
            <Table.Th ta="right">ESR</Table.Th>
            <Table.Th ta="right">Purchases billed</Table.Th>
            <Table.Th>Term</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {commitments.map((c) => (
            <CommitmentRow key={`${c.id}\u0000${c.currency}`} commitment={c} period={period} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function CommitmentRow({ commitment: c, period }: { commitment: CommitmentRate; period: string }) {
  const rows = (figure: 'committed' | 'used' | 'unused' | 'purchases', what: string) => ({
    figure,
    period,
    currency: c.currency,
    commitmentId: c.id,
    title: `${what} · ${c.id} · ${c.currency ?? '(no currency)'} · ${period}`,
  })
  return (
    <Table.Tr data-testid="commitment-row" data-id={c.id}>
      <Table.Td maw={200}>
        <Text size="sm" title={c.id} style={{ overflowWrap: 'anywhere' }}>
          {shortId(c.id)}
        </Text>
      </Table.Td>
      <Table.Td>
        {c.type ?? '—'}
        <Text size="xs" c="dimmed">
          {c.category ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <FigureButton
          rows={rows('committed', 'Committed')}
          value={c.committed}
          testId="row-committed"
        />
      </Table.Td>
      <Table.Td ta="right">
        <FigureButton rows={rows('used', 'Used')} value={c.used} testId="row-used" />
      </Table.Td>
      <Table.Td ta="right">
        <FigureButton rows={rows('unused', 'Unused')} value={c.unused} testId="row-unused" />
      </Table.Td>
      <Table.Td miw={160}>
        <Group gap={6} wrap="nowrap">
          <Progress
            value={percent(c.utilization)}
            w={80}
            size="md"
            color={c.utilization !== null && Number(c.utilization) < 0.8 ? 'orange' : 'teal'}
            aria-label={`Utilization of ${c.id}`}
          />
          <Text size="sm" data-testid="row-utilization">
            <Ratio value={c.utilization} />
          </Text>
        </Group>
        {c.quantityUtilization !== null ? (
          <Text size="xs" c="dimmed">
            <Ratio value={c.quantityUtilization} /> of {c.quantityUnit ?? 'quantity'}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td ta="right">
        {c.savings === null ? '—' : <Money value={c.savings} currency={c.currency} />}
      </Table.Td>
      <Table.Td ta="right">
        <Ratio value={c.effectiveSavingsRate} />
      </Table.Td>
      <Table.Td ta="right">
        <FigureButton
          rows={rows('purchases', 'Purchases billed')}
          value={c.purchasesBilled}
          testId="row-purchases"
        />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="row-term">
        {c.contract ? (
          <>
            {c.contract.term ?? '—'}
            <Text size="xs" c="dimmed">
              ends {c.contract.end?.slice(0, 10) ?? '—'}
            </Text>
          </>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  )
}

/** A long provider id (an Azure resource path) by its last two segments; the whole id is its tooltip. */
export function shortId(id: string): string {
  const parts = id.split('/').filter((p) => p !== '')
  return parts.length > 2 ? `…/${parts.slice(-2).join('/')}` : id
}
