/**
 * The vendors and contracts entered by hand (edit, delete), the renewals due within the
 * window with their notice deadlines, and the categories holding two or more vendors.
 */
import { Alert, Button, Group, List, Table, Text, Title } from '@mantine/core'
import type { VendorEntry, VendorRegister } from '../../../../shared/contract/vendors'
import { formatMoney } from '../../../../shared/money'
import { useAppStore } from '../../state/store-context'

/** The register's entries, with an edit action per entry. */
export function VendorEntries({
  register,
  onEdit,
}: {
  register: VendorRegister
  onEdit: (entry: VendorEntry) => void
}) {
  const remove = useAppStore((s) => s.deleteVendor)
  if (register.entries.length === 0)
    return (
      <Text c="dimmed" data-testid="vendor-entries-empty">
        No vendors or contracts entered yet: add the SaaS and tools you pay for, or a cloud
        provider&apos;s contract terms.
      </Text>
    )
  return (
    <Table striped data-testid="vendor-entries">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Vendor</Table.Th>
          <Table.Th>Category</Table.Th>
          <Table.Th>Owner</Table.Th>
          <Table.Th>Contract</Table.Th>
          <Table.Th>Renewal</Table.Th>
          <Table.Th ta="right">Annual value</Table.Th>
          <Table.Th>Data held / exit plan</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {register.entries.map((e) => (
          <Table.Tr key={e.id} data-testid="vendor-entry" data-vendor={e.name}>
            <Table.Td>
              {e.name}
              {e.dataName ? (
                <Text size="xs" c="dimmed">{`in the data as ${e.dataName}`}</Text>
              ) : null}
            </Table.Td>
            <Table.Td>{e.category ?? ''}</Table.Td>
            <Table.Td>{e.owner ?? ''}</Table.Td>
            <Table.Td>
              {e.contractStart || e.contractEnd
                ? `${e.contractStart ?? '…'} to ${e.contractEnd ?? '…'}`
                : ''}
            </Table.Td>
            <Table.Td>
              {e.renewalDate ?? ''}
              {e.noticeDays !== null ? (
                <Text size="xs" c="dimmed">{`${e.noticeDays} days' notice`}</Text>
              ) : null}
            </Table.Td>
            <Table.Td ta="right">
              {e.annualValue !== null && e.currency ? formatMoney(e.annualValue, e.currency) : ''}
            </Table.Td>
            <Table.Td>
              <Text size="xs">{e.dataHeld ?? ''}</Text>
              <Text size="xs" c="dimmed">
                {e.exitPlan ?? ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button size="compact-xs" variant="subtle" onClick={() => onEdit(e)}>
                  Edit
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => void remove(e.id)}
                  data-testid="vendor-delete"
                >
                  Delete
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** The renewals due and the overlaps by category. */
export function VendorAlerts({ register }: { register: VendorRegister }) {
  return (
    <Group align="flex-start" grow gap="md">
      <div data-testid="vendor-renewals">
        <Title
          order={5}
        >{`Renewals due from ${register.asOf} to ${register.windowDays} days on`}</Title>
        {register.renewals.length === 0 ? (
          <Text size="sm" c="dimmed">
            None.
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {register.renewals.map((r) => (
              <List.Item key={r.id} data-testid="vendor-renewal">
                {`${r.name}: renews ${r.renewalDate} (in ${r.daysToRenewal} days); `}
                {r.noticeDeadline === null ? (
                  'no notice period entered'
                ) : r.noticePassed ? (
                  <Text
                    span
                    c="red"
                    size="sm"
                  >{`notice deadline ${r.noticeDeadline} has passed`}</Text>
                ) : (
                  `give notice by ${r.noticeDeadline}`
                )}
              </List.Item>
            ))}
          </List>
        )}
      </div>
      <div data-testid="vendor-overlaps">
        <Title order={5}>Overlaps by category</Title>
        {register.overlaps.length === 0 ? (
          <Text size="sm" c="dimmed">
            No category holds two or more vendors.
          </Text>
        ) : (
          register.overlaps.map((o) => (
            <Alert key={o.category} color="yellow" p="xs" mt={4} data-testid="vendor-overlap">
              {`${o.category}: ${o.vendors.join(', ')}`}
            </Alert>
          ))
        )}
      </div>
    </Group>
  )
}
