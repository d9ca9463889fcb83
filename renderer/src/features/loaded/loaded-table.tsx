/**
 * The loaded data by billing period × provider × billing account × currency,
 * with exact totals per currency (never one grand total across currencies).
 */
import { Table, Text } from '@mantine/core'
import type { LoadedRow } from '../../../../shared/contract'
import { sumDecimals } from '../../../../shared/money'
import { Amount } from '../../components/amount'

/** "Sep 2024" for an ISO date or timestamp; the text itself otherwise. */
export function formatPeriod(value: string | null): string {
  if (!value) return '—'
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  // UTC: a billing period starting at midnight UTC must not show as the previous month west of Greenwich.
  return date.toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' })
}

function totalsByCurrency(rows: readonly LoadedRow[]) {
  const currencies = [...new Set(rows.map((row) => row.currency ?? ''))].sort()
  return currencies.map((currency) => {
    const mine = rows.filter((row) => (row.currency ?? '') === currency)
    return {
      currency,
      rows: mine.reduce((sum, row) => sum + row.rows, 0),
      billed: sumDecimals(mine.map((row) => row.billedCost)),
      effective: sumDecimals(mine.map((row) => row.effectiveCost)),
    }
  })
}

/** The summary table. */
export function LoadedTable({ rows }: { rows: readonly LoadedRow[] }) {
  const totals = totalsByCurrency(rows)
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="xs" striped highlightOnHover data-testid="loaded-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Billing period</Table.Th>
            <Table.Th>Provider</Table.Th>
            <Table.Th>Billing account</Table.Th>
            <Table.Th>Currency</Table.Th>
            <Table.Th ta="right">Rows</Table.Th>
            <Table.Th ta="right">Billed cost</Table.Th>
            <Table.Th ta="right">Effective cost</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={index}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatPeriod(row.billingPeriod)}
              </Table.Td>
              <Table.Td>{row.provider ?? '—'}</Table.Td>
              <Table.Td maw={300}>
                <Text
                  size="sm"
                  truncate
                  title={row.billingAccountName ?? row.billingAccountId ?? undefined}
                >
                  {row.billingAccountName ?? row.billingAccountId ?? '—'}
                </Text>
                {row.billingAccountName && row.billingAccountId ? (
                  <Text size="xs" c="dimmed" ff="monospace" truncate title={row.billingAccountId}>
                    {row.billingAccountId}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{row.currency ?? '—'}</Table.Td>
              <Table.Td ta="right" className="amount">
                {row.rows.toLocaleString('en-US')}
              </Table.Td>
              <Table.Td ta="right">
                <Amount value={row.billedCost} currency={row.currency ?? ''} />
              </Table.Td>
              <Table.Td ta="right">
                <Amount value={row.effectiveCost} currency={row.currency ?? ''} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          {totals.map((total) => (
            <Table.Tr key={total.currency} data-testid={`loaded-total-${total.currency}`} fw={700}>
              <Table.Td colSpan={3}>Total {total.currency} (exact)</Table.Td>
              <Table.Td>{total.currency}</Table.Td>
              <Table.Td ta="right" className="amount" data-testid="total-rows">
                {total.rows.toLocaleString('en-US')}
              </Table.Td>
              <Table.Td ta="right" data-testid="total-billed">
                <Amount value={total.billed} currency={total.currency} exact />
              </Table.Td>
              <Table.Td ta="right" data-testid="total-effective">
                <Amount value={total.effective} currency={total.currency} exact />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  )
}
