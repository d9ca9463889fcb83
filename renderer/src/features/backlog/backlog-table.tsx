/** The backlog by priority (expected monthly savings ÷ effort), open items first, with each done item's realized savings. */
import { Anchor, Badge, Button, Table, Text } from '@mantine/core'
import type { BacklogItem, Realized } from '../../../../shared/contract/backlog'
import { Amount } from '../../components/amount'
import { useAppStore } from '../../state/store-context'
import { useEditLock } from '../presentation/edit-lock'
import { evidenceRowsRequest } from './rows-request'
import { scopeText } from './scope-text'

const STATUS_COLORS: Readonly<Record<BacklogItem['status'], string>> = {
  proposed: 'gray',
  accepted: 'blue',
  'in progress': 'yellow',
  done: 'green',
  rejected: 'red',
}

/** The items table; `onEdit` opens an item's form. */
export function BacklogTable({
  items,
  realized,
  onEdit,
}: {
  items: readonly BacklogItem[]
  realized: Realized | null
  onEdit: (item: BacklogItem) => void
}) {
  const lock = useEditLock()
  if (items.length === 0)
    return (
      <Text c="dimmed" data-testid="backlog-empty">
        The backlog is empty: accept a candidate below or add an item.
      </Text>
    )
  const measured = new Map((realized?.items ?? []).map((i) => [i.id, i]))
  return (
    <Table striped withTableBorder data-testid="backlog-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th ta="right">Priority</Table.Th>
          <Table.Th>Item</Table.Th>
          <Table.Th>Owner</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th ta="right">Expected / month</Table.Th>
          <Table.Th ta="right">Effort</Table.Th>
          <Table.Th>Risk</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th ta="right">Realized / month</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id} data-testid="backlog-item" data-id={item.id}>
            <Table.Td ta="right">
              <Amount value={item.priority} currency={item.currency} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={500} data-testid="backlog-item-title">
                {item.title}
              </Text>
              <Text size="xs" c="dimmed">
                #{item.id}
                {item.source ? ' · from a candidate' : ''} · <ScopeLink item={item} />
              </Text>
            </Table.Td>
            <Table.Td>{item.owner}</Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLORS[item.status]} variant="light">
                {item.status}
              </Badge>
            </Table.Td>
            <Table.Td ta="right">
              <Amount value={item.expectedMonthlySavings} currency={item.currency} />
            </Table.Td>
            <Table.Td ta="right">{item.effort}</Table.Td>
            <Table.Td>{item.risk}</Table.Td>
            <Table.Td>{item.dueDate ?? ''}</Table.Td>
            <Table.Td ta="right">
              {(measured.get(item.id)?.figures ?? []).map((f) => (
                <div key={f.currency}>
                  <Amount value={f.realizedMonthly} currency={f.currency} />
                </div>
              ))}
            </Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => onEdit(item)}
                data-testid="backlog-edit"
                {...lock()}
              >
                Edit
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** The item's scope in words; a click opens all its rows (a saved view's filters read from the list of views). */
function ScopeLink({ item }: { item: BacklogItem }) {
  const openRows = useAppStore((s) => s.openRows)
  const views = useAppStore((s) => s.views.list)
  const { scope } = item
  const view = scope.kind === 'view' ? views.find((v) => v.name === scope.view) : null
  const filters =
    scope.kind === 'filter'
      ? scope
      : view
        ? { filters: view.spec.filters, conditions: view.spec.conditions ?? [] }
        : null
  if (!filters) return <span>{scopeText(scope)}</span>
  const rows = { ...filters, dateRange: { start: null, end: null } }
  return (
    <Anchor
      component="button"
      size="xs"
      title="Show the rows of this item's scope"
      onClick={() => openRows(`${item.title}: scope`, evidenceRowsRequest(rows))}
      data-testid="backlog-scope"
    >
      {scopeText(scope)}
    </Anchor>
  )
}
