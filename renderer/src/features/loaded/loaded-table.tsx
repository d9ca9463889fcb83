/**
 * The loaded data by billing period × provider × billing account × currency,
 * with exact totals per currency (never one grand total across currencies).
 */
import { Group, Stack, Table, Text } from '@mantine/core'
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

/** One currency's totals: exact decimal sums and the row count. */
interface CurrencyTotal {
  readonly currency: string
  readonly rows: number
  readonly billed: string
  readonly effective: string
}

function totalsByCurrency(rows: readonly LoadedRow[]): CurrencyTotal[] {
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
const NOWRAP = { whiteSpace: 'nowrap' } as const

/** The summary table: every amount carries its currency code, so no separate Currency column. */
export function LoadedTable({ rows }: { rows: readonly LoadedRow[] }) {
  const totals = totalsByCurrency(rows)
  return (
    <Stack gap="sm">
      {/* Fits 1024 px; scrolls sideways only below that. */}
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" striped highlightOnHover data-testid="loaded-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={NOWRAP}>Billing period</Table.Th>
              <Table.Th>Provider</Table.Th>
              <Table.Th style={FLEXIBLE}>Billing account</Table.Th>
              <Table.Th ta="right">Rows</Table.Th>
              <Table.Th ta="right" style={NOWRAP}>
                Billed cost
              </Table.Th>
              <Table.Th ta="right" style={NOWRAP}>
                Effective cost
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => (
              <Table.Tr key={index}>
                <Table.Td style={NOWRAP}>{formatPeriod(row.billingPeriod)}</Table.Td>
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
              <Table.Tr key={total.currency} data-testid={`loaded-sum-${total.currency}`} fw={700}>
                <Table.Td colSpan={3}>Total {total.currency || '(no currency)'}</Table.Td>
                <Table.Td ta="right" className="amount">
                  {total.rows.toLocaleString('en-US')}
                </Table.Td>
                <Table.Td ta="right" data-testid="sum-billed">
                  <Amount value={total.billed} currency={total.currency} />
                </Table.Td>
                <Table.Td ta="right" data-testid="sum-effective">
                  <Amount value={total.effective} currency={total.currency} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <ExactTotals totals={totals} />
    </Stack>
  )
}

/**
 * Every decimal of each currency's totals, for reconciling to the invoice. Outside the table on
 * purpose: an exact total can have 18 decimals, and in a column it would push the table wider
 * than the screen; here the figures wrap as whole figures instead.
 */
function ExactTotals({ totals }: { totals: readonly CurrencyTotal[] }) {
  return (
    <Stack gap={4}>
      {totals.map((total) => (
        <Group
          key={total.currency}
          gap="lg"
          style={{ rowGap: 0 }}
          data-testid={`loaded-total-${total.currency}`}
        >
          <Text size="sm" fw={700}>
            Exact total {total.currency || '(no currency)'}
          </Text>
          <Text size="sm">
            <span className="amount" data-testid="total-rows">
              {total.rows.toLocaleString('en-US')}
            </span>{' '}
            {total.rows === 1 ? 'row' : 'rows'}
          </Text>
          <Text size="sm" data-testid="total-billed">
            Billed cost <Amount value={total.billed} currency={total.currency} exact />
          </Text>
          <Text size="sm" data-testid="total-effective">
            Effective cost <Amount value={total.effective} currency={total.currency} exact />
          </Text>
        </Group>
      ))}
    </Stack>
  )
}
