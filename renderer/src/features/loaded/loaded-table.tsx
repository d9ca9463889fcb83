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

/**
 * Lets the billing account column take what the other columns leave and cut its text with an
 * ellipsis: a nowrap cell otherwise claims its whole text width and pushes the money columns
 * out of sight (a zero max-width cell in an auto-layout table shrinks to the space left).
 */
const FLEXIBLE = { width: '100%', maxWidth: 0, minWidth: 96 } as const

/** The summary table: every amount carries its currency code, so no separate Currency column. */
export function LoadedTable({ rows }: { rows: readonly LoadedRow[] }) {
  const totals = totalsByCurrency(rows)
  return (
    // Fits 1024 px; scrolls sideways only below that (or for very long exact totals).
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" striped highlightOnHover data-testid="loaded-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Billing period</Table.Th>
            <Table.Th>Provider</Table.Th>
            <Table.Th style={FLEXIBLE}>Billing account</Table.Th>
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
              <Table.Td style={FLEXIBLE}>
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
              <Table.Td colSpan={3}>Total {total.currency || '(no currency)'} (exact)</Table.Td>
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
