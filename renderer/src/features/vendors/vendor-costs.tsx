/**
 * The vendors the data names: per vendor, role, billing period and currency, the BilledCost
 * and EffectiveCost, each opening its rows. A row counts under each role it names the vendor
 * in (a marketplace listing: one provides, another publishes, a third invoices), so the
 * roles of one vendor are never added together.
 */
import { Badge, Table, Text, UnstyledButton } from '@mantine/core'
import type { VendorRegister } from '../../../../shared/contract/vendors'
import { formatMoney } from '../../../../shared/money'
import { vendorRowsRequest } from '../../../../shared/vendors/rows-request'
import { useAppStore } from '../../state/store-context'

const ROLE = { provider: 'Provider', publisher: 'Publisher', invoiceIssuer: 'Invoice issuer' }

/** The table of the data's vendors and their cost. */
export function VendorCosts({ register }: { register: VendorRegister }) {
  const openRows = useAppStore((s) => s.openRows)
  if (register.costs.length === 0)
    return (
      <Text c="dimmed" data-testid="vendor-costs-empty">
        No vendors in the data yet: import billing data.
      </Text>
    )
  const entered = new Set(register.entries.map((e) => e.dataName).filter((n) => n !== null))
  return (
    <Table striped highlightOnHover data-testid="vendor-costs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Vendor</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>Billing period</Table.Th>
          <Table.Th ta="right">BilledCost</Table.Th>
          <Table.Th ta="right">EffectiveCost</Table.Th>
          <Table.Th ta="right">Rows</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {register.costs.map((c) => {
          const figure = (value: string, metric: string, testId: string) => (
            <UnstyledButton
              onClick={() =>
                openRows(
                  `${c.name} (${ROLE[c.role].toLowerCase()}), ${c.period}, ${c.currency}`,
                  vendorRowsRequest(c),
                )
              }
              title={`${metric} ${value} ${c.currency}; show the rows`}
              style={{ textDecoration: 'underline dotted' }}
              data-testid={testId}
              data-value={value}
            >
              {formatMoney(value, c.currency)}
            </UnstyledButton>
          )
          return (
            <Table.Tr
              key={`${c.name}|${c.role}|${c.period}|${c.currency}`}
              data-testid="vendor-cost-row"
              data-vendor={c.name}
              data-role={c.role}
            >
              <Table.Td>
                {c.name}{' '}
                {entered.has(c.name) ? (
                  <Badge size="xs" variant="light">
                    in register
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{ROLE[c.role]}</Table.Td>
              <Table.Td>{c.period}</Table.Td>
              <Table.Td ta="right">{figure(c.billedCost, 'BilledCost', 'vendor-billed')}</Table.Td>
              <Table.Td ta="right">
                {figure(c.effectiveCost, 'EffectiveCost', 'vendor-effective')}
              </Table.Td>
              <Table.Td ta="right">{c.rows}</Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
